package org.poltwt.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs calls on several threads released at once, for the contracts' concurrency tests: the more
 * the calls overlap, the likelier a store that is not atomic shows it.
 */
final class Racers {
  /** How long one racer may take before the test fails as hung (not a timing assertion). */
  private static final long HUNG_SECONDS = 120;

  private Racers() {}

  /**
   * Runs {@code racers} calls at once and gathers what they returned.
   *
   * @param racers how many threads
   * @param call the call of each racer, by its number from 0
   * @return every racer's result, in racer order
   * @throws Exception whatever a racer threw
   */
  static <T> List<T> race(int racers, IntFunction<Callable<T>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch ready = new CountDownLatch(racers);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        Callable<T> c = call.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return c.call();
                }));
      }
      ready.await();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(HUNG_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}

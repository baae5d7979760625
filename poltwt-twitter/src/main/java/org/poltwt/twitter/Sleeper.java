package org.poltwt.twitter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. The client never sleeps on its own: it asks a sleeper, so tests can stand in one that only
 * moves a test clock forward, and no test sleeps for real.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for a duration.
   *
   * @param duration how long, positive
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns the sleeper that blocks the calling thread.
   *
   * @return a sleeper on {@link TimeUnit#sleep(long)}
   */
  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}

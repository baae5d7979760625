package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RateWindow;

/**
 * What every {@link RateLimitStore} must do: fixed windows that begin at a key's first attempt and
 * again at the first attempt after their end, reads that do not count, forgetting and purging, and
 * exact counts under concurrency. Extend it with {@link #newStore()}.
 */
public abstract class RateLimitStoreContract {
  /** The first attempt in each test. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** The window of these tests. */
  protected static final Duration WINDOW = Duration.ofMinutes(1);

  /** How many threads hit one key at once. */
  public static final int RACERS = 8;

  /** How many times each of them hits it. */
  public static final int HITS_EACH = 50;

  /** The store under test, new for each test. */
  protected RateLimitStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract RateLimitStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  /** A key's first attempt begins its window. */
  @Test
  public void theFirstAttemptBeginsAWindow() {
    assertThat(store.hit("signup:address:198.51.100.4", T0, WINDOW))
        .isEqualTo(new RateWindow("signup:address:198.51.100.4", 1, T0, T0));
  }

  /** Attempts within the window count on, from the window's start; the last is the latest. */
  @Test
  public void attemptsWithinTheWindowCount() {
    Instant lastMoment = T0.plus(WINDOW).minusNanos(1_000);
    store.hit("k", T0, WINDOW);
    store.hit("k", T0.plusSeconds(10), WINDOW);

    assertThat(store.hit("k", lastMoment, WINDOW))
        .isEqualTo(new RateWindow("k", 3, T0, lastMoment));
  }

  /** The first attempt at or after the window's end begins a new window, counted from 1. */
  @Test
  public void theWindowRestartsAtItsEnd() {
    store.hit("k", T0, WINDOW);
    store.hit("k", T0.plusSeconds(30), WINDOW);

    Instant end = T0.plus(WINDOW);
    assertThat(store.hit("k", end, WINDOW)).isEqualTo(new RateWindow("k", 1, end, end));
    assertThat(store.hit("k", end.plusSeconds(1), WINDOW))
        .isEqualTo(new RateWindow("k", 2, end, end.plusSeconds(1)));
  }

  /** An attempt reported with an earlier time (another instance's clock) keeps the latest last. */
  @Test
  public void anEarlierTimedAttemptCountsAndKeepsTheLatestLast() {
    store.hit("k", T0.plusSeconds(10), WINDOW);

    assertThat(store.hit("k", T0.plusSeconds(5), WINDOW))
        .isEqualTo(new RateWindow("k", 2, T0.plusSeconds(10), T0.plusSeconds(10)));
  }

  /** Reading a window does not count, and a window that ended reads as none. */
  @Test
  public void findReadsWithoutCounting() {
    store.hit("k", T0, WINDOW);
    RateWindow two = store.hit("k", T0.plusSeconds(1), WINDOW);

    assertThat(store.find("k", T0.plusSeconds(2), WINDOW)).hasValue(two);
    assertThat(store.find("k", T0.plusSeconds(2), WINDOW)).hasValue(two);
    assertThat(store.find("k", T0.plus(WINDOW).minusNanos(1_000), WINDOW)).hasValue(two);
    assertThat(store.find("k", T0.plus(WINDOW), WINDOW)).isEmpty();
    assertThat(store.find("other", T0, WINDOW)).isEmpty();
    assertThat(store.hit("k", T0.plusSeconds(3), WINDOW).count()).isEqualTo(3);
  }

  /** A window is judged by the length the caller gives, at each call. */
  @Test
  public void theWindowLengthIsTheCallers() {
    store.hit("k", T0, WINDOW);

    assertThat(store.find("k", T0.plusSeconds(90), WINDOW.multipliedBy(2))).isPresent();
    assertThat(store.hit("k", T0.plusSeconds(90), WINDOW.multipliedBy(2)).count()).isEqualTo(2);
    // A window reaching back before the year 1 still holds every attempt since its start.
    assertThat(store.hit("k", T0.plusSeconds(100), Duration.ofDays(1_000_000)).count())
        .isEqualTo(3);
  }

  /** Keys are counted apart. */
  @Test
  public void keysAreCountedApart() {
    store.hit("a", T0, WINDOW);
    store.hit("a", T0, WINDOW);

    assertThat(store.hit("b", T0, WINDOW).count()).isEqualTo(1);
    assertThat(store.find("a", T0, WINDOW).orElseThrow().count()).isEqualTo(2);
  }

  /** Clearing forgets a key, so its next attempt begins a new window; an unknown key is a no-op. */
  @Test
  public void clearForgetsAKey() {
    store.hit("login:account:ana", T0, WINDOW);
    store.hit("login:account:ana", T0.plusSeconds(1), WINDOW);

    store.clear("login:account:ana");
    store.clear("login:account:ana");
    store.clear("unknown");

    assertThat(store.find("login:account:ana", T0.plusSeconds(2), WINDOW)).isEmpty();
    assertThat(store.hit("login:account:ana", T0.plusSeconds(2), WINDOW))
        .isEqualTo(new RateWindow("login:account:ana", 1, T0.plusSeconds(2), T0.plusSeconds(2)));
  }

  /** Purging deletes and counts the windows whose latest attempt is before the time, only. */
  @Test
  public void purgeDeletesWindowsLastHitBeforeTheTime() {
    store.hit("old", T0, WINDOW);
    store.hit("recent", T0, WINDOW);
    store.hit("recent", T0.plusSeconds(30), WINDOW);

    assertThat(store.purge(T0.plusSeconds(30))).isEqualTo(1);
    assertThat(store.purge(T0.plusSeconds(30))).isZero();
    assertThat(store.find("old", T0.plusSeconds(31), WINDOW)).isEmpty();
    assertThat(store.find("recent", T0.plusSeconds(31), WINDOW).orElseThrow().count()).isEqualTo(2);
    assertThat(store.hit("old", T0.plusSeconds(31), WINDOW).count()).isEqualTo(1);
  }

  /** Malformed keys and windows that are not positive are refused, and nothing is counted. */
  @Test
  public void malformedArgumentsAreRefused() {
    for (String key : List.of("", "has space", "ünicode", "tab\there", "x".repeat(201))) {
      assertThatThrownBy(() -> store.hit(key, T0, WINDOW))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.hit("k", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.hit("k", T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.find("k", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.find("k", T0, WINDOW)).isEmpty();
    assertThat(store.hit("x".repeat(200), T0, WINDOW).count()).isEqualTo(1);
  }

  /** Null arguments are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.hit(null, T0, WINDOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.hit("k", null, WINDOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.hit("k", T0, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null, T0, WINDOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find("k", null, WINDOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find("k", T0, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.clear(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.purge(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * {@value #RACERS} threads hitting one key {@value #HITS_EACH} times each get every count from 1
   * to their total exactly once.
   *
   * @throws Exception if a hit failed
   */
  @Test
  public void concurrentHitsAreCountedExactly() throws Exception {
    assertThat(countsOfConcurrentHits(store, store, "signup:address:203.0.113.9"))
        .containsExactlyElementsOf(expectedCounts());
  }

  /**
   * The counts {@link #countsOfConcurrentHits} must return: 1 to {@value #RACERS} × {@value
   * #HITS_EACH}.
   *
   * @return the counts in order
   */
  protected static List<Long> expectedCounts() {
    return LongStream.rangeClosed(1, (long) RACERS * HITS_EACH).boxed().toList();
  }

  /**
   * Has {@value #RACERS} threads, alternating between two stores, hit one key {@value #HITS_EACH}
   * times each within one window.
   *
   * @param a one store
   * @param b another store on the same data (or the same store)
   * @param key the key
   * @return every count returned, sorted
   * @throws Exception if a hit failed
   */
  protected static List<Long> countsOfConcurrentHits(RateLimitStore a, RateLimitStore b, String key)
      throws Exception {
    List<List<Long>> perRacer =
        Racers.race(
            RACERS,
            i ->
                () -> {
                  RateLimitStore racer = i % 2 == 0 ? a : b;
                  List<Long> counts = new ArrayList<>();
                  for (int h = 0; h < HITS_EACH; h++) {
                    counts.add(racer.hit(key, T0.plusMillis(h), WINDOW).count());
                  }
                  return counts;
                });
    return perRacer.stream().flatMap(List::stream).sorted().toList();
  }
}

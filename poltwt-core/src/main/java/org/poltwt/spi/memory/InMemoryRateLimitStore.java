package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RateWindow;

/** A {@link RateLimitStore} in a map: one process's counts. Thread-safe. */
public final class InMemoryRateLimitStore implements RateLimitStore {
  private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryRateLimitStore() {}

  @Override
  public RateWindow hit(String key, Instant now, Duration window) {
    requireNonNull(now, "now");
    checkWindow(window);
    requireNonNull(key, "key");
    return windows.compute(
        key,
        (k, w) ->
            w == null || !now.isBefore(w.start().plus(window))
                ? new RateWindow(k, 1, now, now)
                : new RateWindow(k, w.count() + 1, w.start(), max(w.last(), now)));
  }

  @Override
  public Optional<RateWindow> find(String key, Instant now, Duration window) {
    requireNonNull(now, "now");
    checkWindow(window);
    RateWindow w = windows.get(requireNonNull(key, "key"));
    return w != null && now.isBefore(w.start().plus(window)) ? Optional.of(w) : Optional.empty();
  }

  @Override
  public void clear(String key) {
    windows.remove(requireNonNull(key, "key"));
  }

  @Override
  public int purge(Instant before) {
    requireNonNull(before, "before");
    int[] n = {0};
    windows.values().removeIf(w -> w.last().isBefore(before) && ++n[0] > 0);
    return n[0];
  }

  private static void checkWindow(Duration window) {
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window: must be positive");
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Describes the store.
   *
   * @return the number of keys
   */
  @Override
  public String toString() {
    return "InMemoryRateLimitStore[" + windows.size() + " keys]";
  }
}

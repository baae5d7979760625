package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * How many attempts one key (an action and its target: an address, a handle, an account) made in
 * its current window.
 *
 * @param key the key
 * @param count the attempts in the window, at least 1
 * @param start when the window began: its first attempt
 * @param last the latest attempt, not before {@code start}
 */
public record RateWindow(String key, long count, Instant start, Instant last) {
  /**
   * Validates the parts.
   *
   * @param key the key
   * @param count the attempts
   * @param start the window's first attempt
   * @param last the latest attempt
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the key is not 1 to 200 printable ASCII characters without
   *     spaces, the count is below 1, or {@code last} is before {@code start}
   */
  public RateWindow {
    requireNonNull(key, "key");
    requireNonNull(start, "start");
    requireNonNull(last, "last");
    Hashes.requireKey(key, "key");
    if (count < 1) {
      throw new IllegalArgumentException("count: at least 1");
    }
    if (last.isBefore(start)) {
      throw new IllegalArgumentException("last: not before start");
    }
  }
}

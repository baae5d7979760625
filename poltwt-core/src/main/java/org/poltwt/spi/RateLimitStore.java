package org.poltwt.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts attempts per key in fixed windows, where every instance of a site counts into the same
 * number, so two instances do not double a limit. A window begins at a key's first attempt and
 * lasts its length; the first attempt after it begins a new one. Implementations are thread-safe
 * and count concurrent attempts exactly: of {@code n} concurrent hits on a fresh key, the counts
 * returned are 1 to {@code n}, each once.
 */
public interface RateLimitStore {
  /**
   * Counts one attempt.
   *
   * @param key what is counted: printable ASCII without spaces, 1 to 200 characters
   * @param now the attempt's time
   * @param window how long a window lasts, positive
   * @return the window with this attempt counted
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is malformed or the window not positive
   */
  RateWindow hit(String key, Instant now, Duration window);

  /**
   * Reads a key's window without counting.
   *
   * @param key the key
   * @param now the time
   * @param window how long a window lasts, positive
   * @return the window, or empty when the key has none still open at {@code now}
   * @throws NullPointerException if an argument is null
   */
  Optional<RateWindow> find(String key, Instant now, Duration window);

  /**
   * Forgets a key: after a successful log-in, its failures.
   *
   * @param key the key
   * @throws NullPointerException if {@code key} is null
   */
  void clear(String key);

  /**
   * Deletes the windows whose latest attempt is before a time.
   *
   * @param before the time
   * @return how many were deleted
   * @throws NullPointerException if {@code before} is null
   */
  int purge(Instant before);
}

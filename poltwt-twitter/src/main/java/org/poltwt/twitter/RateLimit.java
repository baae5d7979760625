package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An endpoint's rate-limit window as the X API last reported it in the {@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} headers.
 *
 * @param limit how many requests the window allows
 * @param remaining how many are left in the current window
 * @param reset when the window resets (the header gives epoch seconds)
 */
public record RateLimit(int limit, int remaining, Instant reset) {
  /**
   * Validates the window.
   *
   * @param limit how many requests the window allows, at least 0
   * @param remaining how many are left, at least 0
   * @param reset when the window resets
   */
  public RateLimit {
    if (limit < 0) {
      throw new IllegalArgumentException("limit: must be at least 0");
    }
    if (remaining < 0) {
      throw new IllegalArgumentException("remaining: must be at least 0");
    }
    requireNonNull(reset, "reset");
  }

  /**
   * Whether the window is used up at an instant: nothing remains and the reset is still ahead.
   *
   * @param now the instant to ask about
   * @return true if a request now would be refused with 429
   */
  public boolean exhaustedAt(Instant now) {
    return remaining == 0 && reset.isAfter(now);
  }
}

package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a harvest stands, as a {@link HarvestListener} hears it.
 *
 * @param edition the edition's number
 * @param event what just happened
 * @param pages how many pages this harvest has fetched so far
 * @param tweets how many distinct tweets those pages held
 * @param stored how many of them were new to the {@link org.poltwt.spi.TweetStore} (0 without one)
 * @param rateLimit the search endpoint's rate-limit window as last reported; its {@link
 *     RateLimit#reset()} is the next reset
 * @param waitingUntil for {@link Event#WAITING}, the reset the harvest waits for
 */
public record HarvestProgress(
    int edition,
    Event event,
    int pages,
    long tweets,
    long stored,
    Optional<RateLimit> rateLimit,
    Optional<Instant> waitingUntil) {

  /** What a progress report is about. */
  public enum Event {
    /** A page was fetched (and stored). */
    PAGE,
    /** The rate limit was reached; the harvest waits until {@code waitingUntil}. */
    WAITING,
    /** The last page was read: the harvest is complete. */
    FINISHED
  }

  /**
   * Validates the report.
   *
   * @param edition the edition's number
   * @param event what just happened
   * @param pages pages fetched, at least 0
   * @param tweets distinct tweets, at least 0
   * @param stored tweets new to the store, at least 0
   * @param rateLimit the last rate-limit window
   * @param waitingUntil the reset waited for
   */
  public HarvestProgress {
    requireNonNull(event, "event");
    requireNonNull(rateLimit, "rateLimit");
    requireNonNull(waitingUntil, "waitingUntil");
    if (pages < 0 || tweets < 0 || stored < 0) {
      throw new IllegalArgumentException("pages, tweets, stored: must be at least 0");
    }
  }
}

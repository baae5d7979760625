package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a harvest stands, as a {@link HarvestListener} hears it.
 *
 * @param edition the edition's number
 * @param event what just happened
 * @param pages how many pages this harvest has fetched so far
 * @param tweets how many distinct tweets those pages held
 * @param stored how many of them were new to the {@link org.poltwt.spi.TweetStore} (0 without one)
 * @param postsRead how many posts this run has read from the API (X bills each one), repeats across
 *     pages included; never more than {@code maxPosts}
 * @param maxPosts the run's read budget ({@link XApiTweetSource.Builder#maxPosts(long)}), or empty
 *     when it has none
 * @param rateLimit the search endpoint's rate-limit window as last reported; its {@link
 *     RateLimit#reset()} is the next reset
 * @param waitingUntil for {@link Event#WAITING}, the reset the harvest waits for
 * @param waitingLeft for {@link Event#WAITING}, the time left until that reset; reported again at
 *     least every second while the harvest waits, so it counts down
 */
public record HarvestProgress(
    int edition,
    Event event,
    int pages,
    long tweets,
    long stored,
    long postsRead,
    OptionalLong maxPosts,
    Optional<RateLimit> rateLimit,
    Optional<Instant> waitingUntil,
    Optional<Duration> waitingLeft) {

  /** What a progress report is about. */
  public enum Event {
    /** A page was fetched (and stored). */
    PAGE,
    /**
     * The rate limit was reached; the harvest waits until {@code waitingUntil}, {@code waitingLeft}
     * from now. Heard again as the time left counts down.
     */
    WAITING,
    /** The last page was read: the harvest is complete and its checkpoint cleared. */
    FINISHED,
    /**
     * The run stopped before reading past its read budget: its checkpoint stays, and the next run
     * resumes where it stopped.
     */
    BUDGET_REACHED,
    /**
     * X answered that the app's or project's cap on posts read is used up ({@link
     * XApiException.Reason#USAGE_CAPPED}): the run stopped, its checkpoint stays, and a run after
     * the cap resets resumes where it stopped.
     */
    USAGE_CAPPED;

    /**
     * Whether this is the last report of a run.
     *
     * @return true for {@link #FINISHED}, {@link #BUDGET_REACHED} and {@link #USAGE_CAPPED}
     */
    public boolean ends() {
      return this == FINISHED || this == BUDGET_REACHED || this == USAGE_CAPPED;
    }
  }

  /**
   * Validates the report.
   *
   * @param edition the edition's number
   * @param event what just happened
   * @param pages pages fetched, at least 0
   * @param tweets distinct tweets, at least 0
   * @param stored tweets new to the store, at least 0
   * @param postsRead posts read, at least 0 and at most {@code maxPosts}
   * @param maxPosts the read budget, positive when present
   * @param rateLimit the last rate-limit window
   * @param waitingUntil the reset waited for
   * @param waitingLeft the time left until it, not negative
   */
  public HarvestProgress {
    requireNonNull(event, "event");
    requireNonNull(maxPosts, "maxPosts");
    requireNonNull(rateLimit, "rateLimit");
    requireNonNull(waitingUntil, "waitingUntil");
    requireNonNull(waitingLeft, "waitingLeft");
    if (pages < 0 || tweets < 0 || stored < 0 || postsRead < 0) {
      throw new IllegalArgumentException("pages, tweets, stored, postsRead: must be at least 0");
    }
    if (maxPosts.isPresent() && (maxPosts.getAsLong() < 1 || postsRead > maxPosts.getAsLong())) {
      throw new IllegalArgumentException("maxPosts: must be positive and at least postsRead");
    }
    if (waitingLeft.isPresent() && waitingLeft.get().isNegative()) {
      throw new IllegalArgumentException("waitingLeft: must not be negative");
    }
  }
}

package org.poltwt.live;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.poltwt.internal.TweetIds;
import org.poltwt.tweet.Tweet;

/**
 * The posts of an edition counted as they arrive, for one {@link LiveBoard}: totals, the creation
 * times of the last minutes, and the latest posts the strip shows. It holds counts and a few
 * minutes of times, never the edition's posts, so its size does not grow with the edition.
 *
 * <p>Give it each post once, in any order: the strip keeps the latest by id. The board asks it
 * about instants that move forward: it forgets creation times more than two minutes before the
 * latest instant asked about, so it can answer for any instant up to a minute before that one.
 *
 * <p>Thread-safe: one lock guards all.
 */
public final class PostTally {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final LiveBoard board;
  private final int latest;
  private final TreeMap<String, LivePost> shown = new TreeMap<>(TweetIds.NUMERIC);
  private final TreeMap<Instant, Integer> recent = new TreeMap<>();
  private long total;
  private long compliant;
  private long hidden;
  private Instant horizon = Instant.MIN;

  PostTally(LiveBoard board, int latest) {
    this.board = board;
    this.latest = latest;
  }

  LiveBoard board() {
    return board;
  }

  /**
   * Counts a post.
   *
   * @param tweet the post, not given before
   * @return the post as the strip shows it, or empty if the strip leaves it out (its author is not
   *     registered and the board does not show such posts, or the strip is full of newer posts)
   * @throws NullPointerException if {@code tweet} is null
   */
  public synchronized Optional<LivePost> add(Tweet tweet) {
    requireNonNull(tweet, "tweet");
    LivePost post = board.postOf(tweet);
    total++;
    compliant += post.compliant() ? 1 : 0;
    // A post created long before the latest instant asked about counts in no last minute still
    // asked about: only its totals count.
    if (horizon.equals(Instant.MIN)
        || !tweet.createdAt().isBefore(horizon.minus(MINUTE.multipliedBy(2)))) {
      recent.merge(tweet.createdAt(), 1, Integer::sum);
    }
    if (!post.registered() && !board.showsUnregistered()) {
      hidden++;
      return Optional.empty();
    }
    // By id, not by arrival: a harvest stores a page of older posts after a newer page.
    shown.put(post.id(), post);
    if (shown.size() > latest && shown.pollFirstEntry().getValue() == post) {
      return Optional.empty();
    }
    return Optional.of(post);
  }

  /**
   * How many posts were counted.
   *
   * @return the total
   */
  public synchronized long total() {
    return total;
  }

  /** The counts at an instant, for {@link LiveBoard#stateAt}. */
  synchronized Snapshot snapshot(Instant at) {
    if (!horizon.equals(Instant.MIN) && at.isBefore(horizon.minus(MINUTE))) {
      throw new IllegalArgumentException(
          "at: " + at + " is more than a minute before " + horizon + ", asked about already");
    }
    if (at.isAfter(horizon)) {
      horizon = at;
      recent.headMap(horizon.minus(MINUTE.multipliedBy(2))).clear();
    }
    long lastMinute = 0;
    for (Map.Entry<Instant, Integer> e :
        recent.subMap(at.minus(MINUTE), true, at, false).entrySet()) {
      lastMinute += e.getValue();
    }
    List<LivePost> newestFirst = new ArrayList<>(shown.descendingMap().values());
    return new Snapshot(total, lastMinute, compliant, hidden, newestFirst);
  }

  /** The tally's counts at one instant. */
  record Snapshot(
      long total, long lastMinute, long compliant, long hidden, List<LivePost> latest) {}

  @Override
  public synchronized String toString() {
    return "PostTally[total=" + total + ", compliant=" + compliant + ", hidden=" + hidden + "]";
  }
}

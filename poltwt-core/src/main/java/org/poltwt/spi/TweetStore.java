package org.poltwt.spi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.poltwt.tweet.Tweet;

/**
 * Keeps harvested tweets per edition. Storing a tweet is an upsert by its id, so a harvest that is
 * resumed or repeated never duplicates a tweet. Implementations are thread-safe.
 */
public interface TweetStore {
  /**
   * Stores a tweet of an edition, replacing a stored tweet with the same id.
   *
   * @param edition the edition's number
   * @param tweet the tweet
   * @return true if the tweet was new
   */
  boolean upsert(int edition, Tweet tweet);

  /**
   * Stores many tweets of an edition at once, as {@link #upsert(int, Tweet)} does one by one.
   *
   * @param edition the edition's number
   * @param tweets the tweets
   * @return how many were new
   */
  default int upsertAll(int edition, Collection<Tweet> tweets) {
    int added = 0;
    for (Tweet t : tweets) {
      added += upsert(edition, t) ? 1 : 0;
    }
    return added;
  }

  /**
   * Finds a tweet by id.
   *
   * @param id the tweet's id
   * @return the tweet, or empty
   */
  Optional<Tweet> find(String id);

  /**
   * Returns the id of the newest tweet stored for an edition (ids grow with time), so a harvest can
   * resume after it.
   *
   * @param edition the edition's number
   * @return the largest id, or empty if none is stored
   */
  Optional<String> newestId(int edition);

  /**
   * Lists matching tweets ordered by creation time, then id (numerically).
   *
   * @param query which tweets
   * @param offset how many matches to skip, at least 0
   * @param limit the most to return, at least 1
   * @return the page
   */
  List<Tweet> list(TweetQuery query, int offset, int limit);

  /**
   * Lists an edition's tweets whose ids are numerically greater than a given one, in increasing id
   * order: what a live feed reads each time it polls, from the last id it saw. Ids grow with time,
   * so this is roughly the order tweets were posted in, and a reader that keeps the largest id it
   * has seen never reads a tweet twice.
   *
   * @param edition the edition's number
   * @param afterId the largest id already seen (a decimal number), or empty to start from the
   *     smallest
   * @param limit the most to return, at least 1
   * @return the tweets, smallest id first
   * @throws IllegalArgumentException if {@code limit} is below 1 or {@code afterId} is not a
   *     decimal number
   */
  List<Tweet> listAfterId(int edition, Optional<String> afterId, int limit);

  /**
   * Counts matching tweets.
   *
   * @param query which tweets
   * @return the count
   */
  long count(TweetQuery query);
}

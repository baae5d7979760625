package org.poltwt.tweet;

import static java.util.Objects.requireNonNull;

import org.poltwt.internal.TweetIds;

/**
 * A tweet another tweet refers to.
 *
 * @param type how it is referred to
 * @param id the referred tweet's id
 */
public record ReferencedTweet(Type type, String id) {
  /** How a tweet refers to another, in the X API's words. */
  public enum Type {
    /** A retweet of the other tweet ({@code retweeted}). */
    RETWEETED,
    /** A quote of the other tweet ({@code quoted}). */
    QUOTED,
    /** A reply to the other tweet ({@code replied_to}). */
    REPLIED_TO
  }

  /**
   * Validates the reference.
   *
   * @param type how it is referred to
   * @param id the referred tweet's numeric id
   */
  public ReferencedTweet {
    requireNonNull(type, "type");
    TweetIds.require("referencedTweets.id", id);
  }
}

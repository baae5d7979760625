package org.poltwt.spi;

/** Posts composed tweets, at most once per idempotency key, even across timeouts and restarts. */
public interface TweetPublisher {
  /**
   * Posts a tweet unless the key was posted before.
   *
   * @param idempotencyKey the caller's stable key for this post, e.g. {@code "edition-6/call/4711"}
   * @param text the tweet's text
   * @return what was posted
   * @throws org.poltwt.PoltwtException if it was not posted; retrying with the same key is safe
   */
  PublishedTweet publish(String idempotencyKey, String text);
}

package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of {@link TweetPublisher#publish(String, String)}.
 *
 * @param idempotencyKey the caller's key
 * @param tweetId the posted tweet's id, when known
 * @param alreadyPosted true if an earlier call (or the platform's duplicate check) had posted it
 */
public record PublishedTweet(
    String idempotencyKey, Optional<String> tweetId, boolean alreadyPosted) {
  /**
   * Validates the outcome.
   *
   * @param idempotencyKey the caller's key
   * @param tweetId the tweet's id, when known
   * @param alreadyPosted whether it had been posted before
   */
  public PublishedTweet {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(tweetId, "tweetId");
  }
}

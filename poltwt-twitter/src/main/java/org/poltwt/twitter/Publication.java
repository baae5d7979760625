package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a {@link PublicationLog}: a tweet the application meant to post, under the
 * idempotency key it chose.
 *
 * @param key the caller's idempotency key
 * @param textDigest the SHA-256 of the text, in lower-case hex (the log does not keep the text)
 * @param state whether the post is known to be on X
 * @param tweetId the posted tweet's id, when the API said it (empty when it refused a duplicate)
 * @param recordedAt when the intent was recorded, before the first request
 * @param postedAt when the post was confirmed
 */
public record Publication(
    String key,
    String textDigest,
    State state,
    Optional<String> tweetId,
    Instant recordedAt,
    Optional<Instant> postedAt) {

  /** Whether a post is known to be on X. */
  public enum State {
    /** Recorded, and perhaps sent: the outcome is not known (yet). */
    PENDING,
    /** On X: created, or refused as a duplicate of an earlier attempt that got through. */
    POSTED
  }

  /**
   * Validates the entry.
   *
   * @param key the idempotency key, not blank
   * @param textDigest the text's digest, not blank
   * @param state the state
   * @param tweetId the tweet's id; empty while pending
   * @param recordedAt when recorded
   * @param postedAt when confirmed; present exactly when posted
   */
  public Publication {
    requireNonNull(key, "key");
    requireNonNull(textDigest, "textDigest");
    requireNonNull(state, "state");
    requireNonNull(tweetId, "tweetId");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(postedAt, "postedAt");
    if (key.isBlank() || textDigest.isBlank()) {
      throw new IllegalArgumentException("key, textDigest: must not be blank");
    }
    if ((state == State.POSTED) != postedAt.isPresent()) {
      throw new IllegalArgumentException(
          "postedAt: must be present exactly when the state is POSTED");
    }
    if (state == State.PENDING && tweetId.isPresent()) {
      throw new IllegalArgumentException("tweetId: must be empty while pending");
    }
  }

  /**
   * A new pending entry.
   *
   * @param key the idempotency key
   * @param textDigest the text's digest
   * @param recordedAt when recorded
   * @return the entry
   */
  public static Publication pending(String key, String textDigest, Instant recordedAt) {
    return new Publication(
        key, textDigest, State.PENDING, Optional.empty(), recordedAt, Optional.empty());
  }

  /**
   * This entry, confirmed as posted.
   *
   * @param id the tweet's id, or empty when the API refused a duplicate and so did not say it
   * @param at when it was confirmed
   * @return the posted entry
   */
  public Publication posted(Optional<String> id, Instant at) {
    return new Publication(key, textDigest, State.POSTED, id, recordedAt, Optional.of(at));
  }
}

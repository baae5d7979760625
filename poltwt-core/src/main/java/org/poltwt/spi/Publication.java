package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a {@link PublicationLog}: a post the application meant to make, under the
 * idempotency key it chose, and how far it got.
 *
 * @param key the caller's idempotency key, 1 to {@value #MAX_KEY_LENGTH} characters
 * @param textDigest the SHA-256 of the text, in lower-case hex (the log does not keep the text)
 * @param state claimed, posted or failed
 * @param attempt the number of the latest claim, from 1; a claim taken over or taken again after a
 *     failure counts one more, so a publisher can tell whether the claim it holds is still its own
 * @param tweetId the posted tweet's id, when the platform said it (empty when it refused a
 *     duplicate); present only when posted
 * @param recordedAt when the key was first claimed
 * @param claimedAt when the latest claim was taken
 * @param postedAt when the post was confirmed; present exactly when posted
 */
public record Publication(
    String key,
    String textDigest,
    State state,
    int attempt,
    Optional<String> tweetId,
    Instant recordedAt,
    Instant claimedAt,
    Optional<Instant> postedAt) {

  /** The longest idempotency key a log keeps. */
  public static final int MAX_KEY_LENGTH = 200;

  /** How far a post got. */
  public enum State {
    /**
     * A publisher holds the key and may be sending the post: the outcome is not known (yet). Only
     * the holder sends, until the claim goes stale.
     */
    CLAIMED,
    /**
     * On the platform: created, or refused as a duplicate of an earlier attempt that got through.
     */
    POSTED,
    /**
     * The latest attempt ended without a confirmation (refused, or its outcome unknown) and the
     * claim was given up: the next claim may try again at once.
     */
    FAILED
  }

  /**
   * Validates the entry.
   *
   * @param key the idempotency key, not blank, at most {@value #MAX_KEY_LENGTH} characters
   * @param textDigest the text's digest, not blank
   * @param state the state
   * @param attempt the claim's number, at least 1
   * @param tweetId the tweet's id; empty unless posted
   * @param recordedAt when first claimed
   * @param claimedAt when last claimed, not before {@code recordedAt}
   * @param postedAt when confirmed; present exactly when posted
   */
  public Publication {
    requireNonNull(key, "key");
    requireNonNull(textDigest, "textDigest");
    requireNonNull(state, "state");
    requireNonNull(tweetId, "tweetId");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(claimedAt, "claimedAt");
    requireNonNull(postedAt, "postedAt");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "key: must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
    }
    if (textDigest.isBlank()) {
      throw new IllegalArgumentException("textDigest: must not be blank");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: must be at least 1 (was " + attempt + ")");
    }
    if (claimedAt.isBefore(recordedAt)) {
      throw new IllegalArgumentException("claimedAt: must not be before recordedAt");
    }
    if ((state == State.POSTED) != postedAt.isPresent()) {
      throw new IllegalArgumentException(
          "postedAt: must be present exactly when the state is POSTED");
    }
    if (state != State.POSTED && tweetId.isPresent()) {
      throw new IllegalArgumentException("tweetId: must be empty unless posted");
    }
  }

  /**
   * A new entry, claimed for the first time.
   *
   * @param key the idempotency key
   * @param textDigest the text's digest
   * @param at when claimed
   * @return the entry, attempt 1
   */
  public static Publication claimed(String key, String textDigest, Instant at) {
    return new Publication(
        key, textDigest, State.CLAIMED, 1, Optional.empty(), at, at, Optional.empty());
  }

  /**
   * This entry, claimed again (taken over from a stale claim, or after a failure).
   *
   * @param at when claimed
   * @return the entry with the next attempt number
   */
  public Publication reclaimed(Instant at) {
    return new Publication(
        key, textDigest, State.CLAIMED, attempt + 1, tweetId, recordedAt, at, postedAt);
  }

  /**
   * This entry, confirmed as posted.
   *
   * @param id the tweet's id, or empty when the platform refused a duplicate and so did not say it
   * @param at when it was confirmed
   * @return the posted entry
   */
  public Publication posted(Optional<String> id, Instant at) {
    return new Publication(
        key, textDigest, State.POSTED, attempt, id, recordedAt, claimedAt, Optional.of(at));
  }

  /**
   * This entry, its claim given up.
   *
   * @return the failed entry
   */
  public Publication failed() {
    return new Publication(
        key, textDigest, State.FAILED, attempt, Optional.empty(), recordedAt, claimedAt, postedAt);
  }

  /**
   * Whether this claim has gone stale at an instant: it is still {@link State#CLAIMED} and was
   * taken at least {@code staleAfter} before.
   *
   * @param now the instant
   * @param staleAfter how long a claim is honoured
   * @return true when another publisher may take the claim over
   */
  public boolean isStaleAt(Instant now, java.time.Duration staleAfter) {
    return state == State.CLAIMED && !claimedAt.plus(staleAfter).isAfter(now);
  }
}

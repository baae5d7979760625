package org.poltwt.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a {@link TweetPublisher} claims each post before sending it and records the outcome after,
 * keyed by the caller's idempotency key, so that a post is made at most once per key: across
 * retries, restarts, and several processes sharing one durable log.
 *
 * <p>The claim rule, which every implementation keeps atomically per key:
 *
 * <ul>
 *   <li>an unknown key is recorded {@link Publication.State#CLAIMED} (attempt 1) and granted;
 *   <li>a {@link Publication.State#POSTED} key is never granted again;
 *   <li>a key recorded with another text digest is never granted (the caller refuses the reuse);
 *   <li>a {@link Publication.State#FAILED} key is granted again at once (attempt + 1);
 *   <li>a {@link Publication.State#CLAIMED} key is refused while its claim is fresh, and taken over
 *       (attempt + 1) once it is <em>stale</em>: claimed at least {@code staleAfter} before the
 *       caller's {@code now}. A holder that died mid-send never releases its claim, so staleness is
 *       how the post is tried again; {@code staleAfter} must therefore be longer than the longest a
 *       publisher may take between claiming and recording the outcome (its timeouts, retries and
 *       rate-limit waits), and the processes' clocks must agree to well within it.
 * </ul>
 *
 * <p>Of any number of concurrent claims of one key, at most one is granted. Outcomes are recorded
 * with {@link #markPosted} (always accepted: the post exists, whoever holds the claim now) and
 * {@link #markFailed} (accepted only from the holder of the current attempt, so a publisher whose
 * claim was taken over cannot release its successor's). Implementations are thread-safe.
 */
public interface PublicationLog {
  /**
   * Claims a key for sending, following the claim rule above.
   *
   * @param key the idempotency key, 1 to {@value Publication#MAX_KEY_LENGTH} characters
   * @param textDigest the SHA-256 of the text, lower-case hex
   * @param now the caller's current instant
   * @param staleAfter how long a claim is honoured, positive
   * @return the entry as it now stands, and whether the caller holds it
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key or digest is malformed, or {@code staleAfter} is
   *     not positive
   */
  PublicationClaim claim(String key, String textDigest, Instant now, Duration staleAfter);

  /**
   * Records that a claimed post is on the platform. A key already posted keeps its first record.
   *
   * @param key the idempotency key
   * @param tweetId the tweet's id, or empty when the platform refused a duplicate
   * @param at now
   * @return the posted entry
   * @throws IllegalStateException if the key was never claimed
   */
  Publication markPosted(String key, Optional<String> tweetId, Instant at);

  /**
   * Gives up a claim whose attempt ended without a confirmation, so the next claim may try again at
   * once. Does nothing unless the entry is still claimed under that attempt.
   *
   * @param key the idempotency key
   * @param attempt the attempt number of the caller's claim
   * @return the entry as it now stands
   * @throws IllegalStateException if the key was never claimed
   */
  Publication markFailed(String key, int attempt);

  /**
   * Finds an entry.
   *
   * @param key the idempotency key
   * @return the entry, or empty
   */
  Optional<Publication> find(String key);
}

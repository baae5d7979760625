package org.poltwt.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Keeps email-verification tokens by their hash. Implementations are thread-safe. */
public interface VerificationTokenStore {
  /**
   * Stores a new token.
   *
   * @param token the token record
   * @throws IllegalStateException if a token with the same hash exists
   */
  void save(VerificationToken token);

  /**
   * Finds a token by its hash.
   *
   * @param hash the token's hash
   * @return the token, or empty
   */
  Optional<VerificationToken> findByHash(String hash);

  /**
   * Marks a token used, atomically: of any number of concurrent calls for one token, exactly one
   * returns true.
   *
   * @param hash the token's hash
   * @param at when it was used
   * @return true if this call marked it; false if it was already used or does not exist
   */
  boolean markUsed(String hash, Instant at);

  /**
   * When the newest token of a registration was issued: the service allows a new verification mail
   * only some time after it, so the answer must come from the shared store, never from one
   * instance's memory.
   *
   * @param registrationId the registration
   * @return the latest {@link VerificationToken#createdAt()} of its tokens, used or not; empty if
   *     it has none
   */
  Optional<Instant> latestIssuedAt(UUID registrationId);

  /**
   * Deletes every token of a registration (when it is erased).
   *
   * @param registrationId the registration
   * @return how many tokens were deleted
   */
  int deleteFor(UUID registrationId);
}

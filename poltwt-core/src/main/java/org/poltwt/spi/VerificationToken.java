package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored email-verification token. Only the token's hash is stored, never the token.
 *
 * @param hash the token's SHA-256 hash, lower-case hex
 * @param registrationId the registration it verifies
 * @param createdAt when it was issued
 * @param expiresAt when it stops being valid
 * @param usedAt when it was used, if it was
 */
public record VerificationToken(
    String hash,
    UUID registrationId,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> usedAt) {

  /**
   * Validates the token record.
   *
   * @param hash the token's hash, 64 hex characters
   * @param registrationId the registration it verifies
   * @param createdAt when it was issued
   * @param expiresAt when it stops being valid; after {@code createdAt}
   * @param usedAt when it was used
   */
  public VerificationToken {
    requireNonNull(hash, "hash");
    requireNonNull(registrationId, "registrationId");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(usedAt, "usedAt");
    if (hash.length() != 64
        || !hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("hash: must be 64 lower-case hex characters");
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt: must be after createdAt");
    }
  }

  /** Leaves out the hash. */
  @Override
  public String toString() {
    return "VerificationToken[registrationId="
        + registrationId
        + ", createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + ", used="
        + usedAt.isPresent()
        + "]";
  }
}

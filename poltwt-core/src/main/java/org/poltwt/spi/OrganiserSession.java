package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An organiser's log-in on a site, as every instance of the site sees it. The session's secret is
 * the cookie the browser holds; only its hash is kept, so a copy of the store cannot be replayed as
 * a log-in.
 *
 * @param idHash the SHA-256 of the cookie's value, 64 lower-case hex digits
 * @param account the organiser account's name
 * @param role what the account could do when it logged in
 * @param created when it logged in
 * @param expiry when the session ends, after {@code created}
 */
public record OrganiserSession(
    String idHash, String account, OrganiserAccount.Role role, Instant created, Instant expiry) {
  /**
   * Validates the parts.
   *
   * @param idHash the hash of the secret
   * @param account the account's name
   * @param role the role
   * @param created when it began
   * @param expiry when it ends
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the hash is not 64 lower-case hex digits, the account is
   *     blank or longer than {@value OrganiserAccount#MAX_NAME_LENGTH}, or the expiry is not after
   *     the creation
   */
  public OrganiserSession {
    requireNonNull(idHash, "idHash");
    requireNonNull(account, "account");
    requireNonNull(role, "role");
    requireNonNull(created, "created");
    requireNonNull(expiry, "expiry");
    if (!Hashes.isSha256Hex(idHash)) {
      throw new IllegalArgumentException("idHash: must be 64 lower-case hex digits");
    }
    if (account.isBlank() || account.length() > OrganiserAccount.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "account: 1 to " + OrganiserAccount.MAX_NAME_LENGTH + " characters, not blank");
    }
    if (!expiry.isAfter(created)) {
      throw new IllegalArgumentException("expiry: must be after created");
    }
  }
}

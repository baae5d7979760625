package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An organiser's action that mails registrants, held until it is confirmed: what it is (in the
 * application's own encoding), who held it, and once confirmed, how it went. Stored so that the
 * confirmation may reach any instance of the site, and so that a second confirmation finds the
 * first one's result instead of sending again.
 *
 * @param key the idempotency key: printable ASCII without spaces, 1 to 200 characters
 * @param account the organiser account that held it
 * @param kind the application's name for the kind of action, 1 to 200 printable ASCII characters
 * @param payload the action's parameters in the application's encoding, at most {@value
 *     #MAX_PAYLOAD} characters
 * @param held when it was held
 * @param expiry when it is forgotten, confirmed or not; after {@code held}
 * @param claimed whether a confirmation has claimed it (it runs, or ran)
 * @param result once confirmed, the application's record of how it went (at most {@value
 *     #MAX_RESULT} characters); empty while it waits
 */
public record HeldAction(
    String key,
    String account,
    String kind,
    String payload,
    Instant held,
    Instant expiry,
    boolean claimed,
    Optional<String> result) {
  /** The longest payload kept: an announcement at the mail limits, with room to spare. */
  public static final int MAX_PAYLOAD = 200_000;

  /** The longest result kept. */
  public static final int MAX_RESULT = 4_000;

  /**
   * Validates the parts.
   *
   * @param key the idempotency key
   * @param account who held it
   * @param kind its kind
   * @param payload its parameters
   * @param held when it was held
   * @param expiry when it is forgotten
   * @param claimed whether a confirmation claimed it
   * @param result how it went, once confirmed
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a text is malformed or too long, the expiry not after
   *     {@code held}, or there is a result without a claim
   */
  public HeldAction {
    requireNonNull(key, "key");
    requireNonNull(account, "account");
    requireNonNull(kind, "kind");
    requireNonNull(payload, "payload");
    requireNonNull(held, "held");
    requireNonNull(expiry, "expiry");
    requireNonNull(result, "result");
    Hashes.requireKey(key, "key");
    Hashes.requireKey(kind, "kind");
    if (account.isBlank() || account.length() > OrganiserAccount.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "account: 1 to " + OrganiserAccount.MAX_NAME_LENGTH + " characters, not blank");
    }
    if (payload.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload: at most " + MAX_PAYLOAD + " characters");
    }
    if (result.isPresent() && result.get().length() > MAX_RESULT) {
      throw new IllegalArgumentException("result: at most " + MAX_RESULT + " characters");
    }
    if (result.isPresent() && !claimed) {
      throw new IllegalArgumentException("result: only for a claimed action");
    }
    if (!expiry.isAfter(held)) {
      throw new IllegalArgumentException("expiry: must be after held");
    }
  }

  /**
   * A new action, waiting for its confirmation.
   *
   * @param key the idempotency key
   * @param account who holds it
   * @param kind its kind
   * @param payload its parameters
   * @param held when it is held
   * @param expiry when it is forgotten
   * @return the action
   */
  public static HeldAction waiting(
      String key, String account, String kind, String payload, Instant held, Instant expiry) {
    return new HeldAction(key, account, kind, payload, held, expiry, false, Optional.empty());
  }
}

package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold on one registration: while it stands, the retention job keeps the registration's
 * personal data past its edition's retention period. An organiser sets it with a reason (a case
 * number, a request from a court) and clears it when the reason has passed.
 *
 * <p>The reason is the organiser's own text; it is shown to organisers and never logged.
 *
 * @param registrationId the registration held
 * @param edition the registration's edition, so an edition's holds are listed without reading its
 *     registrations
 * @param reason why the data must be kept, 1 to {@value #MAX_REASON_LENGTH} characters, not blank
 * @param since when the hold was set
 */
public record LegalHold(UUID registrationId, int edition, String reason, Instant since) {
  /** The longest reason accepted. */
  public static final int MAX_REASON_LENGTH = 500;

  /**
   * Validates the hold.
   *
   * @param registrationId the registration held
   * @param edition the registration's edition, at least 1
   * @param reason why; stripped, not blank, at most {@value #MAX_REASON_LENGTH} characters
   * @param since when it was set
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException naming the component that breaks a rule
   */
  public LegalHold {
    requireNonNull(registrationId, "registrationId");
    requireNonNull(reason, "reason");
    requireNonNull(since, "since");
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1");
    }
    reason = reason.strip();
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("reason: must not be blank");
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          "reason: must be at most " + MAX_REASON_LENGTH + " characters");
    }
  }

  /** Names the registration and the edition only: the reason may name people. */
  @Override
  public String toString() {
    return "LegalHold[registrationId=" + registrationId + ", edition=" + edition + "]";
  }
}

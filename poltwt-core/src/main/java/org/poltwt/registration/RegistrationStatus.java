package org.poltwt.registration;

/** Where a registration stands. */
public enum RegistrationStatus {
  /** Signed up; the verification email has not been confirmed yet. */
  PENDING_VERIFICATION,
  /**
   * The email was confirmed but its domain is not a recognised government one: an organiser
   * decides.
   */
  PENDING_REVIEW,
  /** Confirmed: the account takes part (and appears on the map if it gave a physical address). */
  VERIFIED,
  /** Withdrawn by the registrant, or turned down by an organiser. */
  WITHDRAWN
}

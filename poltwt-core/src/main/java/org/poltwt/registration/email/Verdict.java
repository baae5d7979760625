package org.poltwt.registration.email;

/**
 * What {@link GovernmentEmailPolicy} decided about one address.
 *
 * @see EmailAssessment
 */
public enum Verdict {
  /** The address is at a recognised government domain; sign-up may go ahead. */
  ACCEPTED,

  /**
   * The address is well-formed but the rules cannot confirm a government domain; an organiser
   * decides. Never lose these: real agencies use city, county and ISP domains.
   */
  REVIEW,

  /** The address is malformed, deny-listed, or imitates a government domain. */
  REJECTED
}

package org.poltwt.registration;

/** The level of government an agency serves. */
public enum AgencyLevel {
  /** A city, town or municipal police force. */
  LOCAL,
  /** A county police force or sheriff's office. */
  COUNTY,
  /** A state, provincial or regional force. */
  STATE_OR_PROVINCE,
  /** A national force or agency. */
  NATIONAL,
  /** An international police organisation. */
  INTERNATIONAL
}

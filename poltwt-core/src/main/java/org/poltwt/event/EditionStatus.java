package org.poltwt.event;

/** Where an edition stands in its life. */
public enum EditionStatus {
  /** The edition has a date and will take place. */
  SCHEDULED,
  /** The edition was announced but its date is to be decided; it has no date and no windows yet. */
  DATE_TBD,
  /** The edition was called off. */
  CANCELLED,
  /** The edition took place. */
  COMPLETED
}

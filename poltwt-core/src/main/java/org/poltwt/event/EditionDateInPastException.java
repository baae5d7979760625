package org.poltwt.event;

import org.poltwt.InvalidInputException;

/**
 * A new date (or start time) for an edition that has already begun somewhere: its global span,
 * which opens in the earliest time zone, starts at or before the present moment. Moving an edition
 * there would mail every registrant that their 24 hours are over. Names the field {@code date}.
 */
public final class EditionDateInPastException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of every {@code EditionDateInPastException}. */
  public static final String CODE = "edition.date-in-past";

  /** The field it names: the edition's date. */
  public static final String FIELD = "date";

  /** Creates the failure. */
  public EditionDateInPastException() {
    super(CODE, FIELD, "the edition would already have started in the earliest time zone");
  }
}

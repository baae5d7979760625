package org.poltwt.event;

import org.poltwt.InvalidInputException;

/** A time-zone id that is malformed or not in the JDK's time-zone database. */
public final class UnknownZoneException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of every {@code UnknownZoneException}. */
  public static final String CODE = "zone.unknown";

  /**
   * Creates the failure.
   *
   * @param field the field that held the zone id, usually {@code "zone"}
   * @param reason why it was rejected
   */
  public UnknownZoneException(String field, String reason) {
    super(CODE, field, reason);
  }
}

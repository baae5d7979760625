package org.poltwt.event;

import org.poltwt.InvalidInputException;

/**
 * An edition, or a question put to its schedule, that breaks the event's rules. Names the field
 * ({@code number}, {@code hashtag}, {@code themes}, {@code date}, ...) and the reason.
 */
public final class InvalidEditionException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of every {@code InvalidEditionException}. */
  public static final String CODE = "edition.invalid";

  /**
   * Creates the failure.
   *
   * @param field the offending field
   * @param reason why its value was rejected
   */
  public InvalidEditionException(String field, String reason) {
    super(CODE, field, reason);
  }
}

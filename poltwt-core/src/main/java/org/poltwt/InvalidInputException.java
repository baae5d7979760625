package org.poltwt;

import static java.util.Objects.requireNonNull;

/**
 * Input that breaks one of the event's rules, naming the field and the reason.
 *
 * <p>The message reads {@code "<field>: <reason>"}. The rejected value itself is never part of the
 * message, because it may be personal data.
 */
public class InvalidInputException extends PoltwtException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  /**
   * Creates the failure.
   *
   * @param code a stable, machine-readable code, for example {@code "edition.invalid"}
   * @param field the name of the offending field, for example {@code "hashtag"}
   * @param reason why the value was rejected, for example {@code "must not be empty"}
   */
  public InvalidInputException(String code, String field, String reason) {
    this(
        code,
        field,
        reason,
        requireNonNull(field, "field") + ": " + requireNonNull(reason, "reason"));
  }

  /**
   * Creates the failure with a message of its own, for failures that name more than one field.
   *
   * @param code a stable, machine-readable code
   * @param field the name of the first offending field
   * @param reason why that field was rejected
   * @param message the whole message, free of the rejected values
   */
  protected InvalidInputException(String code, String field, String reason, String message) {
    super(code, message);
    this.field = requireNonNull(field, "field");
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * Returns the name of the field that was rejected.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * Returns why the field was rejected, without the rejected value.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}

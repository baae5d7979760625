package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.poltwt.InvalidInputException;

/**
 * A registration, or a part of one, that breaks the event's rules. Lists every field that failed,
 * each with its reason; {@link #field()} and {@link #reason()} give the first. Messages never
 * contain the rejected values.
 */
public final class InvalidRegistrationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of every {@code InvalidRegistrationException}. */
  public static final String CODE = "registration.invalid";

  /** The failures, in the order they were found. */
  private final List<FieldError> errors;

  /**
   * Creates the failure for one field.
   *
   * @param field the offending field, for example {@code "handle"}
   * @param reason why its value was rejected
   */
  public InvalidRegistrationException(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  /**
   * Creates the failure for several fields.
   *
   * @param errors at least one field error
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public InvalidRegistrationException(List<FieldError> errors) {
    super(CODE, first(errors).field(), errors.get(0).reason(), describe(errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns every field that failed, in the order found.
   *
   * @return an immutable, non-empty list
   */
  public List<FieldError> errors() {
    return errors;
  }

  private static FieldError first(List<FieldError> errors) {
    requireNonNull(errors, "errors");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("errors: must not be empty");
    }
    return errors.get(0);
  }

  private static String describe(List<FieldError> errors) {
    String first = errors.get(0).toString();
    if (errors.size() == 1) {
      return first;
    }
    return first
        + " (and "
        + errors.stream().skip(1).map(FieldError::toString).collect(Collectors.joining("; "))
        + ")";
  }

  /**
   * One field that failed.
   *
   * @param field the field's name as the request spells it, e.g. {@code "email"} or {@code
   *     "address.city"}
   * @param reason why, without the rejected value
   */
  public record FieldError(String field, String reason) {
    /**
     * Validates the parts.
     *
     * @param field the field's name
     * @param reason why it failed
     */
    public FieldError {
      requireNonNull(field, "field");
      requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }
}

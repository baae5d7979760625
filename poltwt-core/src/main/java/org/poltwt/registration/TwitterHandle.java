package org.poltwt.registration;

import java.util.Locale;
import org.poltwt.internal.HandleRule;

/**
 * A Twitter account's handle: 1 to 15 letters, digits or underscores. Compares and hashes
 * case-insensitively, as Twitter does, and keeps the case it was given for display.
 *
 * @param value the handle without the {@code @}, in display case
 */
public record TwitterHandle(String value) {
  /** The longest handle Twitter allows. */
  public static final int MAX_LENGTH = HandleRule.MAX_LENGTH;

  /**
   * Validates the handle.
   *
   * @param value the handle without the {@code @}
   * @throws InvalidRegistrationException (field {@code handle}) if it is not a valid handle
   */
  public TwitterHandle {
    String problem = HandleRule.problemWith(value);
    if (problem != null) {
      throw new InvalidRegistrationException("handle", problem);
    }
  }

  /**
   * Reads a handle as people write it, with or without a leading {@code @}.
   *
   * @param handle for example {@code "@PolTwt"} or {@code "poltwt"}
   * @return the handle
   * @throws InvalidRegistrationException (field {@code handle}) if it is not a valid handle
   */
  public static TwitterHandle of(String handle) {
    if (handle != null && handle.startsWith("@")) {
      return new TwitterHandle(handle.substring(1));
    }
    return new TwitterHandle(handle);
  }

  /**
   * Whether a string is a valid handle, with or without a leading {@code @}.
   *
   * @param handle the text to check; may be null
   * @return true if {@link #of(String)} would accept it
   */
  public static boolean isValid(String handle) {
    return HandleRule.isValid(handle);
  }

  /**
   * Returns the handle in lower case, the form used for comparison and storage keys.
   *
   * @return the lower-case handle
   */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TwitterHandle && ((TwitterHandle) o).value.equalsIgnoreCase(value);
  }

  @Override
  public int hashCode() {
    return normalized().hashCode();
  }

  /**
   * Returns the handle as people write it.
   *
   * @return {@code "@"} and the handle in display case
   */
  @Override
  public String toString() {
    return "@" + value;
  }
}

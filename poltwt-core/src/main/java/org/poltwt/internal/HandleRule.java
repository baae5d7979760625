package org.poltwt.internal;

/**
 * The syntax of an X handle: 1 to 15 of {@code [A-Za-z0-9_]}. One rule for the {@code
 * TwitterHandle} value type and the {@code @TwitterHandle} constraint, kept here so that the
 * validation package does not reach back into registration, which uses the constraint.
 */
public final class HandleRule {
  /** The longest handle X allows. */
  public static final int MAX_LENGTH = 15;

  private HandleRule() {}

  /**
   * Whether a string is a valid handle, with or without a leading {@code @}.
   *
   * @param handle the text to check; may be null
   * @return true if it is a valid handle
   */
  public static boolean isValid(String handle) {
    return handle != null
        && problemWith(handle.startsWith("@") ? handle.substring(1) : handle) == null;
  }

  /**
   * What is wrong with a handle written without its {@code @}; never echoes the value.
   *
   * @param value the handle; may be null
   * @return null when valid, else the reason
   */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "must not be empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters (was " + value.length() + ")";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) {
        return "must contain only letters A-Z, digits and underscores (bad character at position "
            + (i + 1)
            + ")";
      }
    }
    return null;
  }
}

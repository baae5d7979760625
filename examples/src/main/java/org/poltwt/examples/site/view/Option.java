package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

/**
 * An option of a select or a radio group. Its label is either data shown as it is (a country's
 * name, a time zone, a file name) or a message of the bundle (an agency level).
 *
 * @param value the value sent with the form
 * @param label the label shown as it is, or null when {@code key} names it
 * @param key the message key of the label, or null when {@code label} is given
 */
public record Option(String value, String label, String key) {
  /**
   * Checks that exactly one of label and key is given.
   *
   * @param value the value
   * @param label the label, or null
   * @param key the key, or null
   */
  public Option {
    requireNonNull(value, "value");
    if ((label == null) == (key == null)) {
      throw new IllegalArgumentException("label or key: exactly one is needed");
    }
  }

  /**
   * An option whose label is data.
   *
   * @param value the value
   * @param label the label
   * @return the option
   */
  public static Option text(String value, String label) {
    return new Option(value, label, null);
  }

  /**
   * An option whose label comes from the bundle.
   *
   * @param value the value
   * @param key the label's key
   * @return the option
   */
  public static Option message(String value, String key) {
    return new Option(value, null, key);
  }

  /**
   * The label to show.
   *
   * @param t the messages
   * @return the label
   */
  public String label(Messages t) {
    return label != null ? label : t.get(key);
  }
}

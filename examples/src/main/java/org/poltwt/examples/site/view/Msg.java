package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A message the Java side chose (an error beside a field, a notice after an action) without writing
 * its words: the template looks the key up in {@link Messages}.
 *
 * @param key the message's key in the bundle
 * @param args the values for its placeholders
 */
public record Msg(String key, List<Object> args) {
  /**
   * Checks the parts.
   *
   * @param key the key
   * @param args the arguments
   */
  public Msg {
    requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  /**
   * A message with its arguments.
   *
   * @param key the key
   * @param args the arguments, none null
   * @return the message
   */
  public static Msg of(String key, Object... args) {
    return new Msg(key, List.of(args));
  }
}

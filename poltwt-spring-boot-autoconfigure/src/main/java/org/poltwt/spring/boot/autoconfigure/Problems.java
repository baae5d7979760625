package org.poltwt.spring.boot.autoconfigure;

import org.poltwt.InvalidInputException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns a builder's refusal into a start-up failure naming the property, which Spring Boot's
 * failure analysis reports as one message ("Invalid value for property ...").
 */
final class Problems {
  private Problems() {}

  static InvalidConfigurationPropertyValueException invalid(
      String property, Object value, String reason) {
    return new InvalidConfigurationPropertyValueException(property, value, reason);
  }

  /**
   * Runs a builder step; an {@link IllegalArgumentException} or {@link InvalidInputException}
   * becomes an {@link InvalidConfigurationPropertyValueException} on the property. The value shown
   * is only what the caller passes (never a secret or an address).
   */
  static void apply(String property, Object shownValue, Runnable step) {
    try {
      step.run();
    } catch (InvalidInputException e) {
      throw invalid(property, shownValue, e.reason());
    } catch (IllegalArgumentException e) {
      throw invalid(property, shownValue, reasonOf(e));
    }
  }

  /** The reason of a builder's message {@code "field: reason"}, without the field. */
  static String reasonOf(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.indexOf(": ");
    return colon > 0 && colon < 40 ? message.substring(colon + 2) : message;
  }
}

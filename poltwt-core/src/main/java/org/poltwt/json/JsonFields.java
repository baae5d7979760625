package org.poltwt.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.poltwt.InvalidInputException;

/** Reads typed fields from a JSON object, failing with the field's name and the reason. */
final class JsonFields {
  private JsonFields() {}

  /** A text field, or null when absent or JSON null. */
  static String text(JsonNode node, String field, String code) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidInputException(code, field, "must be a string");
    }
    return v.asText();
  }

  /** A required text field converted by {@code parse}, which may throw DateTimeParseException. */
  static <T> T required(JsonNode node, String field, String code, String expected, Function<String, T> parse) {
    T value = optional(node, field, code, expected, parse);
    if (value == null) {
      throw new InvalidInputException(code, field, "is required");
    }
    return value;
  }

  /** An optional text field converted by {@code parse}; null when absent. */
  static <T> T optional(JsonNode node, String field, String code, String expected, Function<String, T> parse) {
    String text = text(node, field, code);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      if (e instanceof InvalidInputException) {
        throw e;
      }
      throw new InvalidInputException(code, field, "must be " + expected);
    }
  }
}

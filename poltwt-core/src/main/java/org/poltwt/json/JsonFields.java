package org.poltwt.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.poltwt.InvalidInputException;

/** Reads typed fields from a JSON object, failing with the field's name and the reason. */
final class JsonFields {
  /** Makes the model's own exception type for a field and a reason. */
  interface Failure extends BiFunction<String, String, InvalidInputException> {}

  private JsonFields() {}

  /** A text field, or null when absent or JSON null. */
  static String text(JsonNode node, String field, Failure failure) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw failure.apply(field, "must be a string");
    }
    return v.asText();
  }

  /** A required text field converted by {@code parse}. */
  static <T> T required(
      JsonNode node, String field, Failure failure, String expected, Function<String, T> parse) {
    T value = optional(node, field, failure, expected, parse);
    if (value == null) {
      throw failure.apply(field, "is required");
    }
    return value;
  }

  /** An optional text field converted by {@code parse}; null when absent. */
  static <T> T optional(
      JsonNode node, String field, Failure failure, String expected, Function<String, T> parse) {
    String text = text(node, field, failure);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw failure.apply(field, "must be " + expected);
    }
  }

  /**
   * Turns a rule broken by the document into Jackson's own failure, so callers that handle {@code
   * IOException} see it, with the model's exception (field and reason) as the cause.
   */
  static JsonMappingException mappingFailure(JsonParser p, InvalidInputException e) {
    return JsonMappingException.from(p, e.getMessage(), e);
  }
}

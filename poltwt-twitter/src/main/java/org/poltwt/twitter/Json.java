package org.poltwt.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Jackson, set up once: trees only, strict about trailing garbage. */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Json() {}

  /** Parses a 2xx body that must be a JSON object, or fails with {@code MALFORMED_RESPONSE}. */
  static JsonNode object(XApiResponse response, Endpoint endpoint) {
    JsonNode root;
    try {
      root = MAPPER.readTree(response.body() == null ? "" : response.body());
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the body; keep only where it broke.
      throw XApiException.of(
          XApiException.Reason.MALFORMED_RESPONSE,
          endpoint.label(),
          "HTTP " + response.status() + " with a body that is not JSON (at " + location(e) + ")",
          null);
    }
    if (root == null || !root.isObject()) {
      throw malformed(endpoint, response.status(), "the body is not a JSON object");
    }
    return root;
  }

  static XApiException malformed(Endpoint endpoint, int status, String what) {
    return XApiException.of(
        XApiException.Reason.MALFORMED_RESPONSE,
        endpoint.label(),
        "HTTP " + status + ": " + what,
        null);
  }

  /** A string field, or null when absent or not textual. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}

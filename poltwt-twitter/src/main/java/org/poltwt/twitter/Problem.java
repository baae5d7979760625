package org.poltwt.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One problem document of the X API (RFC 7807 style: {@code type}, {@code title}, {@code detail},
 * and for resource errors {@code value}, {@code resource_id}), as a top-level error body or an item
 * of an {@code errors} array. Also reads the v1.1-style {@code
 * {"errors":[{"code":88,"message":...}]}} the rate-limit documentation shows. Any field may be
 * null.
 */
record Problem(String type, String title, String detail, String value, String resourceId) {
  static final Problem NONE = new Problem(null, null, null, null, null);

  /** The {@link #kind()} of a 429 that a usage cap, not a rate-limit window, refused. */
  static final String USAGE_CAPPED = "usage-capped";

  /** Reads a problem object, or the first item of its {@code errors} array when it has no title. */
  static Problem fromBody(String body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body == null ? "" : body);
    } catch (java.io.IOException e) {
      return NONE;
    }
    if (root == null || !root.isObject()) {
      return NONE;
    }
    Problem top = from(root);
    if (top.title != null || top.detail != null) {
      return top;
    }
    JsonNode errors = root.get("errors");
    if (errors != null && errors.isArray() && errors.size() > 0) {
      return from(errors.get(0));
    }
    return top;
  }

  static Problem from(JsonNode node) {
    if (node == null || !node.isObject()) {
      return NONE;
    }
    String title = Json.text(node, "title");
    String detail = Json.text(node, "detail");
    if (title == null && detail == null) {
      detail = Json.text(node, "message"); // v1.1 style
    }
    return new Problem(
        Json.text(node, "type"),
        title,
        detail,
        Json.text(node, "value"),
        Json.text(node, "resource_id"));
  }

  /**
   * The last path segment of {@code type} ({@code resource-not-found}), whatever the host prefix.
   */
  String kind() {
    if (type == null) {
      return "";
    }
    int slash = type.lastIndexOf('/');
    return type.substring(slash + 1).toLowerCase(Locale.ROOT);
  }

  boolean detailContains(String words) {
    return detail != null && detail.toLowerCase(Locale.ROOT).contains(words);
  }

  /**
   * Suspended accounts come as title {@code Forbidden}, detail {@code User has been suspended:
   * [name].}.
   */
  boolean isSuspension() {
    return detailContains("suspended");
  }

  /**
   * Unknown accounts come as title {@code Not Found Error} and type {@code .../resource-not-found}.
   */
  boolean isNotFound() {
    return "resource-not-found".equals(kind())
        || "Not Found Error".equalsIgnoreCase(title)
        || detailContains("could not find");
  }

  Problem redacted(XApiCredentials credentials) {
    return new Problem(
        type, credentials.redact(title), credentials.redact(detail), value, resourceId);
  }
}

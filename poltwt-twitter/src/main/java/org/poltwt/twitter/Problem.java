package org.poltwt.twitter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import org.poltwt.tweet.io.ApiProblem;

/**
 * The adapter's view of one problem document of the X API (RFC 7807 style: {@code type}, {@code
 * title}, {@code detail}, and for resource errors {@code value}, {@code resource_id}), as a
 * top-level error body or an item of an {@code errors} array, with what the adapter decides from it
 * (a suspension, an unknown account). The members are read by core's {@link ApiProblem#read}, the
 * one reading of that shape, which also takes the v1.1-style {@code
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

  /** Reads a problem object of a parsed body; anything else is {@link #NONE}. */
  static Problem from(JsonNode node) {
    if (node == null || !node.isObject()) {
      return NONE;
    }
    try (JsonParser p = node.traverse()) {
      p.nextToken();
      return of(ApiProblem.read(p));
    } catch (IOException e) {
      throw new IllegalStateException("reading a parsed tree cannot fail", e);
    }
  }

  /** The adapter's view of a problem core's reader read, for instance from a search page. */
  static Problem of(ApiProblem p) {
    return new Problem(
        p.type().orElse(null),
        p.title().orElse(null),
        p.detail().orElse(null),
        p.value().orElse(null),
        p.resourceId().orElse(null));
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

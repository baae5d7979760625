package org.poltwt.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds X API response bodies in the documented shapes (FACTS.md, the spec's examples), so stubs
 * are made by small factories rather than copied literals. Every body a test serves is validated
 * against the spec by {@link XApiWireMockTest}.
 */
final class XApiFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROBLEM_JSON = "application/problem+json";

  /** How the API writes instants: UTC with milliseconds, {@code 2013-12-14T04:35:55.000Z}. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private XApiFixtures() {}

  /** A tweet id that grows with {@code n}, as Snowflake ids grow with time. */
  static String tweetId(long n) {
    return Long.toString(1_800_000_000_000_000_000L + n);
  }

  /** An author id. */
  static String userId(long n) {
    return Long.toString(2_244_994_945L + n);
  }

  /** A tweet object with the fields the source asks for. */
  static ObjectNode tweet(long n, long author, String text, Instant createdAt) {
    ObjectNode t = JSON.createObjectNode();
    t.put("id", tweetId(n));
    t.put("text", text);
    t.put("author_id", userId(author));
    t.put("created_at", TIMESTAMP.format(createdAt));
    t.put("lang", "en");
    t.putArray("edit_history_tweet_ids").add(tweetId(n));
    int at = text.indexOf("#PolTwt");
    if (at >= 0) {
      ObjectNode h = t.putObject("entities").putArray("hashtags").addObject();
      h.put("start", at);
      h.put("end", at + "#PolTwt".length());
      h.put("tag", "PolTwt");
    }
    return t;
  }

  /** A user object. */
  static ObjectNode user(long n, String username) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", userId(n));
    u.put("name", "Account " + n);
    u.put("username", username);
    return u;
  }

  /** A user object as a lookup returns it with {@code user.fields=protected,verified}. */
  static ObjectNode user(long n, String username, boolean isProtected, boolean verified) {
    ObjectNode u = user(n, username);
    u.put("protected", isProtected);
    u.put("verified", verified);
    return u;
  }

  /** A recent-search page: tweets, their authors in {@code includes.users}, and meta. */
  static String searchPage(List<ObjectNode> tweets, List<ObjectNode> users, String nextToken) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = JSON.createObjectNode();
    if (!tweets.isEmpty()) {
      ArrayNode data = root.putArray("data");
      tweets.forEach(data::add);
      meta.put("newest_id", tweets.get(0).get("id").asText());
      meta.put("oldest_id", tweets.get(tweets.size() - 1).get("id").asText());
    }
    if (!users.isEmpty()) {
      ArrayNode u = root.putObject("includes").putArray("users");
      users.forEach(u::add);
    }
    meta.put("result_count", tweets.size());
    if (nextToken != null) {
      meta.put("next_token", nextToken);
    }
    root.set("meta", meta);
    return write(root);
  }

  /** {@code {"data": user}}. */
  static String userData(ObjectNode user) {
    ObjectNode root = JSON.createObjectNode();
    root.set("data", user);
    return write(root);
  }

  /** The 200 answer for an unknown username (single lookup). */
  static String userNotFound(String username, String parameter) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("errors").add(notFoundItem(username, parameter));
    return write(root);
  }

  static ObjectNode notFoundItem(String username, String parameter) {
    ObjectNode e = JSON.createObjectNode();
    e.put("value", username);
    e.put("detail", "Could not find user with " + parameter + ": [" + username + "].");
    e.put("title", "Not Found Error");
    e.put("resource_type", "user");
    e.put("parameter", parameter);
    e.put("resource_id", username);
    e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
    return e;
  }

  static ObjectNode suspendedItem(String username, String parameter) {
    ObjectNode e = notFoundItem(username, parameter);
    e.put("title", "Forbidden");
    e.put("detail", "User has been suspended: [" + username + "].");
    return e;
  }

  /** The 200 answer for a suspended username (single lookup). */
  static String userSuspended(String username) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("errors").add(suspendedItem(username, "username"));
    return write(root);
  }

  /** A batch answer with found users and error items. */
  static String users(List<ObjectNode> found, List<ObjectNode> errors) {
    ObjectNode root = JSON.createObjectNode();
    if (!found.isEmpty()) {
      ArrayNode data = root.putArray("data");
      found.forEach(data::add);
    }
    if (!errors.isEmpty()) {
      ArrayNode e = root.putArray("errors");
      errors.forEach(e::add);
    }
    return write(root);
  }

  /** A top-level problem document, as 401, 403, 429 and 5xx bodies come. */
  static String problem(int status, String title, String detail) {
    ObjectNode p = JSON.createObjectNode();
    p.put("title", title);
    p.put("detail", detail);
    p.put("type", "about:blank");
    p.put("status", status);
    return write(p);
  }

  /**
   * The 429 body of a used-up cap on posts read: a {@code UsageCapExceededProblem} with its period
   * and scope.
   */
  static String usageCapped(String period, String scope) {
    ObjectNode p = JSON.createObjectNode();
    p.put("title", "UsageCapExceeded");
    p.put("detail", "Usage cap exceeded: " + period + " " + scope.toLowerCase() + " cap");
    p.put("type", "https://api.twitter.com/2/problems/usage-capped");
    p.put("status", 429);
    p.put("period", period);
    p.put("scope", scope);
    return write(p);
  }

  /** The 201 answer of {@code POST /2/tweets}. */
  static String created(String id, String text) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode data = root.putObject("data");
    data.put("id", id);
    data.put("text", text);
    return write(root);
  }

  static com.fasterxml.jackson.databind.JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

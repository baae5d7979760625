package org.poltwt.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.poltwt.InvalidInputException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * One page of {@code GET /2/tweets/search/recent}: its tweets, with their authors' handles joined
 * in from {@code includes.users}, and {@code meta.next_token}. Reads both the "tweet" spellings of
 * the API and its documentation ({@code referenced_tweets}, {@code includes.tweets}) and the "post"
 * spellings of spec 2.167 ({@code referenced_posts}, {@code includes.posts}).
 */
record SearchPage(List<Tweet> tweets, String nextToken) {

  static SearchPage parse(XApiResponse response) {
    Endpoint e = Endpoint.SEARCH_RECENT;
    JsonNode root = Json.object(response, e);
    JsonNode data = root.get("data");
    JsonNode meta = root.get("meta");
    JsonNode errors = root.get("errors");
    if (data == null && meta == null) {
      if (errors != null && errors.isArray() && errors.size() > 0) {
        Problem p = Problem.from(errors.get(0));
        throw XApiException.ofResponse(XApiException.Reason.CLIENT_ERROR, e.label(), response.status(), p.title(),
            p.detail(), p.type());
      }
      throw Json.malformed(e, response.status(), "neither data nor meta");
    }
    if (data != null && !data.isArray()) {
      throw Json.malformed(e, response.status(), "data is not an array");
    }
    Map<String, TwitterHandle> handles = new HashMap<>();
    JsonNode includes = root.get("includes");
    JsonNode users = includes == null ? null : includes.get("users");
    if (users != null && users.isArray()) {
      for (JsonNode u : users) {
        String id = Json.text(u, "id");
        String username = Json.text(u, "username");
        if (id != null && username != null && TwitterHandle.isValid(username)) {
          handles.put(id, TwitterHandle.of(username));
        }
      }
    }
    List<Tweet> tweets = new ArrayList<>();
    if (data != null) {
      for (JsonNode t : data) {
        tweets.add(tweet(t, handles, response.status()));
      }
    }
    String next = meta == null ? null : Json.text(meta, "next_token");
    return new SearchPage(tweets, next == null || next.isEmpty() ? null : next);
  }

  private static Tweet tweet(JsonNode t, Map<String, TwitterHandle> handles, int status) {
    Endpoint e = Endpoint.SEARCH_RECENT;
    if (!t.isObject()) {
      throw Json.malformed(e, status, "a tweet that is not an object");
    }
    String created = Json.text(t, "created_at");
    Instant createdAt;
    try {
      createdAt = created == null ? null : Instant.parse(created);
    } catch (DateTimeParseException bad) {
      throw Json.malformed(e, status, "a tweet whose created_at is not an ISO-8601 instant");
    }
    String authorId = Json.text(t, "author_id");
    List<ReferencedTweet> refs = new ArrayList<>();
    JsonNode referenced = Json.either(t, "referenced_tweets", "referenced_posts");
    if (referenced != null && referenced.isArray()) {
      for (JsonNode r : referenced) {
        ReferencedTweet.Type type = typeOf(Json.text(r, "type"));
        String id = Json.text(r, "id");
        if (type != null && id != null) {
          try {
            refs.add(new ReferencedTweet(type, id));
          } catch (InvalidInputException bad) {
            throw Json.malformed(e, status, "a referenced tweet with " + bad.getMessage());
          }
        }
      }
    }
    try {
      return Tweet.builder()
          .id(Json.text(t, "id"))
          .authorId(authorId)
          .authorHandle(authorId == null ? null : handles.get(authorId))
          .text(Json.text(t, "text"))
          .createdAt(createdAt)
          .lang(Json.text(t, "lang"))
          .source(Json.text(t, "source"))
          .referencedTweets(refs)
          .build();
    } catch (InvalidInputException bad) {
      // "field: reason", never the value
      throw Json.malformed(e, status, "a tweet with " + bad.getMessage());
    }
  }

  private static ReferencedTweet.Type typeOf(String type) {
    if (type == null) {
      return null;
    }
    switch (type.toLowerCase(Locale.ROOT)) {
      case "retweeted":
      case "reposted":
        return ReferencedTweet.Type.RETWEETED;
      case "quoted":
        return ReferencedTweet.Type.QUOTED;
      case "replied_to":
        return ReferencedTweet.Type.REPLIED_TO;
      default:
        return null;
    }
  }
}

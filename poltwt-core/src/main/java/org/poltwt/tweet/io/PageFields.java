package org.poltwt.tweet.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a response page says about itself ({@code data} or not, {@code meta}, the problems of its
 * {@code errors}), gathered as the parser passes and built into a {@link PageMeta}. Only used when
 * a caller asked for pages, so a reader that nobody asked this of skips {@code meta} and {@code
 * errors} unread, as it always has. Reused from one page to the next.
 */
final class PageFields {
  private boolean data;
  private boolean meta;
  private String nextToken;
  private String newestId;
  private String oldestId;
  private boolean resultCountGiven;
  private long resultCount;
  private final List<ApiProblem> errors = new ArrayList<>();

  void reset() {
    data = false;
    meta = false;
    nextToken = null;
    newestId = null;
    oldestId = null;
    resultCountGiven = false;
    resultCount = 0;
    errors.clear();
  }

  void data() {
    data = true;
  }

  /** Reads {@code meta}; the parser is on its first token and ends on its last. */
  void meta(JsonParser p, long line, JsonTweetParser.Sink sink) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return; // null is no value, as in a tweet
    }
    if (t != JsonToken.START_OBJECT) {
      sink.malformed(new MalformedTweet(line, "meta", "must be an object"));
      p.skipChildren();
      return;
    }
    meta = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "next_token":
          nextToken = string(p, "meta.next_token", line, sink);
          break;
        case "newest_id":
          newestId = string(p, "meta.newest_id", line, sink);
          break;
        case "oldest_id":
          oldestId = string(p, "meta.oldest_id", line, sink);
          break;
        case "result_count":
          // Asked as a type first: a number too big for a long would fail getLongValue() with an
          // exception the caller takes for a syntax error.
          if (v == JsonToken.VALUE_NUMBER_INT
              && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
              && p.getLongValue() >= 0) {
            resultCountGiven = true;
            resultCount = p.getLongValue();
          } else if (v != JsonToken.VALUE_NULL) {
            sink.malformed(
                new MalformedTweet(
                    line, "meta.result_count", "must be a whole number, at least 0"));
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  /**
   * Reads the items of {@code errors} as {@link ApiProblem}s; an item that is not an object is
   * malformed ({@code errors[i]}) and left out. The parser is on the array's first token and ends
   * on its last.
   */
  void errors(JsonParser p, long line, JsonTweetParser.Sink sink) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_ARRAY) {
      sink.malformed(new MalformedTweet(line, "errors", "must be an array"));
      p.skipChildren();
      return;
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.START_OBJECT) {
        errors.add(ApiProblem.read(p));
      } else {
        sink.malformed(new MalformedTweet(line, "errors[" + i + "]", "must be an object"));
        p.skipChildren();
      }
      i++;
    }
  }

  PageMeta build(long line) {
    return new PageMeta(
        line,
        data,
        meta,
        Optional.ofNullable(nextToken),
        Optional.ofNullable(newestId),
        Optional.ofNullable(oldestId),
        resultCountGiven ? OptionalLong.of(resultCount) : OptionalLong.empty(),
        errors);
  }

  /** A string value, or null for JSON null; anything else is reported and taken as absent. */
  private static String string(JsonParser p, String field, long line, JsonTweetParser.Sink sink)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t != JsonToken.VALUE_NULL) {
      sink.malformed(new MalformedTweet(line, field, "must be a string"));
      p.skipChildren();
    }
    return null;
  }
}

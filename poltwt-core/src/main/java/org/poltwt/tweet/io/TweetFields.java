package org.poltwt.tweet.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poltwt.InvalidInputException;
import org.poltwt.internal.TweetIds;
import org.poltwt.internal.text.ScannedHashtags;
import org.poltwt.internal.text.TextScan;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * The fields of one X API tweet object, gathered as a parser passes them, then checked and built
 * into a {@link Tweet}. Reused from one object to the next; keeps the first problem it meets.
 */
final class TweetFields {
  static final String BAD_TIMESTAMP =
      "must be an ISO-8601 UTC timestamp such as 2015-06-05T08:00:01.000Z";
  static final String BAD_USERNAME = "must be 1 to 15 letters, digits or underscores";

  private final HandleCache handles;
  private String id;
  private String authorId;
  private String text;
  private TextScan textScan;
  private String noteText;

  /**
   * Whether a created_at string was given; {@link #createdAt} is null if it was not a timestamp.
   */
  private boolean createdAtGiven;

  private Instant createdAt;
  private String lang;
  private String source;
  private List<ReferencedTweet> references = List.of();

  /**
   * Whether the author object gave a username; {@link #authorHandle} is null if it was not valid.
   */
  private boolean authorUsername;

  private String authorObjectId;
  private String badField;
  private String badReason;
  private TwitterHandle authorHandle;

  TweetFields(HandleCache handles) {
    this.handles = handles;
  }

  void reset() {
    id = null;
    authorId = null;
    text = null;
    textScan = null;
    noteText = null;
    createdAtGiven = false;
    createdAt = null;
    lang = null;
    source = null;
    references = List.of();
    authorUsername = false;
    authorObjectId = null;
    authorHandle = null;
    badField = null;
    badReason = null;
  }

  /**
   * Reads the value of field {@code name} if it is one of a tweet's; the parser is on the value's
   * first token and ends on its last.
   *
   * @return false, the value untouched, if the field is not a tweet's
   */
  boolean accept(String name, JsonParser p) throws IOException {
    switch (name) {
      case "id":
        id = string(p, "id");
        break;
      case "author_id":
        authorId = string(p, "author_id");
        break;
      case "text":
        if (p.currentToken() == JsonToken.VALUE_STRING) {
          // Scanned for the checker while its chars are at hand in the parser's buffer.
          char[] chars = p.getTextCharacters();
          int offset = p.getTextOffset();
          text = new String(chars, offset, p.getTextLength());
          textScan = TextScan.of(text, chars, offset);
        } else {
          text = string(p, "text");
          textScan = null;
        }
        break;
      case "created_at":
        createdAt(p);
        break;
      case "lang":
        lang = string(p, "lang");
        break;
      case "source":
        source = string(p, "source");
        break;
      case "referenced_tweets":
      case "referenced_posts":
        references(p, name);
        break;
      case "note_tweet":
      case "note_post":
        note(p, name);
        break;
      case "author":
        author(p);
        break;
      default:
        return false;
    }
    return true;
  }

  /**
   * Checks the gathered fields and builds the tweet.
   *
   * @return the tweet, or null after telling {@code sink} what is wrong
   */
  Tweet build(long line, JsonTweetParser.Sink sink) {
    if (badField == null) {
      check();
    }
    Instant at = createdAt;
    if (badField == null && at == null) {
      bad("created_at", BAD_TIMESTAMP);
    }
    if (badField == null) {
      try {
        String body = noteText != null ? noteText : text;
        TextScan scan = noteText != null ? null : textScan;
        return new Tweet(
            id,
            authorId,
            Optional.ofNullable(authorHandle),
            body,
            at,
            Optional.ofNullable(lang),
            Optional.ofNullable(source),
            references,
            new ScannedHashtags<>(body, scan, Hashtags::extract));
      } catch (InvalidInputException e) {
        // The record checks the ids' digits (here, once per tweet); name the field as the API does.
        bad("authorId".equals(e.field()) ? "author_id" : e.field(), e.reason());
      }
    }
    sink.malformed(new MalformedTweet(line, badField, badReason));
    return null;
  }

  private void check() {
    if (id != null
        && authorId != null
        && (text != null || noteText != null)
        && createdAtGiven
        && (!authorUsername || authorHandle != null)
        && (authorObjectId == null || authorObjectId.equals(authorId))) {
      return; // the ids' digits are checked once, by the record
    }
    // Something is wrong: report the first problem, in field order.
    if (!checkId("id", id) || !checkId("author_id", authorId)) {
      return;
    }
    if (text == null && noteText == null) {
      bad("text", "is required");
    } else if (!createdAtGiven) {
      bad("created_at", "is required");
    } else if (authorUsername && authorHandle == null) {
      bad("author.username", BAD_USERNAME);
    } else if (authorObjectId != null && !authorObjectId.equals(authorId)) {
      bad("author.id", "must equal author_id");
    }
  }

  private boolean checkId(String field, String value) {
    try {
      TweetIds.require(field, value);
      return true;
    } catch (InvalidInputException e) {
      bad(e.field(), e.reason());
      return false;
    }
  }

  private void references(JsonParser p, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_ARRAY) {
      bad(name, "must be an array");
      p.skipChildren();
      return;
    }
    List<ReferencedTweet> out = new ArrayList<>(2);
    int index = 0;
    for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
      String at = name + "[" + index + "]";
      if (t != JsonToken.START_OBJECT) {
        bad(at, "must be an object");
        p.skipChildren();
        continue;
      }
      String type = null;
      String refId = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("type".equals(field)) {
          type = string(p, at + ".type");
        } else if ("id".equals(field)) {
          refId = string(p, at + ".id");
        } else {
          p.skipChildren();
        }
      }
      ReferencedTweet.Type kind = type(type);
      if (kind == null) {
        bad(at + ".type", type == null ? "is required" : "must be retweeted, quoted or replied_to");
      } else if (checkId(at + ".id", refId)) {
        out.add(new ReferencedTweet(kind, refId));
      }
    }
    references = out;
  }

  private static ReferencedTweet.Type type(String type) {
    if (type == null) {
      return null;
    }
    switch (type) {
      case "retweeted":
        return ReferencedTweet.Type.RETWEETED;
      case "quoted":
        return ReferencedTweet.Type.QUOTED;
      case "replied_to":
        return ReferencedTweet.Type.REPLIED_TO;
      default:
        return null;
    }
  }

  private void note(JsonParser p, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      bad(name, "must be an object");
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if ("text".equals(field)) {
        noteText = string(p, name + ".text");
      } else {
        p.skipChildren();
      }
    }
  }

  private void author(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      bad("author", "must be an object");
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if ("username".equals(field)) {
        username(p);
      } else if ("id".equals(field)) {
        authorObjectId = string(p, "author.id");
      } else {
        p.skipChildren();
      }
    }
  }

  /** The author's username, resolved to a handle from the parser's buffer. */
  private void username(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      authorUsername = true;
      authorHandle = handles.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    } else {
      authorUsername = false;
      authorHandle = null;
      string(p, "author.username"); // null is no username; anything else is a problem
    }
  }

  /**
   * The timestamp, parsed from the parser's buffer; reported (in field order) when the tweet is
   * built.
   */
  private void createdAt(JsonParser p) throws IOException {
    createdAt = null;
    createdAtGiven = false;
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      createdAtGiven = true;
      try {
        createdAt =
            ApiTimestamps.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      } catch (DateTimeException e) {
        createdAt = null;
      }
    } else {
      string(p, "created_at"); // null is no timestamp; anything else is a problem
    }
  }

  /** A string value, or null for JSON null; anything else is a problem. */
  private String string(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t != JsonToken.VALUE_NULL) {
      bad(field, "must be a string");
      p.skipChildren();
    }
    return null;
  }

  private void bad(String field, String reason) {
    if (badField == null) {
      badField = field;
      badReason = reason;
    }
  }
}

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
import org.poltwt.tweet.Hashtag;
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

  /** The API's {@code entities.hashtags}, or null when the tweet object had no {@code entities}. */
  private List<Hashtag> entityHashtags;

  /** The same, of {@code note_tweet.entities}. */
  private List<Hashtag> noteHashtags;

  private final CountedText counted = new CountedText();

  private char[] firstVersion = new char[24];

  /** The versions of an edited post; empty for one never edited. */
  private List<String> editHistory = List.of();

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
    entityHashtags = null;
    noteHashtags = null;
    counted.reset();
    editHistory = List.of();
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
      case "entities":
        entityHashtags = entities(p, "entities", true);
        break;
      case "attachments":
        attachments(p);
        break;
      case "display_text_range":
        displayTextRange(p);
        break;
      case "edit_history_tweet_ids":
      case "edit_history_post_ids":
        editHistory(p, name);
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
        boolean longPost = noteText != null;
        String body = longPost ? noteText : text;
        TextScan scan = longPost ? null : textScan;
        List<Hashtag> given = longPost ? noteHashtags : entityHashtags;
        String countedText = longPost ? body : countedText();
        return new Tweet(
            id,
            authorId,
            Optional.ofNullable(authorHandle),
            body,
            at,
            Optional.ofNullable(lang),
            Optional.ofNullable(source),
            references,
            given != null ? given : new ScannedHashtags<>(body, scan, Hashtags::extract),
            countedText == body ? Optional.empty() : Optional.of(countedText),
            longPost,
            editHistory);
      } catch (InvalidInputException e) {
        // The record checks the ids' digits (here, once per tweet); name the field as the API does.
        bad(
            "authorId".equals(e.field())
                ? "author_id"
                : "editHistory".equals(e.field()) ? "edit_history_tweet_ids" : e.field(),
            e.reason());
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

  /**
   * The hashtags of the post these fields are of, as {@link #build} would give them, for a post the
   * page includes (a retweeted post in {@code includes.tweets}).
   *
   * @return the hashtags, or null without a text
   */
  List<Hashtag> ownHashtags() {
    if (noteText != null) {
      return noteHashtags != null ? noteHashtags : Hashtags.extract(noteText);
    }
    if (text == null) {
      return null;
    }
    return entityHashtags != null ? entityHashtags : Hashtags.extract(text);
  }

  /** The post's id, as read. */
  String id() {
    return id;
  }

  /** The text X counted: {@link #text} itself unless the API's fields say otherwise. */
  private String countedText() {
    if (counted.none() && text.indexOf('&') < 0) {
      return text; // the usual case: nothing to cut, nothing to unescape, nothing allocated
    }
    boolean reply = false;
    String quoted = null;
    for (int i = 0, n = references.size(); i < n; i++) {
      ReferencedTweet r = references.get(i);
      if (r.type() == ReferencedTweet.Type.REPLIED_TO) {
        reply = true;
      } else if (r.type() == ReferencedTweet.Type.QUOTED) {
        quoted = r.id();
      }
    }
    return counted.of(text, id, reply, quoted);
  }

  /**
   * An {@code entities} object: its hashtags are returned (an empty list when it has none, as the
   * API leaves empty arrays out); its mentions and links are kept for the counted text when {@code
   * ofText} (the entities of {@code text}, not of a long post's).
   */
  private List<Hashtag> entities(JsonParser p, String name, boolean ofText) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) {
      if (t != JsonToken.VALUE_NULL) {
        bad(name, "must be an object");
        p.skipChildren();
      }
      return null;
    }
    List<Hashtag> hashtags = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (v != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      switch (field) {
        case "hashtags":
          hashtags = hashtags(p, name + ".hashtags");
          break;
        case "mentions":
          if (ofText) {
            mentions(p);
          } else {
            p.skipChildren();
          }
          break;
        case "urls":
          if (ofText) {
            links(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    return hashtags;
  }

  private List<Hashtag> hashtags(JsonParser p, String name) throws IOException {
    List<Hashtag> out = new ArrayList<>(4);
    int index = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      int start = -1;
      int end = -1;
      String tag = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("start".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
          start = p.getIntValue();
        } else if ("end".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
          end = p.getIntValue();
        } else if ("tag".equals(field) && v == JsonToken.VALUE_STRING) {
          tag = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (tag == null || tag.isEmpty() || start < 0 || end <= start) {
        bad(name + "[" + index + "]", "must have a tag and indices 0 <= start < end");
      } else {
        out.add(new Hashtag(tag, start, end));
      }
    }
    return out;
  }

  private void mentions(JsonParser p) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      int start = -1;
      int end = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("start".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
          start = p.getIntValue();
        } else if ("end".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
          end = p.getIntValue();
        } else {
          p.skipChildren();
        }
      }
      if (start >= 0 && end > start) {
        counted.mention(start, end);
      }
    }
  }

  private void links(JsonParser p) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      int start = -1;
      int end = -1;
      boolean mediaKey = false;
      String expanded = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("start".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
          start = p.getIntValue();
        } else if ("end".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
          end = p.getIntValue();
        } else if ("media_key".equals(field) && v == JsonToken.VALUE_STRING) {
          mediaKey = true;
        } else if ("expanded_url".equals(field) && v == JsonToken.VALUE_STRING) {
          String url = p.getText();
          expanded = url.contains("/status/") ? url : null;
        } else {
          p.skipChildren();
        }
      }
      if (start >= 0 && end > start) {
        counted.link(start, end, mediaKey, expanded);
      }
    }
  }

  private void attachments(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if ("media_keys".equals(field) && v == JsonToken.START_ARRAY) {
        if (p.nextToken() != JsonToken.END_ARRAY) {
          counted.media();
          p.skipChildren();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * The ids of the post's versions. Every post the API gives has one, its own, when never edited:
   * that first id is copied into a reused buffer and made a string only when a second id follows,
   * so an unedited post costs no allocation.
   */
  private void editHistory(JsonParser p, String name) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      string(p, name); // null is no history; anything else is a problem
      return;
    }
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      return;
    }
    if (t != JsonToken.VALUE_STRING) {
      bad(name + "[0]", "must be a string");
      p.skipChildren();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      return;
    }
    int length = p.getTextLength();
    if (firstVersion.length < length) {
      firstVersion = new char[length];
    }
    System.arraycopy(p.getTextCharacters(), p.getTextOffset(), firstVersion, 0, length);
    t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      return; // one version: never edited
    }
    List<String> ids = new ArrayList<>(4);
    ids.add(new String(firstVersion, 0, length));
    for (int index = 1; t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
      if (t == JsonToken.VALUE_STRING) {
        ids.add(p.getText());
      } else {
        bad(name + "[" + index + "]", "must be a string");
        p.skipChildren();
      }
    }
    editHistory = ids;
  }

  private void displayTextRange(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    int[] range = {-1, -1};
    int i = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
      if (i < 2 && t == JsonToken.VALUE_NUMBER_INT) {
        range[i] = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    if (i == 2 && range[0] >= 0 && range[1] >= range[0]) {
      counted.displayRange(range[0], range[1]);
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
      } else if ("entities".equals(field)) {
        noteHashtags = entities(p, name + ".entities", false);
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

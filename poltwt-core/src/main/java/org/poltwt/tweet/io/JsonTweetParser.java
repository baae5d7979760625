package org.poltwt.tweet.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * The reading machine behind {@link TweetReader}: a JSON Lines file is read line by line, so a bad
 * line can be skipped; a document (a response page or an array, possibly pretty-printed) is read
 * with one streaming parser.
 *
 * <p>Lines share one parser over all the whole lines buffered (creating a parser costs about as
 * much as reading a short tweet). A line's tweets and reports are held until the line is known to
 * end where its value ends; a line that does anything else (a syntax error, a value running onto
 * the next line, more after its value) is read again on its own with a parser of its own, which is
 * what decides what such a line gives. So sharing never changes what a file reads as.
 *
 * <p>Root values and array elements are objects that are either a tweet or a response page; a page
 * is told by its {@code data}, {@code includes}, {@code meta} or {@code errors} member. A page's
 * tweets wait for its {@code includes.users} only when {@code data} comes first, so at most one
 * page of tweets is ever held.
 *
 * <p>When a caller asked for pages, a page's {@code meta} and {@code errors} are read too, and its
 * {@link PageMeta} goes out when the page ends: at once in a document, and in JSON Lines once the
 * line is known to be good, with the line's held reports, so a line read twice or skipped as bad
 * JSON never tells of its page.
 */
final class JsonTweetParser {
  /** Where malformed records go; may throw to end the read. */
  interface Sink {
    /** A record that can be skipped. */
    void malformed(MalformedTweet m);

    /** A record after which the input cannot be read further; must throw. */
    RuntimeException fatal(MalformedTweet m);
  }

  static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  static final String NOT_A_TWEET = "must be a tweet object, a response page or an array of them";

  private enum State {
    ROOT,
    IN_ARRAY,
    IN_OBJECT,
    IN_DATA
  }

  private final Utf8Lines lines;
  private final TweetReader.Format format;
  private final int maxLineLength;
  private final Sink sink;

  /** Told of each page; null when nobody asked, and then meta and errors are skipped unread. */
  private final Consumer<? super PageMeta> pages;

  /** Reports, held back while a line is read with the shared parser. */
  private final Sink reports =
      new Sink() {
        @Override
        public void malformed(MalformedTweet m) {
          if (shared) {
            held.add(() -> sink.malformed(m));
          } else {
            sink.malformed(m);
          }
        }

        @Override
        public RuntimeException fatal(MalformedTweet m) {
          return sink.fatal(m);
        }
      };

  /**
   * What the current JSON Lines line told (reports, pages), delivered once the line is known to be
   * good.
   */
  private final List<Runnable> held = new ArrayList<>();

  private final ArrayDeque<Tweet> ready = new ArrayDeque<>();

  private boolean started;
  private boolean finished;
  private boolean documentMode;

  /** A line read while deciding the format, still to be parsed. */
  private boolean linePending;

  private long documentLineOffset;
  private JsonParser parser;

  /** JSON Lines: a line is being read. */
  private boolean lineOpen;

  /** The parser is shared by the whole lines in {@code lines.buffer()[sharedFrom, sharedTo)}. */
  private boolean shared;

  private int sharedFrom;
  private int sharedTo;
  private long sharedGeneration;

  /** Shared parser: the current line's first value has been started. */
  private boolean valueOnLine;

  private State state = State.ROOT;
  private boolean objectInArray;
  private long objectLine;
  private final HandleCache handles = new HandleCache();
  private final TweetFields rootFields = new TweetFields(handles);
  private final TweetFields elementFields = new TweetFields(handles);
  private final PageFields pageFields = new PageFields();

  private boolean inPage;
  private boolean usersKnown;
  private final Map<String, TwitterHandle> users = new HashMap<>();

  /** The hashtags of the posts the page includes ({@code includes.tweets}), by id. */
  private final Map<String, List<Hashtag>> included = new HashMap<>();

  private final TweetFields includedFields = new TweetFields(handles);
  private final List<Tweet> pending = new ArrayList<>();

  /**
   * @param pages told of each page's {@link PageMeta}, or null to skip {@code meta} and {@code
   *     errors} unread
   */
  JsonTweetParser(
      Utf8Lines lines,
      TweetReader.Format format,
      int maxLineLength,
      Sink sink,
      Consumer<? super PageMeta> pages) {
    this.lines = lines;
    this.format = format;
    this.maxLineLength = maxLineLength;
    this.sink = sink;
    this.pages = pages;
  }

  /** The next tweet, or null at the end of the input. */
  Tweet next() throws IOException {
    try {
      // A line's tweets are only handed out once the whole line has been read.
      while (!finished && (ready.isEmpty() || lineOpen)) {
        if (documentMode ? parser == null : !lineOpen) {
          if (!open()) {
            finished = true;
          }
          continue;
        }
        try {
          step();
        } catch (JsonProcessingException e) {
          syntaxError(e);
        }
      }
    } catch (RuntimeException | IOException e) {
      close();
      throw e;
    }
    return ready.poll();
  }

  void close() {
    finished = true;
    ready.clear();
    pending.clear();
    held.clear();
    lineOpen = false;
    closeParser();
  }

  private void closeParser() {
    shared = false;
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // Nothing to release: the parser never closes the caller's input.
      }
      parser = null;
    }
  }

  /** Opens the next parser (the document's, or the next line's); false at the end of the input. */
  private boolean open() throws IOException {
    if (!started) {
      started = true;
      decideFormat();
      if (documentMode) {
        return parser != null;
      }
    } else if (documentMode) {
      return false;
    }
    while (true) {
      if (linePending) {
        linePending = false;
      } else if (!lines.next()) {
        closeParser();
        return false;
      }
      if (lines.tooLong()) {
        closeParser(); // the shared parser would read the skipped bytes
        sink.malformed(
            new MalformedTweet(
                lines.lineNumber(), "line", "is longer than " + maxLineLength + " bytes"));
        continue;
      }
      if (lines.blank()) {
        continue;
      }
      startLine();
      return true;
    }
  }

  /**
   * Starts reading the current line with the shared parser, opening one over the whole lines now
   * buffered unless the open one covers this line. Everything between the shared parser's position
   * and the line is white space: the rest of the last line read, then blank lines.
   */
  private void startLine() throws IOException {
    boolean covered =
        shared
            && lines.generation() == sharedGeneration
            && lines.lineStart() >= sharedFrom
            && lines.lineEnd() <= sharedTo;
    if (!covered) {
      closeParser();
      sharedFrom = lines.lineStart();
      sharedTo = lines.wholeLinesEnd();
      sharedGeneration = lines.generation();
      parser = JSON.createParser(lines.buffer(), sharedFrom, sharedTo - sharedFrom);
      shared = true;
    }
    state = State.ROOT;
    valueOnLine = false;
    lineOpen = true;
  }

  /**
   * The shared parser is back at the root after the current line's value: the line is done if the
   * value ended on it and only white space follows; otherwise the line is read again on its own.
   */
  private void endSharedValue() throws IOException {
    int at = sharedFrom + (int) parser.currentLocation().getByteOffset();
    if (at <= lines.lineEnd() && lines.blankFrom(at)) {
      endLine();
    } else {
      readLineAlone();
    }
  }

  /** The current line has been read: its held reports and pages go out, then its tweets may. */
  private void endLine() {
    lineOpen = false;
    if (!held.isEmpty()) {
      List<Runnable> out = List.copyOf(held);
      held.clear();
      for (Runnable r : out) {
        r.run();
      }
    }
  }

  /**
   * Forgets what the shared parser read of the current line and reads the line with its own parser.
   */
  private void readLineAlone() throws IOException {
    ready.clear();
    pending.clear();
    held.clear();
    closeParser();
    parser =
        JSON.createParser(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart());
    state = State.ROOT;
  }

  private void decideFormat() throws IOException {
    if (format == TweetReader.Format.JSON_LINES) {
      return;
    }
    if (format == TweetReader.Format.DOCUMENT) {
      openDocument();
      return;
    }
    do {
      if (!lines.next()) {
        return;
      }
    } while (!lines.tooLong() && lines.blank());
    if (lines.tooLong() || lines.firstSignificant() == '[' || !holdsWholeValue()) {
      openDocument();
    } else {
      linePending = true;
    }
  }

  /** Whether the current line holds a whole JSON value, or something that is not JSON at all. */
  private boolean holdsWholeValue() throws IOException {
    try (JsonParser p =
        JSON.createParser(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart())) {
      p.nextToken();
      p.skipChildren();
      return true;
    } catch (JsonEOFException e) {
      return false;
    } catch (JsonProcessingException e) {
      return true;
    }
  }

  private void openDocument() throws IOException {
    documentMode = true;
    documentLineOffset = lines.linesBeforeRest();
    parser = JSON.createParser(lines.rest());
    state = State.ROOT;
  }

  private long line() {
    return documentMode
        ? documentLineOffset + parser.currentTokenLocation().getLineNr()
        : lines.lineNumber();
  }

  private void step() throws IOException {
    if (shared && state == State.ROOT) {
      if (valueOnLine) {
        endSharedValue();
        return;
      }
      valueOnLine = true;
    }
    JsonToken t = parser.nextToken();
    switch (state) {
      case ROOT:
        if (t == null) {
          if (documentMode) {
            closeParser();
            finished = true;
          } else if (shared) {
            readLineAlone(); // cannot happen on a line that is not blank; the line decides
          } else {
            closeParser();
            endLine();
          }
        } else if (t == JsonToken.START_ARRAY) {
          state = State.IN_ARRAY;
        } else if (t == JsonToken.START_OBJECT) {
          beginObject(false);
        } else {
          notATweet();
        }
        break;
      case IN_ARRAY:
        if (t == JsonToken.END_ARRAY) {
          state = State.ROOT;
        } else if (t == JsonToken.START_OBJECT) {
          beginObject(true);
        } else {
          notATweet();
        }
        break;
      case IN_OBJECT:
        // The members one after another, in this one step, until the object ends or a page's data
        // array begins (its tweets are then stepped through one at a time).
        while (t != JsonToken.END_OBJECT) {
          member(parser.currentName());
          if (state != State.IN_OBJECT) {
            return;
          }
          t = parser.nextToken();
        }
        endObject();
        break;
      case IN_DATA:
        if (t == JsonToken.END_ARRAY) {
          state = State.IN_OBJECT;
        } else if (t == JsonToken.START_OBJECT) {
          pageTweet(readTweet());
        } else if (t != JsonToken.VALUE_NULL) {
          reports.malformed(new MalformedTweet(line(), "data", "must hold tweet objects"));
          parser.skipChildren();
        }
        break;
      default:
        throw new IllegalStateException(state.name());
    }
  }

  private void notATweet() throws IOException {
    reports.malformed(new MalformedTweet(line(), "json", NOT_A_TWEET));
    parser.skipChildren();
  }

  private void beginObject(boolean inArray) {
    objectInArray = inArray;
    objectLine = line();
    rootFields.reset();
    inPage = false;
    state = State.IN_OBJECT;
  }

  private void member(String name) throws IOException {
    JsonToken v = parser.nextToken();
    if (rootFields.accept(name, parser)) {
      return; // a tweet's field, the usual case, told apart in one switch
    }
    switch (name) {
      case "data":
        startPage();
        pageFields.data();
        if (v == JsonToken.START_ARRAY) {
          state = State.IN_DATA;
        } else if (v == JsonToken.START_OBJECT) {
          pageTweet(readTweet());
        } else if (v != JsonToken.VALUE_NULL) {
          reports.malformed(new MalformedTweet(line(), "data", "must be an array of tweets"));
          parser.skipChildren();
        }
        break;
      case "includes":
        startPage();
        if (v == JsonToken.START_OBJECT) {
          readIncludes();
        } else {
          parser.skipChildren();
        }
        break;
      case "meta":
        startPage();
        if (pages != null) {
          pageFields.meta(parser, line(), reports);
        } else {
          parser.skipChildren();
        }
        break;
      case "errors":
        startPage();
        if (pages != null) {
          pageFields.errors(parser, line(), reports);
        } else {
          parser.skipChildren();
        }
        break;
      default:
        parser.skipChildren();
    }
  }

  private void endObject() {
    if (inPage) {
      for (Tweet t : pending) {
        ready.add(resolve(t));
      }
      pending.clear();
      users.clear();
      included.clear();
      inPage = false;
      if (pages != null) {
        page(pageFields.build(objectLine));
      }
    } else {
      Tweet t = rootFields.build(objectLine, reports);
      if (t != null) {
        ready.add(t);
      }
    }
    state = objectInArray ? State.IN_ARRAY : State.ROOT;
  }

  private void startPage() {
    if (!inPage) {
      inPage = true;
      usersKnown = false;
      users.clear();
      included.clear();
      pending.clear();
      pageFields.reset();
    }
  }

  /** A page has ended: told at once in a document, with the line's other news in JSON Lines. */
  private void page(PageMeta meta) {
    if (documentMode) {
      pages.accept(meta);
    } else {
      held.add(() -> pages.accept(meta));
    }
  }

  private Tweet readTweet() throws IOException {
    long line = line();
    elementFields.reset();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (!elementFields.accept(name, parser)) {
        parser.skipChildren();
      }
    }
    return elementFields.build(line, reports);
  }

  private void pageTweet(Tweet t) {
    if (t == null) {
      return;
    }
    if (usersKnown) {
      ready.add(resolve(t));
    } else {
      pending.add(t);
    }
  }

  private void readIncludes() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken v = parser.nextToken();
      if ("users".equals(name) && v == JsonToken.START_ARRAY) {
        int index = 0;
        for (JsonToken t = parser.nextToken();
            t != JsonToken.END_ARRAY;
            t = parser.nextToken(), index++) {
          if (t == JsonToken.START_OBJECT) {
            readUser(index);
          } else {
            parser.skipChildren();
          }
        }
      } else if (("tweets".equals(name) || "posts".equals(name)) && v == JsonToken.START_ARRAY) {
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (t == JsonToken.START_OBJECT) {
            readIncludedPost();
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    usersKnown = true;
    for (Tweet t : pending) {
      ready.add(resolve(t));
    }
    pending.clear();
  }

  /**
   * A post the page includes: only its id and hashtags are kept, for the retweets of it on the
   * page. What is malformed in it is not reported: it is not one of the page's tweets.
   */
  private void readIncludedPost() throws IOException {
    includedFields.reset();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (!includedFields.accept(name, parser)) {
        parser.skipChildren();
      }
    }
    List<Hashtag> hashtags = includedFields.ownHashtags();
    if (includedFields.id() != null && hashtags != null) {
      included.put(includedFields.id(), hashtags);
    }
  }

  private void readUser(int index) throws IOException {
    long line = line();
    String id = null;
    String username = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken v = parser.nextToken();
      if ("id".equals(name) && v == JsonToken.VALUE_STRING) {
        id = parser.getText();
      } else if ("username".equals(name) && v == JsonToken.VALUE_STRING) {
        username = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    if (id == null || username == null) {
      return;
    }
    TwitterHandle handle = handles.of(username);
    if (handle != null) {
      users.put(id, handle);
    } else {
      reports.malformed(
          new MalformedTweet(
              line, "includes.users[" + index + "].username", TweetFields.BAD_USERNAME));
    }
  }

  /**
   * The tweet with its author's handle from the page's users and, for a retweet of a post the page
   * includes, that post's hashtags (a retweet's text is cut short by X, and its words are the
   * retweeted post's).
   */
  private Tweet resolve(Tweet t) {
    List<Hashtag> retweeted = included.isEmpty() ? null : retweetedHashtags(t);
    TwitterHandle handle = t.authorHandle().isPresent() ? null : users.get(t.authorId());
    if (handle == null && retweeted == null) {
      return t;
    }
    return new Tweet(
        t.id(),
        t.authorId(),
        handle != null ? Optional.of(handle) : t.authorHandle(),
        t.text(),
        t.createdAt(),
        t.lang(),
        t.source(),
        t.referencedTweets(),
        retweeted != null ? retweeted : t.hashtags(),
        t.countedText(),
        t.longPost(),
        t.editHistory());
  }

  private List<Hashtag> retweetedHashtags(Tweet t) {
    for (ReferencedTweet r : t.referencedTweets()) {
      if (r.type() == ReferencedTweet.Type.RETWEETED) {
        return included.get(r.id());
      }
    }
    return null;
  }

  private void syntaxError(JsonProcessingException e) throws IOException {
    MalformedTweet m;
    if (documentMode) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      m = new MalformedTweet(documentLineOffset + Math.max(1, at.getLineNr()), "json", reason(e));
      close();
      throw sink.fatal(m);
    }
    if (shared) {
      readLineAlone();
      return;
    }
    m = new MalformedTweet(lines.lineNumber(), "json", reason(e));
    ready.clear();
    pending.clear();
    held.clear(); // the line's pages: the line is skipped whole
    closeParser();
    lineOpen = false;
    sink.malformed(m);
  }

  private static String reason(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "ends inside a JSON value";
    }
    if (e instanceof StreamConstraintsException) {
      return "exceeds a JSON size limit";
    }
    JsonLocation at = e.getLocation();
    return at == null ? "is not valid JSON" : "is not valid JSON (column " + at.getColumnNr() + ")";
  }
}

package org.poltwt.tweet.io;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.Tweet;

/**
 * Reads tweets as the X API v2 gives them, one at a time, from a stream the caller owns.
 *
 * <p>Accepted input, in UTF-8 (a {@link Reader}'s characters are encoded to UTF-8 first, an
 * unpaired surrogate becoming {@code ?}):
 *
 * <ul>
 *   <li><b>JSON Lines</b>: one JSON value per line, each a tweet object or a whole response page;
 *       blank lines are ignored. This is what {@link TweetWriter} writes.
 *   <li><b>A response page</b> such as {@code GET /2/tweets/search/recent} returns: {@code
 *       {"data":[tweet...],"includes":{"users":[...]},"meta":{...}}}, pretty-printed or not, or
 *       several such pages one after the other.
 *   <li><b>A JSON array</b> of tweet objects (or of pages).
 * </ul>
 *
 * <p>A tweet object needs {@code id}, {@code author_id}, {@code text} and {@code created_at}; it
 * may have {@code lang}, {@code source} and {@code referenced_tweets} (or {@code
 * referenced_posts}), and every other field is ignored. A reference's {@code type} is one of the
 * three values X sends, spelled exactly as X spells them: {@code retweeted}, {@code quoted}, {@code
 * replied_to}. Both the API's OpenAPI description (2.159 and 2.167, which renamed many "tweet"
 * words to "post" words but kept these) and recorded responses use only those lower-case words, so
 * any other value, such as {@code reposted} or {@code Retweeted}, is malformed rather than silently
 * read as something else. When it has {@code note_tweet.text} (or {@code note_post.text}), the full
 * text of a long post, that is the tweet's text and the tweet is a {@linkplain Tweet#longPost()
 * long post}. The hashtags are the API's own {@code entities.hashtags} (of {@code
 * note_tweet.entities} for a long post) when the tweet object has {@code entities} (the API leaves
 * empty arrays out, so {@code entities} without {@code hashtags} means none); without {@code
 * entities} they are extracted from the text by Twitter's rules ({@link Hashtags}).
 *
 * <p><b>The text X counted.</b> A published post's {@code text} is not what X counted against the
 * limit of 280 when it published it, and the reader gives the counted part as {@link
 * Tweet#countedText()}, decided from the tweet object's own fields, in this order:
 *
 * <ol>
 *   <li>{@code display_text_range} {@code [start, end]} (code points), when the API gives it, is
 *       the counted part.
 *   <li>Otherwise, for a reply (a {@code replied_to} reference), the {@code entities.mentions} that
 *       begin the text, one after another with only white space between them, are left out: X fills
 *       them in for a reply and has not counted them since 2017. A post that is not a reply keeps
 *       its leading mentions.
 *   <li>Then the {@code entities.urls} that end the text, one after another, are left out while
 *       each was appended by X: a link with a {@code media_key}, or, when the tweet has {@code
 *       attachments.media_keys}, one whose {@code expanded_url} is this post's own {@code
 *       /status/<id>/photo/…} or {@code /video/…} page; or the link to the quoted post ({@code
 *       expanded_url} ending in {@code /status/<id>} of the {@code quoted} reference). A link the
 *       author wrote, or one not at the end, counts (23, like every link).
 *   <li>Last, the three HTML entities X escapes in the text, {@code &amp;amp;}, {@code &amp;lt;}
 *       and {@code &amp;gt;}, are unescaped; any other {@code &amp;} stays as it is.
 * </ol>
 *
 * <p>Entity indices are read as code-point indices (start inclusive, end exclusive); an entity
 * whose indices do not point at its {@code @} or at a {@code https://t.co/} link is ignored, so a
 * doubtful entity can only make the count longer. A tweet object without entities, references or
 * {@code &amp;} in its text counts its whole text, and nothing is allocated for it. A long post has
 * no counted text: X allows it to be longer than 280.
 *
 * <p>The author's handle comes from the page's {@code includes.users} (joined on {@code author_id})
 * or, for a tweet standing alone, from an {@code "author":{"id":"...","username":"..."}} member of
 * the tweet object (the convention of twarc's flattened files, and what {@link TweetWriter}
 * writes); an author in neither gives a tweet without a handle. A page whose {@code includes} come
 * after its {@code data} holds that page's tweets until the {@code includes} arrive; nothing else
 * is held, so a file of any length is read in the memory of one line or one page.
 *
 * <p>A page's own facts ({@code meta.next_token} and the rest of {@code meta}, whether it has
 * {@code data}, the {@link ApiProblem}s of its {@code errors}) are handed to the {@linkplain
 * Builder#onPage(Consumer) page listener}, when one is set, as a {@link PageMeta} once the page has
 * been read whole: in a document as soon as its closing brace is read, in JSON Lines once its line
 * is known to be good (never for a line skipped as bad JSON). That may come before or after the
 * page's tweets have been returned, but always before any tweet of a later line or page. Without a
 * listener {@code meta} and {@code errors} are skipped unread; with one, a {@code meta} member of
 * the wrong type is malformed (field {@code meta.next_token}, for instance) and, if skipped, absent
 * from the {@link PageMeta}, and so is an {@code errors} item that is not an object (field {@code
 * errors[1]}, for instance). The tweets of a page that has {@code errors} beside its {@code data}
 * (X's partial answer: a user not found, a withheld post) are read as any others.
 *
 * <p>Format detection ({@link Format#AUTO}): input starting with {@code [} is a document;
 * otherwise, if its first non-blank line holds a whole JSON value (or is not JSON at all) the input
 * is JSON Lines, and if not (a pretty-printed page) it is a document.
 *
 * <p>Malformed input, a line or object that is not valid JSON, lacks a required field or has a bad
 * value, is reported as a {@link MalformedTweet} with its line number, the field and the reason
 * (never the text), first to the {@link Builder#onMalformed(Consumer) listener}, and then, by the
 * {@link Malformed} policy, either fails the read with a {@link MalformedTweetException} (the
 * default) or is skipped and counted in {@link #skipped()}. A line that is not valid JSON is
 * skipped whole, with any tweets of a page on it. In a document, where no next record can be found
 * after a syntax error, a syntax error always fails the read.
 *
 * <p>A reader is an {@link Iterator} and offers a lazy {@link #stream()} of the same tweets; it is
 * not thread-safe. I/O failures surface as {@link UncheckedIOException}. Closing the reader, or its
 * stream, releases it but never closes the caller's input; after a failure or close it yields no
 * more tweets.
 */
public final class TweetReader implements Iterator<Tweet>, Closeable {
  /** The longest line read by default, in bytes: 16 MiB, far more than a page of 100 tweets. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

  /** What to do with a malformed record, after the listener has seen it. */
  public enum Malformed {
    /** Skip it, count it in {@link TweetReader#skipped()} and read on. */
    SKIP,
    /** Fail the read with a {@link MalformedTweetException}. */
    FAIL
  }

  /** The shape of the input. */
  public enum Format {
    /** Decide from the input's first line, as the class documentation describes. */
    AUTO,
    /** One tweet object or response page per line; a bad line can be skipped. */
    JSON_LINES,
    /** One or more JSON documents (pages, tweet objects or arrays of them), read by one parser. */
    DOCUMENT
  }

  private final JsonTweetParser cursor;
  private final Malformed policy;
  private final Consumer<? super MalformedTweet> listener;
  private Tweet next;
  private long skipped;

  private TweetReader(InputStream in, Builder b) {
    this.policy = b.policy;
    this.listener = b.listener;
    this.cursor =
        new JsonTweetParser(
            new Utf8Lines(in, b.maxLineLength),
            b.format,
            b.maxLineLength,
            new JsonTweetParser.Sink() {
              @Override
              public void malformed(MalformedTweet m) {
                listener.accept(m);
                if (policy == Malformed.FAIL) {
                  throw new MalformedTweetException(m);
                }
                skipped++;
              }

              @Override
              public RuntimeException fatal(MalformedTweet m) {
                listener.accept(m);
                return new MalformedTweetException(m);
              }
            },
            b.pageListener);
  }

  /**
   * Opens a reader with the defaults: {@link Format#AUTO}, failing on the first malformed record.
   *
   * @param in UTF-8 input; the caller keeps ownership and closes it
   * @return a reader of its tweets
   */
  public static TweetReader of(InputStream in) {
    return builder().build(in);
  }

  /**
   * Opens a reader of characters with the defaults: {@link Format#AUTO}, failing on the first
   * malformed record.
   *
   * @param in the input; the caller keeps ownership and closes it
   * @return a reader of its tweets
   */
  public static TweetReader of(Reader in) {
    return builder().build(in);
  }

  /**
   * Starts configuring readers.
   *
   * @return a new builder, with {@link Malformed#FAIL}, {@link Format#AUTO} and {@link
   *     #DEFAULT_MAX_LINE_LENGTH}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether another tweet follows, reading as far as the next one.
   *
   * @return true if {@link #next()} will return a tweet
   * @throws MalformedTweetException on malformed input under {@link Malformed#FAIL}, or on a syntax
   *     error in a document
   * @throws UncheckedIOException if reading the input fails
   */
  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = cursor.next();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  /**
   * Returns the next tweet.
   *
   * @return the tweet
   * @throws NoSuchElementException at the end of the input
   * @throws MalformedTweetException on malformed input under {@link Malformed#FAIL}, or on a syntax
   *     error in a document
   * @throws UncheckedIOException if reading the input fails
   */
  @Override
  public Tweet next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more tweets");
    }
    Tweet t = next;
    next = null;
    return t;
  }

  /**
   * Returns the remaining tweets as a lazy, sequential, ordered stream that shares this reader's
   * position. Closing the stream closes this reader (not the caller's input).
   *
   * @return the tweets not yet read
   */
  public Stream<Tweet> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Returns how many malformed records were skipped so far under {@link Malformed#SKIP}: lines,
   * tweets, users in a page's {@code includes}, or members of a page's {@code meta}.
   *
   * @return the count, 0 under {@link Malformed#FAIL}
   */
  public long skipped() {
    return skipped;
  }

  /**
   * Releases this reader; the caller's input stays open. Later calls to {@link #hasNext()} return
   * false.
   */
  @Override
  public void close() {
    next = null;
    cursor.close();
  }

  /** Configures {@link TweetReader}s; one builder may open several readers. Not thread-safe. */
  public static final class Builder {
    private Malformed policy = Malformed.FAIL;
    private Consumer<? super MalformedTweet> listener = m -> {};
    private Format format = Format.AUTO;
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;

    /**
     * Null until asked for: then the reader reads each page's meta and errors rather than skipping
     * them.
     */
    private Consumer<? super PageMeta> pageListener;

    private Builder() {}

    /**
     * Sets what happens to a malformed record.
     *
     * @param policy {@link Malformed#SKIP} or {@link Malformed#FAIL} (the default)
     * @return this builder
     */
    public Builder onMalformed(Malformed policy) {
      this.policy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the listener told of every malformed record, before it is skipped or fails the read.
     *
     * @param listener called on the reading thread with the record's line, field and reason
     * @return this builder
     */
    public Builder onMalformed(Consumer<? super MalformedTweet> listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the listener told of every response page read, with its {@code meta} ({@code
     * next_token}, {@code newest_id}, {@code oldest_id}, {@code result_count}), whether it has
     * {@code data} and the problems in its {@code errors}: what a caller paging through search
     * results needs beside the tweets. It is told once per page, after the page has been read whole
     * and before any tweet of a later line or page is returned; never for a tweet object that
     * stands alone.
     *
     * @param listener called on the reading thread; what it throws ends the read and reaches the
     *     caller of {@link TweetReader#hasNext()}
     * @return this builder
     */
    public Builder onPage(Consumer<? super PageMeta> listener) {
      this.pageListener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the input's format, when the caller knows it.
     *
     * @param format the format; {@link Format#AUTO} by default
     * @return this builder
     */
    public Builder format(Format format) {
      this.format = requireNonNull(format, "format");
      return this;
    }

    /**
     * Sets the longest JSON Lines line read; a longer line is malformed (field {@code line}) and is
     * never held whole.
     *
     * @param bytes the limit in bytes, at least 1; {@link #DEFAULT_MAX_LINE_LENGTH} by default
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1 or {@link Integer#MAX_VALUE}
     */
    public Builder maxLineLength(int bytes) {
      if (bytes < 1 || bytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "maxLineLength: must be between 1 and " + (Integer.MAX_VALUE - 1));
      }
      this.maxLineLength = bytes;
      return this;
    }

    /**
     * Opens a reader of UTF-8 input. Nothing is read until the first tweet is asked for.
     *
     * @param in the input; the caller keeps ownership and closes it
     * @return a reader of its tweets
     */
    public TweetReader build(InputStream in) {
      return new TweetReader(requireNonNull(in, "in"), this);
    }

    /**
     * Opens a reader of characters. Nothing is read until the first tweet is asked for.
     *
     * @param in the input; the caller keeps ownership and closes it
     * @return a reader of its tweets
     */
    public TweetReader build(Reader in) {
      return new TweetReader(new Utf8Lines.Utf8(requireNonNull(in, "in")), this);
    }
  }
}

package org.poltwt.tweet.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * Writes tweets as JSON Lines: one X API v2 tweet object per line, which {@link TweetReader} reads
 * back into equal tweets.
 *
 * <p>Each line holds {@code id}, {@code text}, {@code author_id}, {@code created_at} (as the API
 * writes it, {@code 2015-06-05T08:00:01.000Z}, or with more digits when the instant has them), and,
 * when present, {@code author} ({@code {"id","username"}}), {@code lang}, {@code source}, {@code
 * referenced_tweets} and {@code entities.hashtags} (code-point indices; an empty {@code entities}
 * when a text with a hash sign has no hashtag, so that no reader extracts one). A {@linkplain
 * Tweet#longPost() long post}'s text is also written as {@code note_tweet.text}, and a {@linkplain
 * Tweet#countedText() counted text} as the {@code display_text_range} it is of the text (left out
 * when it is not a part of the text as X escapes it), and an edited post's {@code
 * edit_history_tweet_ids}. Absent values are left out, as the API does. Text is written with JSON
 * escapes, so line breaks in it never break the line; to a byte stream it is UTF-8, with an
 * unpaired surrogate (text that is not well-formed Unicode) written as a JSON escape so that it too
 * reads back unchanged. A {@link Writer} target receives such a surrogate as it is, and its own
 * encoding decides what becomes of it.
 *
 * <p>Not thread-safe. Output is buffered: {@link #flush()} or {@link #close()} pushes it to the
 * target. Closing the writer never closes the caller's target. I/O failures surface as {@link
 * UncheckedIOException}.
 */
public final class TweetWriter implements Flushable, Closeable {
  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .rootValueSeparator((String) null)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          // Emoji and other supplementary characters as 4-byte UTF-8, not as two escaped
          // surrogates.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private final JsonGenerator out;
  private long written;

  private TweetWriter(JsonGenerator out) {
    this.out = out;
  }

  /**
   * Opens a writer of UTF-8 JSON Lines.
   *
   * @param out the target; the caller keeps ownership and closes it
   * @return the writer
   */
  public static TweetWriter of(OutputStream out) {
    requireNonNull(out, "out");
    try {
      return new TweetWriter(JSON.createGenerator(out, JsonEncoding.UTF8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a writer of JSON Lines to characters.
   *
   * @param out the target; the caller keeps ownership and closes it
   * @return the writer
   */
  public static TweetWriter of(Writer out) {
    requireNonNull(out, "out");
    try {
      return new TweetWriter(JSON.createGenerator(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one tweet as one line.
   *
   * @param tweet the tweet
   * @throws UncheckedIOException if writing fails
   */
  public void write(Tweet tweet) {
    requireNonNull(tweet, "tweet");
    try {
      out.writeStartObject();
      out.writeStringField("id", tweet.id());
      out.writeStringField("text", tweet.text());
      if (tweet.longPost()) {
        out.writeObjectFieldStart("note_tweet");
        out.writeStringField("text", tweet.text());
        out.writeEndObject();
      } else if (tweet.countedText().isPresent()) {
        displayTextRange(tweet.text(), tweet.countedText().get());
      }
      out.writeStringField("author_id", tweet.authorId());
      if (tweet.authorHandle().isPresent()) {
        out.writeObjectFieldStart("author");
        out.writeStringField("id", tweet.authorId());
        out.writeStringField("username", tweet.authorHandle().get().value());
        out.writeEndObject();
      }
      out.writeStringField("created_at", ApiTimestamps.format(tweet.createdAt()));
      if (tweet.lang().isPresent()) {
        out.writeStringField("lang", tweet.lang().get());
      }
      if (tweet.source().isPresent()) {
        out.writeStringField("source", tweet.source().get());
      }
      if (tweet.edited()) {
        out.writeArrayFieldStart("edit_history_tweet_ids");
        for (String version : tweet.editHistory()) {
          out.writeString(version);
        }
        out.writeEndArray();
      }
      List<ReferencedTweet> references = tweet.referencedTweets();
      if (!references.isEmpty()) {
        out.writeArrayFieldStart("referenced_tweets");
        for (ReferencedTweet r : references) {
          out.writeStartObject();
          out.writeStringField("type", r.type().name().toLowerCase(Locale.ROOT));
          out.writeStringField("id", r.id());
          out.writeEndObject();
        }
        out.writeEndArray();
      }
      List<Hashtag> hashtags = tweet.hashtags();
      if (hashtags.isEmpty()
          && (tweet.text().indexOf('#') >= 0 || tweet.text().indexOf('\uFF03') >= 0)) {
        out.writeObjectFieldStart("entities");
        out.writeEndObject();
      } else if (!hashtags.isEmpty()) {
        out.writeObjectFieldStart("entities");
        out.writeArrayFieldStart("hashtags");
        for (Hashtag h : hashtags) {
          out.writeStartObject();
          out.writeNumberField("start", h.start());
          out.writeNumberField("end", h.end());
          out.writeStringField("tag", h.tag());
          out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      out.writeEndObject();
      out.writeRaw('\n');
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the counted text as the API's {@code display_text_range}, in code points, when it is a
   * part of the text as written (escaped as X escapes it); otherwise nothing, and a reader counts
   * the whole text.
   */
  private void displayTextRange(String text, String counted) throws IOException {
    String escaped =
        counted.indexOf('&') < 0 && counted.indexOf('<') < 0 && counted.indexOf('>') < 0
            ? counted
            : counted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    int from = text.indexOf(escaped);
    if (from < 0) {
      return;
    }
    int start = text.codePointCount(0, from);
    out.writeArrayFieldStart("display_text_range");
    out.writeNumber(start);
    out.writeNumber(start + escaped.codePointCount(0, escaped.length()));
    out.writeEndArray();
  }

  /**
   * Returns how many tweets were written.
   *
   * @return the count
   */
  public long written() {
    return written;
  }

  /**
   * Pushes buffered output to the target and flushes it.
   *
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flushes and releases the writer; the caller's target stays open.
   *
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

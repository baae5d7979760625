package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Tweet;

/**
 * Reads 100,000 tweets of JSON Lines (25,000 in the other shapes) from an input that makes them up
 * as it is read, and checks at every tweet that the reader has not pulled more than a few hundred
 * kilobytes ahead of what it handed out: a reader that loaded the input first could not pass.
 */
class TweetReaderStreamingTest {
  private static final int TWEETS = 100_000;
  private static final int FEWER_TWEETS = 25_000;

  /** The most tweets the input may have produced beyond those read: a few buffers' worth. */
  private static final int MAX_LOOKAHEAD = 2_000;

  enum Shape {
    JSON_LINES,
    JSON_LINES_AS_CHARACTERS,
    ARRAY,
    PAGE_WITH_INCLUDES_FIRST
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void readsTweetsWithoutHoldingTheInput(Shape shape) {
    int count = shape == Shape.JSON_LINES ? TWEETS : FEWER_TWEETS;
    SyntheticTweets in = new SyntheticTweets(shape, count);
    long read = 0;
    int maxLookahead = 0;
    TwitterHandle bot = TwitterHandle.of("PolTwtBot");

    try (TweetReader r =
        shape == Shape.JSON_LINES_AS_CHARACTERS
            ? TweetReader.of(new InputStreamReader(in, UTF_8))
            : TweetReader.of(in)) {
      while (r.hasNext()) {
        Tweet t = r.next();
        read++;
        maxLookahead = Math.max(maxLookahead, (int) (in.produced() - read));
        if (!t.id().equals(Long.toString(read))) {
          assertThat(t.id()).isEqualTo(Long.toString(read));
        }
        if (shape == Shape.PAGE_WITH_INCLUDES_FIRST && !bot.equals(t.authorHandle().orElse(null))) {
          assertThat(t.authorHandle()).contains(bot);
        }
        if (read % 1000 == 0) {
          assertThat(t.hashtags()).extracting(Hashtag::tag).containsExactly("PolTwt");
        }
      }
    }

    assertThat(read).isEqualTo(count);
    assertThat(in.produced()).isEqualTo(count);
    assertThat(maxLookahead).isLessThan(MAX_LOOKAHEAD);
  }

  /** Makes up tweets in one of the shapes as they are read, counting how many it has produced. */
  static final class SyntheticTweets extends InputStream {
    private final Shape shape;
    private final int count;
    private int produced;
    private boolean suffixDone;
    private byte[] chunk;
    private int at;

    SyntheticTweets(Shape shape, int count) {
      this.shape = shape;
      this.count = count;
      this.chunk = prefix().getBytes(UTF_8);
    }

    int produced() {
      return produced;
    }

    private String prefix() {
      switch (shape) {
        case ARRAY:
          return "[\n";
        case PAGE_WITH_INCLUDES_FIRST:
          return "{\n  \"includes\": {\"users\": [{\"id\": \"7\", \"name\": \"Bot\", \"username\": \"PolTwtBot\"}]},\n  \"data\": [\n";
        default:
          return "";
      }
    }

    private String suffix() {
      switch (shape) {
        case ARRAY:
          return "\n]\n";
        case PAGE_WITH_INCLUDES_FIRST:
          return "\n  ],\n  \"meta\": {\"result_count\": " + count + "}\n}\n";
        default:
          return "";
      }
    }

    private String tweet(int n) {
      // Few texts carry a hashtag: extracting them is not what this test measures.
      String tag = n % 1000 == 0 ? " #PolTwt" : "";
      String json =
          "{\"id\":\""
              + n
              + "\",\"text\":\"Call "
              + n
              + ": noise complaint, resolved \uD83D\uDE93"
              + tag
              + "\","
              + "\"author_id\":\"7\",\"created_at\":\"2015-06-05T08:"
              + two(n / 60 % 60)
              + ":"
              + two(n % 60)
              + ".000Z\",\"lang\":\"en\",\"public_metrics\":{\"retweet_count\":1,\"like_count\":3}}";
      boolean lines = shape == Shape.JSON_LINES || shape == Shape.JSON_LINES_AS_CHARACTERS;
      return lines ? json + "\n" : (n == 1 ? "    " : ",\n    ") + json;
    }

    private static String two(int v) {
      return v < 10 ? "0" + v : Integer.toString(v);
    }

    private boolean refill() {
      if (produced < count) {
        produced++;
        chunk = tweet(produced).getBytes(UTF_8);
      } else if (!suffixDone) {
        suffixDone = true;
        chunk = suffix().getBytes(UTF_8);
      } else {
        return false;
      }
      at = 0;
      return true;
    }

    @Override
    public int read() {
      while (at == chunk.length) {
        if (!refill()) {
          return -1;
        }
      }
      return chunk[at++] & 0xFF;
    }

    /** Fills the whole request, as a file does, so the reader gets all it asks for. */
    @Override
    public int read(byte[] b, int off, int len) {
      int done = 0;
      while (done < len) {
        if (at == chunk.length && !refill()) {
          return done == 0 && len > 0 ? -1 : done;
        }
        int n = Math.min(len - done, chunk.length - at);
        System.arraycopy(chunk, at, b, off + done, n);
        at += n;
        done += n;
      }
      return done;
    }
  }
}

package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

class TweetWriterTest {
  private static final Instant AT = Instant.parse("2015-06-05T08:00:01Z");

  @Test
  void writesOneApiShapedObjectPerLine() {
    Tweet full =
        Tweet.builder()
            .id("1002")
            .authorId("200")
            .authorHandle(TwitterHandle.of("officer_ex"))
            .text("RT @ExamplePolice: \"Briefing\"\ndone #PolTwt \uD83D\uDE93")
            .createdAt(AT)
            .lang("en")
            .source("Twitter for iPhone")
            .referencedTweets(
                List.of(
                    new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "1001"),
                    new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "999")))
            .build();
    Tweet bare = Tweet.of("1003", "300", null, "plain", AT.plusNanos(1));

    String out = write(full, bare);

    assertThat(out)
        .isEqualTo(
            "{\"id\":\"1002\",\"text\":\"RT @ExamplePolice: \\\"Briefing\\\"\\ndone #PolTwt \uD83D\uDE93\",\"author_id\":\"200\","
                + "\"author\":{\"id\":\"200\",\"username\":\"officer_ex\"},\"created_at\":\"2015-06-05T08:00:01.000Z\","
                + "\"lang\":\"en\",\"source\":\"Twitter for iPhone\",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"1001\"},"
                + "{\"type\":\"replied_to\",\"id\":\"999\"}],\"entities\":{\"hashtags\":[{\"start\":35,\"end\":42,\"tag\":\"PolTwt\"}]}}\n"
                + "{\"id\":\"1003\",\"text\":\"plain\",\"author_id\":\"300\",\"created_at\":\"2015-06-05T08:00:01.000000001Z\"}\n");
  }

  @Test
  void whatItWritesReadsBackEqual() {
    Tweet a =
        Tweet.builder()
            .id("1")
            .authorId("2")
            .authorHandle(TwitterHandle.of("Abc"))
            .text("line\r\nbreak\u2028 #PolTwt")
            .createdAt(AT)
            .lang("und")
            .referencedTweets(List.of(new ReferencedTweet(ReferencedTweet.Type.QUOTED, "3")))
            .build();
    Tweet b = Tweet.of("4", "5", null, "", Instant.parse("2006-03-21T20:50:14.123Z"));

    String out = write(a, b);

    try (TweetReader r = TweetReader.of(new ByteArrayInputStream(out.getBytes(UTF_8)))) {
      assertThat(r.stream().collect(Collectors.toList())).containsExactly(a, b);
    }
    try (TweetReader r = TweetReader.of(new StringReader(out))) {
      assertThat(r.stream().collect(Collectors.toList())).containsExactly(a, b);
    }
  }

  @Test
  void writesAnUnpairedSurrogateToBytesAsAnEscapeThatReadsBack() {
    Tweet odd = Tweet.of("1", "2", null, "a\uD800b", AT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TweetWriter w = TweetWriter.of(bytes)) {
      w.write(odd);
    }

    assertThat(bytes.toString(UTF_8)).contains("a\\uD800b");
    try (TweetReader r = TweetReader.of(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(r.next()).isEqualTo(odd);
    }
  }

  @Test
  void buffersUntilFlushedCountsAndNeverClosesTheTarget() {
    boolean[] closed = {false};
    ByteArrayOutputStream sink =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    TweetWriter w = TweetWriter.of(sink);

    w.write(Tweet.of("1", "2", null, "x", AT));
    assertThat(sink.size()).isZero();
    w.flush();
    assertThat(sink.size()).isPositive();
    w.write(Tweet.of("2", "2", null, "y", AT));
    w.close();

    assertThat(w.written()).isEqualTo(2);
    assertThat(sink.toString(UTF_8).lines()).hasSize(2);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void writeFailuresSurfaceUnchecked() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    TweetWriter w = TweetWriter.of(broken);
    w.write(Tweet.of("1", "2", null, "x", AT));

    assertThatThrownBy(w::flush).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> w.write(null)).isInstanceOf(NullPointerException.class);
  }

  private static String write(Tweet... tweets) {
    StringWriter out = new StringWriter();
    try (TweetWriter w = TweetWriter.of(out)) {
      for (Tweet t : tweets) {
        w.write(t);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TweetWriter w = TweetWriter.of(bytes)) {
      for (Tweet t : tweets) {
        w.write(t);
      }
    }
    assertThat(bytes.toString(UTF_8)).isEqualTo(out.toString());
    return out.toString();
  }
}

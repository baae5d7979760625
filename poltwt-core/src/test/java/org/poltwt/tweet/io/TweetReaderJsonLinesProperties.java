package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A JSON Lines input reads exactly as its lines read one at a time: the same tweets and the same
 * reports, line numbers shifted, in the same order (a line's reports, then its tweets), whatever
 * the mix of good, bad, blank, too-long and multi-line values, and however the input trickles in.
 * The reader shares one parser between lines; this holds it to the line-by-line meaning.
 */
class TweetReaderJsonLinesProperties {
  private static final String TWEET =
      "{\"id\":\"%d\",\"text\":\"%s\",\"author_id\":\"12\","
          + "\"created_at\":\"2015-06-05T10:00:00.000Z\",\"author\":{\"id\":\"12\",\"username\":\"police_1\"}}";

  @Provide
  Arbitrary<List<String>> lines() {
    return line().list().ofMaxSize(12);
  }

  private static Arbitrary<String> line() {
    Arbitrary<Integer> id = Arbitraries.integers().between(1, 999);
    Arbitrary<String> text =
        Arbitraries.of(
            "Hi #PolTwt",
            "Ride-along 🚓 #poltwt",
            "x",
            "Un café ☕",
            "a long one " + "word ".repeat(60));
    Arbitrary<String> tweet =
        net.jqwik.api.Combinators.combine(id, text).as((i, t) -> String.format(TWEET, i, t));
    return Arbitraries.oneOf(
        tweet,
        tweet.map(t -> t + "\r"),
        tweet.map(t -> "  " + t + " \t"),
        tweet.map(t -> t + " " + t),
        tweet.map(t -> t + t),
        tweet.map(t -> t + " x"),
        tweet.map(t -> t + " 42"),
        tweet.map(t -> "[" + t + "," + t + "]"),
        tweet.map(
            t ->
                "{\"data\":["
                    + t.replace(",\"author\":{\"id\":\"12\",\"username\":\"police_1\"}", "")
                    + "],\"includes\":{\"users\":[{\"id\":\"12\",\"username\":\"police_2\"}]}}"),
        tweet.map(t -> t.substring(0, t.length() / 2)),
        tweet.map(t -> t.substring(t.length() / 2)),
        tweet.map(t -> t.replace("\"12\"", "\"twelve\"")),
        tweet.map(t -> t.replace("police_1", "not a handle!")),
        tweet.map(t -> t.replace(",\"author_id\"", "\n,\"author_id\"")),
        tweet.map(t -> t.replace(",\"author_id\"", "\r,\"author_id\"")),
        tweet.map(t -> "\r" + t),
        tweet.map(t -> t.replace("{", "{\n")),
        tweet.map(t -> t.replace("}}", "}\n}")),
        Arbitraries.of(
            "",
            " ",
            "\r",
            "\t \r",
            "{",
            "}",
            "[",
            "]",
            "42",
            "\"text\"",
            "null",
            "true",
            "{\"id\":}",
            "{}",
            "[]",
            "{\"data\":null}",
            "{\"data\":[1]}",
            "{\"id\":\"1\"}",
            "\u00ff\u00fe",
            "{\"text\":\"\u0001\"}"));
  }

  @Property(tries = 300)
  void readsAsItsLinesReadOneByOne(
      @ForAll("lines") List<String> lines,
      @ForAll boolean trailingNewline,
      @ForAll @IntRange(min = 1, max = 700) int chunk,
      @ForAll @IntRange(min = 120, max = 2_000) int maxLine) {
    String input = String.join("\n", lines) + (trailingNewline ? "\n" : "");

    List<String> expected = new ArrayList<>();
    long lineNumber = 0;
    for (String physical : input.split("\n", -1)) {
      expected.addAll(read(physical, chunk, maxLine, lineNumber++, TweetReader.Malformed.SKIP));
    }
    assertThat(read(input, chunk, maxLine, 0, TweetReader.Malformed.SKIP)).isEqualTo(expected);

    // Failing on the first malformed record: everything before it, then it, then the failure.
    List<String> untilFirstReport = new ArrayList<>();
    for (String e : expected) {
      untilFirstReport.add(e);
      if (e.startsWith("report")) {
        untilFirstReport.add("failed");
        break;
      }
    }
    assertThat(read(input, chunk, maxLine, 0, TweetReader.Malformed.FAIL))
        .isEqualTo(untilFirstReport);
  }

  /**
   * What reading {@code input} gives, as events in order, reports' line numbers shifted by {@code
   * shift}.
   */
  private static List<String> read(
      String input, int chunk, int maxLine, long shift, TweetReader.Malformed policy) {
    List<String> events = new ArrayList<>();
    try (TweetReader reader =
        TweetReader.builder()
            .format(TweetReader.Format.JSON_LINES)
            .maxLineLength(maxLine)
            .onMalformed(policy)
            .onMalformed(
                m ->
                    events.add(
                        "report " + (m.lineNumber() + shift) + " " + m.field() + " " + m.reason()))
            .build(new Trickle(input.getBytes(UTF_8), chunk))) {
      while (reader.hasNext()) {
        events.add("tweet " + reader.next());
      }
    } catch (MalformedTweetException e) {
      events.add("failed");
    }
    return events;
  }

  /** Hands out at most {@code chunk} bytes per read, as a pipe or a socket may. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int chunk;

    Trickle(byte[] b, int chunk) {
      super(b);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}

package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

class TweetReaderTest {

  // ---- the three shapes ------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"page-includes-first.json", "page-includes-last.json"})
  void readsAPrettyPrintedPageWhereverItsIncludesAre(String resource) throws IOException {
    List<Tweet> tweets = readAll(resource);

    assertThat(tweets).extracting(Tweet::id).containsExactly("1001", "1002", "1003", "1004");
    assertThat(tweets)
        .extracting(t -> t.authorHandle().map(TwitterHandle::value).orElse(null))
        .containsExactly("ExamplePolice", "officer_ex", null, "ExamplePolice");
    Tweet first = tweets.get(0);
    assertThat(first.authorId()).isEqualTo("100");
    assertThat(first.text()).isEqualTo("Morning briefing done. #PolTwt");
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2015-06-05T08:00:01Z"));
    assertThat(first.lang()).contains("en");
    assertThat(first.source()).contains("Twitter Web Client");
    assertThat(first.referencedTweets()).isEmpty();
  }

  @Test
  void bothPagesGiveTheSameTweetsAndTheDocumentFormatCanBeForced() throws IOException {
    List<Tweet> first = readAll("page-includes-first.json");
    try (InputStream in = resource("page-includes-last.json");
        TweetReader r = TweetReader.builder().format(TweetReader.Format.DOCUMENT).build(in)) {
      assertThat(r.stream().collect(Collectors.toList())).isEqualTo(first);
    }
  }

  @Test
  void takesHashtagsFromTheApiEntitiesWhenTheTweetHasThem() throws IOException {
    // Issue 17: the payload's own entities.hashtags are what X extracted from the post it
    // published (a cut retweet's text would otherwise give a truncated "#Br…" tag).
    Tweet first = readAll("page-includes-first.json").get(0);

    assertThat(first.hashtags()).containsExactly(new Hashtag("NotWhatTheTextSays", 0, 3));
  }

  @Test
  void extractsHashtagsFromTheTextByTwittersRulesWithoutEntities() throws IOException {
    Tweet second = readAll("page-includes-first.json").get(1);

    assertThat(second.hashtags()).isEqualTo(org.poltwt.tweet.Hashtags.extract(second.text()));
  }

  @Test
  void readsRetweetQuoteAndReplyReferences() throws IOException {
    List<Tweet> tweets = readAll("page-includes-last.json");

    assertThat(tweets.get(1).referencedTweets())
        .containsExactly(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "1001"));
    assertThat(tweets.get(1).isRetweet()).isTrue();
    assertThat(tweets.get(2).referencedTweets())
        .containsExactly(new ReferencedTweet(ReferencedTweet.Type.QUOTED, "900"));
    assertThat(tweets.get(2).isQuote()).isTrue();
    assertThat(tweets.get(3).referencedTweets())
        .containsExactly(new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "1002"));
    assertThat(tweets.get(3).isReply()).isTrue();
    assertThat(tweets.get(0).isRetweet() || tweets.get(0).isQuote() || tweets.get(0).isReply())
        .isFalse();
  }

  @Test
  void readsAJsonArrayOfTweetsPrettyOrOnOneLine() throws IOException {
    List<Tweet> pretty = readAll("tweets-array.json");
    String oneLine = "  [" + tweetJson("1", "a #PolTwt") + ",\n" + tweetJson("2", "b") + "]";

    assertThat(pretty).extracting(Tweet::id).containsExactly("1001", "1002", "1003", "1004");
    assertThat(pretty).allSatisfy(t -> assertThat(t.authorHandle()).isEmpty());
    assertThat(read(oneLine)).extracting(Tweet::id).containsExactly("1", "2");
  }

  @Test
  void readsJsonLinesOfTweetObjectsWithTheAuthorConvention() throws IOException {
    List<Tweet> tweets = readAll("tweets.jsonl");

    assertThat(tweets).extracting(Tweet::id).containsExactly("3001", "3002", "3003");
    assertThat(tweets.get(0).authorHandle()).contains(TwitterHandle.of("ExamplePolice"));
    assertThat(tweets.get(0).text()).isEqualTo("Night shift starts \uD83D\uDE93 #PolTwt");
    assertThat(tweets.get(1).authorHandle()).isEmpty();
    assertThat(tweets.get(1).text()).isEqualTo("Ronda de noche\n#PolTwt");
    assertThat(tweets.get(1).createdAt()).isEqualTo(Instant.parse("2015-06-05T21:00:00Z"));
    assertThat(tweets.get(1).source()).contains("Twitter for iPhone");
    assertThat(tweets.get(2).lang()).isEmpty();
  }

  @Test
  void takesTheFullTextOfALongPostAndReadsThePostSpellings() throws IOException {
    Tweet longPost = readAll("tweets.jsonl").get(2);

    assertThat(longPost.text())
        .isEqualTo("A long post whose full text carries the tag at the end #PolTwt");
    assertThat(longPost.hashtags()).extracting(Hashtag::tag).containsExactly("PolTwt");
    assertThat(longPost.referencedTweets())
        .containsExactly(new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "3002"));
  }

  @Test
  void readsJsonLinesOfWholePagesIncludingEmptyOnes() throws IOException {
    List<Tweet> tweets = readAll("pages.jsonl");

    assertThat(tweets)
        .extracting(Tweet::id)
        .containsExactly("1001", "1002", "1003", "1004", "2001");
    assertThat(tweets.get(4).authorHandle()).contains(TwitterHandle.of("officer_ex"));
    assertThat(tweets.get(2).authorHandle()).isEmpty();
  }

  @Test
  void readsSeveralPrettyPagesOneAfterTheOther() throws IOException {
    String one = text("page-includes-first.json");
    String two = text("page-includes-last.json");

    List<Tweet> tweets = read(one + two);

    assertThat(tweets).hasSize(8);
    assertThat(tweets.subList(4, 8)).isEqualTo(tweets.subList(0, 4));
  }

  @Test
  void readsASingleTweetLookupResponse() {
    String lookup =
        "{\"data\":"
            + tweetJson("7", "hi")
            + ",\"includes\":{\"users\":[{\"id\":\"2\",\"username\":\"abc\"}]}}";

    assertThat(read(lookup))
        .singleElement()
        .satisfies(t -> assertThat(t.authorHandle()).contains(TwitterHandle.of("abc")));
  }

  @Test
  void anIncludedAuthorDoesNotReplaceOneTheTweetCarries() {
    String page =
        "{\"data\":[{\"id\":\"7\",\"text\":\"x\",\"author_id\":\"1\",\"created_at\":\"2015-06-05T08:00:00.000Z\","
            + "\"author\":{\"username\":\"own\"}}],\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"other\"}]}}";

    assertThat(read(page))
        .singleElement()
        .satisfies(t -> assertThat(t.authorHandle()).contains(TwitterHandle.of("own")));
  }

  @Test
  void anEmptyOrBlankInputHasNoTweets() {
    assertThat(read("")).isEmpty();
    assertThat(read(" \n\r\n\t\n")).isEmpty();
    assertThat(read("[]")).isEmpty();
    assertThat(read("{\"meta\":{\"result_count\":0}}")).isEmpty();
  }

  @Test
  void toleratesAByteOrderMarkCrLfLineEndsAndBlankLines() {
    String body = "\uFEFF" + tweetJson("1", "a") + "\r\n\r\n" + tweetJson("2", "b") + "\r\n";

    assertThat(read(body)).extracting(Tweet::id).containsExactly("1", "2");
  }

  @Test
  void readsCharactersLikeBytes() throws IOException {
    for (String name :
        List.of(
            "page-includes-first.json",
            "page-includes-last.json",
            "tweets.jsonl",
            "pages.jsonl",
            "tweets-array.json")) {
      try (TweetReader r = TweetReader.of(new StringReader(text(name)))) {
        assertThat(r.stream().collect(Collectors.toList())).as(name).isEqualTo(readAll(name));
      }
    }
  }

  // ---- malformed input -------------------------------------------------------------------------

  @Test
  void skipsMalformedLinesReportingLineFieldAndReason() throws IOException {
    List<MalformedTweet> seen = new ArrayList<>();
    try (InputStream in = resource("malformed.jsonl");
        TweetReader r =
            TweetReader.builder()
                .onMalformed(TweetReader.Malformed.SKIP)
                .onMalformed(seen::add)
                .build(in)) {
      List<Tweet> tweets = r.stream().collect(Collectors.toList());

      assertThat(tweets).extracting(Tweet::id).containsExactly("4001", "4005", "4006");
      assertThat(r.skipped()).isEqualTo(4);
    }
    assertThat(seen)
        .containsExactly(
            new MalformedTweet(2, "json", "ends inside a JSON value"),
            new MalformedTweet(3, "id", "is required"),
            new MalformedTweet(4, "id", "must be a numeric id"),
            new MalformedTweet(5, "created_at", TweetFields.BAD_TIMESTAMP));
  }

  @Test
  void failsOnTheFirstMalformedLineByDefaultWithItsNumberAndNoPersonalData() throws IOException {
    List<MalformedTweet> seen = new ArrayList<>();
    List<String> read = new ArrayList<>();
    try (InputStream in = resource("malformed.jsonl");
        TweetReader r = TweetReader.builder().onMalformed(seen::add).build(in)) {
      MalformedTweetException e =
          catchThrowableOfType(
              MalformedTweetException.class, () -> r.forEachRemaining(t -> read.add(t.id())));

      assertThat(read).containsExactly("4001");
      assertThat(e.lineNumber()).isEqualTo(2);
      assertThat(e.field()).isEqualTo("json");
      assertThat(e.code()).isEqualTo(Tweet.INVALID);
      assertThat(e.getMessage()).isEqualTo("line 2: json: ends inside a JSON value");
      assertThat(e.malformed()).isEqualTo(seen.get(0));
      assertThat(e.getCause()).isNull();
      assertThat(r.skipped()).isZero();
      assertThat(r.hasNext()).isFalse();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | json       | ends inside a JSON value",
        "3 | id         | is required",
        "4 | id         | must be a numeric id",
        "5 | created_at | " + TweetFields.BAD_TIMESTAMP
      })
  void failsOnEachKindOfMalformedLineWithItsExactNumber(int line, String field, String reason)
      throws IOException {
    String[] lines = text("malformed.jsonl").split("\n", -1);
    String input =
        lines[0] + "\n" + "\n".repeat(line - 2) + lines[line - 1] + "\n" + lines[5] + "\n";

    MalformedTweetException e =
        catchThrowableOfType(MalformedTweetException.class, () -> read(input));

    assertThat(e.malformed()).isEqualTo(new MalformedTweet(line, field, reason));
    assertThat(e.getMessage()).doesNotContain("jane").doesNotContain("example.org");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"1\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\"}                            | author_id | is required",
        "{\"id\":\"1\",\"author_id\":\"2\",\"created_at\":\"2015-06-05T08:00:00.000Z\"}                        | text | is required",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\"}                                                      | created_at | is required",
        "{\"id\":1,\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\"}               | id | must be a string",
        "{\"id\":\"123456789012345678901\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\"} | id | must be at most 20 digits",
        "{\"id\":\"1\",\"author_id\":\"-2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\"}           | author_id | must be a numeric id",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":[],\"created_at\":\"2015-06-05T08:00:00.000Z\"}              | text | must be a string",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-02-29T08:00:00.000Z\"}          | created_at | "
            + TweetFields.BAD_TIMESTAMP,
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05 08:00:00\"}               | created_at | "
            + TweetFields.BAD_TIMESTAMP,
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\"lang\":5} | lang | must be a string",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\"referenced_tweets\":[{\"type\":\"reposted\",\"id\":\"3\"}]} | referenced_tweets[0].type | must be retweeted, quoted or replied_to",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\"referenced_tweets\":[{\"type\":\"quoted\",\"id\":\"3\"},{\"type\":\"quoted\"}]} | referenced_tweets[1].id | is required",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\"referenced_tweets\":{}} | referenced_tweets | must be an array",
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\"author\":{\"username\":\"not a handle\"}} | author.username | "
            + TweetFields.BAD_USERNAME,
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\"author\":{\"id\":\"3\",\"username\":\"ok\"}} | author.id | must equal author_id",
        "42                                                                                              | json | "
            + JsonTweetParser.NOT_A_TWEET,
        "{\"id\":\"1\" \"author_id\":\"2\"}                                                                 | json | is not valid JSON (column 11)"
      })
  void namesTheFieldAndTheReasonOfEachProblem(String line, String field, String reason) {
    String input = tweetJson("1", "ok") + "\n" + line.strip() + "\n";
    List<MalformedTweet> seen = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder().onMalformed(TweetReader.Malformed.SKIP).onMalformed(seen::add),
            input);

    assertThat(tweets).hasSize(1);
    assertThat(seen).containsExactly(new MalformedTweet(2, field, reason));
  }

  @Test
  void acceptsTimestampsWithoutMillisecondsOrWithAnOffset() {
    String input =
        tweetAt("1", "2015-06-05T08:00:01Z")
            + "\n"
            + tweetAt("2", "2015-06-05T10:00:01.5+02:00")
            + "\n"
            + tweetAt("3", "2015-06-05T08:00:01.123456789Z");

    assertThat(read(input))
        .extracting(Tweet::createdAt)
        .containsExactly(
            Instant.parse("2015-06-05T08:00:01Z"),
            Instant.parse("2015-06-05T08:00:01.5Z"),
            Instant.parse("2015-06-05T08:00:01.123456789Z"));
  }

  @Test
  void skipsOnlyTheBadTweetOfAPageButAWholeLineThatIsNotJson() {
    String page =
        "{\"data\":["
            + tweetJson("1", "a")
            + ",{\"id\":\"x\"},"
            + tweetJson("3", "c")
            + "],\"includes\":{\"users\":[{\"id\":\"2\",\"username\":\"abc\"}]}}";
    String brokenPage = "{\"includes\":{\"users\":[]},\"data\":[" + tweetJson("4", "d") + ",{";
    List<MalformedTweet> seen = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder().onMalformed(TweetReader.Malformed.SKIP).onMalformed(seen::add),
            page + "\n" + brokenPage + "\n" + tweetJson("5", "e") + "\n");

    assertThat(tweets).extracting(Tweet::id).containsExactly("1", "3", "5");
    assertThat(tweets.get(0).authorHandle()).contains(TwitterHandle.of("abc"));
    assertThat(seen)
        .containsExactly(
            new MalformedTweet(1, "id", "must be a numeric id"),
            new MalformedTweet(2, "json", "ends inside a JSON value"));
  }

  @Test
  void reportsAnIncludedUserWithABadUsernameAndLeavesItsTweetsWithoutAHandle() {
    String page =
        "{\"data\":["
            + tweetJson("1", "a")
            + "],\"includes\":{\"users\":[{\"id\":\"2\",\"username\":\"@bad\"}]}}";
    List<MalformedTweet> seen = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder().onMalformed(TweetReader.Malformed.SKIP).onMalformed(seen::add),
            page);

    assertThat(tweets).singleElement().satisfies(t -> assertThat(t.authorHandle()).isEmpty());
    assertThat(seen)
        .containsExactly(
            new MalformedTweet(1, "includes.users[0].username", TweetFields.BAD_USERNAME));
  }

  @Test
  void reportsTheLineOfABadTweetInsideAPrettyDocument() throws IOException {
    String page =
        text("page-includes-last.json").replace("\"2015-06-05T08:02:00.000Z\"", "\"yesterday\"");
    List<MalformedTweet> seen = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder().onMalformed(TweetReader.Malformed.SKIP).onMalformed(seen::add),
            page);

    assertThat(tweets).extracting(Tweet::id).containsExactly("1001", "1002", "1004");
    int line = lineOf(page, "\"id\": \"1003\"") - 1;
    assertThat(seen)
        .containsExactly(new MalformedTweet(line, "created_at", TweetFields.BAD_TIMESTAMP));
  }

  @ParameterizedTest
  @EnumSource(TweetReader.Malformed.class)
  void aSyntaxErrorInADocumentEndsTheReadWhateverThePolicy(TweetReader.Malformed policy)
      throws IOException {
    String page =
        text("page-includes-first.json").replace("\"id\": \"1003\",", "\"id\": \"1003\" oops");
    List<String> read = new ArrayList<>();

    TweetReader r = TweetReader.builder().onMalformed(policy).build(bytes(page));
    MalformedTweetException e =
        catchThrowableOfType(
            MalformedTweetException.class, () -> r.forEachRemaining(t -> read.add(t.id())));

    assertThat(read).containsExactly("1001", "1002");
    assertThat(e.lineNumber()).isEqualTo(lineOf(page, "oops"));
    assertThat(e.field()).isEqualTo("json");
    assertThat(r.hasNext()).isFalse();
  }

  @Test
  void aLineLongerThanTheLimitIsMalformedAndNeverHeldWhole() {
    String longLine =
        "{\"id\":\"1\",\"text\":\""
            + "x".repeat(5000)
            + "\",\"author_id\":\"2\",\"created_at\":\"2015-06-05T08:00:00Z\"}";
    String input = tweetJson("1", "a") + "\n" + longLine + "\n" + tweetJson("3", "c") + "\n";
    List<MalformedTweet> seen = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder()
                .format(TweetReader.Format.JSON_LINES)
                .maxLineLength(1000)
                .onMalformed(TweetReader.Malformed.SKIP)
                .onMalformed(seen::add),
            input);

    assertThat(tweets).extracting(Tweet::id).containsExactly("1", "3");
    assertThat(seen).containsExactly(new MalformedTweet(2, "line", "is longer than 1000 bytes"));
  }

  @Test
  void aFirstLineLongerThanTheLimitIsReadAsADocument() {
    StringBuilder page = new StringBuilder("{\"data\":[");
    for (int i = 1; i <= 200; i++) {
      page.append(i == 1 ? "" : ",").append(tweetJson(Integer.toString(i), "tweet " + i));
    }
    List<Tweet> tweets = read(TweetReader.builder().maxLineLength(1000), page + "]}\n");

    assertThat(tweets).hasSize(200);
  }

  @Test
  void theJsonLinesFormatCanBeForced() {
    String input = "{\n" + tweetJson("2", "b") + "\n";
    List<MalformedTweet> seen = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder()
                .format(TweetReader.Format.JSON_LINES)
                .onMalformed(TweetReader.Malformed.SKIP)
                .onMalformed(seen::add),
            input);

    assertThat(tweets).extracting(Tweet::id).containsExactly("2");
    assertThat(seen).containsExactly(new MalformedTweet(1, "json", "ends inside a JSON value"));
  }

  // ---- the reader's contract -------------------------------------------------------------------

  @Test
  void isLazyAndNeverClosesTheCallersInput() {
    CloseTracking in =
        new CloseTracking(bytes(tweetJson("1", "a") + "\n" + tweetJson("2", "b") + "\n"));
    TweetReader r = TweetReader.of(in);

    assertThat(in.reads).isZero();
    try (Stream<Tweet> s = r.stream()) {
      assertThat(s.findFirst()).map(Tweet::id).contains("1");
    }

    assertThat(in.closed).isFalse();
    assertThat(r.hasNext()).isFalse();
    assertThatThrownBy(r::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void readFailuresSurfaceUnchecked() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };

    assertThatThrownBy(() -> TweetReader.of(failing).hasNext())
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void rejectsBadOptions() {
    TweetReader.Builder b = TweetReader.builder();

    assertThatThrownBy(() -> b.maxLineLength(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.format(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.onMalformed((TweetReader.Malformed) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.build((InputStream) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aMalformedRecordNeedsALineNumber() {
    assertThatThrownBy(() -> new MalformedTweet(0, "id", "is required"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new MalformedTweet(3, "id", "is required").toString())
        .isEqualTo("MalformedTweet[lineNumber=3, field=id, reason=is required]");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static String tweetJson(String id, String text) {
    return "{\"id\":\""
        + id
        + "\",\"text\":\""
        + text
        + "\",\"author_id\":\"2\",\"created_at\":\"2015-06-05T08:00:00.000Z\"}";
  }

  private static String tweetAt(String id, String createdAt) {
    return "{\"id\":\""
        + id
        + "\",\"text\":\"t\",\"author_id\":\"2\",\"created_at\":\""
        + createdAt
        + "\"}";
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static InputStream resource(String name) {
    InputStream in = TweetReaderTest.class.getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static String text(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static List<Tweet> readAll(String name) throws IOException {
    try (InputStream in = resource(name);
        TweetReader r = TweetReader.of(in)) {
      return r.stream().collect(Collectors.toList());
    }
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  private static List<Tweet> read(String input) {
    return read(TweetReader.builder(), input);
  }

  private static List<Tweet> read(TweetReader.Builder b, String input) {
    try (TweetReader r = b.build(bytes(input))) {
      return r.stream().collect(Collectors.toList());
    }
  }

  /** Records whether it was read from or closed. */
  private static final class CloseTracking extends FilterInputStream {
    boolean closed;
    int reads;

    CloseTracking(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      reads++;
      return super.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }
}

package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.tweet.io.TweetReaderTest.tweetJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.tweet.Tweet;

/** {@link TweetReader.Builder#onPage}: a page's meta, data and errors, told once per good page. */
class TweetReaderPagesTest {

  @ParameterizedTest
  @ValueSource(strings = {"page-includes-first.json", "page-includes-last.json"})
  void aPrettyPrintedPageTellsItsMetaOnceItHasBeenRead(String resource) throws IOException {
    List<PageMeta> pages = new ArrayList<>();
    List<Tweet> tweets;
    try (InputStream in = TweetReaderTest.class.getResourceAsStream(resource);
        TweetReader r = TweetReader.builder().onPage(pages::add).build(in)) {
      tweets = r.stream().collect(Collectors.toList());
    }

    assertThat(tweets).hasSize(4);
    assertThat(pages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.lineNumber()).isEqualTo(1);
              assertThat(p.hasData()).isTrue();
              assertThat(p.hasMeta()).isTrue();
              assertThat(p.newestId()).hasValue("1004");
              assertThat(p.oldestId()).hasValue("1001");
              assertThat(p.resultCount()).hasValue(4);
              assertThat(p.errors()).isZero();
            });
    if (resource.equals("page-includes-first.json")) {
      assertThat(pages.get(0).nextToken()).hasValue("b26v89c19zqg8o3fo7gesq314yb9l2l4ptqy");
    }
  }

  @Test
  void askingForPagesChangesNoTweet() throws IOException {
    for (String resource :
        List.of("page-includes-first.json", "page-includes-last.json", "pages.jsonl")) {
      assertThat(readResource(TweetReader.builder().onPage(p -> {}), resource))
          .as(resource)
          .isEqualTo(readResource(TweetReader.builder(), resource));
    }
  }

  @Test
  void eachJsonLinesPageIsToldBeforeAnyTweetOfALaterLine() {
    String input =
        "{\"data\":["
            + tweetJson("1", "a")
            + ","
            + tweetJson("2", "b")
            + "],\"meta\":{\"next_token\":\"t2\"}}\n"
            + tweetJson("3", "alone")
            + "\n"
            + "{\"meta\":{\"result_count\":0}}\n"
            + "\n"
            + "{\"data\":["
            + tweetJson("4", "d")
            + "],\"meta\":{\"result_count\":1}}\n";
    List<String> events = new ArrayList<>();

    try (TweetReader r =
        TweetReader.builder()
            .onPage(p -> events.add("page@" + p.lineNumber()))
            .build(bytes(input))) {
      r.forEachRemaining(t -> events.add("tweet " + t.id()));
    }

    // A line's page goes out when the line is known to be good, before its tweets are returned.
    assertThat(events)
        .containsExactly("page@1", "tweet 1", "tweet 2", "tweet 3", "page@3", "page@5", "tweet 4");
  }

  @Test
  void aPageWithoutMatchesOrWithOnlyErrorsSaysSo() {
    List<PageMeta> pages = new ArrayList<>();
    String input =
        "{\"meta\":{\"result_count\":0,\"newest_id\":null}}\n"
            + "{\"errors\":[{\"title\":\"Not Found Error\",\"detail\":\"x\"},{\"title\":\"Forbidden\"}]}\n"
            + "{\"data\":[],\"errors\":[],\"meta\":null}\n";

    assertThat(read(TweetReader.builder().onPage(pages::add), input)).isEmpty();

    assertThat(pages)
        .containsExactly(
            new PageMeta(
                1,
                false,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.of(0),
                0),
            new PageMeta(
                2,
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                2),
            new PageMeta(
                3,
                true,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                0));
  }

  @Test
  void aLineSkippedAsBadJsonOrReadTwiceTellsNoPageTwice() {
    List<PageMeta> pages = new ArrayList<>();
    String page = "{\"data\":[" + tweetJson("1", "a") + "],\"meta\":{\"next_token\":\"t\"}}";
    // Line 2 has garbage after its page, line 3 is a page cut off: neither may tell of a page.
    String input =
        page
            + "\n"
            + page.replace("\"1\"", "\"2\"")
            + " x\n"
            + page.substring(0, 40)
            + "\n"
            + page.replace("\"1\"", "\"4\"")
            + "\n";
    List<MalformedTweet> malformed = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder()
                .onMalformed(TweetReader.Malformed.SKIP)
                .onMalformed(malformed::add)
                .onPage(pages::add),
            input);

    assertThat(tweets).extracting(Tweet::id).containsExactly("1", "4");
    assertThat(malformed).extracting(MalformedTweet::lineNumber).containsExactly(2L, 3L);
    assertThat(pages).extracting(PageMeta::lineNumber).containsExactly(1L, 4L);
  }

  @Test
  void standAloneTweetsAndArraysOfThemAreNoPages() {
    List<PageMeta> pages = new ArrayList<>();

    read(
        TweetReader.builder().onPage(pages::add),
        tweetJson("1", "a") + "\n[" + tweetJson("2", "b") + "]\n");

    assertThat(pages).isEmpty();
  }

  @Test
  void aMetaMemberOfTheWrongTypeIsMalformedOnlyForACallerWhoReadsMeta() {
    String input =
        "{\"data\":["
            + tweetJson("1", "a")
            + "],\"meta\":{\"next_token\":5,\"result_count\":\"1\","
            + "\"newest_id\":\"1\",\"future_field\":{\"x\":[1]}}}\n"
            + "{\"meta\":[]}\n{\"meta\":{\"result_count\":-1}}\n{\"errors\":{}}\n";
    List<MalformedTweet> malformed = new ArrayList<>();
    List<PageMeta> pages = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder()
                .onMalformed(TweetReader.Malformed.SKIP)
                .onMalformed(malformed::add)
                .onPage(pages::add),
            input);

    assertThat(tweets).extracting(Tweet::id).containsExactly("1");
    assertThat(malformed)
        .containsExactly(
            new MalformedTweet(1, "meta.next_token", "must be a string"),
            new MalformedTweet(1, "meta.result_count", "must be a whole number, at least 0"),
            new MalformedTweet(2, "meta", "must be an object"),
            new MalformedTweet(3, "meta.result_count", "must be a whole number, at least 0"),
            new MalformedTweet(4, "errors", "must be an array"));
    assertThat(pages.get(0).nextToken()).isEmpty();
    assertThat(pages.get(0).newestId()).hasValue("1");
    assertThat(pages.get(0).resultCount()).isEmpty();
    assertThat(pages).hasSize(4);
    // Nobody asked for meta: it is skipped unread, as every field the reader does not use.
    assertThat(read(TweetReader.builder(), input)).extracting(Tweet::id).containsExactly("1");
  }

  @Test
  void aBadMetaFailsTheReadUnderTheDefaultPolicy() {
    String input = "{\"meta\":{\"next_token\":[\"t\"]}}";

    assertThatThrownBy(() -> read(TweetReader.builder().onPage(p -> {}), input))
        .isInstanceOfSatisfying(
            MalformedTweetException.class,
            e ->
                assertThat(e.malformed())
                    .isEqualTo(new MalformedTweet(1, "meta.next_token", "must be a string")));
  }

  @Test
  void aResultCountTooBigForALongIsMalformedNotASyntaxError() {
    List<MalformedTweet> malformed = new ArrayList<>();
    List<PageMeta> pages = new ArrayList<>();

    read(
        TweetReader.builder()
            .onMalformed(TweetReader.Malformed.SKIP)
            .onMalformed(malformed::add)
            .onPage(pages::add),
        "{\"meta\":{\"result_count\":123456789012345678901234567890,\"next_token\":\"t\"}}\n");

    assertThat(malformed).extracting(MalformedTweet::field).containsExactly("meta.result_count");
    assertThat(pages).singleElement().satisfies(p -> assertThat(p.nextToken()).hasValue("t"));
  }

  @Test
  void aReaderOfCharactersTellsPagesToo() {
    List<PageMeta> pages = new ArrayList<>();
    try (TweetReader r =
        TweetReader.builder()
            .format(TweetReader.Format.DOCUMENT)
            .onPage(pages::add)
            .build(
                new StringReader(
                    "{\n \"data\": ["
                        + tweetJson("1", "a")
                        + "],\n \"meta\": {\"next_token\": \"n\"}\n}"))) {
      assertThat(r.stream().count()).isEqualTo(1);
    }

    assertThat(pages).extracting(PageMeta::nextToken).containsExactly(Optional.of("n"));
  }

  @Test
  void pageMetaChecksItsComponents() {
    assertThatThrownBy(
            () ->
                new PageMeta(
                    0,
                    true,
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lineNumber");
    assertThatThrownBy(
            () ->
                new PageMeta(
                    1,
                    true,
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("errors");
    assertThatThrownBy(
            () ->
                new PageMeta(
                    1,
                    true,
                    true,
                    null,
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    0))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("nextToken");
    assertThatThrownBy(() -> TweetReader.builder().onPage(null))
        .isInstanceOf(NullPointerException.class);
  }

  private static List<Tweet> readResource(TweetReader.Builder b, String resource)
      throws IOException {
    try (InputStream in = TweetReaderTest.class.getResourceAsStream(resource);
        TweetReader r = b.build(in)) {
      return r.stream().collect(Collectors.toList());
    }
  }

  private static List<Tweet> read(TweetReader.Builder b, String input) {
    try (TweetReader r = b.build(bytes(input))) {
      return r.stream().collect(Collectors.toList());
    }
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }
}

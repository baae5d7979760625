package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.tweet.io.TweetReaderTest.tweetJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
              assertThat(p.errors()).isEmpty();
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
                List.of()),
            new PageMeta(
                2,
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                List.of(
                    problem(null, "Not Found Error", "x", null, null, null, null, null),
                    problem(null, "Forbidden", null, null, null, null, null, null))),
            new PageMeta(
                3,
                true,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                List.of()));
  }

  @Test
  void aPageWithErrorsBesideItsDataKeepsItsTweetsAndListsEachProblem() {
    String notFound =
        "{\"value\":\"506694458445152256\",\"detail\":\"Could not find tweet with"
            + " referenced_tweets.id: [506694458445152256].\",\"title\":\"Not Found Error\","
            + "\"resource_type\":\"tweet\",\"parameter\":\"referenced_tweets.id\","
            + "\"resource_id\":\"506694458445152256\","
            + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}";
    String suspended =
        "{\"parameter\":\"entities.mentions.username\",\"resource_id\":\"agency_9\","
            + "\"value\":\"agency_9\",\"detail\":\"User has been suspended: [agency_9].\","
            + "\"title\":\"Forbidden\",\"resource_type\":\"user\",\"status\":403,"
            + "\"type\":\"https://api.x.com/2/problems/resource-not-found\"}";
    String withheld =
        "{\"title\":\"Authorization Error\",\"detail\":\"Sorry, you are not authorized to see"
            + " the Tweet with id: [7].\",\"section\":\"includes\",\"resource_type\":\"tweet\","
            + "\"resource_id\":\"7\",\"parameter\":\"referenced_tweets.id\",\"value\":\"7\","
            + "\"type\":\"https://api.twitter.com/2/problems/not-authorized-for-resource\"}";
    String input =
        tweetJson("1", "alone")
            + "\n{\"data\":["
            + tweetJson("2", "b")
            + ","
            + tweetJson("3", "c")
            + "],\"errors\":["
            + notFound
            + ","
            + suspended
            + ","
            + withheld
            + "],\"meta\":{\"result_count\":2,\"next_token\":\"n\"}}\n";
    List<PageMeta> pages = new ArrayList<>();

    List<Tweet> tweets = read(TweetReader.builder().onPage(pages::add), input);

    assertThat(tweets).extracting(Tweet::id).containsExactly("1", "2", "3");
    assertThat(pages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.lineNumber()).isEqualTo(2);
              assertThat(p.hasData()).isTrue();
              assertThat(p.nextToken()).hasValue("n");
              assertThat(p.errors())
                  .containsExactly(
                      problem(
                          "https://api.twitter.com/2/problems/resource-not-found",
                          "Not Found Error",
                          "Could not find tweet with referenced_tweets.id: [506694458445152256].",
                          "tweet",
                          "506694458445152256",
                          "referenced_tweets.id",
                          "506694458445152256",
                          null),
                      problem(
                          "https://api.x.com/2/problems/resource-not-found",
                          "Forbidden",
                          "User has been suspended: [agency_9].",
                          "user",
                          "agency_9",
                          "entities.mentions.username",
                          "agency_9",
                          null),
                      problem(
                          "https://api.twitter.com/2/problems/not-authorized-for-resource",
                          "Authorization Error",
                          "Sorry, you are not authorized to see the Tweet with id: [7].",
                          "tweet",
                          "7",
                          "referenced_tweets.id",
                          "7",
                          "includes"));
              assertThat(p.errors())
                  .extracting(ApiProblem::kind)
                  .containsExactly(
                      "resource-not-found", "resource-not-found", "not-authorized-for-resource");
            });
  }

  @Test
  void anErrorsItemThatIsNotAnObjectFailsTheReadNamingIt() {
    String input =
        "{\"data\":["
            + tweetJson("1", "a")
            + "],\"errors\":[{\"title\":\"Forbidden\"},\"Not Found\"]}";

    assertThatThrownBy(() -> read(TweetReader.builder().onPage(p -> {}), input))
        .isInstanceOfSatisfying(
            MalformedTweetException.class,
            e -> {
              assertThat(e.malformed())
                  .isEqualTo(new MalformedTweet(1, "errors[1]", "must be an object"));
              assertThat(e.getMessage())
                  .isEqualTo("line 1: errors[1]: must be an object")
                  .doesNotContain("Not Found");
            });
  }

  @Test
  void skippedErrorsItemsLeaveTheOtherProblemsAndTheTweets() {
    String input =
        "{\"data\":["
            + tweetJson("1", "a")
            + "],\"errors\":[null,{\"title\":\"Forbidden\",\"detail\":5},[],"
            + "{\"code\":88,\"message\":\"Rate limit exceeded\"}]}\n";
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
            new MalformedTweet(1, "errors[0]", "must be an object"),
            new MalformedTweet(1, "errors[2]", "must be an object"));
    // A member of another type than the spec's string is passed over; the v1.1 message is the
    // detail of an item without title and detail.
    assertThat(pages)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.errors())
                    .containsExactly(
                        problem(null, "Forbidden", null, null, null, null, null, null),
                        problem(null, null, "Rate limit exceeded", null, null, null, null, null)));
    // Nobody asked for pages: errors are skipped unread, malformed items included.
    assertThat(read(TweetReader.builder(), input)).extracting(Tweet::id).containsExactly("1");
  }

  @Test
  void theRealPagesWithErrorsBesideTheirDataKeepEveryTweetAndListEveryProblem() throws IOException {
    ObjectMapper tree = new ObjectMapper();
    for (String file : List.of("twarc-csv/withheld.jsonl", "twarc-csv/kpop.jsonl")) {
      List<PageMeta> pages = new ArrayList<>();
      List<Tweet> tweets;
      try (InputStream in = RealTweets.open(file);
          TweetReader r = TweetReader.builder().onPage(pages::add).build(in)) {
        tweets = r.stream().collect(Collectors.toList());
      }

      List<String> lines;
      try (InputStream in = RealTweets.open(file)) {
        lines = new String(in.readAllBytes(), UTF_8).lines().collect(Collectors.toList());
      }
      assertThat(pages).as(file).hasSize(lines.size());
      int withErrors = 0;
      for (PageMeta page : pages) {
        JsonNode root = tree.readTree(lines.get((int) page.lineNumber() - 1));
        List<ApiProblem> expected = new ArrayList<>();
        for (JsonNode item : root.path("errors")) {
          expected.add(
              problem(
                  text(item, "type"),
                  text(item, "title"),
                  text(item, "detail"),
                  text(item, "resource_type"),
                  text(item, "resource_id"),
                  text(item, "parameter"),
                  text(item, "value"),
                  text(item, "section")));
        }
        assertThat(page.errors()).as(file + ":" + page.lineNumber()).isEqualTo(expected);
        assertThat(page.hasData()).isEqualTo(root.has("data"));
        withErrors += expected.isEmpty() ? 0 : 1;
      }
      assertThat(withErrors).as(file).isPositive();
      // Every tweet of every page is kept, those of the pages with errors too.
      assertThat(tweets)
          .extracting(Tweet::id)
          .as(file)
          .isEqualTo(
              RealTweets.expected(file).stream()
                  .map(RealTweets.Expected::id)
                  .collect(Collectors.toList()));
    }
  }

  private static String text(JsonNode item, String field) {
    return item.has(field) ? item.get(field).asText() : null;
  }

  /** A problem from nullable members, in the order of the record's components. */
  static ApiProblem problem(
      String type,
      String title,
      String detail,
      String resourceType,
      String resourceId,
      String parameter,
      String value,
      String section) {
    return new ApiProblem(
        Optional.ofNullable(type),
        Optional.ofNullable(title),
        Optional.ofNullable(detail),
        Optional.ofNullable(resourceType),
        Optional.ofNullable(resourceId),
        Optional.ofNullable(parameter),
        Optional.ofNullable(value),
        Optional.ofNullable(section));
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
                    List.of()))
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
                    null))
        .isInstanceOf(NullPointerException.class)
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
                    List.of()))
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

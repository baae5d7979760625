package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.poltwt.twitter.XApiFixtures.searchPage;
import static org.poltwt.twitter.XApiFixtures.tweet;
import static org.poltwt.twitter.XApiFixtures.tweetId;
import static org.poltwt.twitter.XApiFixtures.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.test.Editions;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.ApiProblem;
import org.poltwt.tweet.io.MalformedTweet;
import org.poltwt.tweet.io.MalformedTweetException;
import org.poltwt.tweet.io.TweetReader;

/**
 * A harvest reads its pages with core's {@link TweetReader}: the same page gives the same tweets
 * both ways, and a reference type X does not send fails both ways alike.
 */
class XApiTweetSourceReadingTest extends XApiWireMockTest {
  private static final String SEARCH = "/2/tweets/search/recent";
  private static final Edition EDITION = Editions.scheduled(14);
  private static final Window SPAN = Schedule.of(EDITION).globalSpan();

  @BeforeEach
  void afterTheEdition() {
    clock.set(SPAN.end().plus(Duration.ofHours(12)));
  }

  /**
   * Originals, a retweet, a quote, a reply, a post-spelled reference, an author not included, text
   * X escapes.
   */
  private static List<ObjectNode> variedTweets() {
    ObjectNode original =
        tweet(10, 1, "Night shift, call 1 of 9 #PolTwt", SPAN.start().plusSeconds(10));
    ObjectNode retweet =
        tweet(9, 2, "RT @agency_1: Night shift, call 1 of 9 #PolTwt", SPAN.start().plusSeconds(9));
    retweet
        .putArray("referenced_tweets")
        .addObject()
        .put("type", "retweeted")
        .put("id", tweetId(10));
    ObjectNode quote =
        tweet(
            8,
            3,
            "Proud of this team \uD83D\uDC6E #poltwt #TimeToUnify &amp; more",
            SPAN.start().plusSeconds(8));
    quote.putArray("referenced_tweets").addObject().put("type", "quoted").put("id", tweetId(10));
    ObjectNode reply =
        tweet(7, 1, "@someone thanks, stay safe #POLTWT", SPAN.start().plusSeconds(7));
    reply.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", tweetId(6));
    reply.put("source", "Twitter for iPhone");
    ObjectNode renamed = tweet(5, 2, "RT @agency_1: quoted #PolTwt", SPAN.start().plusSeconds(5));
    renamed.putArray("referenced_posts").addObject().put("type", "retweeted").put("id", tweetId(8));
    ObjectNode stranger = tweet(4, 99, "Who is this #PolTwt", SPAN.start().plusSeconds(4));
    return List.of(original, retweet, quote, reply, renamed, stranger);
  }

  private static List<ObjectNode> users() {
    return List.of(user(1, "agency_1"), user(2, "Officer_Two"), user(3, "pd3"));
  }

  private List<Tweet> harvest() {
    return XApiTweetSource.builder(client()).build().harvest(EDITION).collect(Collectors.toList());
  }

  private static List<Tweet> readWithTweetReader(String body) {
    try (TweetReader r = TweetReader.of(new StringReader(body))) {
      return r.stream().collect(Collectors.toList());
    }
  }

  @Test
  void aPageGivesTheSameTweetsHarvestedAsReadByTweetReader() {
    String page = searchPage(variedTweets(), users(), null);
    server.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(page)));

    List<Tweet> harvested = harvest();

    assertThat(harvested).hasSize(6).isEqualTo(readWithTweetReader(page));
    assertThat(harvested)
        .extracting(t -> t.authorHandle().map(h -> h.value()).orElse(null))
        .containsExactly("agency_1", "Officer_Two", "pd3", "agency_1", "Officer_Two", null);
    assertThat(harvested)
        .extracting(Tweet::isRetweet)
        .containsExactly(false, true, false, false, true, false);
    assertThat(harvested.get(2).isQuote()).isTrue();
    assertThat(harvested.get(3).isReply()).isTrue();
    assertThat(harvested.get(3).source()).hasValue("Twitter for iPhone");
    assertThat(harvested.get(2).hashtags()).hasSize(2);
  }

  @Test
  void aPageWhoseIncludesComeFirstGivesTheSameTweetsToo() {
    String dataFirst = searchPage(variedTweets(), users(), "next");
    int data = dataFirst.indexOf("\"data\":");
    int includes = dataFirst.indexOf(",\"includes\":");
    int meta = dataFirst.indexOf(",\"meta\":");
    String includesFirst =
        "{"
            + dataFirst.substring(includes + 1, meta)
            + ","
            + dataFirst.substring(data, includes)
            + dataFirst.substring(meta);
    assertThat(includesFirst.indexOf("\"includes\"")).isLessThan(includesFirst.indexOf("\"data\""));
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("next_token", absent())
            .willReturn(okJson(includesFirst)));
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("next_token", equalTo("next"))
            .willReturn(okJson(searchPage(List.of(), List.of(), null))));

    assertThat(harvest())
        .isEqualTo(readWithTweetReader(dataFirst))
        .isEqualTo(readWithTweetReader(includesFirst));
  }

  @ParameterizedTest
  @CsvSource({"retweeted, RETWEETED", "quoted, QUOTED", "replied_to, REPLIED_TO"})
  void theThreeTypesXSendsAreHarvested(String wire, ReferencedTweet.Type type) {
    server.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(pageReferringAs(wire))));

    assertThat(harvest())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.referencedTweets())
                    .containsExactly(new ReferencedTweet(type, tweetId(1))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"reposted", "Reposted", "Retweeted", "RETWEETED", "Quoted", "REPLIED_TO"})
  void aTypeXDoesNotSendFailsTheHarvestAsItFailsTheReader(String wire) {
    String page = pageReferringAs(wire);
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withMetadata(outsideSpec("referenced_tweets.type outside the enum"))
            .willReturn(okJson(page)));

    XApiException e = catchThrowableOfType(XApiException.class, this::harvest);
    MalformedTweetException read =
        catchThrowableOfType(MalformedTweetException.class, () -> readWithTweetReader(page));

    assertThat(e.reason()).isEqualTo(XApiException.Reason.MALFORMED_RESPONSE);
    assertThat(e.getMessage())
        .contains("referencedTweets[0].type: must be retweeted, quoted or replied_to")
        .doesNotContain("#PolTwt");
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            MalformedTweetException.class,
            c -> assertThat(c.malformed()).isEqualTo(read.malformed()));
    assertThat(read.malformed())
        .isEqualTo(
            new MalformedTweet(
                1, "referenced_tweets[0].type", "must be retweeted, quoted or replied_to"));
  }

  @Test
  void aTwoHundredWithOnlyErrorsIsAClientError() {
    ObjectNode problem = XApiFixtures.JSON.createObjectNode();
    problem.put("title", "Invalid Request");
    problem.put("detail", "One or more parameters to your request was invalid.");
    problem.put("type", "https://api.twitter.com/2/problems/invalid-request");
    String body = "{\"errors\":[" + XApiFixtures.write(problem) + "]}";
    server.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(body)));

    assertThatThrownBy(this::harvest)
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.CLIENT_ERROR);
              assertThat(e.status()).hasValue(200);
              assertThat(e.title()).hasValue("Invalid Request");
            });
  }

  @Test
  void aPageWithErrorsBesideItsDataKeepsItsTweetsAndReportsEachProblem() {
    // X's partial answer: the page's tweets, and an errors item for what it could not give (the
    // author of a mentioned account suspended, a referenced post withheld from this app).
    ObjectNode suspended = XApiFixtures.suspendedItem("agency_9", "entities.mentions.username");
    ObjectNode withheld = XApiFixtures.JSON.createObjectNode();
    withheld.put("title", "Authorization Error");
    withheld.put(
        "detail", "Sorry, you are not authorized to see the Tweet with id: [" + tweetId(3) + "].");
    withheld.put("type", "https://api.twitter.com/2/problems/not-authorized-for-resource");
    withheld.put("resource_type", "tweet");
    withheld.put("resource_id", tweetId(3));
    withheld.put("parameter", "referenced_tweets.id");
    withheld.put("value", tweetId(3));
    withheld.put("section", "includes");
    ObjectNode page = (ObjectNode) XApiFixtures.read(searchPage(variedTweets(), users(), "next"));
    page.putArray("errors").add(suspended).add(withheld);
    String body = XApiFixtures.write(page);
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("next_token", absent())
            .willReturn(okJson(body)));
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("next_token", equalTo("next"))
            .willReturn(okJson(searchPage(List.of(), List.of(), null))));
    List<String> heard = new ArrayList<>();
    List<HarvestProblems> problems = new ArrayList<>();
    InMemoryTweetStore store = new InMemoryTweetStore();
    HarvestListener listener =
        new HarvestListener() {
          @Override
          public void onProgress(HarvestProgress progress) {
            heard.add(progress.event() + "@" + progress.pages());
          }

          @Override
          public void onProblems(HarvestProblems p) {
            heard.add(
                "PROBLEMS@"
                    + p.page()
                    + " stored "
                    + store.count(org.poltwt.spi.TweetQuery.of(EDITION.number())));
            problems.add(p);
          }
        };

    List<Tweet> harvested =
        XApiTweetSource.builder(client())
            .store(store)
            .listener(listener)
            .build()
            .harvest(EDITION)
            .collect(Collectors.toList());

    assertThat(harvested).hasSize(6).isEqualTo(readWithTweetReader(body));
    assertThat(heard).containsExactly("PROBLEMS@1 stored 6", "PAGE@1", "PAGE@2", "FINISHED@2");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.edition()).isEqualTo(EDITION.number());
              assertThat(p.problems())
                  .extracting(
                      ApiProblem::kind,
                      q -> q.title().orElse(null),
                      q -> q.detail().orElse(null),
                      q -> q.resourceType().orElse(null),
                      q -> q.resourceId().orElse(null),
                      q -> q.parameter().orElse(null),
                      q -> q.value().orElse(null),
                      q -> q.section().orElse(null))
                  .containsExactly(
                      tuple(
                          "resource-not-found",
                          "Forbidden",
                          "User has been suspended: [agency_9].",
                          "user",
                          "agency_9",
                          "entities.mentions.username",
                          "agency_9",
                          null),
                      tuple(
                          "not-authorized-for-resource",
                          "Authorization Error",
                          "Sorry, you are not authorized to see the Tweet with id: ["
                              + tweetId(3)
                              + "].",
                          "tweet",
                          tweetId(3),
                          "referenced_tweets.id",
                          tweetId(3),
                          "includes"));
            });
  }

  @Test
  void harvestProblemsCheckItsComponents() {
    ApiProblem p =
        new ApiProblem(
            Optional.empty(),
            Optional.of("Forbidden"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(new HarvestProblems(5, 1, List.of(p)).problems()).containsExactly(p);
    assertThatThrownBy(() -> new HarvestProblems(5, 0, List.of(p)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> new HarvestProblems(5, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("problems");
    assertThatThrownBy(() -> new HarvestProblems(5, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("problems");
  }

  @Test
  void aBodyThatIsNotOneSearchPageIsMalformed() {
    for (String body :
        List.of(
            "",
            "[]",
            XApiFixtures.write(tweet(1, 1, "alone #PolTwt", SPAN.start())),
            "{}",
            searchPage(List.of(), List.of(), null) + searchPage(List.of(), List.of(), null))) {
      server.resetAll();
      server.stubFor(
          get(urlPathEqualTo(SEARCH))
              .withMetadata(outsideSpec("not a search page on purpose"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));

      assertThatThrownBy(this::harvest)
          .as(body)
          .isInstanceOfSatisfying(
              XApiException.class,
              e -> assertThat(e.reason()).isEqualTo(XApiException.Reason.MALFORMED_RESPONSE));
    }
  }

  private static String pageReferringAs(String type) {
    ObjectNode t = tweet(2, 1, "RT @agency_1: on patrol #PolTwt", SPAN.start().plusSeconds(60));
    t.putArray("referenced_tweets").addObject().put("type", type).put("id", tweetId(1));
    return searchPage(List.of(t), List.of(user(1, "agency_1")), null);
  }
}

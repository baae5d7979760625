package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.twitter.XApiFixtures.PROBLEM_JSON;
import static org.poltwt.twitter.XApiFixtures.problem;
import static org.poltwt.twitter.XApiFixtures.searchPage;
import static org.poltwt.twitter.XApiFixtures.tweet;
import static org.poltwt.twitter.XApiFixtures.tweetId;
import static org.poltwt.twitter.XApiFixtures.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.memory.InMemoryHarvestCheckpointStore;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.test.Editions;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

class XApiTweetSourceTest extends XApiWireMockTest {
  private static final String SEARCH = "/2/tweets/search/recent";
  private static final Edition EDITION = Editions.scheduled(14);
  private static final Window SPAN = Schedule.of(EDITION).globalSpan();

  private final List<HarvestProgress> progress = new ArrayList<>();
  private InMemoryTweetStore store;

  @BeforeEach
  void afterTheEdition() {
    clock.set(SPAN.end().plus(Duration.ofHours(12)));
    store = new InMemoryTweetStore();
  }

  private XApiTweetSource.Builder sourceBuilder(XApiClient client) {
    return XApiTweetSource.builder(client).store(store).listener(progress::add);
  }

  /**
   * Page {@code p} of {@code pages}, 100 tweets each (the last {@code lastSize}), newest first, ids
   * descending.
   */
  private static String page(int p, int pages, int lastSize) {
    int size = p == pages ? lastSize : 100;
    List<ObjectNode> tweets = new ArrayList<>();
    List<ObjectNode> users = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      long n = 100_000L - (p - 1) * 100L - i;
      tweets.add(
          tweet(n, n % 7, "Shift " + n + " on the beat #PolTwt", SPAN.start().plusSeconds(n)));
    }
    for (long a = 0; a < 7; a++) {
      users.add(user(a, "agency_" + a));
    }
    return searchPage(tweets, users, p == pages ? null : "page" + (p + 1));
  }

  private static MappingBuilder pageRequest(int p) {
    return get(urlPathEqualTo(SEARCH))
        .withQueryParam("next_token", p == 1 ? absent() : equalTo("page" + p));
  }

  private static void stubPages(int pages, int lastSize) {
    for (int p = 1; p <= pages; p++) {
      server.stubFor(pageRequest(p).willReturn(okJson(page(p, pages, lastSize))));
    }
  }

  private static List<LoggedRequest> searches() {
    return server.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
  }

  private static String q(LoggedRequest r, String name) {
    return r.queryParameter(name).isPresent() ? r.queryParameter(name).firstValue() : null;
  }

  @Test
  void aSevenPageHarvestYieldsEveryTweetOnceInSevenRequests() {
    stubPages(7, 37);
    XApiTweetSource source = sourceBuilder(client()).build();

    List<Tweet> tweets;
    try (Stream<Tweet> s = source.harvest(EDITION)) {
      tweets = s.collect(Collectors.toList());
    }

    assertThat(tweets).hasSize(637);
    assertThat(tweets.stream().map(Tweet::id).distinct()).hasSize(637);
    assertThat(tweets.get(0).id()).isEqualTo(tweetId(100_000));
    assertThat(tweets.get(0).authorHandle())
        .hasValueSatisfying(h -> assertThat(h.value()).startsWith("agency_"));
    assertThat(tweets.get(0).hashtags()).isNotEmpty();
    assertThat(tweets.get(0).lang()).hasValue("en");
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(637);
    assertThat(searches()).hasSize(7);
    LoggedRequest first = searches().get(0);
    assertThat(q(first, "query")).isEqualTo("#PolTwt");
    assertThat(q(first, "start_time"))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(SPAN.start()));
    assertThat(q(first, "end_time")).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(SPAN.end()));
    assertThat(q(first, "max_results")).isEqualTo("100");
    assertThat(q(first, "expansions").split(","))
        .containsExactly("author_id", "referenced_tweets.id");
    assertThat(q(first, "user.fields")).isEqualTo("username");
    // What the reader needs to count a post as X did, read a long post whole and know its edits.
    assertThat(q(first, "tweet.fields").split(","))
        .contains(
            "created_at",
            "author_id",
            "referenced_tweets",
            "entities",
            "attachments",
            "display_text_range",
            "note_tweet",
            "edit_history_tweet_ids");
    assertThat(q(first, "since_id")).isNull();
    assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + APP_TOKEN);
    assertThat(progress).filteredOn(p -> p.event() == HarvestProgress.Event.PAGE).hasSize(7);
    assertThat(progress.get(progress.size() - 1))
        .satisfies(
            p -> {
              assertThat(p.event()).isEqualTo(HarvestProgress.Event.FINISHED);
              assertThat(p.pages()).isEqualTo(7);
              assertThat(p.tweets()).isEqualTo(637);
              assertThat(p.stored()).isEqualTo(637);
            });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void pagesAreFetchedOnlyAsTheStreamIsConsumed() {
    stubPages(7, 37);

    List<Tweet> first150 =
        sourceBuilder(client()).build().harvest(EDITION).limit(150).collect(Collectors.toList());

    assertThat(first150).hasSize(150);
    assertThat(searches()).hasSize(2);
  }

  @Test
  void a429MidHarvestWaitsExactlyUntilTheResetAndLosesNothing() {
    Instant reset = clock.instant().plusSeconds(90);
    server.stubFor(
        pageRequest(1).willReturn(okWith(page(1, 3, 50), rateLimitHeaders(450, 1, reset))));
    server.stubFor(
        pageRequest(2)
            .inScenario("rate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                json(
                    429,
                    problem(429, "Too Many Requests", "Too Many Requests"),
                    rateLimitHeaders(450, 0, reset)))
            .willSetStateTo("reset"));
    server.stubFor(
        pageRequest(2)
            .inScenario("rate")
            .whenScenarioStateIs("reset")
            .willReturn(
                okWith(page(2, 3, 50), rateLimitHeaders(450, 449, reset.plusSeconds(900)))));
    server.stubFor(pageRequest(3).willReturn(okJson(page(3, 3, 50))));
    Instant before = clock.instant();

    List<Tweet> tweets =
        sourceBuilder(client()).build().harvest(EDITION).collect(Collectors.toList());

    // The wait goes a second at a time, so the listener hears it count down.
    assertThat(sleeps).hasSize(90).containsOnly(XApiClient.WAIT_TICK);
    assertThat(clock.instant()).isEqualTo(before.plusSeconds(90)).isEqualTo(reset);
    assertThat(tweets).hasSize(250);
    assertThat(new HashSet<>(tweets)).hasSize(250);
    assertThat(searches()).hasSize(4);
    assertThat(progress)
        .filteredOn(p -> p.event() == HarvestProgress.Event.WAITING)
        .hasSize(90)
        .allSatisfy(p -> assertThat(p.waitingUntil()).hasValue(reset))
        .extracting(p -> p.waitingLeft().orElseThrow().toSeconds())
        .startsWith(90L, 89L, 88L)
        .endsWith(2L, 1L)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(progress)
        .filteredOn(p -> p.event() == HarvestProgress.Event.PAGE)
        .first()
        .satisfies(p -> assertThat(p.rateLimit()).hasValue(new RateLimit(450, 1, reset)));
  }

  @Test
  void serverErrorsAndADroppedConnectionAreRetriedWithoutDuplicates() {
    server.stubFor(pageRequest(1).willReturn(okJson(page(1, 2, 40))));
    server.stubFor(
        pageRequest(2)
            .inScenario("faults")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                json(500, problem(500, "Internal Server Error", "Something broke"), Map.of()))
            .willSetStateTo("503"));
    server.stubFor(
        pageRequest(2)
            .inScenario("faults")
            .whenScenarioStateIs("503")
            .willReturn(json(503, problem(503, "Service Unavailable", "Over capacity"), Map.of()))
            .willSetStateTo("reset"));
    server.stubFor(
        pageRequest(2)
            .inScenario("faults")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    server.stubFor(
        pageRequest(2)
            .inScenario("faults")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(page(2, 2, 40))));

    List<Tweet> tweets =
        sourceBuilder(client()).build().harvest(EDITION).collect(Collectors.toList());

    assertThat(tweets).hasSize(140);
    assertThat(tweets.stream().map(Tweet::id).distinct()).hasSize(140);
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(140);
    assertThat(searches()).hasSize(5);
    // Capped exponential backoff with jitter: each wait between half its ceiling and the ceiling (1
    // s, 2 s, 4 s).
    // The JDK's HttpClient itself resends a GET once when a reused connection is reset, so the
    // dropped
    // connection may cost no backoff of ours.
    assertThat(sleeps).hasSizeBetween(2, 3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    if (sleeps.size() == 3) {
      assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }
  }

  @Test
  void aHarvestThatStopsHalfWayResumesWhereItStoppedThenAsksOnlyForNewerTweets() {
    server.stubFor(pageRequest(1).willReturn(okJson(page(1, 3, 30))));
    server.stubFor(
        pageRequest(2)
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(503, problem(503, "Service Unavailable", "Over capacity"), Map.of())));
    server.stubFor(pageRequest(3).willReturn(okJson(page(3, 3, 30))));
    XApiTweetSource source = sourceBuilder(clientBuilder().maxRetries(2).build()).build();

    List<Tweet> firstRun = new ArrayList<>();
    assertThatThrownBy(() -> source.harvest(EDITION).forEach(firstRun::add))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.SERVER_ERROR);
              assertThat(e.status()).hasValue(503);
              assertThat(e.detail()).hasValue("Over capacity");
            });
    assertThat(firstRun).hasSize(100);
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(100);
    assertThat(searches()).hasSize(1 + 3);

    // The outage ends; a newer tweet arrived meanwhile.
    server.stubFor(
        pageRequest(2)
            .inScenario("outage")
            .whenScenarioStateIs("over")
            .willReturn(okJson(page(2, 3, 30))));
    server.setScenarioState("outage", "over");
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo(tweetId(100_000)))
            .willReturn(
                okJson(
                    searchPage(
                        List.of(tweet(100_001, 1, "Late #PolTwt", SPAN.end().minusSeconds(5))),
                        List.of(user(1, "agency_1")),
                        null))));
    server.resetRequests();

    List<Tweet> secondRun = source.harvest(EDITION).collect(Collectors.toList());

    assertThat(secondRun).hasSize(100 + 30 + 1);
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(231);
    List<LoggedRequest> resumed = searches();
    assertThat(resumed).hasSize(3);
    assertThat(q(resumed.get(0), "next_token")).isEqualTo("page2");
    assertThat(q(resumed.get(0), "start_time"))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(SPAN.start()));
    assertThat(q(resumed.get(1), "next_token")).isEqualTo("page3");
    assertThat(q(resumed.get(2), "since_id")).isEqualTo(tweetId(100_000));
    assertThat(q(resumed.get(2), "start_time")).isNull();
    assertThat(q(resumed.get(2), "next_token")).isNull();
  }

  @Test
  void aHarvestKilledAfterTwoPagesResumesInANewSourceOnTheSameStoresAndStoresNoTweetTwice() {
    stubPages(4, 30);
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo(tweetId(100_000)))
            .willReturn(okJson(searchPage(List.of(), List.of(), null))));
    HarvestCheckpointStore checkpoints = new InMemoryHarvestCheckpointStore();
    // The first process takes pages 1 and 2, part of page 2 handed on, and is killed.
    try (Stream<Tweet> s =
        sourceBuilder(client()).checkpoints(checkpoints).build().harvest(EDITION)) {
      assertThat(s.limit(150).count()).isEqualTo(150);
    }
    assertThat(searches()).hasSize(2);
    assertThat(checkpoints.find(14, "#PolTwt"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.nextToken()).hasValue("page2");
              assertThat(c.newestId()).hasValue(tweetId(100_000));
              assertThat(c.start()).hasValue(SPAN.start());
            });
    server.resetRequests();
    progress.clear();

    // A new process: a new client and source, on the same tweet and checkpoint stores.
    List<Tweet> resumed =
        sourceBuilder(client())
            .checkpoints(checkpoints)
            .build()
            .harvest(EDITION)
            .collect(Collectors.toList());

    List<LoggedRequest> requests = searches();
    assertThat(q(requests.get(0), "next_token")).isEqualTo("page2");
    assertThat(q(requests.get(0), "start_time"))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(SPAN.start()));
    assertThat(requests).noneMatch(r -> q(r, "next_token") == null && q(r, "since_id") == null);
    assertThat(resumed.stream().map(Tweet::id)).doesNotHaveDuplicates();
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(330);
    // Page 2 was fetched again (it had not been fully handed on) but none of its tweets was new.
    HarvestProgress last = progress.get(progress.size() - 1);
    assertThat(last.event()).isEqualTo(HarvestProgress.Event.FINISHED);
    assertThat(last.stored()).isEqualTo(100 + 30);
    assertThat(checkpoints.find(14, "#PolTwt")).isEmpty();
  }

  @Test
  void withoutATweetStoreAResumedHarvestAsksForWhatIsNewerThanWhatItHandedOn() {
    stubPages(2, 30);
    HarvestCheckpointStore checkpoints = new InMemoryHarvestCheckpointStore();
    XApiTweetSource.Builder noStore = XApiTweetSource.builder(client()).checkpoints(checkpoints);
    try (Stream<Tweet> s = noStore.build().harvest(EDITION)) {
      assertThat(s.limit(101).count()).isEqualTo(101);
    }
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo(tweetId(100_000)))
            .willReturn(okJson(searchPage(List.of(), List.of(), null))));
    server.resetRequests();

    assertThat(
            XApiTweetSource.builder(client())
                .checkpoints(checkpoints)
                .build()
                .harvest(EDITION)
                .count())
        .isEqualTo(30);

    assertThat(searches()).hasSize(2);
    assertThat(q(searches().get(0), "next_token")).isEqualTo("page2");
    assertThat(q(searches().get(1), "since_id")).isEqualTo(tweetId(100_000));
  }

  @Test
  void aCheckpointWhoseStartIsOutOfReachIsDroppedForAFreshPass() {
    HarvestCheckpointStore checkpoints = new InMemoryHarvestCheckpointStore();
    checkpoints.save(
        new HarvestCheckpoint(
            14,
            "#PolTwt",
            Optional.empty(),
            Optional.of(clock.instant().minus(Duration.ofDays(8))),
            SPAN.end(),
            Optional.of("stale"),
            Optional.empty()));
    stubPages(1, 5);

    assertThat(sourceBuilder(client()).checkpoints(checkpoints).build().harvest(EDITION).count())
        .isEqualTo(5);

    assertThat(q(searches().get(0), "next_token")).isNull();
    assertThat(q(searches().get(0), "start_time"))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(SPAN.start()));
    assertThat(checkpoints.find(14, "#PolTwt")).isEmpty();
  }

  @Test
  void aLaterHarvestAsksOnlyForTweetsNewerThanTheNewestStored() {
    stubPages(1, 20);
    XApiTweetSource source = sourceBuilder(client()).build();
    assertThat(source.harvest(EDITION).count()).isEqualTo(20);
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo(tweetId(100_000)))
            .willReturn(okJson(searchPage(List.of(), List.of(), null))));

    assertThat(source.harvest(EDITION).count()).isZero();

    LoggedRequest second = searches().get(1);
    assertThat(q(second, "since_id")).isEqualTo(tweetId(100_000));
    assertThat(q(second, "start_time")).isNull();
    assertThat(q(second, "end_time")).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(SPAN.end()));
  }

  @Test
  void theQueryCarriesTheOptions() {
    Edition themed = Editions.scheduledBuilder(14).themes("TimeToUnify").build();
    XApiClient client = client();

    assertThat(XApiTweetSource.builder(client).build().query(themed)).isEqualTo("#PolTwt");
    assertThat(
            XApiTweetSource.builder(client)
                .excludeRetweets(true)
                .language("en")
                .build()
                .query(themed))
        .isEqualTo("#PolTwt -is:retweet lang:en");
    assertThat(XApiTweetSource.builder(client).includeThemeOnlyTweets(true).build().query(themed))
        .isEqualTo("(#PolTwt OR #TimeToUnify)");
    Edition many = Editions.scheduledBuilder(14).themes(themes(40)).build();
    assertThatThrownBy(
            () -> XApiTweetSource.builder(client).includeThemeOnlyTweets(true).build().query(many))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
  }

  private static String[] themes(int n) {
    String[] t = new String[n];
    for (int i = 0; i < n; i++) {
      t[i] = "SomeLongThemeTag" + i;
    }
    return t;
  }

  @Test
  void theSearchWindowIsClampedToWhatRecentSearchReaches() {
    XApiTweetSource source = sourceBuilder(client()).build();
    // During the edition: the end is 30 s before now.
    Instant during = SPAN.start().plus(Duration.ofHours(20)).plusMillis(1_500);
    clock.set(during);
    assertThat(source.searchWindow(EDITION))
        .hasValue(
            new Window(SPAN.start(), during.minusSeconds(30).truncatedTo(ChronoUnit.SECONDS)));
    // Seven days and three hours after the start: the start is 7 days (less a minute) before now.
    Instant late = SPAN.start().plus(Duration.ofDays(7)).plus(Duration.ofHours(3));
    clock.set(late);
    assertThat(source.searchWindow(EDITION).orElseThrow().start())
        .isEqualTo(late.minus(Duration.ofDays(7)).plusSeconds(60));
    // Before the edition: nothing to ask, and nothing is asked.
    clock.set(SPAN.start().minusSeconds(3_600));
    assertThat(source.searchWindow(EDITION)).isEmpty();
    assertThat(source.harvest(EDITION)).isEmpty();
    // Long after: recent search cannot reach it.
    clock.set(SPAN.end().plus(Duration.ofDays(8)));
    assertThatThrownBy(() -> source.harvest(EDITION))
        .isInstanceOfSatisfying(
            PoltwtException.class,
            e -> assertThat(e.code()).isEqualTo(XApiTweetSource.OUT_OF_RANGE));
    assertThat(searches()).isEmpty();
  }

  @Test
  void anOngoingEditionIsSearchedUpToThirtySecondsAgo() {
    clock.set(SPAN.start().plus(Duration.ofHours(30)));
    stubPages(1, 10);

    sourceBuilder(client()).build().harvest(EDITION).count();

    assertThat(q(searches().get(0), "end_time"))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(clock.instant().minusSeconds(30)));
  }

  @Test
  void noMatchesIsAnEmptyHarvest() {
    server.stubFor(pageRequest(1).willReturn(okJson(searchPage(List.of(), List.of(), null))));

    assertThat(sourceBuilder(client()).build().harvest(EDITION)).isEmpty();
    assertThat(searches()).hasSize(1);
  }

  @Test
  void malformedJsonIsATypedFailureNotACrash() {
    server.stubFor(
        pageRequest(1)
            .withMetadata(outsideSpec("malformed on purpose"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":[{\"id\":\"1\",\"text\":\"#PolTwt\"}")));

    assertThatThrownBy(() -> sourceBuilder(client()).build().harvest(EDITION).count())
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.MALFORMED_RESPONSE);
              assertThat(e.code()).isEqualTo("xapi.malformed-response");
              assertThat(e.getMessage()).doesNotContain("#PolTwt");
            });
  }

  @Test
  void aTweetWithoutItsCreationTimeIsAMalformedResponse() {
    ObjectNode t = tweet(1, 1, "#PolTwt", SPAN.start());
    t.remove("created_at");
    server.stubFor(pageRequest(1).willReturn(okJson(searchPage(List.of(t), List.of(), null))));

    assertThatThrownBy(() -> sourceBuilder(client()).build().harvest(EDITION).count())
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).contains("createdAt");
            });
  }

  @Test
  void referencesAndAuthorsAreReadInBothTheTweetAndThePostSpellings() {
    ObjectNode classic =
        tweet(2, 1, "RT @agency_1: on patrol #PolTwt", SPAN.start().plusSeconds(60));
    classic
        .putArray("referenced_tweets")
        .addObject()
        .put("type", "retweeted")
        .put("id", tweetId(1));
    // Both pages include the retweeted post (issue 17: a retweet's hashtags are that post's).
    String classicPage =
        searchPage(List.of(classic), List.of(), null)
            .replace(
                "\"meta\"",
                "\"includes\":{\"users\":["
                    + XApiFixtures.write(user(1, "agency_1"))
                    + "],\"tweets\":["
                    + XApiFixtures.write(tweet(1, 1, "on patrol #PolTwt", SPAN.start()))
                    + "]},\"meta\"");

    ObjectNode renamed =
        tweet(2, 1, "RT @agency_1: on patrol #PolTwt", SPAN.start().plusSeconds(60));
    renamed.remove("edit_history_tweet_ids");
    renamed.putArray("edit_history_post_ids").add(tweetId(2));
    renamed.putArray("referenced_posts").addObject().put("type", "retweeted").put("id", tweetId(1));
    String renamedPage =
        searchPage(List.of(renamed), List.of(), null)
            .replace(
                "\"meta\"",
                "\"includes\":{\"users\":["
                    + XApiFixtures.write(user(1, "agency_1"))
                    + "],\"posts\":["
                    + XApiFixtures.write(tweet(1, 1, "on patrol #PolTwt", SPAN.start()))
                    + "]},\"meta\"");
    assertThat(
            XApiContract.POST_SPELLINGS.checkSchema(
                "/components/schemas/SearchPostsRecentResponse", renamedPage))
        .isEmpty();

    List<Tweet> read = new ArrayList<>();
    for (String body : List.of(classicPage, renamedPage)) {
      server.resetAll();
      server.stubFor(pageRequest(1).willReturn(okJson(body)));
      read.add(
          XApiTweetSource.builder(client()).build().harvest(EDITION).findFirst().orElseThrow());
    }

    assertThat(read.get(1)).isEqualTo(read.get(0));
    assertThat(read.get(0).referencedTweets())
        .containsExactly(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, tweetId(1)));
    assertThat(read.get(0).isRetweet()).isTrue();
    assertThat(read.get(0).authorHandle())
        .hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("agency_1"));
  }

  @Test
  void aTweetRepeatedAcrossPagesIsYieldedOnce() {
    ObjectNode a = tweet(10, 1, "A #PolTwt", SPAN.start().plusSeconds(10));
    ObjectNode b = tweet(9, 1, "B #PolTwt", SPAN.start().plusSeconds(9));
    server.stubFor(
        pageRequest(1).willReturn(okJson(searchPage(List.of(a, b), List.of(), "page2"))));
    server.stubFor(pageRequest(2).willReturn(okJson(searchPage(List.of(b), List.of(), null))));

    assertThat(sourceBuilder(client()).build().harvest(EDITION).map(Tweet::id))
        .containsExactly(tweetId(10), tweetId(9));
  }

  /** A problem document with a status and extra headers. */
  private static ResponseDefinitionBuilder json(
      int status, String body, Map<String, String> headers) {
    return withHeaders(
            aResponse().withStatus(status).withHeader("Content-Type", PROBLEM_JSON), headers)
        .withBody(body);
  }

  /** A 200 JSON body with extra headers. */
  private static ResponseDefinitionBuilder okWith(String body, Map<String, String> headers) {
    return withHeaders(
            aResponse().withStatus(200).withHeader("Content-Type", "application/json"), headers)
        .withBody(body);
  }

  private static ResponseDefinitionBuilder withHeaders(
      ResponseDefinitionBuilder b, Map<String, String> headers) {
    headers.forEach(b::withHeader);
    return b;
  }
}

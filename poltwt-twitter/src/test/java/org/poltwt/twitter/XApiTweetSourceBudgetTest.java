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
import static org.poltwt.twitter.XApiFixtures.searchPage;
import static org.poltwt.twitter.XApiFixtures.tweet;
import static org.poltwt.twitter.XApiFixtures.usageCapped;
import static org.poltwt.twitter.XApiFixtures.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.memory.InMemoryHarvestCheckpointStore;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Tweet;

/** The read budget, and X's usage cap: a run stops cleanly and the next one resumes. */
class XApiTweetSourceBudgetTest extends XApiWireMockTest {
  private static final String SEARCH = "/2/tweets/search/recent";
  private static final Edition EDITION = Editions.scheduled(14);
  private static final Window SPAN = Schedule.of(EDITION).globalSpan();

  private final List<HarvestProgress> progress = new ArrayList<>();
  private final HarvestCheckpointStore checkpoints = new InMemoryHarvestCheckpointStore();
  private InMemoryTweetStore store;

  @BeforeEach
  void afterTheEdition() {
    clock.set(SPAN.end().plus(Duration.ofHours(12)));
    store = new InMemoryTweetStore();
  }

  private XApiTweetSource.Builder source() {
    return XApiTweetSource.builder(client())
        .store(store)
        .checkpoints(checkpoints)
        .listener(progress::add);
  }

  /**
   * {@code size} tweets, newest first, starting {@code skip} tweets below the newest, and the token
   * of the next page (null for the last).
   */
  private static String page(int skip, int size, String next) {
    List<ObjectNode> tweets = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      long n = 100_000L - skip - i;
      tweets.add(tweet(n, n % 3, "Shift " + n + " #PolTwt", SPAN.start().plusSeconds(n)));
    }
    List<ObjectNode> users = List.of(user(0, "agency_0"), user(1, "agency_1"), user(2, "agency_2"));
    return searchPage(tweets, users, next);
  }

  private static MappingBuilder request(String token, int maxResults) {
    return get(urlPathEqualTo(SEARCH))
        .withQueryParam("next_token", token == null ? absent() : equalTo(token))
        .withQueryParam("max_results", equalTo(Integer.toString(maxResults)));
  }

  /** The pass after a resumed one: nothing newer than what is stored. */
  private static void nothingNewer() {
    server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo(XApiFixtures.tweetId(100_000)))
            .atPriority(1)
            .willReturn(okJson(searchPage(List.of(), List.of(), null))));
  }

  private static List<LoggedRequest> searches() {
    return server.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
  }

  private static String maxResults(LoggedRequest r) {
    return r.queryParameter("max_results").firstValue();
  }

  private HarvestProgress last() {
    return progress.get(progress.size() - 1);
  }

  @Test
  void theLastPageAsksForWhatIsLeftAndTheRunStopsAtTheBudgetKeepingItsCheckpoint() {
    server.stubFor(request(null, 100).willReturn(okJson(page(0, 100, "p2"))));
    server.stubFor(request("p2", 100).willReturn(okJson(page(100, 100, "p3"))));
    server.stubFor(request("p3", 50).willReturn(okJson(page(200, 50, "p4"))));

    List<Tweet> tweets = source().maxPosts(250).build().harvest(EDITION).toList();

    assertThat(tweets).hasSize(250);
    assertThat(searches())
        .extracting(XApiTweetSourceBudgetTest::maxResults)
        .containsExactly("100", "100", "50");
    assertThat(last().event()).isEqualTo(HarvestProgress.Event.BUDGET_REACHED);
    assertThat(last().event().ends()).isTrue();
    assertThat(last().postsRead()).isEqualTo(250);
    assertThat(last().maxPosts()).isEqualTo(OptionalLong.of(250));
    assertThat(progress).allSatisfy(p -> assertThat(p.postsRead()).isLessThanOrEqualTo(250));
    assertThat(checkpoints.find(14, "#PolTwt"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.nextToken()).hasValue("p4");
              assertThat(c.postsRead()).isEqualTo(250);
            });
  }

  @Test
  void theNextRunResumesWithABudgetOfItsOwnAndTheCheckpointCountsBothRuns() {
    server.stubFor(request(null, 100).willReturn(okJson(page(0, 100, "p2"))));
    server.stubFor(request("p2", 100).willReturn(okJson(page(100, 100, "p3"))));
    server.stubFor(request("p2", 20).willReturn(okJson(page(100, 20, "p2b"))));
    server.stubFor(request("p2b", 100).willReturn(okJson(page(120, 30, null))));
    nothingNewer();
    source().maxPosts(120).build().harvest(EDITION).count();
    assertThat(searches())
        .extracting(XApiTweetSourceBudgetTest::maxResults)
        .containsExactly("100", "20");
    assertThat(checkpoints.find(14, "#PolTwt").orElseThrow().postsRead()).isEqualTo(120);
    server.resetRequests();
    progress.clear();
    List<HarvestCheckpoint> saved = new ArrayList<>();
    HarvestCheckpointStore watched =
        new HarvestCheckpointStore() {
          @Override
          public java.util.Optional<HarvestCheckpoint> find(int edition, String query) {
            return checkpoints.find(edition, query);
          }

          @Override
          public void save(HarvestCheckpoint checkpoint) {
            saved.add(checkpoint);
            checkpoints.save(checkpoint);
          }

          @Override
          public void clear(int edition, String query) {
            checkpoints.clear(edition, query);
          }
        };

    long second =
        XApiTweetSource.builder(client())
            .store(store)
            .checkpoints(watched)
            .listener(progress::add)
            .maxPosts(1_000)
            .build()
            .harvest(EDITION)
            .count();

    assertThat(second).isEqualTo(30);
    // The resumed pass's last page, then what is newer than the newest stored: nothing.
    assertThat(searches()).hasSize(2).allSatisfy(r -> assertThat(maxResults(r)).isEqualTo("100"));
    assertThat(last().event()).isEqualTo(HarvestProgress.Event.FINISHED);
    assertThat(last().postsRead()).isEqualTo(30);
    assertThat(saved).extracting(HarvestCheckpoint::postsRead).containsExactly(120L, 150L, 150L);
    assertThat(checkpoints.find(14, "#PolTwt")).isEmpty();
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(150);
  }

  @Test
  void withFewerThanTenPostsLeftTheRunStopsBeforeFetching() {
    server.stubFor(request(null, 100).willReturn(okJson(page(0, 100, "p2"))));

    long read = source().maxPosts(109).build().harvest(EDITION).count();

    assertThat(read).isEqualTo(100);
    assertThat(searches()).hasSize(1);
    assertThat(last().event()).isEqualTo(HarvestProgress.Event.BUDGET_REACHED);
    assertThat(last().postsRead()).isEqualTo(100);
    assertThat(checkpoints.find(14, "#PolTwt").orElseThrow().nextToken()).hasValue("p2");
  }

  @Test
  void aSmallBudgetMakesTheFirstPageSmall() {
    server.stubFor(request(null, 15).willReturn(okJson(page(0, 15, "p2"))));

    assertThat(source().maxPosts(15).build().harvest(EDITION).count()).isEqualTo(15);

    assertThat(searches())
        .singleElement()
        .satisfies(r -> assertThat(maxResults(r)).isEqualTo("15"));
    assertThat(last().event()).isEqualTo(HarvestProgress.Event.BUDGET_REACHED);
  }

  @Test
  void aBudgetBelowTheSmallestPageIsRefusedByName() {
    assertThatThrownBy(() -> XApiTweetSource.builder(client()).maxPosts(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxPosts:")
        .hasMessageContaining("at least 10");
    assertThat(XApiTweetSource.builder(client()).maxPosts(10).build().toString())
        .contains("maxPosts=10");
  }

  private static ResponseDefinitionBuilder capped(Instant reset) {
    ResponseDefinitionBuilder b =
        aResponse()
            .withStatus(429)
            .withHeader("Content-Type", PROBLEM_JSON)
            .withBody(usageCapped("Monthly", "Product"));
    rateLimitHeaders(450, 440, reset).forEach(b::withHeader);
    return b;
  }

  @Test
  void aUsageCapStopsTheRunAtOnceWithoutWaitingAndTheNextRunResumes() {
    server.stubFor(request(null, 100).willReturn(okJson(page(0, 100, "p2"))));
    server.stubFor(request("p2", 100).willReturn(capped(clock.instant().plusSeconds(600))));

    List<Tweet> first = source().build().harvest(EDITION).collect(Collectors.toList());

    assertThat(first).hasSize(100);
    assertThat(sleeps).isEmpty();
    assertThat(searches()).hasSize(2);
    assertThat(last().event()).isEqualTo(HarvestProgress.Event.USAGE_CAPPED);
    assertThat(last().postsRead()).isEqualTo(100);
    assertThat(last().maxPosts()).isEmpty();
    assertThat(checkpoints.find(14, "#PolTwt"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.nextToken()).hasValue("p2");
              assertThat(c.postsRead()).isEqualTo(100);
            });

    server.resetAll();
    progress.clear();
    server.stubFor(request("p2", 100).willReturn(okJson(page(100, 40, null))));
    nothingNewer();
    List<Tweet> second = source().build().harvest(EDITION).collect(Collectors.toList());

    assertThat(second).hasSize(40);
    assertThat(last().event()).isEqualTo(HarvestProgress.Event.FINISHED);
    assertThat(store.count(TweetQuery.of(14))).isEqualTo(140);
    assertThat(checkpoints.find(14, "#PolTwt")).isEmpty();
  }
}

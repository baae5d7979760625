package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.twitter.XApiFixtures.PROBLEM_JSON;
import static org.poltwt.twitter.XApiFixtures.created;
import static org.poltwt.twitter.XApiFixtures.problem;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Publication;
import org.poltwt.spi.PublicationLog;
import org.poltwt.spi.memory.InMemoryPublicationLog;

class XApiTweetPublisherTest extends XApiWireMockTest {
  private static final String TWEETS = "/2/tweets";
  private static final String TEXT =
      "Officers helped a lost child find her parents at the fair. #PolTwt";
  private static final String DUPLICATE =
      "You are not allowed to create a Tweet with duplicate content.";
  private static final String ID = "1445880548472328192";
  private static final Duration STALE = Duration.ofSeconds(30);

  private static ResponseDefinitionBuilder createdResponse() {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(created(ID, TEXT));
  }

  private static ResponseDefinitionBuilder problemResponse(
      int status, String title, String detail) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", PROBLEM_JSON)
        .withBody(problem(status, title, detail));
  }

  @Test
  void postsOnceWithTheUserTokenAndRemembersIt() {
    server.stubFor(post(urlPathEqualTo(TWEETS)).willReturn(createdResponse()));
    XApiTweetPublisher publisher = XApiTweetPublisher.builder(client()).build();

    PublishResult first = publisher.publishDetailed("edition-14/beat/1", TEXT);
    PublishResult again = publisher.publishDetailed("edition-14/beat/1", TEXT);

    assertThat(first.outcome()).isEqualTo(PublishResult.Outcome.POSTED);
    assertThat(first.publication().tweetId()).hasValue(ID);
    assertThat(first.publication().state()).isEqualTo(Publication.State.POSTED);
    assertThat(again.outcome()).isEqualTo(PublishResult.Outcome.ALREADY_POSTED);
    assertThat(again.publication()).isEqualTo(first.publication());
    server.verify(
        1,
        postRequestedFor(urlPathEqualTo(TWEETS))
            .withHeader("Authorization", equalTo("Bearer " + USER_TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"text\":\"" + TEXT + "\"}")));
  }

  @Test
  void aTimeoutThenARetryPostsOnce() {
    // The first request reaches X and creates the tweet, but the answer comes after the client gave
    // up.
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("slow")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(createdResponse().withFixedDelay(1_500))
            .willSetStateTo("created"));
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("slow")
            .whenScenarioStateIs("created")
            .willReturn(problemResponse(403, "Forbidden", DUPLICATE)));
    XApiClient client = clientBuilder().requestTimeout(Duration.ofMillis(400)).build();
    PublicationLog log = new InMemoryPublicationLog();

    PublishResult result =
        XApiTweetPublisher.builder(client).log(log).build().publishDetailed("call-4711", TEXT);

    assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.DUPLICATE_REFUSED);
    assertThat(result.publication().state()).isEqualTo(Publication.State.POSTED);
    assertThat(log.find("call-4711"))
        .hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(Publication.State.POSTED));
    server.verify(2, postRequestedFor(urlPathEqualTo(TWEETS)));
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aTimeoutWhoseRequestNeverArrivedIsPostedByTheRetry() {
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("lost")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                problemResponse(503, "Service Unavailable", "Over capacity").withFixedDelay(1_500))
            .willSetStateTo("up"));
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("lost")
            .whenScenarioStateIs("up")
            .willReturn(createdResponse()));
    XApiClient client = clientBuilder().requestTimeout(Duration.ofMillis(400)).build();

    PublishResult result =
        XApiTweetPublisher.builder(client).build().publishDetailed("call-4712", TEXT);

    assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.POSTED);
    assertThat(result.publication().tweetId()).hasValue(ID);
    server.verify(2, postRequestedFor(urlPathEqualTo(TWEETS)));
  }

  @Test
  void aCrashAfterRecordingIsResentAndTheDuplicateRuleSaysItWasPosted() {
    PublicationLog log = new InMemoryPublicationLog();
    // A previous process recorded the intent, sent the request, and died before marking it.
    log.claim("call-4713", XApiTweetPublisher.sha256(TEXT), NOW.minusSeconds(60), STALE);
    server.stubFor(
        post(urlPathEqualTo(TWEETS)).willReturn(problemResponse(403, "Forbidden", DUPLICATE)));

    PublishResult result =
        XApiTweetPublisher.builder(client())
            .log(log)
            .staleClaimAfter(STALE)
            .build()
            .publishDetailed("call-4713", TEXT);

    assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.DUPLICATE_REFUSED);
    assertThat(result.publication().tweetId()).isEmpty();
    assertThat(result.publication().recordedAt()).isEqualTo(NOW.minusSeconds(60));
    assertThat(result.publication().postedAt()).hasValue(NOW);
    server.verify(1, postRequestedFor(urlPathEqualTo(TWEETS)));
  }

  @Test
  void aCrashBeforeSendingIsSentOnTheNextCall() {
    PublicationLog log = new InMemoryPublicationLog();
    log.claim("call-4714", XApiTweetPublisher.sha256(TEXT), NOW.minusSeconds(60), STALE);
    server.stubFor(post(urlPathEqualTo(TWEETS)).willReturn(createdResponse()));

    PublishResult result =
        XApiTweetPublisher.builder(client())
            .log(log)
            .staleClaimAfter(STALE)
            .build()
            .publishDetailed("call-4714", TEXT);

    assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.POSTED);
    assertThat(log.find("call-4714").orElseThrow().tweetId()).hasValue(ID);
  }

  @Test
  void aKeyReusedForAnotherTextIsRefusedBeforeAnyRequest() {
    server.stubFor(post(urlPathEqualTo(TWEETS)).willReturn(createdResponse()));
    XApiTweetPublisher publisher = XApiTweetPublisher.builder(client()).build();
    publisher.publishDetailed("k", TEXT);

    assertThatThrownBy(() -> publisher.publishDetailed("k", TEXT + " (edited)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idempotencyKey");
    server.verify(1, postRequestedFor(urlPathEqualTo(TWEETS)));
  }

  @Test
  void aBadTokenIsATypedFailureWithoutTheTokenAndTheEntryStaysPending() {
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .willReturn(problemResponse(401, "Unauthorized", "Unauthorized")));
    XApiTweetPublisher publisher = XApiTweetPublisher.builder(client()).build();

    assertThatThrownBy(() -> publisher.publishDetailed("k1", TEXT))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.UNAUTHORIZED);
              assertThat(e.code()).isEqualTo("xapi.unauthorized");
              assertThat(e.status()).hasValue(401);
              assertThat(e.title()).hasValue("Unauthorized");
              assertThat(e.getMessage())
                  .contains("POST /2/tweets")
                  .doesNotContain(USER_TOKEN)
                  .doesNotContain(APP_TOKEN);
              assertThat(String.valueOf(e)).doesNotContain(USER_TOKEN);
            });
    assertThat(publisher.log().find("k1").orElseThrow().state())
        .isEqualTo(Publication.State.FAILED);
    assertThat(publisher.toString()).doesNotContain(USER_TOKEN).doesNotContain(APP_TOKEN);
    server.verify(1, postRequestedFor(urlPathEqualTo(TWEETS)));
  }

  @Test
  void aTokenEchoedBackByTheApiIsRedacted() {
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .willReturn(
                problemResponse(403, "Forbidden", "Token " + USER_TOKEN + " may not post")));

    assertThatThrownBy(
            () -> XApiTweetPublisher.builder(client()).build().publishDetailed("k2", TEXT))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.FORBIDDEN);
              assertThat(e.getMessage()).doesNotContain(USER_TOKEN).contains("[redacted]");
              assertThat(e.detail()).hasValue("Token [redacted] may not post");
            });
  }

  @Test
  void postingNeedsAUserToken() {
    XApiClient appOnly = clientBuilder().credentials(XApiCredentials.appOnly(APP_TOKEN)).build();

    assertThatThrownBy(() -> XApiTweetPublisher.builder(appOnly).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(XApiCredentials.USER_TOKEN_VARIABLE)
        .hasMessageNotContaining(APP_TOKEN);
  }

  @Test
  void textXWouldRefuseIsRefusedBeforeAnyRequest() {
    XApiTweetPublisher publisher = XApiTweetPublisher.builder(client()).build();

    assertThatThrownBy(() -> publisher.publishDetailed("k3", "x".repeat(281)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
    assertThatThrownBy(() -> publisher.publishDetailed("k4", "  "))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
    assertThatThrownBy(() -> publisher.publishDetailed("", TEXT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theDailyPostingCapFailsAtOnceWithItsReset() {
    Instant dayReset = NOW.plus(Duration.ofHours(20));
    server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .willReturn(
                problemResponse(429, "Too Many Requests", "Too Many Requests")
                    .withHeaders(
                        new com.github.tomakehurst.wiremock.http.HttpHeaders(
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "Content-Type", PROBLEM_JSON),
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "x-rate-limit-limit", "100"),
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "x-rate-limit-remaining", "99"),
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "x-rate-limit-reset",
                                Long.toString(NOW.plusSeconds(600).getEpochSecond())),
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "x-user-limit-24hour-limit", "100"),
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "x-user-limit-24hour-remaining", "0"),
                            new com.github.tomakehurst.wiremock.http.HttpHeader(
                                "x-user-limit-24hour-reset",
                                Long.toString(dayReset.getEpochSecond()))))));

    assertThatThrownBy(
            () -> XApiTweetPublisher.builder(client()).build().publishDetailed("k5", TEXT))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.RATE_LIMITED);
              assertThat(e.rateLimitReset()).hasValue(dayReset);
            });
    assertThat(sleeps).isEmpty();
    server.verify(1, postRequestedFor(urlPathEqualTo(TWEETS)));
  }

  @Test
  void aKeyHeldByAnotherPublisherIsNotSent() {
    PublicationLog log = new InMemoryPublicationLog();
    log.claim("call-4715", XApiTweetPublisher.sha256(TEXT), NOW.minusSeconds(10), STALE);
    server.stubFor(post(urlPathEqualTo(TWEETS)).willReturn(createdResponse()));
    XApiTweetPublisher publisher =
        XApiTweetPublisher.builder(client()).log(log).staleClaimAfter(STALE).build();

    assertThatThrownBy(() -> publisher.publishDetailed("call-4715", TEXT))
        .isInstanceOfSatisfying(
            PoltwtException.class,
            e -> assertThat(e.code()).isEqualTo(XApiTweetPublisher.IN_PROGRESS));
    server.verify(0, postRequestedFor(urlPathEqualTo(TWEETS)));

    clock.set(NOW.plusSeconds(20)); // the other holder's claim is now 30 s old: stale
    assertThat(publisher.publishDetailed("call-4715", TEXT).outcome())
        .isEqualTo(PublishResult.Outcome.POSTED);
    assertThat(log.find("call-4715").orElseThrow().attempt()).isEqualTo(2);
    server.verify(1, postRequestedFor(urlPathEqualTo(TWEETS)));
  }

  @Test
  void twoPublishersRacingOnOneKeyPostOnce() throws Exception {
    server.stubFor(post(urlPathEqualTo(TWEETS)).willReturn(createdResponse().withFixedDelay(300)));
    PublicationLog shared = new InMemoryPublicationLog();
    List<XApiTweetPublisher> publishers =
        List.of(
            XApiTweetPublisher.builder(client()).log(shared).build(),
            XApiTweetPublisher.builder(client()).log(shared).build());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PublishResult>> results =
          publishers.stream()
              .map(
                  p ->
                      pool.submit(
                          () -> {
                            start.await();
                            return p.publishDetailed("edition-14/call/1", TEXT);
                          }))
              .toList();
      start.countDown();
      int posted = 0;
      for (Future<PublishResult> f : results) {
        try {
          PublishResult r = f.get(30, TimeUnit.SECONDS);
          if (r.outcome() == PublishResult.Outcome.POSTED) {
            posted++;
          } else {
            assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.ALREADY_POSTED);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOfSatisfying(
                  PoltwtException.class,
                  p -> assertThat(p.code()).isEqualTo(XApiTweetPublisher.IN_PROGRESS));
        }
      }
      assertThat(posted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    server.verify(1, postRequestedFor(urlPathEqualTo(TWEETS)));
    assertThat(shared.find("edition-14/call/1").orElseThrow().tweetId()).hasValue(ID);
  }
}

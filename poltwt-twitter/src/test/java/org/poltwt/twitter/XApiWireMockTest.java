package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.test.MutableClock;

/**
 * Runs a WireMock server standing in for the X API, a test clock and a sleeper that only moves that
 * clock; after every test, checks every request the client sent and every response WireMock served
 * against the X API's OpenAPI description ({@link XApiContract}). A stub that breaks the spec on
 * purpose (malformed JSON) says so in its metadata under {@value #OUTSIDE_SPEC}.
 */
abstract class XApiWireMockTest {
  static final String APP_TOKEN = "AAAAtestAppBearerToken0123456789";
  static final String USER_TOKEN = "userCtxAccessToken-abcdef0123456789";
  static final Instant NOW = Instant.parse("2026-06-06T12:00:00Z");
  static final String OUTSIDE_SPEC = "outsideSpec";

  /**
   * One server for every test class of the module (starting Jetty costs seconds); reset before each
   * test.
   */
  static WireMockServer server;

  MutableClock clock;

  /** Every duration the client asked the sleeper for, in order. */
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        clock.advance(d);
      };

  @BeforeAll
  static synchronized void startServer() {
    if (server == null) {
      WireMockServer s =
          new WireMockServer(options().dynamicPort().extensions(new UsersByTransformer()));
      s.start();
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
      server = s;
    }
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
    clock = new MutableClock(NOW);
    sleeps.clear();
  }

  @AfterEach
  void everyExchangeFollowsTheSpec() {
    List<String> problems = new ArrayList<>();
    for (ServeEvent e : server.getAllServeEvents()) {
      problems.addAll(contractProblems(e));
    }
    assertThat(problems)
        .as("requests and responses against X API spec " + XApiContract.TWEET_SPELLINGS.version())
        .isEmpty();
  }

  static List<String> contractProblems(ServeEvent e) {
    LoggedRequest r = e.getRequest();
    Map<String, String> headers = new HashMap<>();
    for (HttpHeader h : r.getHeaders().all()) {
      headers.put(h.key(), h.firstValue());
    }
    List<String> problems =
        new ArrayList<>(
            XApiContract.TWEET_SPELLINGS.checkRequest(
                r.getMethod().getName(), r.getUrl(), headers, r.getBodyAsString()));
    Metadata metadata = e.getStubMapping() == null ? null : e.getStubMapping().getMetadata();
    boolean outside = metadata != null && metadata.containsKey(OUTSIDE_SPEC);
    if (!outside
        && e.getResponse() != null
        && e.getResponse().getFault() == null
        && e.getWasMatched()) {
      String path = URI.create(r.getUrl()).getPath();
      String ct =
          e.getResponse().getHeaders() == null
              ? null
              : e.getResponse().getHeaders().getContentTypeHeader().mimeTypePart();
      problems.addAll(
          XApiContract.TWEET_SPELLINGS.checkResponse(
              r.getMethod().getName(),
              path,
              e.getResponse().getStatus(),
              ct,
              e.getResponse().getBodyAsString()));
    }
    return problems;
  }

  /**
   * A client on the stub server with both tokens, the test clock and sleeper, and seeded jitter.
   */
  XApiClient.Builder clientBuilder() {
    return clientBuilder(clock, sleeper);
  }

  /** A client on the stub server with both tokens, a clock and sleeper, and seeded jitter. */
  static XApiClient.Builder clientBuilder(MutableClock clock, Sleeper sleeper) {
    return XApiClient.builder()
        .baseUri(URI.create(server.baseUrl()))
        .credentials(XApiCredentials.of(APP_TOKEN, USER_TOKEN))
        .clock(clock)
        .sleeper(sleeper)
        .random(new Random(42))
        .requestTimeout(Duration.ofSeconds(5));
  }

  XApiClient client() {
    return clientBuilder().build();
  }

  static Metadata outsideSpec(String why) {
    return Metadata.metadata().attr(OUTSIDE_SPEC, why).build();
  }

  /** Headers of a rate-limit window. */
  static Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
    return Map.of(
        "x-rate-limit-limit",
        Integer.toString(limit),
        "x-rate-limit-remaining",
        Integer.toString(remaining),
        "x-rate-limit-reset",
        Long.toString(reset.getEpochSecond()));
  }
}

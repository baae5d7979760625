package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.twitter.XApiFixtures.PROBLEM_JSON;
import static org.poltwt.twitter.XApiFixtures.problem;
import static org.poltwt.twitter.XApiFixtures.user;
import static org.poltwt.twitter.XApiFixtures.userData;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XApiClientTest extends XApiWireMockTest {
  private static final String PATH = "/2/users/by/username/PolTwt";
  private static final String ENDPOINT = "GET /2/users/by/username/{username}";

  private XApiResponse lookup(XApiClient client) {
    return client.send(
        Endpoint.USER_BY_USERNAME,
        PATH,
        List.of(Map.entry("user.fields", "protected,verified")),
        null,
        null);
  }

  private static ResponseDefinitionBuilder ok(Map<String, String> headers) {
    ResponseDefinitionBuilder b = okJson(userData(user(7, "PolTwt")));
    headers.forEach(b::withHeader);
    return b;
  }

  private static ResponseDefinitionBuilder problemResponse(
      int status, String title, String detail) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", PROBLEM_JSON)
        .withBody(problem(status, title, detail));
  }

  @Test
  void credentialsComeFromTheEnvironmentAndNeverShow() {
    XApiCredentials both =
        XApiCredentials.fromEnvironment(
            Map.of(
                XApiCredentials.APP_TOKEN_VARIABLE,
                APP_TOKEN,
                XApiCredentials.USER_TOKEN_VARIABLE,
                USER_TOKEN,
                "PATH",
                "/usr/bin"));
    XApiCredentials appOnly =
        XApiCredentials.fromEnvironment(
            Map.of(
                XApiCredentials.APP_TOKEN_VARIABLE,
                APP_TOKEN,
                XApiCredentials.USER_TOKEN_VARIABLE,
                ""));

    assertThat(both.hasAppToken()).isTrue();
    assertThat(both.hasUserToken()).isTrue();
    assertThat(appOnly.hasUserToken()).isFalse();
    assertThat(both.toString()).isEqualTo("XApiCredentials[app token: set, user token: set]");
    assertThat(clientBuilder().credentials(both).build().toString())
        .doesNotContain(APP_TOKEN)
        .doesNotContain(USER_TOKEN);
    assertThatThrownBy(() -> XApiCredentials.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POLTWT_X_BEARER_TOKEN")
        .hasMessageContaining("POLTWT_X_USER_TOKEN");
    assertThatThrownBy(() -> XApiCredentials.of("abc\r\nX-Injected: 1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> XApiCredentials.of(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XApiClient.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lookupsUseTheAppTokenOrElseTheUserToken() {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(ok(Map.of())));

    lookup(clientBuilder().credentials(XApiCredentials.of(null, USER_TOKEN)).build());

    server.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + USER_TOKEN)));
  }

  @Test
  void rateLimitHeadersAreKeptPerEndpoint() {
    Instant reset = NOW.plusSeconds(900);
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(ok(rateLimitHeaders(300, 299, reset))));
    XApiClient client = client();

    lookup(client);

    assertThat(client.rateLimit(ENDPOINT)).hasValue(new RateLimit(300, 299, reset));
    assertThat(client.rateLimit("GET /2/tweets/search/recent")).isEmpty();
  }

  @Test
  void aUsageCapFailsAtOnceAndIsNotWaitedForLikeARateLimit() {
    ResponseDefinitionBuilder capped =
        aResponse()
            .withStatus(429)
            .withHeader("Content-Type", PROBLEM_JSON)
            .withBody(XApiFixtures.usageCapped("Daily", "Account"));
    rateLimitHeaders(300, 0, NOW.plusSeconds(60)).forEach(capped::withHeader);
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(capped));

    assertThatThrownBy(() -> lookup(client()))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.USAGE_CAPPED);
              assertThat(e.code()).isEqualTo("xapi.usage-capped");
              assertThat(e.problemType())
                  .hasValueSatisfying(t -> assertThat(t).endsWith("/usage-capped"));
              assertThat(e.status()).hasValue(429);
            });
    assertThat(sleeps).isEmpty();
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aListenedWaitReportsTheTimeLeftEverySecond() {
    Instant reset = NOW.plusSeconds(3); // the header has whole seconds
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(ok(rateLimitHeaders(300, 0, reset))));
    XApiClient client = client();
    lookup(client);
    clock.set(NOW.plusMillis(500));
    List<Duration> heard = new ArrayList<>();

    client.send(
        Endpoint.USER_BY_USERNAME,
        PATH,
        List.of(Map.entry("user.fields", "protected,verified")),
        null,
        (until, left) -> {
          assertThat(until).isEqualTo(reset);
          heard.add(left);
        });

    assertThat(heard)
        .containsExactly(
            Duration.ofMillis(2_500), Duration.ofMillis(1_500), Duration.ofMillis(500));
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
  }

  @Test
  void aUsedUpWindowIsWaitedOutBeforeTheNextCallWithoutA429() {
    Instant reset = NOW.plusSeconds(60);
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(ok(rateLimitHeaders(300, 0, reset))));
    XApiClient client = client();

    lookup(client);
    assertThat(sleeps).isEmpty();
    lookup(client);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
    server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void a429WithoutAResetBacksOffAndGivesUpAfterTheRetries() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(problemResponse(429, "Too Many Requests", "Too Many Requests")));

    assertThatThrownBy(() -> lookup(clientBuilder().maxRetries(2).build()))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.RATE_LIMITED);
              assertThat(e.rateLimitReset()).isEmpty();
            });
    assertThat(sleeps).hasSize(2);
    server.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aResetFurtherAheadThanAllowedFailsAtOnce() {
    Instant reset = NOW.plus(Duration.ofHours(2));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                problemResponse(429, "Too Many Requests", "Usage cap")
                    .withHeader("x-rate-limit-limit", "300")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", Long.toString(reset.getEpochSecond()))));

    assertThatThrownBy(() -> lookup(client()))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.RATE_LIMITED);
              assertThat(e.rateLimitReset()).hasValue(reset);
              assertThat(e.getMessage()).contains(reset.toString());
            });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void repeated429sAreWaitedOutABoundedNumberOfTimes() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                problemResponse(429, "Too Many Requests", "Too Many Requests")
                    .withHeader("x-rate-limit-limit", "300")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader(
                        "x-rate-limit-reset",
                        Long.toString(NOW.plusSeconds(30).getEpochSecond()))));
    // Each wait moves the clock to the reset; the server keeps answering with a reset now in the
    // past,
    // which is backed off rather than waited for.
    assertThatThrownBy(() -> lookup(clientBuilder().maxRetries(1).maxRateLimitWaits(2).build()))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> assertThat(e.reason()).isEqualTo(XApiException.Reason.RATE_LIMITED));
    assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(30));
    server.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aBadRequestFailsAtOnceWithTheApisTitleAndDetail() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", PROBLEM_JSON)
                    .withBody(
                        "{\"errors\":[{\"parameters\":{\"user.fields\":[\"nope\"]},\"message\":\"bad field\"}],"
                            + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
                            + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}")));

    assertThatThrownBy(() -> lookup(client()))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.BAD_REQUEST);
              assertThat(e.code()).isEqualTo("xapi.bad-request");
              assertThat(e.title()).hasValue("Invalid Request");
              assertThat(e.detail())
                  .hasValue("One or more parameters to your request was invalid.");
              assertThat(e.problemType())
                  .hasValue("https://api.twitter.com/2/problems/invalid-request");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "X API "
                          + ENDPOINT
                          + ": HTTP 400 Invalid Request (One or more "
                          + "parameters to your request was invalid.)");
            });
    assertThat(sleeps).isEmpty();
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void theV11StyleErrorBodyIsReadToo() {
    Problem p =
        Problem.fromBody("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}");

    assertThat(p.detail()).isEqualTo("Rate limit exceeded");
    assertThat(Problem.fromBody("<html>gateway</html>")).isEqualTo(Problem.NONE);
  }

  @Test
  void aConnectionThatKeepsDroppingFailsAsAConnectionErrorAfterTheRetries() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> lookup(clientBuilder().maxRetries(2).build()))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(XApiException.Reason.CONNECTION);
              assertThat(e.status()).isEmpty();
            });
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aServerThatIsNotThereIsAConnectionError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    XApiClient client =
        clientBuilder().baseUri(URI.create("http://127.0.0.1:" + port)).maxRetries(1).build();

    assertThatThrownBy(() -> lookup(client))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> assertThat(e.reason()).isEqualTo(XApiException.Reason.CONNECTION));
  }

  @Test
  void anInterruptedWaitIsATypedFailureAndKeepsTheInterrupt() {
    server.stubFor(
        get(urlPathEqualTo(PATH)).willReturn(problemResponse(503, "Service Unavailable", "down")));
    XApiClient client =
        clientBuilder()
            .sleeper(
                d -> {
                  throw new InterruptedException();
                })
            .build();

    try {
      assertThatThrownBy(() -> lookup(client))
          .isInstanceOfSatisfying(
              XApiException.class,
              e -> assertThat(e.reason()).isEqualTo(XApiException.Reason.INTERRUPTED));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theBuilderChecksEachValue() {
    XApiClient.Builder b = XApiClient.builder();
    assertThatThrownBy(() -> b.baseUri(URI.create("ftp://api.x.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.baseUri(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(XApiClient.DEFAULT_BASE_URI).hasToString("https://api.x.com");
  }
}

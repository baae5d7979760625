package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.test.MutableClock;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The X API's part of the health: a stand-in server on a loopback port, or none. */
class XApiReachabilityTest {
  private static final String TOKEN = "bearer-token-never-shown";

  private final MutableClock clock = new MutableClock(Instant.parse("2017-06-02T00:00:00Z"));
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;
  private URI baseUri;

  @BeforeEach
  void startStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stopStandIn() {
    server.stop(0);
  }

  @Test
  void reachableOnAnyAnswerProbedWithoutTheToken() {
    XApiReachability x = reachability(baseUri, Duration.ofMinutes(1));

    Map<String, Object> details = x.check();

    assertThat(details).containsEntry("reachable", true).containsEntry("status", 404);
    assertThat(details).containsEntry("checkedAt", "2017-06-02T00:00:00Z");
    assertThat(requests).containsExactly("HEAD / null");
  }

  @Test
  void probesAgainOnlyWhenTheAnswerIsOlderThanTheCache() {
    XApiReachability x = reachability(baseUri, Duration.ofMinutes(1));

    x.check();
    x.check();
    assertThat(x.reachable()).isTrue();
    assertThat(requests).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    x.check();
    assertThat(requests).hasSize(2);
  }

  @Test
  void unreachableOnAPortNobodyListensOn() throws IOException {
    XApiReachability x = reachability(unusedPort(), Duration.ofMinutes(1));

    Map<String, Object> details = x.check();

    assertThat(details).containsEntry("reachable", false).containsKey("error");
    assertThat(x.reachable()).isFalse();
  }

  @Test
  void aCacheThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> reachability(baseUri, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cacheFor");
  }

  @Test
  void theIndicatorShowsTheXApiWhenTheTokenIsSet() {
    withHealth()
        .withPropertyValues("poltwt.x.bearer-token=" + TOKEN, "poltwt.x.base-uri=" + baseUri)
        .run(
            context -> {
              assertThat(requests).as("nothing is probed at start-up").isEmpty();
              Health health = context.getBean(PoltwtHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsKey("editions").containsKey("xApi");
              assertThat(health.getDetails().get("xApi").toString())
                  .contains("reachable=true")
                  .doesNotContain(TOKEN);
              assertThat(requests).hasSize(1);
            });
  }

  @Test
  void anUnreachableXApiStartsAndIsReportedWithoutTakingPoltwtDown() throws IOException {
    URI nobody = unusedPort();
    withHealth()
        .withPropertyValues("poltwt.x.bearer-token=" + TOKEN, "poltwt.x.base-uri=" + nobody)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Health health = context.getBean(PoltwtHealthIndicator.class).health();
              // Sign-up and mail go on without X: a load balancer must keep the instance.
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsKey("outboxDue");
              assertThat(health.getDetails().get("xApi").toString()).contains("reachable=false");
            });
  }

  @Test
  void noXApiPartWithoutTheTokenOrWithoutPoltwtTwitter() {
    withHealth()
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(XApiReachability.class);
              assertThat(context.getBean(PoltwtHealthIndicator.class).health().getDetails())
                  .doesNotContainKey("xApi");
            });
    withHealth()
        .withClassLoader(new FilteredClassLoader(XApiClient.class))
        .withPropertyValues("poltwt.x.bearer-token=" + TOKEN)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(PoltwtHealthIndicator.class)
                    .doesNotHaveBean(XApiReachability.class));
  }

  private ApplicationContextRunner withHealth() {
    return Contexts.withDatabase()
        .withConfiguration(AutoConfigurations.of(PoltwtHealthAutoConfiguration.class))
        .withBean(Mailer.class, InMemoryMailer::new)
        .withPropertyValues("poltwt.announcements.delivery-interval=0");
  }

  private XApiReachability reachability(URI uri, Duration cache) {
    XApiClient client =
        XApiClient.builder().credentials(XApiCredentials.appOnly(TOKEN)).baseUri(uri).build();
    return new XApiReachability(client, uri, cache, clock);
  }

  private static URI unusedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/");
  }
}

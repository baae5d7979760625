package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;

/** Failed log-ins slow the next ones down, for a while, never for good. */
class SiteLoginThrottleTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:30Z"));
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void failuresSlowTheNextAttemptsDownAndTheRightPasswordWorksAfterTheWait() {
    WebClient c = site.client();
    c.get("/organiser/login");
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      assertThat(c.post("/organiser/login", Map.of("password", "wrong-" + i)).status())
          .isEqualTo(401);
    }
    WebClient.Response slowed = c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
    assertThat(slowed.status()).isEqualTo(429);
    assertThat(slowed.header("Retry-After")).isEqualTo("1");
    assertThat(slowed.body()).contains("too many wrong attempts; try again in 1 seconds");

    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(c.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .isEqualTo(303);
    assertThat(site.site.stores().auditLog().list(0, 100))
        .filteredOn(e -> e.action().equals("login.failure"))
        .hasSize(LoginThrottle.FREE)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
  }
}

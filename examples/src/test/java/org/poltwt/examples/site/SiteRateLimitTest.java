package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-address rate limits on sign-up, verification, the email look-up, new links and log-in. */
class SiteRateLimitTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:05Z"), ZoneOffset.UTC);
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 3);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void theFourthLookUpInAMinuteIsRefused() {
    WebClient c = site.client();
    c.get("/lookup");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(c.post("/lookup", Map.of("handle", "Nobody" + i)).status());
    }
    WebClient.Response refused = c.post("/lookup", Map.of("handle", "Nobody"));

    assertThat(statuses).containsExactly(200, 200, 200, 429);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("55");
    assertThat(refused.body()).contains("Too many attempts");
  }

  @Test
  void theFourthNewLinkRequestInAMinuteIsRefused() {
    WebClient c = site.client();
    c.get("/new-link");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(c.post("/new-link", Map.of("handle", "Nobody" + i)).status());
    }

    assertThat(statuses).containsExactly(200, 200, 200, 429);
  }

  @Test
  void signUpsVerificationsAndLogInsAreLimitedEachOnTheirOwn() {
    WebClient c = site.client();
    c.get("/signup");
    List<Integer> signups = new ArrayList<>();
    List<Integer> verifications = new ArrayList<>();
    List<Integer> logins = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      signups.add(c.post("/signup", Map.of("form", "agency", "handle", "Limited" + i)).status());
      verifications.add(c.post("/verify", Map.of("token", "unknown" + i)).status());
      logins.add(c.post("/organiser/login", Map.of("password", "wrong-password")).status());
    }

    assertThat(signups).containsExactly(422, 422, 422, 429);
    assertThat(verifications).containsExactly(404, 404, 404, 429);
    assertThat(logins).containsExactly(401, 401, 401, 429);
    assertThat(c.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .as("the right password too, once the limit is reached")
        .isEqualTo(429);
  }
}

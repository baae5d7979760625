package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;

/**
 * Rate limits per target (a handle, an email address, a token, an account: low) and per address
 * (generous), on sign-up, verification, the email look-up, new links and log-in. No proxy is
 * trusted here, so every request is judged by its connection's address, whatever it claims.
 */
class SiteRateLimitTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:05Z"));
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 3, b -> b.addressRateLimit(8));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Each test starts in fresh windows, the log-in throttle's day-long ones too. */
  @BeforeEach
  void nextDay() {
    CLOCK.advance(LoginThrottle.FORGET);
  }

  @Test
  void theFourthLookUpOfOneHandleInAMinuteIsRefusedAndOthersAreNot() {
    WebClient c = site.client();
    c.get("/lookup");
    List<Integer> statuses = new ArrayList<>();
    for (String typed : List.of("Nobody", "nobody", "@NOBODY", " Nobody ")) {
      statuses.add(c.post("/lookup", Map.of("handle", typed)).status());
    }
    CLOCK.advance(Duration.ofSeconds(5));
    WebClient.Response refused = c.post("/lookup", Map.of("handle", "Nobody"));

    assertThat(statuses).as("one handle however it is typed").containsExactly(200, 200, 200, 429);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).as("the window's seconds left").isEqualTo("55");
    assertThat(refused.body()).contains("Too many attempts for the same handle");
    assertThat(c.post("/lookup", Map.of("handle", "Somebody")).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofSeconds(55));
    assertThat(c.post("/lookup", Map.of("handle", "Nobody")).status())
        .as("once the window has ended")
        .isEqualTo(200);
  }

  @Test
  void anAddressMayTryManyTargetsUpToItsBudget() {
    WebClient c = site.client();
    c.get("/new-link");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      statuses.add(c.post("/new-link", Map.of("handle", "Nobody" + i)).status());
    }
    WebClient.Response refused = c.post("/new-link", Map.of("handle", "Nobody9"));

    assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 429);
    assertThat(refused.header("Retry-After")).isEqualTo("60");
    assertThat(refused.body()).contains("Too many attempts from your network");
  }

  @Test
  void anUntrustedConnectionCannotClaimOtherAddresses() {
    WebClient c = site.client();
    c.get("/new-link");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      c.headers.put("X-Forwarded-For", "198.51.100." + i);
      c.headers.put("Forwarded", "for=198.51.100." + i);
      statuses.add(c.post("/new-link", Map.of("handle", "Claimed" + i)).status());
    }
    c.headers.put("X-Forwarded-For", "198.51.100.77");
    c.headers.remove("Forwarded");
    c.get("/organiser/login");
    WebClient.Response login =
        c.post("/organiser/login", Map.of("name", "claimed", "password", "wrong-password"));

    assertThat(statuses)
        .as("one budget: the connection's")
        .containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 429);
    assertThat(login.status()).isEqualTo(401);
    assertThat(site.site.stores().auditLog().list(0, 100))
        .filteredOn(e -> e.action().equals("login.failure"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.address()).isIn("127.0.0.1", "::1"));
  }

  @Test
  void oneEmailIsATargetWhicheverHandleItSignsUp() {
    WebClient c = site.client();
    c.get("/signup");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Malformed, so that each attempt is refused by the form and the limit alone says 429.
      String email = i % 2 == 0 ? "Same.Person" : " same.person ";
      Map<String, String> form = SiteHttpTest.officer("SameMail" + i, email);
      statuses.add(c.post("/signup", form).status());
    }

    assertThat(statuses).containsExactly(422, 422, 422, 429);
  }

  @Test
  void signUpsVerificationsAndLogInsAreLimitedEachOnTheirOwn() {
    WebClient c = site.client();
    c.get("/signup");
    List<Integer> signups = new ArrayList<>();
    List<Integer> verifications = new ArrayList<>();
    List<Integer> logins = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      signups.add(c.post("/signup", Map.of("form", "agency", "handle", "Limited")).status());
      verifications.add(c.post("/verify", Map.of("token", "unknown")).status());
      logins.add(c.post("/organiser/login", Map.of("password", "wrong-password")).status());
    }

    assertThat(signups).containsExactly(422, 422, 422, 429);
    assertThat(verifications).containsExactly(404, 404, 404, 429);
    assertThat(logins).containsExactly(401, 401, 401, 429);
    assertThat(c.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .as("the right password too, once the account's limit is reached")
        .isEqualTo(429);
  }
}

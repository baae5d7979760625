package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AuditEntry;
import org.poltwt.test.MutableClock;

/**
 * The site behind a trusted reverse proxy: the tests' own connections (loopback) play the proxy,
 * and their {@code X-Forwarded-For} and {@code Forwarded} headers name the visitors.
 */
class SiteBehindProxyTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:05Z"));
  private static final int ADDRESS_BUDGET = 60;
  private static TestSite site;

  @BeforeAll
  static void start() {
    site =
        TestSite.start(
            CLOCK,
            3,
            b -> b.addressRateLimit(ADDRESS_BUDGET).trustedProxies("127.0.0.1, ::1, 10.0.0.0/8"));
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

  /** A visitor whose requests reach the site through the proxy, which names its address. */
  private static WebClient visitor(String address) {
    WebClient c = site.client();
    c.headers.put("X-Forwarded-For", address);
    return c;
  }

  @Test
  void fiftyOfficersOfOneStationBehindOneNatAreAllSignedUp() {
    int edition = site.latestEdition();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      WebClient officer = visitor("203.0.113.7");
      officer.get("/signup");
      statuses.add(
          officer
              .post(
                  "/signup",
                  SiteHttpTest.officer("KentPC" + i, "pc" + i + ".station@kent.police.uk"))
              .status());
    }

    assertThat(statuses).hasSize(50).containsOnly(303);
    for (int i = 0; i < 50; i++) {
      assertThat(
              site.site
                  .stores()
                  .registrations()
                  .findByHandle(edition, TwitterHandle.of("KentPC" + i)))
          .as("the sign-up of @KentPC" + i)
          .isPresent();
    }
  }

  @Test
  void oneHandleHammeredFromManyAddressesIsRefusedAfterTheLimit() {
    List<WebClient.Response> answers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      WebClient c = visitor("198.51.100." + i);
      c.get("/lookup");
      answers.add(c.post("/lookup", Map.of("handle", "Hammered")));
    }

    assertThat(answers)
        .extracting(WebClient.Response::status)
        .containsExactly(200, 200, 200, 429, 429);
    assertThat(answers.get(3).header("Retry-After")).isEqualTo("60");
    assertThat(answers.get(3).body()).contains("Too many attempts for the same handle");
  }

  @Test
  void eachVisitorBehindTheProxyHasItsOwnAddressBudget() {
    WebClient first = visitor("192.0.2.10, 10.1.2.3");
    first.get("/new-link");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i <= ADDRESS_BUDGET; i++) {
      statuses.add(first.post("/new-link", Map.of("handle", "Budget" + i)).status());
    }
    WebClient second = site.client();
    second.headers.put("Forwarded", "for=\"[2001:DB8::7]:4711\";proto=https, for=10.9.9.9");
    second.get("/new-link");

    assertThat(statuses.subList(0, ADDRESS_BUDGET)).containsOnly(200);
    assertThat(statuses.get(ADDRESS_BUDGET)).isEqualTo(429);
    assertThat(second.post("/new-link", Map.of("handle", "Budget0")).status())
        .as("another visitor, another budget")
        .isEqualTo(200);
  }

  @Test
  void theAuditTrailAndTheLogInThrottleSeeTheVisitorNotTheProxy() {
    WebClient guesser = site.client();
    guesser.headers.put("Forwarded", "for=\"[2001:db8:0:0::99]\"");
    guesser.get("/organiser/login");
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      guesser.post("/organiser/login", Map.of("name", "guessed" + i, "password", "wrong-pass"));
    }
    WebClient.Response slowed =
        guesser.post("/organiser/login", Map.of("name", "guessed9", "password", "wrong-pass"));

    assertThat(slowed.status()).as("the guesser's address is slowed").isEqualTo(429);
    assertThat(failures()).contains("2001:db8::99").doesNotContain("127.0.0.1", "::1");
    assertThat(visitor("192.0.2.55").get("/organiser/login").status()).isEqualTo(200);
    site.organiser();
  }

  @Test
  void malformedOrUnknownHeadersFallBackWithoutAnError() {
    List<Map<String, String>> headers =
        List.of(
            Map.of("X-Forwarded-For", "proxy.example, 192.0.2.1"),
            Map.of("X-Forwarded-For", "192.0.2.1,,192.0.2.2"),
            Map.of("Forwarded", "for=\"[2001:db8::1"),
            Map.of("Forwarded", "for=2001:db8::1"),
            Map.of("Forwarded", "for=unknown;proto=https"),
            Map.of("Forwarded", "for=_hidden, for=192.0.2.3"),
            Map.of("X-Forwarded-For", "999.1.1.1"),
            Map.of("Forwarded", "for=192.0.2.4", "X-Forwarded-For", "192.0.2.5"));
    int i = 0;
    for (Map<String, String> h : headers) {
      WebClient c = site.client();
      c.headers.putAll(h);
      assertThat(c.get("/lookup").status()).as(h.toString()).isEqualTo(200);
      assertThat(c.post("/lookup", Map.of("handle", "Malformed" + i++)).status())
          .as(h.toString())
          .isEqualTo(200);
    }
  }

  /** The addresses of this test's failed log-ins: each test has a day of its own. */
  private static List<String> failures() {
    return site.site.stores().auditLog().list(0, 100).stream()
        .filter(e -> e.action().equals("login.failure") && e.at().equals(CLOCK.instant()))
        .map(AuditEntry::address)
        .toList();
  }
}

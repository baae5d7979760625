package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.examples.testing.XStandIn;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationQuery;

/**
 * Two instances of one deployment on shared stores, as behind a load balancer: whatever instance a
 * request lands on, the organiser's session, the form's CSRF token, a held mass mail and a running
 * harvest are the same. Every request of a journey alternates between the instances, with one
 * browser's cookies.
 */
class SiteInstancesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);

  /** The deployment's shared secret, as {@code POLTWT_MANAGE_KEY} gives it to every instance. */
  private static final String SECRET = "c2l0ZS1zdGF0ZS10ZXN0LXNoYXJlZC1zZWNyZXQtMzItYnl0ZXMh";

  private static final String TOKEN = "AAAAsiteInstancesToken0123456789";

  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
  private XStandIn x;
  private TestSite a;
  private TestSite b;

  @BeforeEach
  void start() throws IOException {
    x =
        XStandIn.recentSearch(
            query -> {
              CountDownLatch latch = hold.get();
              if (latch != null) {
                try {
                  latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return XStandIn.Answer.ok(XStandIn.searchOf(30, query));
            });
    a =
        TestSite.start(
            CLOCK,
            1000,
            c -> c.manageKey(SECRET).xBearerToken(TOKEN).xApiUri(x.uri()).xHarvestMaxPosts(25));
    b = a.alongside();
  }

  @AfterEach
  void stop() {
    CountDownLatch latch = hold.getAndSet(null);
    if (latch != null) {
      latch.countDown();
    }
    b.close();
    a.close();
    x.close();
  }

  /** The same browser, its next request landing on another instance. */
  private static WebClient on(TestSite instance, WebClient browser) {
    WebClient c = instance.client();
    c.cookies.putAll(browser.cookies);
    c.csrf = browser.csrf;
    return c;
  }

  private Edition edition() {
    return a.site.stores().editions().all().stream()
        .filter(e -> e.status() == EditionStatus.SCHEDULED || e.status() == EditionStatus.DATE_TBD)
        .min(Comparator.comparingInt(Edition::number))
        .orElseThrow();
  }

  private OutboxStore outbox() {
    return a.site.stores().outbox();
  }

  @Test
  void aLogInOnOneInstanceIsALogInOnTheOtherAndALogOutOnEitherEndsItOnBoth() {
    WebClient onA = a.organiser();
    WebClient onB = on(b, onA);

    WebClient.Response dashboard = onB.get("/organiser");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains("action=\"/organiser/logout\"");
    assertThat(onB.post("/organiser/logout", Map.of()).status()).isEqualTo(303);

    // The browser would have dropped the cookie; a copy of it is no log-in anywhere either.
    assertThat(onA.get("/organiser").status()).isEqualTo(303);
    assertThat(onA.get("/organiser").header("Location")).isEqualTo("/organiser/login");
    assertThat(on(b, onA).get("/organiser").status()).isEqualTo(303);
  }

  @Test
  void theStoreKeepsOnlyTheHashOfASessionsCookie() {
    WebClient onA = a.organiser();
    String cookie = onA.cookies.get(Guards.SESSION_COOKIE);

    assertThat(a.site.stores().sessions().find(cookie, CLOCK.instant())).isEmpty();
    assertThat(a.site.stores().sessions().find(SiteKeys.sha256Hex(cookie), CLOCK.instant()))
        .hasValueSatisfying(s -> assertThat(s.account()).isEqualTo("admin"));
  }

  @Test
  void aFormOneInstanceRenderedIsAcceptedByTheOther() {
    WebClient onA = a.client();
    onA.get("/organiser/login");
    WebClient onB = on(b, onA);

    WebClient.Response login = onB.post("/organiser/login", Map.of("password", TestSite.PASSWORD));

    assertThat(login.status()).isEqualTo(303);
    // And the session B opened is one on A.
    assertThat(on(a, onB).get("/organiser").status()).isEqualTo(200);
  }

  @Test
  void thePageAfterASignUpOnOneInstanceShowsTheAddressOnTheOther() {
    // Without the X token: sign-up would ask the stand-in, which knows only recent search.
    try (TestSite first = TestSite.start(CLOCK, 1000, c -> c.manageKey(SECRET));
        TestSite second = first.alongside()) {
      WebClient onFirst = first.client();
      onFirst.get("/signup");
      WebClient.Response r =
          onFirst.post(
              "/signup", SiteHttpTest.officer("PCTwoInstances", "two.instances@kent.police.uk"));
      assertThat(r.status()).isEqualTo(303);

      assertThat(on(second, onFirst).get(r.header("Location")).body())
          .contains("t\u2022\u2022\u2022@");
    }
  }

  private Map<String, String> announcement() {
    String someone =
        a.site
            .stores()
            .registrations()
            .list(RegistrationQuery.of(edition().number()), 0, 1)
            .get(0)
            .handle()
            .value();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("subject", "{hashtag} edition {edition}: the theme");
    form.put("body", "Hello {handle}, your 24 hours start {windowStart}.");
    form.put("audience", "verified");
    form.put("previewHandle", someone);
    form.put("action", "send");
    return form;
  }

  @Test
  void anAnnouncementHeldOnOneInstanceIsConfirmedOnTheOtherAndOnlyOnce() {
    int number = edition().number();
    WebClient onA = a.organiser();
    onA.get("/organiser/announcements");
    WebClient.Response held = onA.post("/organiser/announcements", announcement());
    assertThat(held.status()).isEqualTo(303);
    String page = held.header("Location");

    WebClient onB = on(b, onA);
    WebClient.Response confirm = onB.get(page);
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body()).contains("Check before sending").contains("Sample: the mail to @");
    assertThat(outbox().announcements(number)).as("nothing sent before confirming").isEmpty();
    WebClient.Response first = onB.post(page, Map.of());
    assertThat(first.status()).isEqualTo(303);
    assertThat(outbox().announcements(number)).hasSize(1);
    int entries = outbox().entries(outbox().announcements(number).get(0).id()).size();
    assertThat(entries).isGreaterThan(100);

    WebClient.Response again = onA.post(page, Map.of());

    assertThat(again.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(onA.get(again.header("Location")).body())
        .containsPattern("Sent to \\d{3} of \\d{3} recipients");
    assertThat(outbox().announcements(number)).hasSize(1);
    assertThat(outbox().entries(outbox().announcements(number).get(0).id())).hasSize(entries);
    assertThat(a.site.stores().auditLog().list(0, 100))
        .extracting(AuditEntry::action)
        .containsOnlyOnce("announcement.send");
  }

  @Test
  void aNewDateHeldOnOneInstanceIsConfirmedOnTheOther() {
    Edition before = edition();
    WebClient onA = a.organiser();
    onA.get("/organiser/edition");
    WebClient.Response held =
        onA.post(
            "/organiser/edition",
            Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule"));
    assertThat(held.status()).isEqualTo(303);

    WebClient onB = on(b, onA);
    assertThat(onB.get(held.header("Location")).body())
        .contains("Move edition " + before.number() + " to 2026-08-14");
    assertThat(onB.post(held.header("Location"), Map.of()).status()).isEqualTo(303);
    assertThat(onA.post(held.header("Location"), Map.of()).status()).isEqualTo(303);

    assertThat(outbox().announcements(before.number())).hasSize(1);
    assertThat(edition().date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-14"));
  }

  @Test
  void aHarvestRunningOnOneInstanceShowsAsRunningOnTheOtherWhichCannotStartASecond()
      throws InterruptedException {
    int number = edition().number();
    // The edition ran three days ago: recent search still reaches all of it.
    a.site
        .stores()
        .editions()
        .save(
            Edition.builder()
                .number(number)
                .date(LocalDate.of(2026, 6, 5))
                .localStart(LocalTime.of(8, 0))
                .build());
    CountDownLatch latch = new CountDownLatch(1);
    hold.set(latch);
    WebClient onA = a.organiser();
    onA.get("/organiser/edition");
    assertThat(onA.post("/organiser/harvest", Map.of()).status()).isEqualTo(303);

    WebClient onB = on(b, onA);
    String elsewhere = onB.get("/organiser/harvest").body();
    onB.get("/organiser/edition");
    WebClient.Response second = onB.post("/organiser/harvest", Map.of());

    assertThat(elsewhere)
        .contains("running on another instance of the site")
        .contains("http-equiv=\"refresh\"")
        .doesNotContain("action=\"/organiser/harvest\"");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body()).contains("already running");

    latch.countDown();
    String ended = onA.get("/organiser/harvest").body();
    for (int i = 0; i < 1_000 && ended.contains("Running."); i++) {
      Thread.sleep(20);
      ended = onA.get("/organiser/harvest").body();
    }
    assertThat(ended).contains("Stopped at the read budget");
    // Its lease released, the other instance may harvest the rest.
    onB.get("/organiser/edition");
    assertThat(onB.post("/organiser/harvest", Map.of()).status()).isEqualTo(303);
  }

  @Test
  void theHarvestOfAnInstanceThatDiedMayBeStartedOnceItsLeaseLapses() {
    int number = edition().number();
    String lease = "site-harvest-" + number;
    Instant now = CLOCK.instant();
    WebClient organiser = a.organiser();
    // An instance died while harvesting: it renewed its lease last three minutes ago.
    a.site
        .stores()
        .leases()
        .acquire(lease, "dead-instance", now.minus(Duration.ofMinutes(3)), SiteHarvester.LEASE_TTL);

    assertThat(organiser.get("/organiser/harvest").body())
        .doesNotContain("running on another instance");
    organiser.get("/organiser/edition");
    assertThat(organiser.post("/organiser/harvest", Map.of()).status()).isEqualTo(303);
  }

  @Test
  void aLiveLeaseOfAnotherInstanceKeepsTheHarvestFromStarting() {
    int number = edition().number();
    a.site
        .stores()
        .leases()
        .acquire(
            "site-harvest-" + number, "live-instance", CLOCK.instant(), SiteHarvester.LEASE_TTL);
    WebClient organiser = a.organiser();

    assertThat(organiser.get("/organiser/harvest").body())
        .contains("running on another instance of the site");
    organiser.get("/organiser/edition");
    assertThat(organiser.post("/organiser/harvest", Map.of()).status()).isEqualTo(409);
    assertThat(x.queries()).isEmpty();
  }
}

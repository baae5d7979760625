package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.examples.testing.XStandIn;
import org.poltwt.spi.TweetQuery;

/**
 * Organisers harvest the edition from their pages, with {@code POLTWT_X_BEARER_TOKEN} set, against
 * a local stand-in for recent search (WireMock's Jetty would clash with the site's) that holds 60
 * posts and answers pages of {@code max_results}: each harvest stops at the site's read budget, the
 * next resumes where it stopped, and one runs at a time.
 */
class SiteHarvestTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);
  private static final String TOKEN = "AAAAsiteHarvestToken0123456789";
  private static final int ALL = 60;

  private XStandIn x;
  private TestSite site;
  private WebClient organiser;
  private int edition;

  /** While set, the stand-in holds every search until it is counted down. */
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

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
              return XStandIn.Answer.ok(XStandIn.searchOf(ALL, query));
            });
    site =
        TestSite.start(
            CLOCK, 1000, b -> b.xBearerToken(TOKEN).xApiUri(x.uri()).xHarvestMaxPosts(25));
    edition = current();
    // The edition ran three days ago: recent search still reaches all of it.
    site.site
        .stores()
        .editions()
        .save(
            Edition.builder()
                .number(edition)
                .date(LocalDate.of(2026, 6, 5))
                .localStart(LocalTime.of(8, 0))
                .build());
    organiser = site.client();
    organiser.get("/organiser/login");
    organiser.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
  }

  /** The edition the organiser pages are about. */
  private int current() {
    Matcher m =
        Pattern.compile("Edition (\\d+)").matcher(loggedIn().get("/organiser/edition").body());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private WebClient loggedIn() {
    WebClient c = site.client();
    c.get("/organiser/login");
    c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
    return c;
  }

  @AfterEach
  void stop() {
    CountDownLatch latch = hold.getAndSet(null);
    if (latch != null) {
      latch.countDown();
    }
    site.close();
    x.close();
  }

  /** Starts a harvest and reads its page once it has stopped (it runs on a background thread). */
  private String harvestUntilItStops() throws InterruptedException {
    WebClient.Response started = organiser.post("/organiser/harvest", Map.of());
    assertThat(started.status()).isEqualTo(303);
    assertThat(started.header("Location")).isEqualTo("/organiser/harvest");
    String body = organiser.get("/organiser/harvest").body();
    for (int i = 0; i < 1_000 && body.contains("Running."); i++) {
      Thread.sleep(20);
      body = organiser.get("/organiser/harvest").body();
    }
    return body;
  }

  private long stored() {
    return site.site.stores().tweets().count(TweetQuery.of(edition));
  }

  @Test
  void theEditionPageOffersAHarvestWithItsBudgetAndSaysHowFarSearchReaches() {
    String page = organiser.get("/organiser/edition").body();

    assertThat(page)
        .contains("recent search reaches 7 days back")
        .contains("action=\"/organiser/harvest\"")
        .contains("Harvest edition " + edition + " now")
        .contains("one harvest reads at most 25 posts")
        .contains("asks X by itself for new posts every 15 seconds")
        .contains("name=\"_csrf\"");
    assertThat(organiser.get("/organiser/harvest").body())
        .contains("reaches 7 days back")
        .contains("No harvest of this edition has run")
        .contains("The tweet store holds no posts of this edition yet.");
  }

  @Test
  void eachHarvestStopsAtTheBudgetAndTheNextResumesUntilTheEditionIsComplete()
      throws InterruptedException {
    String first = harvestUntilItStops();

    assertThat(first)
        .contains("Stopped at the read budget")
        .contains("25 of at most 25")
        .doesNotContain("http-equiv=\"refresh\"")
        .doesNotContain(TOKEN);
    assertThat(stored()).isEqualTo(25);

    String second = harvestUntilItStops();
    assertThat(second).contains("Stopped at the read budget");
    assertThat(stored()).isEqualTo(50);
    assertThat(x.queries()).anyMatch(q -> q.contains("next_token=at25"));

    String third = harvestUntilItStops();
    assertThat(third)
        .contains("Finished")
        .contains("10 of at most 25")
        .contains("The tweet store holds 60 posts of this edition")
        .contains("the newest was posted at Friday 5 June 2026, 10:00 UTC");
    assertThat(stored()).isEqualTo(ALL);

    // Another instance knows nothing of these runs, but its page says what the store holds.
    try (TestSite other = site.alongside()) {
      WebClient c = other.client();
      c.get("/organiser/login");
      c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
      assertThat(c.get("/organiser/harvest").body())
          .contains("No harvest of this edition has run")
          .contains("The tweet store holds 60 posts of this edition");
    }
  }

  @Test
  void oneHarvestPerEditionRunsAtATimeAndItsPageRefreshesWhileItRuns() {
    CountDownLatch latch = new CountDownLatch(1);
    hold.set(latch);
    assertThat(organiser.post("/organiser/harvest", Map.of()).status()).isEqualTo(303);

    String running = organiser.get("/organiser/harvest").body();
    organiser.get("/organiser/edition");
    WebClient.Response again = organiser.post("/organiser/harvest", Map.of());

    assertThat(running).contains("Running.").contains("http-equiv=\"refresh\"");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already running");
    latch.countDown();
  }

  @Test
  void withoutTheTokenThereIsNoHarvest() {
    try (TestSite plain = TestSite.start(CLOCK, 1000)) {
      WebClient c = plain.client();
      c.get("/organiser/login");
      c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));

      String page = c.get("/organiser/edition").body();
      assertThat(page)
          .contains("set POLTWT_X_BEARER_TOKEN")
          .doesNotContain("Harvest edition")
          .doesNotContain("harvest-follow");
      assertThat(c.post("/organiser/harvest", Map.of()).status()).isEqualTo(404);
    }
    assertThat(x.queries()).isEmpty();
  }

  @Test
  void aPostWithoutTheCsrfTokenStartsNothing() {
    WebClient.Response r = site.client().post("/organiser/harvest", Map.of());

    assertThat(r.status()).isNotEqualTo(303);
    assertThat(x.queries()).isEmpty();
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
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
  private static final Pattern MAX = Pattern.compile("max_results=(\\d+)");
  private static final Pattern NEXT = Pattern.compile("next_token=at(\\d+)");

  private HttpServer x;
  private TestSite site;
  private WebClient organiser;
  private int edition;
  private final List<String> queries = new CopyOnWriteArrayList<>();

  /** While set, the stand-in holds every search until it is counted down. */
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    x = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    x.createContext(
        "/2/tweets/search/recent",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(query);
          CountDownLatch latch = hold.get();
          if (latch != null) {
            try {
              latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          String body;
          if (query.contains("since_id=")) {
            body = "{\"meta\":{\"result_count\":0}}";
          } else {
            Matcher m = MAX.matcher(query);
            Matcher t = NEXT.matcher(query);
            int from = t.find() ? Integer.parseInt(t.group(1)) : 0;
            int size = Math.min(m.find() ? Integer.parseInt(m.group(1)) : 10, ALL - from);
            body = page(from, size, from + size < ALL ? "at" + (from + size) : null);
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(bytes);
          }
        });
    x.start();
    site =
        TestSite.start(
            CLOCK,
            1000,
            b ->
                b.xBearerToken(TOKEN)
                    .xApiUri(URI.create("http://localhost:" + x.getAddress().getPort()))
                    .xHarvestMaxPosts(25));
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
    x.stop(0);
  }

  private static String page(int from, int size, String next) {
    List<String> tweets = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      tweets.add(
          "{\"id\":\""
              + (1_800_000_000_000_000_100L - i)
              + "\",\"author_id\":\"42\",\"text\":\"Shift "
              + i
              + " #PolTwt\",\"created_at\":\"2026-06-05T10:00:00.000Z\",\"lang\":\"en\"}");
    }
    return "{\"data\":["
        + String.join(",", tweets)
        + "],\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\","
        + "\"name\":\"Policia\"}]},\"meta\":{\"result_count\":"
        + size
        + (next == null ? "" : ",\"next_token\":\"" + next + "\"")
        + "}}";
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
        .contains("name=\"_csrf\"");
    assertThat(organiser.get("/organiser/harvest").body())
        .contains("reaches 7 days back")
        .contains("No harvest of this edition has run");
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
    assertThat(queries).anyMatch(q -> q.contains("next_token=at25"));

    String third = harvestUntilItStops();
    assertThat(third).contains("Finished").contains("10 of at most 25");
    assertThat(stored()).isEqualTo(ALL);
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
      assertThat(page).contains("set POLTWT_X_BEARER_TOKEN").doesNotContain("Harvest edition");
      assertThat(c.post("/organiser/harvest", Map.of()).status()).isEqualTo(404);
    }
    assertThat(queries).isEmpty();
  }

  @Test
  void aPostWithoutTheCsrfTokenStartsNothing() {
    WebClient.Response r = site.client().post("/organiser/harvest", Map.of());

    assertThat(r.status()).isNotEqualTo(303);
    assertThat(queries).isEmpty();
  }
}

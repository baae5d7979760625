package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.RetentionReport;
import org.poltwt.test.MutableClock;

/**
 * The organisers' Retention page over HTTP: what goes when, an edition's own period, legal holds
 * set and cleared with a reason (CSRF-checked, post/redirect/get), and the job the site runs
 * hourly.
 */
class SiteRetentionTest {
  private MutableClock clock;
  private TestSite site;
  private WebClient organiser;
  private int edition;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    site = TestSite.start(clock, 1000);
    organiser = site.organiser();
    Matcher m =
        Pattern.compile("<h1>[^<]*?(\\d+)[^<]*</h1>")
            .matcher(organiser.get("/organiser/edition").body());
    assertThat(m.find()).isTrue();
    edition = Integer.parseInt(m.group(1));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** A handle of the current edition, from the registrations page. */
  private String someHandle(int index) {
    Matcher m =
        Pattern.compile("<tr><th scope=\"row\">@?([A-Za-z0-9_]{1,15})</th>")
            .matcher(organiser.get("/organiser/registrations").body());
    for (int i = 0; i <= index; i++) {
      assertThat(m.find()).as("registration " + i).isTrue();
    }
    return m.group(1);
  }

  private static long toErase(String page, int edition) {
    Matcher m =
        Pattern.compile(
                "<tr><th scope=\"row\">"
                    + edition
                    + "</th><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>(\\d+)</td>")
            .matcher(page);
    assertThat(m.find()).as("the row of edition " + edition).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void thePageNeedsAnOrganiser() {
    WebClient visitor = site.client();
    WebClient.Response r = visitor.get("/organiser/retention");
    assertThat(r.status()).isIn(302, 303);
    assertThat(r.header("Location")).contains("/organiser/login");
  }

  @Test
  void thePageShowsWhenEachEditionsDataGoesAndHowMuch() {
    WebClient.Response r = organiser.get("/organiser/retention");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("Retention of personal data")
        .contains("90 days after the edition")
        .contains("90 days (the default)")
        .contains("No registration is on legal hold.")
        .contains("href=\"/organiser/retention\"");
    assertThat(toErase(r.body(), edition)).isPositive();
  }

  @Test
  void aHoldIsSetWithAReasonShownAndCleared() {
    String handle = someHandle(0);
    organiser.get("/organiser/retention");

    WebClient.Response set =
        organiser.post(
            "/organiser/retention/holds",
            Map.of(
                "edition",
                Integer.toString(edition),
                "handle",
                "@" + handle,
                "reason",
                "Case 2026/417 <b>urgent</b>"));

    assertThat(set.status()).isEqualTo(303);
    assertThat(set.header("Location")).startsWith("/organiser/retention?held=" + handle);
    String page = organiser.get(set.header("Location")).body();
    assertThat(page)
        .contains("The registration of " + handle + " is on hold.")
        .contains("Case 2026/417 &lt;b&gt;urgent&lt;/b&gt;")
        .doesNotContain("<b>urgent</b>")
        .contains("Clear the hold on " + handle);
    Matcher clear =
        Pattern.compile("action=\"(/organiser/retention/holds/[0-9a-f-]{36}/clear)\"")
            .matcher(page);
    assertThat(clear.find()).isTrue();

    WebClient.Response cleared = organiser.post(clear.group(1), Map.of());
    WebClient.Response again = organiser.post(clear.group(1), Map.of());

    assertThat(cleared.status()).isEqualTo(303);
    assertThat(again.status()).isEqualTo(303);
    assertThat(organiser.get(cleared.header("Location")).body())
        .contains("The hold on " + handle + " is cleared")
        .contains("No registration is on legal hold.");
  }

  @Test
  void aBadHoldIsRefusedBesideItsFields() {
    organiser.get("/organiser/retention");

    WebClient.Response r =
        organiser.post(
            "/organiser/retention/holds",
            Map.of("edition", Integer.toString(edition), "handle", "NobodyAtAll", "reason", " "));
    WebClient.Response tooLong =
        organiser.post(
            "/organiser/retention/holds",
            Map.of(
                "edition",
                Integer.toString(edition),
                "handle",
                someHandle(0),
                "reason",
                "x".repeat(501)));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("No registration of this edition has this handle.")
        .contains("Give the reason for the hold.")
        .contains("value=\"NobodyAtAll\"");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("Keep the reason to 500 characters.");
    assertThat(organiser.get("/organiser/retention").body())
        .contains("No registration is on legal hold.");
  }

  @Test
  void aFormWithoutItsTokenChangesNothing() {
    WebClient stranger = site.client();
    stranger.cookies.putAll(organiser.cookies);

    WebClient.Response r =
        stranger.post(
            "/organiser/retention/holds",
            Map.of("edition", Integer.toString(edition), "handle", someHandle(0), "reason", "x"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(organiser.get("/organiser/retention").body())
        .contains("No registration is on legal hold.");
  }

  @Test
  void anEditionsOwnPeriodIsSavedOrRefused() {
    organiser.get("/organiser/retention");

    WebClient.Response bad =
        organiser.post("/organiser/retention/period/" + edition, Map.of("days", "ten"));
    WebClient.Response ok =
        organiser.post("/organiser/retention/period/" + edition, Map.of("days", "10"));
    WebClient.Response unknown =
        organiser.post("/organiser/retention/period/9999", Map.of("days", "10"));

    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("Enter a whole number of days from 0 to 36500");
    assertThat(ok.status()).isEqualTo(303);
    assertThat(organiser.get(ok.header("Location")).body())
        .contains("The retention period of edition " + edition + " is saved.")
        .contains("10 days (this edition");
    assertThat(unknown.status()).isEqualTo(404);
    organiser.get("/organiser/retention");
    organiser.post("/organiser/retention/period/" + edition, Map.of("days", ""));
    assertThat(organiser.get("/organiser/retention").body()).doesNotContain("(this edition");
  }

  @Test
  void theSitesJobErasesAfterTheDateAndKeepsWhatIsHeld() {
    String held = someHandle(0);
    organiser.get("/organiser/retention");
    organiser.post("/organiser/retention/period/" + edition, Map.of("days", "0"));
    organiser.post(
        "/organiser/retention/holds",
        Map.of("edition", Integer.toString(edition), "handle", held, "reason", "Court order"));
    long before = toErase(organiser.get("/organiser/retention").body(), edition);

    RetentionReport early = site.site.runRetention();
    clock.advance(Duration.ofDays(60));
    RetentionReport late = site.site.runRetention();
    RetentionReport again = site.site.runRetention();

    assertThat(early.registrationsErased()).isZero();
    assertThat(late.registrationsErased()).isEqualTo(before);
    assertThat(late.held()).isEqualTo(1);
    assertThat(again.registrationsErased()).isZero();
    organiser.get("/organiser/login"); // sixty days on, the session has expired
    organiser.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
    String page = organiser.get("/organiser/retention").body();
    assertThat(toErase(page, edition)).isZero();
    assertThat(page).contains("Court order").contains("passed");
  }
}

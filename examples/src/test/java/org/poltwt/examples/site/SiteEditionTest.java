package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An organiser reschedules and postpones the edition; registrants hear of it, the home page shows
 * it.
 */
class SiteEditionTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private TestSite site;
  private WebClient organiser;

  @BeforeEach
  void start() {
    site = TestSite.start(CLOCK, 1000);
    organiser = site.client();
    organiser.get("/organiser/login");
    organiser.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void aMailProvidersOneClickPostUnsubscribesWithoutAFormToken() {
    organiser.get("/organiser/edition");
    TestSite.confirm(
        organiser,
        organiser.post(
            "/organiser/edition",
            Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule")));
    // The newest mail in the outbox is one of the announcements; its page shows its links.
    Matcher row =
        Pattern.compile("href=\"(/organiser/outbox/[0-9-]+\\.eml)\"")
            .matcher(site.organiser().get("/organiser/outbox").body());
    assertThat(row.find()).isTrue();
    Matcher link =
        Pattern.compile("/unsubscribe\\?token=([A-Za-z0-9_-]{43})")
            .matcher(organiser.get(row.group(1)).body());
    assertThat(link.find()).isTrue();
    String token = link.group(1);
    // A provider's servers: no cookie, no CSRF field, no Origin; RFC 8058's body.
    WebClient provider = site.client();

    WebClient.Response forged =
        provider.postRaw("/unsubscribe?token=" + "x".repeat(43), "List-Unsubscribe=One-Click");
    WebClient.Response done =
        provider.postRaw("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click");
    WebClient.Response withoutTheOneClickBody =
        provider.postRaw("/unsubscribe?token=" + token, "token=" + token);

    assertThat(forged.status()).isEqualTo(404);
    assertThat(done.status()).isEqualTo(200);
    assertThat(withoutTheOneClickBody.status()).isEqualTo(403);
  }

  @Test
  void reschedulingAnnouncesTheNewWindowToEveryRegistrant() {
    organiser.get("/organiser/edition");
    WebClient.Response r =
        TestSite.confirm(
            organiser,
            organiser.post(
                "/organiser/edition",
                Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule")));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).containsPattern("Changed, and announced to \\d{3} registrants");
    assertThat(site.client().get("/?zone=Europe/Madrid").body())
        .contains("Friday 14 August 2026")
        .contains("Friday 14 August 2026 at 09:00");
    assertThat(organiser.get("/organiser/announcements").body()).contains("Delivery status");
    String outbox = site.organiser().get("/organiser/outbox").body();
    assertThat(outbox)
        .contains("your 24 hours now start Friday 14 August 2026 at 09:00 (Europe/Madrid)")
        .doesNotContainPattern("[a-z]\\.[a-z]+@");
  }

  @Test
  void postponingMakesTheDateToBeDecided() {
    organiser.get("/organiser/edition");
    TestSite.confirm(
        organiser,
        organiser.post(
            "/organiser/edition", Map.of("date", "", "start", "08:00", "action", "postpone")));

    assertThat(site.client().get("/").body())
        .contains("Date to be decided")
        .contains("registrants will get an email");
  }

  @Test
  void aBadDateIsAnErrorBesideTheField() {
    organiser.get("/organiser/edition");
    WebClient.Response r =
        organiser.post(
            "/organiser/edition",
            Map.of("date", "14/08/2026", "start", "25:00", "action", "reschedule"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("id=\"edition-date-error\">Error: must be a date such as")
        .contains("id=\"edition-start-error\">Error: must be a time such as 08:00");
  }
}

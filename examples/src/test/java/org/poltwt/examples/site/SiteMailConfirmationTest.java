package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.Announcement;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationQuery;

/**
 * Mass mail only on purpose: every organiser action that mails registrants waits for a
 * confirmation, runs once per confirmation, and previews leave nothing behind.
 */
class SiteMailConfirmationTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private TestSite site;
  private WebClient organiser;

  @BeforeEach
  void start() {
    site = TestSite.start(CLOCK, 1000);
    organiser = site.organiser();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Edition edition() {
    // The site's rule: the lowest-numbered edition still to come.
    return site.site.stores().editions().all().stream()
        .filter(e -> e.status() == EditionStatus.SCHEDULED || e.status() == EditionStatus.DATE_TBD)
        .min(Comparator.comparingInt(Edition::number))
        .orElseThrow();
  }

  private OutboxStore outbox() {
    return site.site.stores().outbox();
  }

  private String someRegistrant() {
    return site.site
        .stores()
        .registrations()
        .list(RegistrationQuery.of(edition().number()), 0, 1)
        .get(0)
        .handle()
        .value();
  }

  private Map<String, String> announcement(String action) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("subject", "{hashtag} edition {edition}: the theme");
    form.put("body", "Hello {handle}, your 24 hours start {windowStart}.");
    form.put("audience", "verified");
    form.put("previewHandle", someRegistrant());
    form.put("action", action);
    return form;
  }

  @Test
  void previewsLeaveNoRowUnderSentAnnouncements() {
    int number = edition().number();
    String before = organiser.get("/organiser/announcements").body();
    assertThat(before).contains("None yet.");

    assertThat(organiser.post("/organiser/announcements", announcement("preview")).body())
        .contains("Preview for @" + someRegistrant());
    organiser.post("/organiser/announcements", announcement("preview"));
    // A send that is never confirmed is no announcement either.
    organiser.post("/organiser/announcements", announcement("send"));

    assertThat(outbox().announcements(number)).isEmpty();
    assertThat(organiser.get("/organiser/announcements").body())
        .contains("None yet.")
        .doesNotContain("id=\"announcements\"");
  }

  @Test
  void aSendIsConfirmedWithRecipientsPerStatusAndASampleAndRunsOnceWhateverIsResubmitted() {
    int number = edition().number();
    WebClient.Response held = organiser.post("/organiser/announcements", announcement("send"));
    assertThat(held.status()).isEqualTo(303);
    String page = held.header("Location");

    WebClient.Response confirm = organiser.get(page);
    assertThat(confirm.body())
        .contains("Check before sending")
        .containsPattern("\\d+ recipients, by registration status")
        .contains("<th scope=\"row\">Confirmed</th>")
        .doesNotContain("<th scope=\"row\">Waiting for email confirmation</th>")
        .contains("Sample: the mail to @")
        .contains("your 24 hours start")
        .contains("action=\"" + page + "\"");
    assertThat(outbox().announcements(number)).as("nothing sent before confirming").isEmpty();

    WebClient.Response first = organiser.post(page, Map.of());
    WebClient.Response again = organiser.post(page, Map.of());

    assertThat(first.status()).isEqualTo(303);
    assertThat(again.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(outbox().announcements(number)).hasSize(1);
    Announcement sent = outbox().announcements(number).get(0);
    int entries = outbox().entries(sent.id()).size();
    assertThat(entries).isGreaterThan(100);
    assertThat(organiser.get(first.header("Location")).body())
        .containsPattern("Sent to \\d{3} of \\d{3} recipients");
    // The confirmation page itself now shows the result, and a replay sends nothing more.
    assertThat(organiser.get(page).status()).isEqualTo(303);
    organiser.post(page, Map.of());
    assertThat(outbox().entries(sent.id())).hasSize(entries);
    assertThat(outbox().announcements(number)).hasSize(1);
  }

  @Test
  void aConfirmationShownBeforeTheEditionChangedIsRefusedAndSendsNothing() {
    int number = edition().number();
    String stale =
        organiser.post("/organiser/announcements", announcement("send")).header("Location");
    organiser.get("/organiser/edition");
    TestSite.confirm(
        organiser,
        organiser.post(
            "/organiser/edition",
            Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule")));
    int announcements = outbox().announcements(number).size();

    organiser.get(stale);
    WebClient.Response refused = organiser.post(stale, Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("The edition changed after this confirmation was shown");
    assertThat(outbox().announcements(number)).hasSize(announcements);
  }

  @Test
  void aRescheduleIsConfirmedWithEveryStatusThatIsMailedAndRunsOnce() {
    Edition before = edition();
    organiser.get("/organiser/edition");
    WebClient.Response held =
        organiser.post(
            "/organiser/edition",
            Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule"));
    String page = held.header("Location");

    assertThat(organiser.get(page).body())
        .contains("Move edition " + before.number() + " to 2026-08-14")
        .contains("<th scope=\"row\">Confirmed</th>")
        .contains("your 24 hours now start Friday 14 August 2026");
    assertThat(edition()).isEqualTo(before);

    organiser.post(page, Map.of());
    int announcements = outbox().announcements(before.number()).size();
    organiser.post(page, Map.of());

    assertThat(announcements).isEqualTo(1);
    assertThat(outbox().announcements(before.number())).hasSize(1);
    assertThat(edition().date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-14"));
  }

  @Test
  void aDateThatHasBegunInTheEarliestZoneIsRefusedBesideTheDateAndNothingIsHeldOrSent() {
    Edition before = edition();
    organiser.get("/organiser/edition");

    // Now is 1 June 2026, 10:00 UTC: 1 June at 08:00 began at UTC+14 the day before.
    for (String date : new String[] {"1999-01-01", "2026-06-01"}) {
      WebClient.Response r =
          organiser.post(
              "/organiser/edition", Map.of("date", date, "start", "08:00", "action", "reschedule"));
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.body())
          .contains("id=\"edition-date-error\">Error: has already begun in the earliest time zone");
    }

    assertThat(edition()).isEqualTo(before);
    assertThat(outbox().announcements(before.number())).isEmpty();
  }

  @Test
  void anUnknownConfirmationIsNotFoundAndSendsNothing() {
    organiser.get("/organiser/announcements");
    WebClient.Response r =
        organiser.post("/organiser/confirm/00000000-0000-0000-0000-000000000000", Map.of());

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("This confirmation does not exist or has expired");
    assertThat(site.client().get("/organiser/confirm/x").status()).isEqualTo(303);
  }
}

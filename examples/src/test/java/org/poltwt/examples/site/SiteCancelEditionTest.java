package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.OutboxStore;

/**
 * Cancelling an edition goes through the same confirmation as every action that mails registrants:
 * held with its recipients per status and a sample, run once, a second submit shows the first
 * result, a stale confirmation is refused; afterwards the edition page says it is cancelled and
 * offers only a new date.
 */
class SiteCancelEditionTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private TestSite site;
  private WebClient organiser;
  private int number;

  @BeforeEach
  void start() {
    site = TestSite.start(CLOCK, 1000);
    organiser = site.organiser();
    number = site.latestEdition();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Edition edition() {
    return site.site.stores().editions().find(number).orElseThrow();
  }

  private OutboxStore outbox() {
    return site.site.stores().outbox();
  }

  private WebClient.Response cancel() {
    organiser.get("/organiser/edition");
    return organiser.post("/organiser/edition", Map.of("action", "cancel"));
  }

  private long audited(String action) {
    return site.site.stores().auditLog().list(0, 1000).stream()
        .filter((AuditEntry e) -> e.action().equals(action))
        .count();
  }

  @Test
  void aCancellationIsHeldConfirmedOnceAndTheSecondSubmitShowsTheFirstResult() {
    Edition before = edition();
    assertThat(organiser.get("/organiser/edition").body())
        .contains("Cancel edition " + number)
        .contains("Postpone: date to be decided");

    WebClient.Response held = cancel();
    assertThat(held.status()).isEqualTo(303);
    String page = held.header("Location");
    assertThat(page).startsWith("/organiser/confirm/");
    assertThat(organiser.get(page).body())
        .contains("Cancel edition " + number + ", and mail the recipients below")
        .containsPattern("\\d+ recipients, by registration status")
        .contains("<th scope=\"row\">Confirmed</th>")
        .contains("Sample: the mail to @")
        .contains("cancelled");
    assertThat(edition()).as("nothing changes before confirming").isEqualTo(before);
    assertThat(outbox().announcements(number)).isEmpty();

    WebClient.Response first = organiser.post(page, Map.of());
    WebClient.Response again = organiser.post(page, Map.of());

    assertThat(first.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(organiser.get(first.header("Location")).body())
        .containsPattern("Changed, and announced to \\d+ registrants");
    assertThat(edition().status()).isEqualTo(EditionStatus.CANCELLED);
    assertThat(outbox().announcements(number)).hasSize(1);
    assertThat(audited("edition.cancel")).isEqualTo(1);

    String after = organiser.get("/organiser/edition").body();
    assertThat(after)
        .contains("This edition is cancelled")
        .contains("Bring it back on this date and announce")
        .doesNotContain("Cancel edition " + number)
        .doesNotContain("Postpone: date to be decided")
        .doesNotContain("action=\"/organiser/harvest\"");
    // Cancelling again, or postponing, from a form left open elsewhere mails nobody.
    WebClient.Response twice = organiser.post("/organiser/edition", Map.of("action", "cancel"));
    WebClient.Response postponed =
        organiser.post("/organiser/edition", Map.of("action", "postpone"));
    assertThat(twice.status()).isEqualTo(200);
    assertThat(twice.body()).contains("Nothing changed.");
    assertThat(postponed.status()).isEqualTo(409);
    assertThat(postponed.body()).contains("This edition is cancelled, so it was not postponed");
    assertThat(outbox().announcements(number)).hasSize(1);
    assertThat(edition().status()).isEqualTo(EditionStatus.CANCELLED);
    assertThat(site.client().get("/signup").body()).contains("Sign-up is closed");
  }

  @Test
  void aCancellationShownBeforeTheEditionChangedIsRefusedAndChangesNothing() {
    String stale = cancel().header("Location");
    TestSite.confirm(
        organiser,
        organiser.post(
            "/organiser/edition",
            Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule")));
    Edition moved = edition();
    int announcements = outbox().announcements(number).size();

    organiser.get(stale);
    WebClient.Response refused = organiser.post(stale, Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("The edition changed after this confirmation was shown");
    assertThat(edition()).isEqualTo(moved);
    assertThat(edition().status()).isEqualTo(EditionStatus.SCHEDULED);
    assertThat(outbox().announcements(number)).hasSize(announcements);
    assertThat(audited("edition.cancel")).isZero();
  }

  @Test
  void aCancelledEditionComesBackOnlyWithANewDateConfirmedLikeTheOthers() {
    TestSite.confirm(organiser, cancel());

    organiser.get("/organiser/edition");
    WebClient.Response held =
        organiser.post(
            "/organiser/edition",
            Map.of("date", "2026-09-18", "start", "08:00", "action", "reschedule"));
    assertThat(TestSite.confirm(organiser, held).body()).contains("Changed, and announced to");

    assertThat(edition().status()).isEqualTo(EditionStatus.SCHEDULED);
    assertThat(edition().date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-09-18"));
    assertThat(outbox().announcements(number)).hasSize(2);
    assertThat(organiser.get("/organiser/edition").body()).contains("Cancel edition " + number);
  }
}

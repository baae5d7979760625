package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.Audience;
import org.poltwt.announcement.DeliveryReport;
import org.poltwt.announcement.EditionService;
import org.poltwt.event.Edition;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryOutboxStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;

/** The README's announcement snippet is this test's body, so it always compiles and runs. */
class ReadmeAnnouncementSnippetTest {

  @Test
  void snippetRuns() {
    Clock clock = Clock.fixed(Instant.parse("2015-05-01T00:00:00Z"), ZoneOffset.UTC);
    InMemoryEditionStore editionStore = new InMemoryEditionStore();
    InMemoryRegistrationStore registrationStore = new InMemoryRegistrationStore();
    InMemoryMailer mailer = new InMemoryMailer();
    Edition fifth =
        Edition.builder()
            .number(5)
            .date(LocalDate.of(2015, 6, 5))
            .localStart(LocalTime.of(8, 0))
            .build();
    editionStore.save(fifth);
    registrationStore.insert(
        Registration.builder()
            .edition(5)
            .handle(TwitterHandle.of("PoliciaMadrid"))
            .accountType(org.poltwt.registration.AccountType.AGENCY)
            .agencyName("Policía Municipal de Madrid")
            .agencyLevel(AgencyLevel.LOCAL)
            .email("prensa@madrid.gob.es")
            .country("ES")
            .zone(ZoneId.of("Europe/Madrid"))
            .participationModel(ParticipationModel.ONE_TOPIC)
            .status(RegistrationStatus.VERIFIED)
            .createdAt(clock.instant())
            .build());
    // README-ANNOUNCEMENT-START
    AnnouncementService announcements =
        AnnouncementService.builder()
            .registrationStore(registrationStore)
            .outboxStore(new InMemoryOutboxStore())
            .mailer(mailer)
            .clock(clock)
            .unsubscribeLink(token -> "https://poltwt.example/unsubscribe?token=" + token)
            .build();

    // The theme, to every verified registrant, each with their own window:
    DeliveryReport theme =
        announcements.send(
            announcements.draft(
                fifth,
                "{hashtag} edition {edition}: the theme is #TimeToUnify",
                "Hello {handle}, your 24 hours start {windowStart} ({windowStartIso}), {countdown}.",
                Audience.verified()));

    // A reschedule announces itself to every registrant, with their old and new window:
    EditionService editions = EditionService.of(editionStore, announcements, clock);
    editions.postpone(5); // "new date to be decided"
    editions.reschedule(5, LocalDate.of(2015, 8, 14)); // "your 24 hours now start ..."
    // README-ANNOUNCEMENT-END

    assertThat(theme.sent()).isEqualTo(1);
    assertThat(mailer.sent()).hasSize(3);
    assertThat(mailer.sent().get(0).body())
        .contains(
            "Hello @PoliciaMadrid, your 24 hours start Friday 5 June 2015 at 08:00 (Europe/Madrid)");
    assertThat(mailer.sent().get(2).subject())
        .contains("Friday 14 August 2015 at 08:00 (Europe/Madrid)");
  }

  @Test
  void readmeShowsExactlyTheSnippet() throws IOException {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.snippet(getClass(), "README-ANNOUNCEMENT"));
  }
}

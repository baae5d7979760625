package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poltwt.calendar.Invites;
import org.poltwt.event.Edition;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationChange;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.Mail;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;

/** The README's manage-link snippet is this test's body, so it always compiles and runs. */
class ReadmeManageSnippetTest {

  @Test
  void snippetRuns() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
    InMemoryEditionStore editionStore = new InMemoryEditionStore();
    editionStore.save(
        Edition.builder()
            .number(9)
            .date(LocalDate.of(2026, 6, 5))
            .localStart(LocalTime.of(8, 0))
            .build());
    InMemoryRegistrationStore registrationStore = new InMemoryRegistrationStore();
    InMemoryVerificationTokenStore tokenStore = new InMemoryVerificationTokenStore();
    InMemoryMailer mailer = new InMemoryMailer();
    InMemoryAccountDirectory accounts = InMemoryAccountDirectory.acceptingEveryHandle();
    byte[] key = "a secret of thirty-two bytes, no".getBytes(StandardCharsets.US_ASCII);
    Geocoder geocoder = (address, country) -> Optional.empty();
    RegistrationRequest request =
        RegistrationRequest.builder()
            .edition(9)
            .handle("PoliciaMadrid")
            .agency("Policía Municipal de Madrid", AgencyLevel.LOCAL)
            .email("prensa@madrid.gob.es")
            .address("", "Madrid", "", "")
            .country("ES")
            .zone("Europe/Madrid")
            .participationModel(ParticipationModel.ONE_TOPIC)
            .language("es")
            .build();
    // README-MANAGE-START
    RegistrationService registrations =
        RegistrationService.builder()
            .editionStore(editionStore)
            .registrationStore(registrationStore)
            .tokenStore(tokenStore)
            .mailer(mailer)
            .accountDirectory(accounts)
            .clock(clock)
            .manageLinks(key, token -> "https://poltwt.example/manage?token=" + token) // 32+ bytes
            .calendarInvites(Invites.of(clock).attachments()) // poltwt-calendar
            .geocoder(geocoder) // the mail says "not on the map yet" when it cannot place them
            .build();
    Registration signedUp = registrations.register(request); // request.language("es"): in Spanish

    String link = registrations.manageLink(signedUp.id()).orElseThrow(); // every mail has one too
    String token = link.substring(link.indexOf("token=") + 6);
    Registration r = registrations.manage(token); // ManageLinkException: INVALID, EXPIRED, CLOSED
    registrations.change(
        token,
        new RegistrationChange(
            r.address(),
            r.coordinates(),
            "ES",
            ZoneId.of("Atlantic/Canary"),
            r.participationModel(),
            Locale.forLanguageTag("es"),
            false)); // mails the change, with an invite that moves the event
    registrations.withdrawWithLink(token); // mails the confirmation with the METHOD:CANCEL file
    // README-MANAGE-END

    Mail first = mailer.sent().get(0);
    assertThat(first.body())
        .contains("https://poltwt.example/manage?token=")
        .contains("Madrid (ES)");
    assertThat(first.attachments()).hasSize(1);
    assertThat(mailer.sent()).hasSize(3);
    assertThat(registrationStore.find(signedUp.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.WITHDRAWN);
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.snippet(getClass(), "README-MANAGE"));
  }
}

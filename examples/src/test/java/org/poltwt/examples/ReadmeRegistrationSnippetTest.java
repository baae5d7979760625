package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;

/** The README's registration snippet is this test's body, so it always compiles and runs. */
class ReadmeRegistrationSnippetTest {

  @Test
  void snippetRuns() {
    InMemoryMailer mailer = new InMemoryMailer();
    // README-REGISTRATION-START
    InMemoryEditionStore editions = new InMemoryEditionStore();
    editions.save(Edition.builder().number(5).date(LocalDate.of(2015, 6, 5)).build());

    RegistrationService registration =
        RegistrationService.builder()
            .editionStore(editions)
            .registrationStore(new InMemoryRegistrationStore())
            .tokenStore(new InMemoryVerificationTokenStore())
            .mailer(mailer) // your SMTP adapter in production
            .accountDirectory(
                InMemoryAccountDirectory.acceptingEveryHandle()) // or the X API adapter
            .clock(Clock.systemUTC())
            .verificationLink(token -> "https://poltwt.example/verify?token=" + token)
            .build();

    Registration agency =
        registration.register(
            RegistrationRequest.builder()
                .edition(5)
                .handle("@PoliciaMadrid")
                .agency("Policía Municipal de Madrid", AgencyLevel.LOCAL)
                .email("prensa@madrid.gob.es")
                .address("Calle de Albarracín 31", "Madrid", null, "28037")
                .country("ES")
                .zone("Europe/Madrid")
                .participationModel(ParticipationModel.ONE_TOPIC)
                .build());

    Registration officer =
        registration.register(
            RegistrationRequest.builder()
                .edition(5)
                .handle("JaneDoeKent")
                .officer("Jane Doe", "Kent Police", AgencyLevel.COUNTY)
                .email("jane.doe@kent.police.uk")
                .country("GB")
                .zone("Europe/London")
                .participationModel(ParticipationModel.TWEET_THE_BEAT)
                .build());

    Optional<String> masked =
        registration.registeredEmail(5, "PoliciaMadrid"); // "p•••@m•••.gob.es"
    // README-REGISTRATION-END

    assertThat(agency.status()).isEqualTo(RegistrationStatus.PENDING_VERIFICATION);
    assertThat(officer.officerName()).contains("Jane Doe");
    assertThat(masked).contains("p\u2022\u2022\u2022@m\u2022\u2022\u2022.gob.es");
    assertThat(mailer.sent()).hasSize(2);
  }

  @Test
  void readmeShowsExactlyTheSnippet() throws IOException {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.snippet(getClass(), "README-REGISTRATION"));
  }
}

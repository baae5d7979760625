package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;
import org.poltwt.test.MutableClock;

/** "Send me a new link": by handle, silent about who signed up, one mail an hour at most. */
class RegistrationServiceNewLinkTest {
  private static final String ADDRESS = "prensa@madrid.gob.es";

  private final MutableClock clock = new MutableClock(Instant.parse("2015-05-01T10:00:00Z"));
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryVerificationTokenStore tokens = new InMemoryVerificationTokenStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final RegistrationService service = serviceOn(registrations, tokens);

  RegistrationServiceNewLinkTest() {
    editions.save(RegistrationServiceTest.FIFTH);
  }

  private RegistrationService serviceOn(
      InMemoryRegistrationStore registrations, InMemoryVerificationTokenStore tokens) {
    return RegistrationService.builder()
        .editionStore(editions)
        .registrationStore(registrations)
        .tokenStore(tokens)
        .mailer(mailer)
        .accountDirectory(InMemoryAccountDirectory.acceptingEveryHandle())
        .clock(clock)
        .tokenTtl(Duration.ofHours(48))
        .verificationLink(t -> "https://poltwt.example/verify?token=" + t)
        .build();
  }

  private String lastTokenMailedTo(String address) {
    return RegistrationServiceTest.lastTokenMailed(mailer, address);
  }

  @Test
  void aPendingRegistrationGetsOneNewLinkAnHourAfterSigningUp() {
    service.register(RegistrationServiceTest.agency("PoliciaMadrid").build());
    String first = lastTokenMailedTo(ADDRESS);
    clock.advance(Duration.ofHours(1));

    service.requestNewLink(5, "@policiamadrid");

    assertThat(mailer.sentTo(ADDRESS)).hasSize(2);
    assertThat(lastTokenMailedTo(ADDRESS)).isNotEqualTo(first);
  }

  @Test
  void theSignUpMailCountsSoARequestRightAfterItSendsNothing() {
    service.register(RegistrationServiceTest.agency("PoliciaMadrid").build());
    clock.advance(Duration.ofMinutes(59));

    service.requestNewLink(5, "PoliciaMadrid");

    assertThat(mailer.sentTo(ADDRESS)).hasSize(1);
  }

  @Test
  void twiceWithinAnHourSendsOneMailAndAfterAnHourASecond() {
    service.register(RegistrationServiceTest.agency("PoliciaMadrid").build());
    clock.advance(Duration.ofHours(2));

    service.requestNewLink(5, "PoliciaMadrid");
    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    service.requestNewLink(5, "PoliciaMadrid");
    assertThat(mailer.sentTo(ADDRESS)).as("sign-up and one new link").hasSize(2);

    clock.advance(Duration.ofSeconds(1));
    service.requestNewLink(5, "PoliciaMadrid");
    assertThat(mailer.sentTo(ADDRESS)).hasSize(3);
  }

  @Test
  void theLimitHoldsAcrossInstancesSharingTheStores() {
    RegistrationService other = serviceOn(registrations, tokens);
    service.register(RegistrationServiceTest.agency("PoliciaMadrid").build());
    clock.advance(Duration.ofHours(2));

    service.requestNewLink(5, "PoliciaMadrid");
    other.requestNewLink(5, "PoliciaMadrid");

    assertThat(mailer.sentTo(ADDRESS)).hasSize(2);
  }

  @Test
  void theExpiredLinkStillFailsAndTheNewOneVerifies() {
    Registration r = service.register(RegistrationServiceTest.agency("PoliciaMadrid").build());
    String expired = lastTokenMailedTo(ADDRESS);
    clock.advance(Duration.ofHours(49));
    assertThatThrownBy(() -> service.verify(expired))
        .isInstanceOf(VerificationException.ExpiredToken.class);

    service.requestNewLink(5, "PoliciaMadrid");
    String fresh = lastTokenMailedTo(ADDRESS);

    assertThatThrownBy(() -> service.verify(expired))
        .isInstanceOf(VerificationException.ExpiredToken.class);
    assertThat(service.verify(fresh).status()).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(registrations.find(r.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void unknownVerifiedWithdrawnAndErasedHandlesGetNoMailAndNoError() {
    service.register(RegistrationServiceTest.agency("Verified").build());
    service.verify(lastTokenMailedTo(ADDRESS));
    Registration withdrawn =
        service.register(
            RegistrationServiceTest.agency("Withdrawn").email("gone@madrid.gob.es").build());
    service.withdraw(withdrawn.id());
    Registration erased =
        service.register(
            RegistrationServiceTest.agency("Erased").email("erased@madrid.gob.es").build());
    service.erase(erased.id());
    clock.advance(Duration.ofHours(2));
    int before = mailer.sent().size();

    service.requestNewLink(5, "NobodyHere");
    service.requestNewLink(6, "Verified");
    service.requestNewLink(5, "Verified");
    service.requestNewLink(5, "Withdrawn");
    service.requestNewLink(5, "Erased");

    assertThat(mailer.sent()).hasSize(before);
  }

  @Test
  void aMalformedHandleNamesTheHandleField() {
    assertThatThrownBy(() -> service.requestNewLink(5, "not a handle!"))
        .isInstanceOfSatisfying(
            InvalidRegistrationException.class, e -> assertThat(e.field()).isEqualTo("handle"));
  }
}

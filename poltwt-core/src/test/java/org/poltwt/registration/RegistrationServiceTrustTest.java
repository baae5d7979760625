package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.spi.Mail;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryTrustedDomainStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;
import org.poltwt.test.MutableClock;

/** Approving a registration and trusting its domain: one decision clears a force. */
class RegistrationServiceTrustTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2015-05-01T10:00:00Z"));
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final InMemoryTrustedDomainStore trusted = new InMemoryTrustedDomainStore();
  private final RegistrationService service =
      RegistrationServiceTest.inMemory(editions, registrations, mailer, clock)
          .trustedDomainStore(trusted)
          .build();

  RegistrationServiceTrustTest() {
    editions.save(RegistrationServiceTest.FIFTH);
    editions.save(
        Edition.builder()
            .number(6)
            .date(LocalDate.of(2016, 6, 3))
            .localStart(LocalTime.of(8, 0))
            .build());
  }

  private Registration waitingForReview(int edition, String handle, String email) {
    Registration r =
        service.register(
            RegistrationServiceTest.agency(handle).edition(edition).email(email).build());
    assertThat(r.emailNeedsReview()).as(email).isTrue();
    return service.verify(RegistrationServiceTest.lastTokenMailed(mailer, email));
  }

  @Test
  void approvingAndTrustingClearsEveryWaitingSignUpOfTheDomainInEveryEdition() {
    Registration a = waitingForReview(5, "ForceA", "a@police.example.org");
    Registration b = waitingForReview(5, "ForceB", "b@east.police.example.org");
    Registration c = waitingForReview(6, "ForceC", "c@police.example.org");
    Registration other = waitingForReview(5, "Other", "x@sheriff.example.org");
    assertThat(a.status()).isEqualTo(RegistrationStatus.PENDING_REVIEW);

    List<Registration> approved = service.approveAndTrust(a.id(), "ana");

    assertThat(approved).extracting(Registration::id).containsExactly(a.id(), b.id(), c.id());
    assertThat(approved).allMatch(r -> r.status() == RegistrationStatus.VERIFIED);
    assertThat(registrations.find(other.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.PENDING_REVIEW);
    for (String email :
        List.of("a@police.example.org", "b@east.police.example.org", "c@police.example.org")) {
      assertThat(mailer.sentTo(email)).extracting(Mail::kind).contains(Mail.Kind.APPROVAL);
    }
    TrustedDomain decision = trusted.find("police.example.org").orElseThrow();
    assertThat(decision.trusted()).isTrue();
    assertThat(decision.by()).isEqualTo("ana");
    assertThat(decision.at()).isEqualTo(clock.instant());

    // A later sign-up from the force needs no review; after a revocation the next one does.
    Registration later =
        service.register(
            RegistrationServiceTest.agency("ForceD").email("d@police.example.org").build());
    assertThat(later.emailNeedsReview()).isFalse();
    trusted.save(new TrustedDomain("police.example.org", false, "", "ben", clock.instant()));
    Registration afterRevocation =
        service.register(
            RegistrationServiceTest.agency("ForceE").email("e@police.example.org").build());
    assertThat(afterRevocation.emailNeedsReview()).isTrue();
    // Not retroactive.
    assertThat(registrations.find(c.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void theBundledPoliceListAcceptsUntilRevoked() {
    Registration garda =
        service.register(RegistrationServiceTest.agency("Garda").email("press@garda.ie").build());
    assertThat(garda.emailNeedsReview()).isFalse();

    trusted.save(new TrustedDomain("garda.ie", false, "", "ben", clock.instant()));
    Registration next =
        service.register(RegistrationServiceTest.agency("Garda2").email("hq@garda.ie").build());
    assertThat(next.emailNeedsReview()).isTrue();
  }

  @Test
  void onlyARegistrationPendingReviewCanBeApprovedAndTrusted() {
    Registration r =
        service.register(
            RegistrationServiceTest.agency("Pending").email("p@police.example.org").build());

    assertThatThrownBy(() -> service.approveAndTrust(r.id(), "ana"))
        .isInstanceOf(RegistrationStateException.class);
    assertThat(trusted.list()).isEmpty();
  }

  @Test
  void aServiceWithoutAStoreCannotTrust() {
    RegistrationService plain =
        RegistrationService.builder()
            .editionStore(editions)
            .registrationStore(registrations)
            .tokenStore(new InMemoryVerificationTokenStore())
            .mailer(mailer)
            .accountDirectory(InMemoryAccountDirectory.acceptingEveryHandle())
            .build();
    Registration a = waitingForReview(5, "ForceA", "a@police.example.org");

    assertThatThrownBy(() -> plain.approveAndTrust(a.id(), "ana"))
        .isInstanceOf(IllegalStateException.class);
  }
}

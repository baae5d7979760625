package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.Violation;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.Tweet;

class ComplianceCheckersTest {
  private static final Instant DURING = Instant.parse("2017-06-02T12:00:00Z");

  @Test
  void aCheckerForTheStoresEditionSeesItsVerifiedRegistrations() {
    Contexts.withDatabase()
        .run(
            context -> {
              context.getBean(EditionStore.class).save(Editions.scheduled(5));
              context
                  .getBean(RegistrationStore.class)
                  .insert(
                      Registrations.agencyBuilder(5, "KathmanduCop")
                          .status(RegistrationStatus.VERIFIED)
                          .build());

              ComplianceChecker checker = context.getBean(ComplianceCheckers.class).forEdition(5);

              assertThat(checker.edition().number()).isEqualTo(5);
              assertThat(codes(checker, "KathmanduCop"))
                  .doesNotContain(Violation.Code.UNREGISTERED_AUTHOR);
              assertThat(codes(checker, "SomeoneElse"))
                  .contains(Violation.Code.UNREGISTERED_AUTHOR);
            });
  }

  @Test
  void anUnknownEditionIsRefusedByItsNumber() {
    ComplianceCheckers checkers =
        new ComplianceCheckers(
            new InMemoryEditionStore(),
            new InMemoryRegistrationStore(),
            PoltwtInstrumentation.NONE);
    assertThatThrownBy(() -> checkers.forEdition(7))
        .isInstanceOfSatisfying(
            InvalidEditionException.class, e -> assertThat(e.field()).isEqualTo("number"))
        .hasMessageContaining("7");
  }

  @Test
  void onlyWithStores() {
    Contexts.bare()
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ComplianceCheckers.class));
  }

  @Test
  void theApplicationsOwnFactoryWins() {
    ComplianceCheckers own =
        new ComplianceCheckers(
            new InMemoryEditionStore(),
            new InMemoryRegistrationStore(),
            PoltwtInstrumentation.NONE);
    Contexts.withDatabase()
        .withBean(ComplianceCheckers.class, () -> own)
        .run(context -> assertThat(context.getBean(ComplianceCheckers.class)).isSameAs(own));
  }

  private static java.util.List<Violation.Code> codes(ComplianceChecker checker, String handle) {
    Tweet tweet = Tweet.of("1", "42", TwitterHandle.of(handle), "#PolTwt on patrol", DURING);
    return checker.check(tweet).violations().stream().map(Violation::code).toList();
  }
}

package org.poltwt.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.poltwt.event.EditionStatus;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.Verdict;

class DemoDataTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Test
  void eachCitysRecordedEmailVerdictIsTheDefaultPolicys() {
    GovernmentEmailPolicy policy = GovernmentEmailPolicy.defaults();

    assertThat(Place.ALL)
        .isNotEmpty()
        .allSatisfy(
            p -> {
              String address = "press@" + p.domain();
              assertThat(policy.assess(address).verdict())
                  .as("places.tsv's email policy column for %s", p.domain())
                  .isEqualTo(p.emailVerdict())
                  .isNotEqualTo(Verdict.REJECTED);
              assertThat(policy.assess(address).normalizedAddress()).isEqualTo(address);
            });
  }

  @Test
  void theSameSeedAndDateGiveTheSameData() {
    DemoData a = DemoData.generate(42, TODAY);
    DemoData b = DemoData.generate(42, TODAY);
    DemoData other = DemoData.generate(43, TODAY);

    assertThat(a.registrations()).isEqualTo(b.registrations());
    assertThat(a.editions()).isEqualTo(b.editions());
    assertThat(other.registrations()).isNotEqualTo(a.registrations());
  }

  @Test
  void theNextEditionIsAFridayFourWeeksAheadAfterTwiceYearlyPastOnes() {
    DemoData d = DemoData.generate(1, TODAY);

    assertThat(d.nextEdition().date())
        .hasValueSatisfying(
            date -> {
              assertThat(date.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
              assertThat(date).isBetween(TODAY.plusDays(28), TODAY.plusDays(34));
            });
    assertThat(d.nextEdition().status()).isEqualTo(EditionStatus.SCHEDULED);
    assertThat(d.nextEdition().themes()).containsExactly(DemoData.THEME);
    assertThat(d.editions())
        .hasSize(d.nextEdition().number())
        .first()
        .satisfies(first -> assertThat(first.date()).hasValue(LocalDate.of(2013, 3, 22)));
    assertThat(d.editions().subList(0, d.editions().size() - 1))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(EditionStatus.COMPLETED));
  }

  @Test
  void aFewHundredAccountsInManyCountriesAndZonesWithGovernmentLookingEmails() {
    DemoData d = DemoData.generate(2013, TODAY);
    GovernmentEmailPolicy policy = GovernmentEmailPolicy.defaults();

    assertThat(d.registrations()).hasSizeBetween(200, 600);
    assertThat(d.registrations().stream().map(Registration::country).distinct().count())
        .isGreaterThanOrEqualTo(45);
    assertThat(d.registrations().stream().map(Registration::zone).distinct().count())
        .isGreaterThanOrEqualTo(50);
    assertThat(d.registrations().stream().map(r -> r.handle().normalized()).distinct().count())
        .isEqualTo(d.registrations().size());
    assertThat(d.registrations().stream().map(Registration::email).distinct().count())
        .isEqualTo(d.registrations().size());
    Map<Verdict, Long> verdicts =
        d.registrations().stream()
            .collect(
                Collectors.groupingBy(
                    r -> policy.assess(r.email()).verdict(), Collectors.counting()));
    assertThat(verdicts).doesNotContainKey(Verdict.REJECTED);
    assertThat(verdicts.get(Verdict.ACCEPTED)).isGreaterThan(verdicts.get(Verdict.REVIEW));
    assertThat(d.registrations())
        .allSatisfy(
            r -> {
              assertThat(r.emailNeedsReview())
                  .isEqualTo(policy.assess(r.email()).verdict() == Verdict.REVIEW);
              assertThat(r.edition()).isEqualTo(d.nextEdition().number());
              if (r.status() == RegistrationStatus.PENDING_REVIEW) {
                assertThat(r.emailNeedsReview()).isTrue();
              }
            });
    Map<RegistrationStatus, Long> statuses =
        d.registrations().stream()
            .collect(Collectors.groupingBy(Registration::status, Collectors.counting()));
    assertThat(statuses)
        .containsKeys(
            RegistrationStatus.VERIFIED,
            RegistrationStatus.PENDING_REVIEW,
            RegistrationStatus.PENDING_VERIFICATION);
    assertThat(d.registrations().stream().filter(Registration::onMap).count()).isGreaterThan(100);
    Map<AccountType, Long> types =
        d.registrations().stream()
            .collect(Collectors.groupingBy(Registration::accountType, Collectors.counting()));
    assertThat(types.get(AccountType.AGENCY)).isGreaterThan(80);
    assertThat(types.get(AccountType.OFFICER)).isGreaterThan(types.get(AccountType.AGENCY));
  }

  @Test
  void theGazetteerFindsEveryDemoCityIgnoringCaseAndAccents() {
    Gazetteer g = Gazetteer.bundled();

    assertThat(g.locate(PostalAddress.of("1 Rue", "zurich"), "ch")).isPresent();
    assertThat(g.locate(PostalAddress.of("Calle 1", "BOGOTA"), "CO")).isPresent();
    assertThat(g.locate(PostalAddress.of("Calle 1", "Madrid"), "MX")).isEmpty();
    Map<String, Registration> byCity =
        DemoData.generate(5, TODAY).registrations().stream()
            .filter(r -> r.address().isPresent())
            .collect(
                Collectors.toMap(
                    r -> r.address().get().city() + r.country(), Function.identity(), (x, y) -> x));
    assertThat(byCity.values())
        .allSatisfy(
            r ->
                assertThat(g.locate(r.address().get(), r.country()))
                    .as(r.address().get().city().toLowerCase(Locale.ROOT))
                    .isPresent());
  }
}

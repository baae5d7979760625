package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.poltwt.event.Edition;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;
import org.poltwt.test.MutableClock;

/**
 * A fuzz of bad sign-ups: every one is refused with a typed error, and nothing is stored or mailed.
 */
class RegistrationRequestProperties {
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final RegistrationService service =
      RegistrationService.builder()
          .editionStore(editions)
          .registrationStore(registrations)
          .tokenStore(new InMemoryVerificationTokenStore())
          .mailer(mailer)
          .accountDirectory(InMemoryAccountDirectory.acceptingEveryHandle())
          .clock(new MutableClock(Instant.parse("2015-05-01T00:00:00Z")))
          .build();

  RegistrationRequestProperties() {
    editions.save(Edition.builder().number(5).date(LocalDate.of(2015, 6, 5)).build());
  }

  /** A named way to spoil one field of a valid request. */
  record Spoiler(String field, UnaryOperator<RegistrationRequest.Builder> spoil) {
    @Override
    public String toString() {
      return field;
    }
  }

  @Property(tries = 10_000)
  void everyBadRequestIsRefusedWithATypedErrorAndNothingIsStored(
      @ForAll("badRequests") Spoiled bad) {
    Throwable thrown = catchThrowable(() -> service.register(bad.request()));

    assertThat(thrown).isInstanceOf(InvalidRegistrationException.class);
    InvalidRegistrationException e = (InvalidRegistrationException) thrown;
    assertThat(e.errors())
        .extracting(InvalidRegistrationException.FieldError::field)
        .containsAnyElementsOf(bad.fields());
    assertThat(e.getMessage()).doesNotContain("fuzzer.").doesNotContain("Fuzzy McFuzz");
    assertThat(registrations.count(RegistrationQuery.of(5))).isZero();
    assertThat(mailer.sent()).isEmpty();
  }

  record Spoiled(RegistrationRequest request, List<String> fields) {}

  @Provide
  Arbitrary<Spoiled> badRequests() {
    Arbitrary<String> handles =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .numeric()
            .withChars('_')
            .ofMinLength(1)
            .ofMaxLength(15);
    Arbitrary<List<Spoiler>> spoilers =
        Arbitraries.of(SPOILERS).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    return Combinators.combine(handles, spoilers)
        .as(
            (handle, chosen) -> {
              RegistrationRequest.Builder b = valid(handle);
              for (Spoiler s : chosen) {
                b = s.spoil().apply(b);
              }
              return new Spoiled(b.build(), chosen.stream().map(Spoiler::field).toList());
            });
  }

  private static RegistrationRequest.Builder valid(String handle) {
    return RegistrationRequest.builder()
        .edition(5)
        .handle(handle)
        .officer("Fuzzy McFuzz", "Fuzz County Sheriff", AgencyLevel.COUNTY)
        .email("fuzzer." + handle + "@sheriff.fuzzcounty.gov")
        .address("1 Main St", "Fuzzville", "TX", "75001")
        .coordinates(32.0, -97.0)
        .country("US")
        .zone("America/Chicago")
        .participationModel(ParticipationModel.CALLS_FOR_SERVICE);
  }

  private static final List<Spoiler> SPOILERS =
      List.of(
          new Spoiler("handle", b -> b.handle("has space")),
          new Spoiler("handle", b -> b.handle("waytoolongforahandle")),
          new Spoiler("handle", b -> b.handle("")),
          new Spoiler("handle", b -> b.handle("@")),
          new Spoiler("handle", b -> b.handle("h\u00e9llo")),
          new Spoiler("edition", b -> b.edition(0)),
          new Spoiler("edition", b -> b.edition(-3)),
          new Spoiler("edition", b -> b.edition(99)),
          new Spoiler("email", b -> b.email("fuzzer.no-at-sign.gov")),
          new Spoiler("email", b -> b.email("fuzzer.x@@sheriff.gov")),
          new Spoiler("email", b -> b.email("\"fuzzer. quoted\"@sheriff.gov")),
          new Spoiler("email", b -> b.email("fuzzer.x@[10.0.0.1]")),
          new Spoiler("email", b -> b.email("fuzzer.x@police.gov.example.com")),
          new Spoiler("email", b -> b.email("fuzzer.x@sher\niff.gov")),
          new Spoiler("email", b -> b.email(null)),
          new Spoiler("email", b -> b.email("")),
          new Spoiler("country", b -> b.country("XX")),
          new Spoiler("country", b -> b.country("USA")),
          new Spoiler("country", b -> b.country(null)),
          new Spoiler("zone", b -> b.zone("Mars/Olympus")),
          new Spoiler("zone", b -> b.zone("")),
          new Spoiler("zone", b -> b.zone("+25:00")),
          new Spoiler("agencyName", b -> b.agencyName("  ")),
          new Spoiler("agencyName", b -> b.agencyName("x".repeat(201))),
          new Spoiler("agencyName", b -> b.agencyName("Bad\u0000Name")),
          new Spoiler("agencyLevel", b -> b.agencyLevel(null)),
          new Spoiler("accountType", b -> b.accountType(null)),
          new Spoiler("officerName", b -> b.officerName(null)),
          new Spoiler("officerName", b -> b.officerName(" ")),
          new Spoiler("participationModel", b -> b.participationModel(null)),
          new Spoiler("latitude", b -> b.coordinates(95.0, 10.0)),
          new Spoiler("longitude", b -> b.coordinates(10.0, -181.0)),
          new Spoiler("latitude", b -> b.coordinates(null, 10.0)),
          new Spoiler("city", b -> b.address("1 Main St", null, "TX", null)),
          // A blank street is allowed (the map needs the city only); a street given is checked.
          new Spoiler("street", b -> b.address("1 Main\u0000St", "Fuzzville", null, null)),
          new Spoiler("postalCode", b -> b.address("1 Main St", "Fuzzville", null, "7500\u00071")));
}

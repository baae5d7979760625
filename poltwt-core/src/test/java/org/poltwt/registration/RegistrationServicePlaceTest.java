package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poltwt.map.ParticipantMap;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.MutableClock;

/** Signing up with a city alone, and an organiser placing a registration the map could not. */
class RegistrationServicePlaceTest {
  private static final Coordinates MADRID = new Coordinates(40.4168, -3.7038);

  private final MutableClock clock = new MutableClock(Instant.parse("2015-05-01T10:00:00Z"));
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final RegistrationService service =
      RegistrationServiceTest.inMemory(editions, registrations, mailer, clock).build();

  RegistrationServicePlaceTest() {
    editions.save(RegistrationServiceTest.FIFTH);
  }

  /** A verified agency that gave a city, and no street or coordinates. */
  private Registration verifiedCityOnly(String handle, String city) {
    Registration r =
        service.register(
            RegistrationRequest.builder()
                .edition(5)
                .handle(handle)
                .agency("Madrid Municipal Police", AgencyLevel.LOCAL)
                .email("prensa@madrid.gob.es")
                .address(null, city, null, null)
                .country("ES")
                .zone("Europe/Madrid")
                .participationModel(ParticipationModel.ONE_TOPIC)
                .build());
    clock.advance(Duration.ofMinutes(1));
    return service.verify(RegistrationServiceTest.lastTokenMailed(mailer, "prensa@madrid.gob.es"));
  }

  @Test
  void aCityAndCountryAreAddressEnough() {
    Registration r = verifiedCityOnly("PoliciaMadrid", "Madrid");

    assertThat(r.address()).contains(PostalAddress.ofCity("Madrid"));
    assertThat(r.onMap()).isTrue();
    assertThat(r.coordinates()).isEmpty();
  }

  @Test
  void placingStoresThePointAndTheMapShowsIt() {
    Registration r = verifiedCityOnly("PoliciaMadrid", "Barrio Inventado");
    assertThat(ParticipantMap.from(registrations, 5).unplaced()).hasSize(1);
    clock.advance(Duration.ofMinutes(5));

    Registration placed = service.place(r.id(), MADRID);

    assertThat(placed.coordinates()).contains(MADRID);
    assertThat(placed.updatedAt()).isEqualTo(clock.instant());
    assertThat(placed.status()).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(registrations.find(r.id())).contains(placed);
    ParticipantMap map = ParticipantMap.from(registrations, 5);
    assertThat(map.unplaced()).isEmpty();
    assertThat(map.placed())
        .singleElement()
        .satisfies(p -> assertThat(p.coordinates()).contains(MADRID));
  }

  @Test
  void placingWhereItAlreadyIsChangesNothing() {
    Registration placed = service.place(verifiedCityOnly("PoliciaMadrid", "Madrid").id(), MADRID);
    clock.advance(Duration.ofMinutes(5));

    assertThat(service.place(placed.id(), MADRID)).isEqualTo(placed);
    assertThat(registrations.find(placed.id())).contains(placed);
  }

  @Test
  void aWithdrawnRegistrationIsNotPlaced() {
    Registration withdrawn = service.withdraw(verifiedCityOnly("PoliciaMadrid", "Madrid").id());

    RegistrationStateException e =
        catchThrowableOfType(
            RegistrationStateException.class, () -> service.place(withdrawn.id(), MADRID));

    assertThat(e.code()).isEqualTo("registration.wrong-state");
    assertThat(registrations.find(withdrawn.id())).contains(withdrawn);
  }

  @Test
  void anErasedOrUnknownRegistrationIsNotPlaced() {
    Registration erased = service.erase(verifiedCityOnly("PoliciaMadrid", "Madrid").id());

    assertThat(
            catchThrowableOfType(
                    RegistrationStateException.class, () -> service.place(erased.id(), MADRID))
                .code())
        .isEqualTo("registration.wrong-state");
    assertThat(registrations.find(erased.id())).contains(erased);
    assertThat(
            catchThrowableOfType(
                    RegistrationStateException.class,
                    () -> service.place(UUID.randomUUID(), MADRID))
                .code())
        .isEqualTo("registration.not-found");
  }

  @Test
  void aRegistrationWithoutAddressIsNotPlacedAndTheErrorNamesTheField() {
    Registration r = service.register(RegistrationServiceTest.officer("JaneDoeKent").build());

    InvalidRegistrationException e =
        catchThrowableOfType(
            InvalidRegistrationException.class, () -> service.place(r.id(), MADRID));

    assertThat(e.field()).isEqualTo("address");
    assertThat(e.getMessage()).doesNotContain("Jane").doesNotContain("kent.police");
    assertThat(registrations.find(r.id())).contains(r);
  }

  @Test
  void aPointOutOfRangeIsRefusedBeforeAnythingIsRead() {
    assertThat(
            catchThrowableOfType(InvalidRegistrationException.class, () -> new Coordinates(91, 0))
                .field())
        .isEqualTo("coordinates.latitude");
    assertThat(
            catchThrowableOfType(InvalidRegistrationException.class, () -> new Coordinates(0, -181))
                .field())
        .isEqualTo("coordinates.longitude");
  }
}

package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RegistrationTest {
  private static final Instant T0 = Instant.parse("2015-05-01T10:00:00Z");

  private static Registration.Builder officer() {
    return Registration.builder()
        .edition(5)
        .handle(TwitterHandle.of("JaneDoeKent"))
        .accountType(AccountType.OFFICER)
        .agencyName("Kent Police")
        .agencyLevel(AgencyLevel.COUNTY)
        .officerName("Jane Doe")
        .email("jane.doe@kent.police.uk")
        .address(new PostalAddress("1 High Street", "Maidstone", "Kent", "ME1 1AA"))
        .coordinates(new Coordinates(51.27, 0.52))
        .country("gb")
        .zone(ZoneId.of("Europe/London"))
        .participationModel(ParticipationModel.TWEET_THE_BEAT)
        .createdAt(T0);
  }

  @Test
  void onMapOnlyWhenVerifiedWithAnAddress() {
    Registration pending = officer().build();
    assertThat(pending.onMap()).isFalse();
    assertThat(pending.withStatus(RegistrationStatus.VERIFIED, T0).onMap()).isTrue();
    assertThat(officer().address(null).status(RegistrationStatus.VERIFIED).build().onMap())
        .isFalse();
    assertThat(pending.withStatus(RegistrationStatus.WITHDRAWN, T0).onMap()).isFalse();
    assertThat(pending.withStatus(RegistrationStatus.VERIFIED, T0).erased(T0).onMap()).isFalse();
  }

  @Test
  void countryIsUpperCasedAndChecked() {
    assertThat(officer().build().country()).isEqualTo("GB");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class, () -> officer().country("UK").build())
                .field())
        .isEqualTo("country");
  }

  @Test
  void officersNeedANameAndAgenciesMustNotHaveOne() {
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class, () -> officer().officerName(null).build())
                .field())
        .isEqualTo("officerName");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> officer().accountType(AccountType.AGENCY).build())
                .field())
        .isEqualTo("officerName");
  }

  @Test
  void erasureKeepsOnlyWhatTheCountsNeed() {
    Registration r = officer().build();
    Registration erased = r.erased(T0.plusSeconds(60));

    assertThat(erased.email()).isEmpty();
    assertThat(erased.officerName()).isEmpty();
    assertThat(erased.address()).isEmpty();
    assertThat(erased.coordinates()).isEmpty();
    assertThat(erased.isErased()).isTrue();
    assertThat(erased.erasedAt()).contains(T0.plusSeconds(60));
    assertThat(erased)
        .extracting(
            Registration::id,
            Registration::edition,
            Registration::handle,
            Registration::country,
            Registration::zone,
            Registration::agencyLevel,
            Registration::accountType,
            Registration::participationModel)
        .containsExactly(
            r.id(),
            5,
            r.handle(),
            "GB",
            r.zone(),
            AgencyLevel.COUNTY,
            AccountType.OFFICER,
            ParticipationModel.TWEET_THE_BEAT);
  }

  @Test
  void anErasedRegistrationCannotHoldPersonalData() {
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class, () -> officer().erasedAt(T0).build())
                .field())
        .isEqualTo("erasedAt");
  }

  @Test
  void toStringRevealsNoPersonalData() {
    String text = officer().build().toString();

    assertThat(text)
        .contains("JaneDoeKent")
        .contains("GB")
        .doesNotContain("jane.doe")
        .doesNotContain("Jane Doe")
        .doesNotContain("High Street")
        .doesNotContain("ME1")
        .doesNotContain("51.27");
    assertThat(new PostalAddress("1 High Street", "Maidstone", "", "").toString())
        .doesNotContain("High");
  }

  @Test
  void anAddressNeedsOnlyACityBecauseThatIsWhatTheMapPlaces() {
    PostalAddress cityOnly = new PostalAddress(" ", " Maidstone ", null, "\t");

    assertThat(cityOnly).isEqualTo(PostalAddress.ofCity("Maidstone"));
    assertThat(cityOnly.street()).isEmpty();
    assertThat(cityOnly.region()).isEmpty();
    assertThat(cityOnly.postalCode()).isEmpty();
    assertThat(new PostalAddress(null, "Maidstone", "", "").street()).isEmpty();
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class, () -> PostalAddress.of("1 High St", " "))
                .field())
        .isEqualTo("address.city");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> new PostalAddress("1 High St", null, "", ""))
                .field())
        .isEqualTo("address.city");
  }

  @Test
  void anOptionalPartIsStillCheckedWhenGiven() {
    String tooLong = "x".repeat(PostalAddress.MAX_PART_LENGTH + 1);

    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> PostalAddress.of(tooLong, "Maidstone"))
                .field())
        .isEqualTo("address.street");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> PostalAddress.of("1 High\u0000St", "Maidstone"))
                .field())
        .isEqualTo("address.street");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> new PostalAddress("", "Maidstone", "Kent\nX", ""))
                .field())
        .isEqualTo("address.region");
  }

  @Test
  void addressAndCoordinatesAreValidated() {
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class, () -> new Coordinates(Double.NaN, 0))
                .field())
        .isEqualTo("coordinates.latitude");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class, () -> new Coordinates(0, 180.5))
                .field())
        .isEqualTo("coordinates.longitude");
  }

  @Test
  void anInvalidRegistrationListsEveryFieldButShowsNoValue() {
    InvalidRegistrationException e =
        new InvalidRegistrationException(
            java.util.List.of(
                new InvalidRegistrationException.FieldError(
                    "email", "must be a government address"),
                new InvalidRegistrationException.FieldError("zone", "unknown")));

    assertThat(e.field()).isEqualTo("email");
    assertThat(e.getMessage()).isEqualTo("email: must be a government address (and zone: unknown)");
    assertThat(e.code()).isEqualTo("registration.invalid");
  }
}

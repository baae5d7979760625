package org.poltwt.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;

/**
 * Builds registrations for tests. Every fixture is deterministic: its id is derived from the
 * edition and the handle as given (so differently-cased handles get different ids), its email is
 * {@code <lower-cased handle>@police.gov}, and its instants are {@link #BASE_TIME} plus whole
 * seconds unless a test sets them.
 *
 * <p>Instants in fixtures are truncated to microseconds: PostgreSQL's {@code timestamptz} keeps
 * microseconds, so a nanosecond instant could not round-trip through a durable store. {@link
 * #complete(int, String)} uses a microsecond fraction on purpose, to check that one does.
 */
public final class Registrations {
  /** The instant fixtures are created at: the fifth edition's date, midnight UTC. */
  public static final Instant BASE_TIME = Instant.parse("2015-06-05T00:00:00Z");

  private Registrations() {}

  /**
   * Returns {@link #BASE_TIME} plus some seconds.
   *
   * @param seconds seconds after the base time
   * @return the instant
   */
  public static Instant at(long seconds) {
    return BASE_TIME.plusSeconds(seconds);
  }

  /**
   * Returns the id fixtures give a registration of this edition and handle.
   *
   * @param edition the edition's number
   * @param handle the handle as given, case included
   * @return a name-based UUID
   */
  public static UUID idFor(int edition, String handle) {
    return UUID.nameUUIDFromBytes(("poltwt-test:" + edition + ":" + handle).getBytes(UTF_8));
  }

  /**
   * Starts an agency's registration: a local US force in New York, pending verification, with no
   * address, coordinates or account id.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @return a builder with every required value set
   */
  public static Registration.Builder agencyBuilder(int edition, String handle) {
    return agencyBuilder(edition, handle, BASE_TIME);
  }

  /**
   * Starts an agency's registration created (and last updated) at an instant; see {@link
   * #agencyBuilder(int, String)}. Set a creation time here rather than with {@link
   * Registration.Builder#createdAt(Instant)}, which leaves an earlier {@code updatedAt} in place.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @param createdAt when it was made, truncated to microseconds
   * @return a builder with every required value set
   */
  public static Registration.Builder agencyBuilder(int edition, String handle, Instant createdAt) {
    return Registration.builder()
        .id(idFor(edition, handle))
        .edition(edition)
        .handle(TwitterHandle.of(handle))
        .accountType(AccountType.AGENCY)
        .agencyName(handle + " Police Department")
        .agencyLevel(AgencyLevel.LOCAL)
        .email(emailFor(handle))
        .country("US")
        .zone(ZoneId.of("America/New_York"))
        .participationModel(ParticipationModel.CALLS_FOR_SERVICE)
        .status(RegistrationStatus.PENDING_VERIFICATION)
        .createdAt(createdAt)
        .updatedAt(createdAt);
  }

  /**
   * Starts an officer's registration: a national UK force in London, pending verification, name not
   * on the map, no address.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @return a builder with every required value set
   */
  public static Registration.Builder officerBuilder(int edition, String handle) {
    return officerBuilder(edition, handle, BASE_TIME);
  }

  /**
   * Starts an officer's registration created (and last updated) at an instant; see {@link
   * #officerBuilder(int, String)}.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @param createdAt when it was made, truncated to microseconds
   * @return a builder with every required value set
   */
  public static Registration.Builder officerBuilder(int edition, String handle, Instant createdAt) {
    return Registration.builder()
        .id(idFor(edition, handle))
        .edition(edition)
        .handle(TwitterHandle.of(handle))
        .accountType(AccountType.OFFICER)
        .agencyName("National Police Service")
        .agencyLevel(AgencyLevel.NATIONAL)
        .officerName("Officer " + handle)
        .email(emailFor(handle))
        .country("GB")
        .zone(ZoneId.of("Europe/London"))
        .participationModel(ParticipationModel.TWEET_THE_BEAT)
        .status(RegistrationStatus.PENDING_VERIFICATION)
        .createdAt(createdAt)
        .updatedAt(createdAt);
  }

  /**
   * An agency's registration; see {@link #agencyBuilder(int, String)}.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @return the registration
   */
  public static Registration agency(int edition, String handle) {
    return agencyBuilder(edition, handle).build();
  }

  /**
   * An officer's registration; see {@link #officerBuilder(int, String)}.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @return the registration
   */
  public static Registration officer(int edition, String handle) {
    return officerBuilder(edition, handle).build();
  }

  /**
   * A copy with a full address (street, city, region and postal code) and its coordinates.
   *
   * @param registration the registration
   * @return the copy
   */
  public static Registration withAddress(Registration registration) {
    return registration.toBuilder()
        .address(fullAddress())
        .coordinates(new Coordinates(40.712_776, -74.005_974))
        .build();
  }

  /**
   * An address with every part set.
   *
   * @return the address
   */
  public static PostalAddress fullAddress() {
    return new PostalAddress("1 Police Plaza", "New York", "NY", "10038");
  }

  /**
   * An officer's registration with every optional value present and every flag set away from its
   * default: full address, coordinates, account id, name on the map, email under review, {@code
   * VERIFIED}, a half-hour zone, and instants with a microsecond fraction.
   *
   * @param edition the edition's number
   * @param handle the handle, kept in the case given
   * @return the registration
   */
  public static Registration complete(int edition, String handle) {
    Instant created =
        BASE_TIME.plus(Duration.ofNanos(123_456_000)); // microseconds, not nanoseconds
    return officerBuilder(edition, handle, created)
        .agencyLevel(AgencyLevel.STATE_OR_PROVINCE)
        .officerNameOnMap(true)
        .address(new PostalAddress("12 Ring Road", "Kathmandu", "Bagmati", "44600"))
        .coordinates(new Coordinates(27.717_245_3, 85.323_960_1))
        .country("NP")
        .zone(ZoneId.of("Asia/Kathmandu"))
        .participationModel(ParticipationModel.ONE_TOPIC)
        .language(java.util.Locale.forLanguageTag("ne"))
        .status(RegistrationStatus.VERIFIED)
        .emailNeedsReview(true)
        .accountId("1234567890123456789")
        .updatedAt(created.plus(Duration.ofMinutes(90).plusNanos(654_321_000)))
        .build();
  }

  private static String emailFor(String handle) {
    return handle.toLowerCase(Locale.ROOT) + "@police.gov";
  }
}

package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What a registrant may change in their own registration through its manage link: where they are,
 * when their 24 hours run, how they take part, the language of their mails and whether an officer's
 * name shows on the map. The handle, the agency and the email stay as registered: a different
 * account or address is a new registration. Start from {@link #of(Registration)} and change what
 * the registrant changed.
 *
 * @param address the physical address, or empty to leave the map
 * @param coordinates where the address is, if the registrant gives it
 * @param country ISO 3166-1 alpha-2 code
 * @param zone the time zone that sets their 24 hours
 * @param participationModel how the account takes part
 * @param language the language of every later mail
 * @param officerNameOnMap whether an officer's name shows on the public map (officers only)
 */
public record RegistrationChange(
    Optional<PostalAddress> address,
    Optional<Coordinates> coordinates,
    String country,
    ZoneId zone,
    ParticipationModel participationModel,
    Locale language,
    boolean officerNameOnMap) {

  /**
   * Validates the change.
   *
   * @param address the address, or empty
   * @param coordinates the coordinates, or empty
   * @param country ISO 3166-1 alpha-2 code, any case
   * @param zone the time zone
   * @param participationModel how the account takes part
   * @param language the mails' language; only its language code is kept
   * @param officerNameOnMap whether an officer's name shows on the map
   * @throws NullPointerException if a component is null
   * @throws InvalidRegistrationException naming {@code country} or {@code language} when wrong
   */
  public RegistrationChange {
    requireNonNull(address, "address");
    requireNonNull(coordinates, "coordinates");
    requireNonNull(zone, "zone");
    requireNonNull(participationModel, "participationModel");
    country = Registration.countryCode(country);
    language = Registration.language(requireNonNull(language, "language"));
  }

  /**
   * The registration's current values, to change from.
   *
   * @param registration the registration
   * @return a change that changes nothing
   */
  public static RegistrationChange of(Registration registration) {
    requireNonNull(registration, "registration");
    return new RegistrationChange(
        registration.address(),
        registration.coordinates(),
        registration.country(),
        registration.zone(),
        registration.participationModel(),
        registration.language(),
        registration.officerNameOnMap());
  }

  /** Leaves out the address and coordinates. */
  @Override
  public String toString() {
    return "RegistrationChange[country="
        + country
        + ", zone="
        + zone
        + ", participationModel="
        + participationModel
        + ", language="
        + language.toLanguageTag()
        + "]";
  }
}

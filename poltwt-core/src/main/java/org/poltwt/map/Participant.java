package org.poltwt.map;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;

/**
 * One entry of the official map: public facts only. Never an email, and an officer's name only when
 * the officer agreed to show it.
 *
 * @param handle the Twitter account
 * @param accountType agency or officer
 * @param agencyName the agency
 * @param agencyLevel its level
 * @param officerName the officer's name, present only if they opted in
 * @param country ISO 3166-1 alpha-2 code
 * @param city the city of the physical address
 * @param coordinates where it is, if known
 */
public record Participant(
    TwitterHandle handle,
    AccountType accountType,
    String agencyName,
    AgencyLevel agencyLevel,
    Optional<String> officerName,
    String country,
    String city,
    Optional<Coordinates> coordinates) {

  /**
   * Validates the entry.
   *
   * @param handle the Twitter account
   * @param accountType agency or officer
   * @param agencyName the agency
   * @param agencyLevel its level
   * @param officerName the officer's name, if they opted in
   * @param country the country code
   * @param city the city
   * @param coordinates where it is
   */
  public Participant {
    requireNonNull(handle, "handle");
    requireNonNull(accountType, "accountType");
    requireNonNull(agencyName, "agencyName");
    requireNonNull(agencyLevel, "agencyLevel");
    requireNonNull(officerName, "officerName");
    requireNonNull(country, "country");
    requireNonNull(city, "city");
    requireNonNull(coordinates, "coordinates");
  }

  /**
   * The map entry of a registration that belongs on the map.
   *
   * @param r a registration for which {@link Registration#onMap()} is true
   * @return its public entry
   * @throws IllegalArgumentException if the registration does not belong on the map
   */
  public static Participant of(Registration r) {
    if (!r.onMap()) {
      throw new IllegalArgumentException(
          "registration " + r.id() + " is not on the map (verified with an address)");
    }
    return new Participant(
        r.handle(),
        r.accountType(),
        r.agencyName(),
        r.agencyLevel(),
        r.officerNameOnMap() ? r.officerName() : Optional.empty(),
        r.country(),
        r.address().orElseThrow().city(),
        r.coordinates());
  }

  /**
   * Returns a copy placed at a point.
   *
   * @param point the coordinates
   * @return the placed copy
   */
  public Participant at(Coordinates point) {
    return new Participant(
        handle,
        accountType,
        agencyName,
        agencyLevel,
        officerName,
        country,
        city,
        Optional.of(point));
  }
}

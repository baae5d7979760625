package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.RegistrationStatus;

/**
 * Which registrations of an edition to list or count. Empty filters match everything.
 *
 * @param edition the edition's number
 * @param status only registrations with this status
 * @param country only this ISO 3166-1 alpha-2 country (upper case)
 * @param zone only this time zone
 * @param agencyLevel only this agency level
 * @param accountType only this account type
 */
public record RegistrationQuery(
    int edition,
    Optional<RegistrationStatus> status,
    Optional<String> country,
    Optional<ZoneId> zone,
    Optional<AgencyLevel> agencyLevel,
    Optional<AccountType> accountType) {

  /**
   * Validates the query.
   *
   * @param edition the edition's number, at least 1
   * @param status the status filter
   * @param country the country filter, upper-cased here
   * @param zone the zone filter
   * @param agencyLevel the level filter
   * @param accountType the account type filter
   */
  public RegistrationQuery {
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1");
    }
    requireNonNull(status, "status");
    requireNonNull(zone, "zone");
    requireNonNull(agencyLevel, "agencyLevel");
    requireNonNull(accountType, "accountType");
    country = requireNonNull(country, "country").map(c -> c.toUpperCase(Locale.ROOT));
  }

  /**
   * All registrations of an edition.
   *
   * @param edition the edition's number
   * @return the query
   */
  public static RegistrationQuery of(int edition) {
    return new RegistrationQuery(
        edition,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Narrows to a status.
   *
   * @param s the status
   * @return a new query
   */
  public RegistrationQuery withStatus(RegistrationStatus s) {
    return new RegistrationQuery(edition, Optional.of(s), country, zone, agencyLevel, accountType);
  }

  /**
   * Narrows to a country.
   *
   * @param c ISO 3166-1 alpha-2 code
   * @return a new query
   */
  public RegistrationQuery withCountry(String c) {
    return new RegistrationQuery(edition, status, Optional.of(c), zone, agencyLevel, accountType);
  }

  /**
   * Narrows to a time zone.
   *
   * @param z the zone
   * @return a new query
   */
  public RegistrationQuery withZone(ZoneId z) {
    return new RegistrationQuery(
        edition, status, country, Optional.of(z), agencyLevel, accountType);
  }

  /**
   * Narrows to an agency level.
   *
   * @param l the level
   * @return a new query
   */
  public RegistrationQuery withAgencyLevel(AgencyLevel l) {
    return new RegistrationQuery(edition, status, country, zone, Optional.of(l), accountType);
  }

  /**
   * Narrows to an account type.
   *
   * @param t the type
   * @return a new query
   */
  public RegistrationQuery withAccountType(AccountType t) {
    return new RegistrationQuery(edition, status, country, zone, agencyLevel, Optional.of(t));
  }

  /**
   * Whether a registration matches every filter of this query.
   *
   * @param r the registration
   * @return true if it matches
   */
  public boolean matches(org.poltwt.registration.Registration r) {
    return r.edition() == edition
        && status.map(s -> s == r.status()).orElse(true)
        && country.map(c -> c.equals(r.country())).orElse(true)
        && zone.map(z -> z.equals(r.zone())).orElse(true)
        && agencyLevel.map(l -> l == r.agencyLevel()).orElse(true)
        && accountType.map(t -> t == r.accountType()).orElse(true);
  }
}

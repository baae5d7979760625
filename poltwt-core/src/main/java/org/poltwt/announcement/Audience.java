package org.poltwt.announcement;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.poltwt.InvalidInputException;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;

/**
 * Who of an edition's registrants an announcement goes to. Withdrawn and erased registrations, and
 * registrants who unsubscribed, never receive anything, whatever the audience says.
 *
 * @param statuses the registration statuses to include; not empty, never {@code WITHDRAWN}
 * @param accountType only agency or only officer accounts
 * @param country only this ISO 3166-1 alpha-2 country (upper case)
 * @param zone only this time zone
 * @param participationModel only this participation model
 */
public record Audience(
    Set<RegistrationStatus> statuses,
    Optional<AccountType> accountType,
    Optional<String> country,
    Optional<ZoneId> zone,
    Optional<ParticipationModel> participationModel) {

  /**
   * Validates the audience.
   *
   * @param statuses the statuses to include
   * @param accountType the account type filter
   * @param country the country filter
   * @param zone the zone filter
   * @param participationModel the model filter
   * @throws InvalidInputException (field {@code audience.statuses}) if the statuses are empty or
   *     include {@code WITHDRAWN}
   */
  public Audience {
    requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      throw new InvalidInputException(
          Announcement.INVALID, "audience.statuses", "must name at least one status");
    }
    if (statuses.contains(RegistrationStatus.WITHDRAWN)) {
      throw new InvalidInputException(
          Announcement.INVALID,
          "audience.statuses",
          "must not include WITHDRAWN: withdrawn registrants receive nothing");
    }
    statuses = Set.copyOf(statuses);
    requireNonNull(accountType, "accountType");
    requireNonNull(zone, "zone");
    requireNonNull(participationModel, "participationModel");
    country = requireNonNull(country, "country").map(c -> c.toUpperCase(Locale.ROOT));
  }

  /**
   * Every verified registration of the edition: the usual audience.
   *
   * @return the audience
   */
  public static Audience verified() {
    return new Audience(
        EnumSet.of(RegistrationStatus.VERIFIED),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Everyone still signed up, verified or not: the audience of a schedule change.
   *
   * @return the audience
   */
  public static Audience allRegistrants() {
    return new Audience(
        EnumSet.of(
            RegistrationStatus.PENDING_VERIFICATION,
            RegistrationStatus.PENDING_REVIEW,
            RegistrationStatus.VERIFIED),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Narrows to an account type.
   *
   * @param type agency or officer
   * @return a new audience
   */
  public Audience withAccountType(AccountType type) {
    return new Audience(statuses, Optional.of(type), country, zone, participationModel);
  }

  /**
   * Narrows to a country.
   *
   * @param code ISO 3166-1 alpha-2 code
   * @return a new audience
   */
  public Audience withCountry(String code) {
    return new Audience(statuses, accountType, Optional.of(code), zone, participationModel);
  }

  /**
   * Narrows to a time zone.
   *
   * @param z the zone
   * @return a new audience
   */
  public Audience withZone(ZoneId z) {
    return new Audience(statuses, accountType, country, Optional.of(z), participationModel);
  }

  /**
   * Narrows to a participation model.
   *
   * @param model the model
   * @return a new audience
   */
  public Audience withParticipationModel(ParticipationModel model) {
    return new Audience(statuses, accountType, country, zone, Optional.of(model));
  }

  /**
   * Whether a registration belongs to this audience (edition aside).
   *
   * @param r the registration
   * @return true if it matches every filter and is neither withdrawn nor erased
   */
  public boolean includes(Registration r) {
    return !r.isErased()
        && statuses.contains(r.status())
        && accountType.map(t -> t == r.accountType()).orElse(true)
        && country.map(c -> c.equals(r.country())).orElse(true)
        && zone.map(z -> z.equals(r.zone())).orElse(true)
        && participationModel.map(m -> m == r.participationModel()).orElse(true);
  }
}

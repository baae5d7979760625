package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One Twitter account signed up for one edition.
 *
 * <p>Personal data (the email, an officer's name, the address and its coordinates) never appears in
 * {@link #toString()}. After {@linkplain #erased(Instant) erasure} those fields are empty and only
 * what the wrap-up counts need remains.
 *
 * @param id the registration's id
 * @param edition the edition's number
 * @param handle the Twitter account
 * @param accountType an agency's account or an officer's
 * @param agencyName the agency's name (for an officer, the agency they serve)
 * @param agencyLevel the level of government the agency serves
 * @param officerName the officer's name; present exactly for {@link AccountType#OFFICER} accounts
 *     until erased
 * @param officerNameOnMap whether the officer agreed to show their name on the public map
 * @param email the government email address, normalised; empty only once erased
 * @param address the physical address, needed to appear on the map
 * @param coordinates where the address is, if known
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param zone the account's time zone, which sets its 24 hours
 * @param participationModel how the account takes part
 * @param language the language the registrant reads: every mail about the registration is in it
 *     when poltwt has it, English otherwise; a bare language ({@code es}, {@code ar}), no region
 * @param status where the registration stands
 * @param emailNeedsReview whether the email's domain was not a recognised government one, so an
 *     organiser must approve it after verification
 * @param accountId the Twitter account's numeric id, when the directory gave it
 * @param createdAt when the registration was made
 * @param updatedAt when it last changed
 * @param erasedAt when its personal data was erased, if it was
 */
public record Registration(
    UUID id,
    int edition,
    TwitterHandle handle,
    AccountType accountType,
    String agencyName,
    AgencyLevel agencyLevel,
    Optional<String> officerName,
    boolean officerNameOnMap,
    String email,
    Optional<PostalAddress> address,
    Optional<Coordinates> coordinates,
    String country,
    ZoneId zone,
    ParticipationModel participationModel,
    Locale language,
    RegistrationStatus status,
    boolean emailNeedsReview,
    Optional<String> accountId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> erasedAt) {

  /** The longest agency or officer name accepted. */
  public static final int MAX_NAME_LENGTH = 200;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * Validates the registration's invariants.
   *
   * @param id the registration's id
   * @param edition the edition's number
   * @param handle the Twitter account
   * @param accountType an agency's account or an officer's
   * @param agencyName the agency's name
   * @param agencyLevel the agency's level
   * @param officerName the officer's name, for officer accounts
   * @param officerNameOnMap whether the officer's name may appear on the map
   * @param email the government email address
   * @param address the physical address
   * @param coordinates where the address is
   * @param country ISO 3166-1 alpha-2 code
   * @param zone the account's time zone
   * @param participationModel how the account takes part
   * @param language the registrant's language; reduced to its language code
   * @param status where the registration stands
   * @param emailNeedsReview whether an organiser must approve the email's domain
   * @param accountId the Twitter account's id
   * @param createdAt when it was made
   * @param updatedAt when it last changed
   * @param erasedAt when it was erased
   * @throws NullPointerException if a required component is null
   * @throws InvalidRegistrationException naming the field that breaks a rule
   */
  public Registration {
    requireNonNull(id, "id");
    requireNonNull(handle, "handle");
    requireNonNull(accountType, "accountType");
    requireNonNull(agencyLevel, "agencyLevel");
    requireNonNull(officerName, "officerName");
    requireNonNull(email, "email");
    requireNonNull(address, "address");
    requireNonNull(coordinates, "coordinates");
    requireNonNull(zone, "zone");
    requireNonNull(participationModel, "participationModel");
    language = language(requireNonNull(language, "language"));
    requireNonNull(status, "status");
    requireNonNull(accountId, "accountId");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(erasedAt, "erasedAt");
    if (edition < 1) {
      throw new InvalidRegistrationException("edition", "must be at least 1");
    }
    agencyName = name("agencyName", agencyName);
    country = countryCode(country);
    if (updatedAt.isBefore(createdAt)) {
      throw new InvalidRegistrationException("updatedAt", "must not be before createdAt");
    }
    if (erasedAt.isPresent()) {
      if (!email.isEmpty()
          || officerName.isPresent()
          || address.isPresent()
          || coordinates.isPresent()) {
        throw new InvalidRegistrationException(
            "erasedAt", "an erased registration holds no personal data");
      }
    } else {
      if (email.isBlank() || email.indexOf('@') < 1) {
        throw new InvalidRegistrationException("email", "must be an email address");
      }
      if (accountType == AccountType.OFFICER && officerName.isEmpty()) {
        throw new InvalidRegistrationException(
            "officerName", "is required for an officer's account");
      }
    }
    if (accountType == AccountType.AGENCY && officerName.isPresent()) {
      throw new InvalidRegistrationException(
          "officerName", "must be empty for an agency's account");
    }
    officerName = officerName.map(n -> name("officerName", n));
    if (officerNameOnMap && accountType != AccountType.OFFICER) {
      throw new InvalidRegistrationException(
          "officerNameOnMap", "applies to officer accounts only");
    }
  }

  /**
   * Starts building a registration. The builder fills an id and, if not set, the status {@link
   * RegistrationStatus#PENDING_VERIFICATION}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this registration's values.
   *
   * @return a builder initialised from this registration
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether this registration appears on the official map: only a verified registration with a
   * physical address.
   *
   * @return true if verified, not erased, and with an address
   */
  public boolean onMap() {
    return status == RegistrationStatus.VERIFIED && address.isPresent() && erasedAt.isEmpty();
  }

  /**
   * Whether the personal data of this registration has been erased.
   *
   * @return true once erased
   */
  public boolean isErased() {
    return erasedAt.isPresent();
  }

  /**
   * Returns a copy with another status.
   *
   * @param newStatus the status
   * @param at when the change happens
   * @return the changed copy
   */
  public Registration withStatus(RegistrationStatus newStatus, Instant at) {
    return toBuilder().status(newStatus).updatedAt(at).build();
  }

  /**
   * Checks that a changed copy may replace this stored registration, the rule every {@link
   * org.poltwt.spi.RegistrationStore#update(Registration)} applies: the edition, the handle
   * (compared case-insensitively) and {@code createdAt} never change, and an erased registration is
   * never restored.
   *
   * @param changed the copy that would replace this one
   * @throws NullPointerException if {@code changed} is null
   * @throws IllegalArgumentException naming the field if the edition, the handle or {@code
   *     createdAt} (to the microsecond) differs
   * @throws IllegalStateException if this registration is erased and {@code changed} is not
   */
  public void checkReplacement(Registration changed) {
    requireNonNull(changed, "changed");
    if (edition != changed.edition) {
      throw new IllegalArgumentException(
          "edition: must not change (stored " + edition + ", given " + changed.edition + ")");
    }
    if (!handle.equals(changed.handle)) {
      throw new IllegalArgumentException(
          "handle: must not change (stored " + handle + ", given " + changed.handle + ")");
    }
    if (!createdAt
        .truncatedTo(ChronoUnit.MICROS)
        .equals(changed.createdAt.truncatedTo(ChronoUnit.MICROS))) {
      // It orders every list; an update that moved it would move the registration between pages.
      // Compared to the microsecond, what durable stores keep: a caller's nanosecond copy of a
      // stored registration is the same registration.
      throw new IllegalArgumentException(
          "createdAt: must not change (stored " + createdAt + ", given " + changed.createdAt + ")");
    }
    if (isErased() && !changed.isErased()) {
      throw new IllegalStateException(
          "erasedAt: registration "
              + changed.id
              + " was erased; an update must not restore its personal data");
    }
  }

  /**
   * Returns a copy with the personal data removed: email, officer name, address and coordinates.
   * What the wrap-up counts need (edition, handle, account type, agency, level, country, zone,
   * model, status) remains.
   *
   * @param at when the erasure happens
   * @return the erased copy
   */
  public Registration erased(Instant at) {
    requireNonNull(at, "at");
    return new Registration(
        id,
        edition,
        handle,
        accountType,
        agencyName,
        agencyLevel,
        Optional.empty(),
        false,
        "",
        Optional.empty(),
        Optional.empty(),
        country,
        zone,
        participationModel,
        language,
        status,
        emailNeedsReview,
        accountId,
        createdAt,
        at.isBefore(updatedAt) ? updatedAt : at,
        Optional.of(at));
  }

  /** Leaves out the email, names and address. */
  @Override
  public String toString() {
    return "Registration[id="
        + id
        + ", edition="
        + edition
        + ", handle="
        + handle
        + ", accountType="
        + accountType
        + ", agencyLevel="
        + agencyLevel
        + ", country="
        + country
        + ", zone="
        + zone
        + ", participationModel="
        + participationModel
        + ", language="
        + language.toLanguageTag()
        + ", status="
        + status
        + (erasedAt.isPresent() ? ", erased" : "")
        + "]";
  }

  private static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRegistrationException(field, "must not be blank");
    }
    String v = value.strip();
    if (v.length() > MAX_NAME_LENGTH) {
      throw new InvalidRegistrationException(
          field, "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRegistrationException(field, "must not contain control characters");
    }
    return v;
  }

  /**
   * Checks an ISO 3166-1 alpha-2 country code, in either case.
   *
   * @param country the code
   * @return the code in upper case
   * @throws InvalidRegistrationException (field {@code country}) if it is not a known code
   */
  /**
   * A registrant's language as a bare language code, the form stores keep.
   *
   * @param language any locale
   * @return its language alone, lower case
   * @throws InvalidRegistrationException naming {@code language} if the locale has no language
   */
  static Locale language(Locale language) {
    if (language.getLanguage().isEmpty()) {
      throw new InvalidRegistrationException("language", "must name a language, such as en or es");
    }
    return language.getCountry().isEmpty()
            && language.getVariant().isEmpty()
            && language.getScript().isEmpty()
            && !language.hasExtensions()
        ? language
        : Locale.forLanguageTag(language.getLanguage());
  }

  static String countryCode(String country) {
    if (country == null || country.isBlank()) {
      throw new InvalidRegistrationException("country", "is required");
    }
    String c = country.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(c)) {
      throw new InvalidRegistrationException(
          "country", "must be an ISO 3166-1 alpha-2 code such as GB or US");
    }
    return c;
  }

  /**
   * Builds a {@link Registration}; {@link #build()} runs the record's validation. Not thread-safe.
   */
  public static final class Builder {
    private UUID id = UUID.randomUUID();
    private int edition;
    private TwitterHandle handle;
    private AccountType accountType;
    private String agencyName;
    private AgencyLevel agencyLevel;
    private Optional<String> officerName = Optional.empty();
    private boolean officerNameOnMap;
    private String email;
    private Optional<PostalAddress> address = Optional.empty();
    private Optional<Coordinates> coordinates = Optional.empty();
    private String country;
    private ZoneId zone;
    private ParticipationModel participationModel;
    private Locale language = Locale.ENGLISH;
    private RegistrationStatus status = RegistrationStatus.PENDING_VERIFICATION;
    private boolean emailNeedsReview;
    private Optional<String> accountId = Optional.empty();
    private Instant createdAt;
    private Instant updatedAt;
    private Optional<Instant> erasedAt = Optional.empty();

    private Builder() {}

    private Builder(Registration r) {
      id = r.id;
      edition = r.edition;
      handle = r.handle;
      accountType = r.accountType;
      agencyName = r.agencyName;
      agencyLevel = r.agencyLevel;
      officerName = r.officerName;
      officerNameOnMap = r.officerNameOnMap;
      email = r.email;
      address = r.address;
      coordinates = r.coordinates;
      country = r.country;
      zone = r.zone;
      participationModel = r.participationModel;
      language = r.language;
      status = r.status;
      emailNeedsReview = r.emailNeedsReview;
      accountId = r.accountId;
      createdAt = r.createdAt;
      updatedAt = r.updatedAt;
      erasedAt = r.erasedAt;
    }

    /**
     * Sets the id (a random one is preset).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(UUID id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the edition's number.
     *
     * @param edition at least 1
     * @return this builder
     */
    public Builder edition(int edition) {
      this.edition = edition;
      return this;
    }

    /**
     * Sets the Twitter account.
     *
     * @param handle the handle
     * @return this builder
     */
    public Builder handle(TwitterHandle handle) {
      this.handle = requireNonNull(handle, "handle");
      return this;
    }

    /**
     * Sets whose account it is.
     *
     * @param accountType agency or officer
     * @return this builder
     */
    public Builder accountType(AccountType accountType) {
      this.accountType = requireNonNull(accountType, "accountType");
      return this;
    }

    /**
     * Sets the agency's name.
     *
     * @param agencyName the name
     * @return this builder
     */
    public Builder agencyName(String agencyName) {
      this.agencyName = agencyName;
      return this;
    }

    /**
     * Sets the agency's level.
     *
     * @param agencyLevel the level
     * @return this builder
     */
    public Builder agencyLevel(AgencyLevel agencyLevel) {
      this.agencyLevel = requireNonNull(agencyLevel, "agencyLevel");
      return this;
    }

    /**
     * Sets the officer's name, or clears it with null.
     *
     * @param officerName the name; null for an agency account
     * @return this builder
     */
    public Builder officerName(String officerName) {
      this.officerName = Optional.ofNullable(officerName);
      return this;
    }

    /**
     * Sets whether the officer's name may appear on the public map.
     *
     * @param officerNameOnMap true if the officer agreed
     * @return this builder
     */
    public Builder officerNameOnMap(boolean officerNameOnMap) {
      this.officerNameOnMap = officerNameOnMap;
      return this;
    }

    /**
     * Sets the government email address.
     *
     * @param email the address
     * @return this builder
     */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets the physical address, or clears it with null.
     *
     * @param address the address; may be null
     * @return this builder
     */
    public Builder address(PostalAddress address) {
      this.address = Optional.ofNullable(address);
      return this;
    }

    /**
     * Sets the coordinates, or clears them with null.
     *
     * @param coordinates the point; may be null
     * @return this builder
     */
    public Builder coordinates(Coordinates coordinates) {
      this.coordinates = Optional.ofNullable(coordinates);
      return this;
    }

    /**
     * Sets the country.
     *
     * @param country ISO 3166-1 alpha-2 code
     * @return this builder
     */
    public Builder country(String country) {
      this.country = country;
      return this;
    }

    /**
     * Sets the time zone.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets how the account takes part.
     *
     * @param participationModel the model
     * @return this builder
     */
    public Builder participationModel(ParticipationModel participationModel) {
      this.participationModel = requireNonNull(participationModel, "participationModel");
      return this;
    }

    /**
     * Sets the registrant's language ({@link Locale#ENGLISH} is preset).
     *
     * @param language the language; only its language code is kept
     * @return this builder
     */
    public Builder language(Locale language) {
      this.language = requireNonNull(language, "language");
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(RegistrationStatus status) {
      this.status = requireNonNull(status, "status");
      return this;
    }

    /**
     * Sets whether an organiser must approve the email's domain.
     *
     * @param emailNeedsReview true if the domain was not recognised
     * @return this builder
     */
    public Builder emailNeedsReview(boolean emailNeedsReview) {
      this.emailNeedsReview = emailNeedsReview;
      return this;
    }

    /**
     * Sets the Twitter account's numeric id, or clears it with null.
     *
     * @param accountId the id; may be null
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Optional.ofNullable(accountId);
      return this;
    }

    /**
     * Sets when the registration was made; also sets {@code updatedAt} unless that was set apart.
     *
     * @param createdAt the instant
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      requireNonNull(createdAt, "createdAt");
      if (updatedAt == null || updatedAt.equals(this.createdAt)) {
        updatedAt = createdAt;
      }
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Sets when the registration last changed.
     *
     * @param updatedAt the instant
     * @return this builder
     */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = requireNonNull(updatedAt, "updatedAt");
      return this;
    }

    /**
     * Sets when the registration was erased, or clears it with null.
     *
     * @param erasedAt the instant; may be null
     * @return this builder
     */
    public Builder erasedAt(Instant erasedAt) {
      this.erasedAt = Optional.ofNullable(erasedAt);
      return this;
    }

    /**
     * Builds the registration.
     *
     * @return the registration
     * @throws NullPointerException if a required value was not set
     * @throws InvalidRegistrationException naming the field that breaks a rule
     */
    public Registration build() {
      return new Registration(
          id,
          edition,
          handle,
          accountType,
          agencyName,
          agencyLevel,
          officerName,
          officerNameOnMap,
          email,
          address,
          coordinates,
          country,
          zone,
          participationModel,
          language,
          status,
          emailNeedsReview,
          accountId,
          createdAt,
          updatedAt,
          erasedAt);
    }
  }
}

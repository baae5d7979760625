package org.poltwt.registration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sign-up as a form submits it: raw text, not yet checked. {@link RegistrationService#register}
 * validates every field and reports all failures at once, so unlike poltwt's other records this one
 * does not validate in its constructor: a form must be able to hold what was typed.
 *
 * <p>Leave {@code officerName} null for agency accounts; leave the address parts and coordinates
 * null (or blank) to register without appearing on the map.
 *
 * @param edition the edition's number
 * @param handle the Twitter handle, with or without {@code @}
 * @param accountType an agency's account or an officer's
 * @param agencyName the agency's name
 * @param agencyLevel the agency's level
 * @param officerName the officer's name, for officer accounts
 * @param officerNameOnMap whether the officer agrees to show their name on the public map
 * @param email the government email address
 * @param street the street and number of the physical address, if any: city and country are enough
 *     for the map
 * @param city the city of the physical address
 * @param region the state, province or county, if any
 * @param postalCode the postal code, if any
 * @param latitude the address's latitude, if known
 * @param longitude the address's longitude, if known
 * @param country ISO 3166-1 alpha-2 country code
 * @param zone the time-zone id, for example {@code Europe/Madrid}
 * @param participationModel how the account will take part
 * @param language the registrant's language as a language tag ({@code es}, {@code pt-BR}); null,
 *     blank or not a language means the service's default language, never an error
 */
public record RegistrationRequest(
    @Min(value = 1, message = "must be at least 1") int edition,
    @NotBlank @org.poltwt.validation.TwitterHandle String handle,
    @NotNull AccountType accountType,
    @NotBlank @Size(max = Registration.MAX_NAME_LENGTH) String agencyName,
    @NotNull AgencyLevel agencyLevel,
    @Size(max = Registration.MAX_NAME_LENGTH) String officerName,
    boolean officerNameOnMap,
    @NotBlank @Size(max = 254) String email,
    @Size(max = PostalAddress.MAX_PART_LENGTH) String street,
    @Size(max = PostalAddress.MAX_PART_LENGTH) String city,
    @Size(max = PostalAddress.MAX_PART_LENGTH) String region,
    @Size(max = PostalAddress.MAX_PART_LENGTH) String postalCode,
    @DecimalMin(value = "-90", message = "must be between -90 and 90")
        @DecimalMax(value = "90", message = "must be between -90 and 90")
        Double latitude,
    @DecimalMin(value = "-180", message = "must be between -180 and 180")
        @DecimalMax(value = "180", message = "must be between -180 and 180")
        Double longitude,
    @NotBlank String country,
    @NotBlank String zone,
    @NotNull ParticipationModel participationModel,
    String language) {

  /**
   * Starts building a request.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a copy with surrounding whitespace stripped from every text field, as a form's input
   * should be read; blank optional fields become null.
   *
   * @return the stripped copy
   */
  public RegistrationRequest stripped() {
    return new RegistrationRequest(
        edition,
        strip(handle),
        accountType,
        strip(agencyName),
        agencyLevel,
        blankToNull(officerName),
        officerNameOnMap,
        strip(email),
        blankToNull(street),
        blankToNull(city),
        blankToNull(region),
        blankToNull(postalCode),
        latitude,
        longitude,
        strip(country),
        strip(zone),
        participationModel,
        blankToNull(language));
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Leaves out the email, the officer's name and the address. */
  @Override
  public String toString() {
    return "RegistrationRequest[edition="
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
        + "]";
  }

  /** Builds a {@link RegistrationRequest}; nothing is checked until the service validates it. */
  public static final class Builder {
    private int edition;
    private String handle;
    private AccountType accountType;
    private String agencyName;
    private AgencyLevel agencyLevel;
    private String officerName;
    private boolean officerNameOnMap;
    private String email;
    private String street;
    private String city;
    private String region;
    private String postalCode;
    private Double latitude;
    private Double longitude;
    private String country;
    private String zone;
    private ParticipationModel participationModel;
    private String language;

    private Builder() {}

    /**
     * Sets the edition.
     *
     * @param edition the edition's number
     * @return this builder
     */
    public Builder edition(int edition) {
      this.edition = edition;
      return this;
    }

    /**
     * Sets the handle.
     *
     * @param handle the handle, with or without {@code @}
     * @return this builder
     */
    public Builder handle(String handle) {
      this.handle = handle;
      return this;
    }

    /**
     * Registers an agency's own account.
     *
     * @param agencyName the agency's name
     * @param agencyLevel its level
     * @return this builder
     */
    public Builder agency(String agencyName, AgencyLevel agencyLevel) {
      this.accountType = AccountType.AGENCY;
      this.agencyName = agencyName;
      this.agencyLevel = agencyLevel;
      this.officerName = null;
      return this;
    }

    /**
     * Registers an officer's account.
     *
     * @param officerName the officer's name
     * @param agencyName the agency they serve
     * @param agencyLevel its level
     * @return this builder
     */
    public Builder officer(String officerName, String agencyName, AgencyLevel agencyLevel) {
      this.accountType = AccountType.OFFICER;
      this.officerName = officerName;
      this.agencyName = agencyName;
      this.agencyLevel = agencyLevel;
      return this;
    }

    /**
     * Sets the account type directly (forms that post it as a field).
     *
     * @param accountType the type
     * @return this builder
     */
    public Builder accountType(AccountType accountType) {
      this.accountType = accountType;
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
      this.agencyLevel = agencyLevel;
      return this;
    }

    /**
     * Sets the officer's name.
     *
     * @param officerName the name
     * @return this builder
     */
    public Builder officerName(String officerName) {
      this.officerName = officerName;
      return this;
    }

    /**
     * Sets whether the officer's name may appear on the public map.
     *
     * @param officerNameOnMap true if the officer agrees
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
     * Sets the physical address.
     *
     * @param street street and number; may be null
     * @param city city
     * @param region state, province or county; may be null
     * @param postalCode postal code; may be null
     * @return this builder
     */
    public Builder address(String street, String city, String region, String postalCode) {
      this.street = street;
      this.city = city;
      this.region = region;
      this.postalCode = postalCode;
      return this;
    }

    /**
     * Sets where the address is.
     *
     * @param latitude degrees, -90 to 90
     * @param longitude degrees, -180 to 180
     * @return this builder
     */
    public Builder coordinates(Double latitude, Double longitude) {
      this.latitude = latitude;
      this.longitude = longitude;
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
     * @param zone a time-zone id such as {@code Europe/Madrid}
     * @return this builder
     */
    public Builder zone(String zone) {
      this.zone = zone;
      return this;
    }

    /**
     * Sets how the account takes part.
     *
     * @param participationModel the model
     * @return this builder
     */
    public Builder participationModel(ParticipationModel participationModel) {
      this.participationModel = participationModel;
      return this;
    }

    /**
     * Sets the registrant's language; unless set, the service's default language.
     *
     * @param language a language tag such as {@code es}; null for the default
     * @return this builder
     */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /**
     * Builds the request; nothing is validated here.
     *
     * @return the request
     */
    public RegistrationRequest build() {
      return new RegistrationRequest(
          edition,
          handle,
          accountType,
          agencyName,
          agencyLevel,
          officerName,
          officerNameOnMap,
          email,
          street,
          city,
          region,
          postalCode,
          latitude,
          longitude,
          country,
          zone,
          participationModel,
          language);
    }
  }
}

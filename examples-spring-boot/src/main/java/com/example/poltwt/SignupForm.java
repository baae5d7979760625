package com.example.poltwt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.validation.GovernmentEmail;
import org.poltwt.validation.TwitterHandle;

/**
 * The sign-up form's JSON, validated with {@code @Valid} before the service sees it: poltwt's
 * {@code @TwitterHandle} and {@code @GovernmentEmail} (on the policy of {@code poltwt.email.*},
 * through Spring's validator) and Bean Validation's own constraints. The service checks the rest
 * (the country, the time zone, the address) and answers with field names too. {@code
 * officerNameOnMap} is a {@code Boolean}: left out, it is false (Jackson 3 refuses a missing
 * primitive).
 */
public record SignupForm(
    @NotBlank @TwitterHandle String handle,
    @NotBlank @GovernmentEmail String email,
    @NotNull AccountType accountType,
    @NotBlank String agencyName,
    @NotNull AgencyLevel agencyLevel,
    String officerName,
    Boolean officerNameOnMap,
    String street,
    String city,
    String region,
    String postalCode,
    Double latitude,
    Double longitude,
    @NotBlank String country,
    @NotBlank String zone,
    @NotNull ParticipationModel participationModel) {

  /**
   * The request for poltwt's registration service.
   *
   * @param edition the edition signed up for
   * @param language the visitor's language, which poltwt's mails to them will use
   * @return the request
   */
  RegistrationRequest toRequest(int edition, java.util.Locale language) {
    return new RegistrationRequest(
        edition,
        handle,
        accountType,
        agencyName,
        agencyLevel,
        officerName,
        Boolean.TRUE.equals(officerNameOnMap),
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
        language.toLanguageTag());
  }

  /** Never the email address, the officer's name or the address: this may end up in a log. */
  @Override
  public String toString() {
    return "SignupForm[handle=" + handle + ", accountType=" + accountType + "]";
  }
}

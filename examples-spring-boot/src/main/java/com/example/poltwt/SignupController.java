package com.example.poltwt;

import jakarta.validation.Valid;
import java.net.URI;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and verification over JSON. The starter's {@link RegistrationService} stores the
 * registration and mails the link of {@code poltwt.registration.verification-link}; the link opens
 * {@code verify.html}, which posts its token here (a mail scanner fetching the link changes
 * nothing).
 */
@RestController
@RequestMapping("/api")
class SignupController {
  private final RegistrationService registrations;
  private final int edition;

  SignupController(RegistrationService registrations, ExampleProperties properties) {
    this.registrations = registrations;
    this.edition = properties.edition().number();
  }

  /**
   * Signs an account up for the edition and mails the verification link.
   *
   * @param form the form
   * @param language the visitor's language, from {@code Accept-Language}
   * @return 201 with the registration's public facts; 400 naming each field refused; 409 when the
   *     handle is registered already
   */
  @PostMapping("/signups")
  ResponseEntity<SignupAnswer> signUp(
      @Valid @RequestBody SignupForm form, java.util.Locale language) {
    // Spring resolves the Locale argument from Accept-Language: the registrant's mails follow it.
    Registration registration = registrations.register(form.toRequest(edition, language));
    return ResponseEntity.created(URI.create("/api/signups/" + registration.id()))
        .body(SignupAnswer.of(registration));
  }

  /**
   * Confirms the email address with the mailed token.
   *
   * @param token the token of the mail's link
   * @return the registration's public facts, now verified (or pending an organiser's review); 400
   *     naming the token when it is unknown, used or expired
   */
  @PostMapping("/verifications")
  SignupAnswer verify(@RequestParam String token) {
    return SignupAnswer.of(registrations.verify(token));
  }

  /**
   * What the API answers about a registration: nothing personal.
   *
   * @param id the registration's id
   * @param edition the edition
   * @param handle the account's handle
   * @param status where the registration stands, such as {@code PENDING_VERIFICATION}
   */
  record SignupAnswer(String id, int edition, String handle, String status) {
    static SignupAnswer of(Registration r) {
      return new SignupAnswer(
          r.id().toString(), r.edition(), r.handle().value(), r.status().name());
    }
  }
}

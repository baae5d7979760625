package org.poltwt.spring.boot.autoconfigure;

import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;

/** The README's Spring Boot snippet: an application's own class, given the starter's service. */
final class SignupEndpoint {
  // README-START
  private final RegistrationService registrations;

  SignupEndpoint(RegistrationService registrations) { // injected: the starter configured it
    this.registrations = registrations;
  }

  Registration signUp(RegistrationRequest request) {
    return registrations.register(request); // mails the verification link
  }

  Registration verify(String token) {
    return registrations.verify(token);
  }
  // README-END
}

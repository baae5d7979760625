package org.poltwt.spring.boot.autoconfigure;

import org.poltwt.compliance.ComplianceResult;
import org.poltwt.registration.RegistrationService;
import org.poltwt.spi.Mailer;

/**
 * What the starter's services report as they work, for metrics: the mailer the services send with,
 * the registration service the application is given, and each tweet checked through {@link
 * ComplianceCheckers}. With Micrometer and a {@code MeterRegistry} bean the starter provides {@link
 * PoltwtMeters}; without, nothing is reported. An application may define its own bean of this type
 * instead.
 *
 * <p>Implementations must not put personal data (addresses, handles, tokens) into what they report.
 */
public interface PoltwtInstrumentation {
  /** Reports nothing and decorates nothing. */
  PoltwtInstrumentation NONE = new PoltwtInstrumentation() {};

  /**
   * Decorates the mailer that the starter's registration and announcement services send with.
   *
   * @param mailer the application's or the starter's mailer
   * @return the mailer to use; by default {@code mailer} itself
   */
  default Mailer mailer(Mailer mailer) {
    return mailer;
  }

  /**
   * Decorates the registration service the starter creates, before it becomes the bean.
   *
   * @param service the service
   * @return the service to expose; by default {@code service} itself
   */
  default RegistrationService registrations(RegistrationService service) {
    return service;
  }

  /**
   * Hears of one tweet checked through {@link ComplianceCheckers}.
   *
   * @param result the check's result
   */
  default void complianceChecked(ComplianceResult result) {}
}

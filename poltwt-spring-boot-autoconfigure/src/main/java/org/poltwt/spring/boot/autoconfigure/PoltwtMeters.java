package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.PoltwtException;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * poltwt's Micrometer counters. Each has the tags {@code outcome} and {@code code} (a failure's
 * {@link PoltwtException#code()}, {@value #UNEXPECTED} for any other exception, {@value #NONE} on
 * success); no tag ever holds an address, a handle, a name or a token.
 *
 * <ul>
 *   <li>{@value #SIGNUPS}: {@code register} calls, {@code outcome} {@code registered} or {@code
 *       refused};
 *   <li>{@value #VERIFICATIONS}: {@code verify} calls, {@code outcome} {@code verified}, {@code
 *       pending-review} (the email's domain awaits an organiser) or {@code refused};
 *   <li>{@value #MAILS}: mails the registration and announcement services handed to the mailer,
 *       {@code outcome} {@code sent} or {@code failed} (each attempt of a retried mail counts);
 *   <li>{@value #COMPLIANCE_CHECKS}: tweets checked through {@link ComplianceCheckers}, {@code
 *       outcome} {@code compliant} or {@code non-compliant} (no {@code code} tag).
 * </ul>
 */
public final class PoltwtMeters implements PoltwtInstrumentation {
  /** Sign-ups: calls of {@link RegistrationService#register(RegistrationRequest)}. */
  public static final String SIGNUPS = "poltwt.signups";

  /** Verifications: calls of {@link RegistrationService#verify(String)}. */
  public static final String VERIFICATIONS = "poltwt.verifications";

  /** Mails handed to the mailer. */
  public static final String MAILS = "poltwt.mails";

  /** Tweets checked for compliance. */
  public static final String COMPLIANCE_CHECKS = "poltwt.compliance.checks";

  /** The {@code code} tag of a success. */
  public static final String NONE = "none";

  /** The {@code code} tag of an exception that is not a {@link PoltwtException}. */
  public static final String UNEXPECTED = "unexpected";

  private final MeterRegistry registry;

  /**
   * Creates the counters' home.
   *
   * @param registry where the counters are registered
   */
  public PoltwtMeters(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
  }

  @Override
  public Mailer mailer(Mailer mailer) {
    requireNonNull(mailer, "mailer");
    return new CountingMailer(mailer, this);
  }

  @Override
  public RegistrationService registrations(RegistrationService service) {
    return new CountingRegistrationService(requireNonNull(service, "service"), this);
  }

  @Override
  public void complianceChecked(ComplianceResult result) {
    registry
        .counter(COMPLIANCE_CHECKS, "outcome", result.compliant() ? "compliant" : "non-compliant")
        .increment();
  }

  void count(String name, String outcome, String code) {
    Counter.builder(name).tag("outcome", outcome).tag("code", code).register(registry).increment();
  }

  static String codeOf(RuntimeException e) {
    return e instanceof PoltwtException p ? p.code() : UNEXPECTED;
  }

  /** Counts each mail handed over and each failure, by code. */
  private record CountingMailer(Mailer delegate, PoltwtMeters meters) implements Mailer {
    @Override
    public void send(Mail mail) {
      try {
        delegate.send(mail);
      } catch (RuntimeException e) {
        meters.count(MAILS, "failed", codeOf(e));
        throw e;
      }
      meters.count(MAILS, "sent", NONE);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }

  /** Counts sign-ups and verifications; every other call goes straight through. */
  private record CountingRegistrationService(RegistrationService delegate, PoltwtMeters meters)
      implements RegistrationService {
    @Override
    public Registration register(RegistrationRequest request) {
      Registration registration;
      try {
        registration = delegate.register(request);
      } catch (RuntimeException e) {
        meters.count(SIGNUPS, "refused", codeOf(e));
        throw e;
      }
      meters.count(SIGNUPS, "registered", NONE);
      return registration;
    }

    @Override
    public Registration verify(String token) {
      Registration registration;
      try {
        registration = delegate.verify(token);
      } catch (RuntimeException e) {
        meters.count(VERIFICATIONS, "refused", codeOf(e));
        throw e;
      }
      meters.count(
          VERIFICATIONS,
          registration.status() == RegistrationStatus.PENDING_REVIEW
              ? "pending-review"
              : "verified",
          NONE);
      return registration;
    }

    @Override
    public void resendVerification(UUID id) {
      delegate.resendVerification(id);
    }

    @Override
    public void requestNewLink(int edition, String handle) {
      delegate.requestNewLink(edition, handle);
    }

    @Override
    public Optional<String> registeredEmail(int edition, String handle) {
      return delegate.registeredEmail(edition, handle);
    }

    @Override
    public Optional<Registration> find(UUID id) {
      return delegate.find(id);
    }

    @Override
    public Optional<Registration> findByHandle(int edition, String handle) {
      return delegate.findByHandle(edition, handle);
    }

    @Override
    public Registration withdraw(UUID id) {
      return delegate.withdraw(id);
    }

    @Override
    public Registration erase(UUID id) {
      return delegate.erase(id);
    }

    @Override
    public Registration approve(UUID id) {
      return delegate.approve(id);
    }

    @Override
    public List<Registration> approveAndTrust(UUID id, String by) {
      return delegate.approveAndTrust(id, by);
    }

    @Override
    public Registration reject(UUID id) {
      return delegate.reject(id);
    }

    @Override
    public Optional<String> manageLink(UUID id) {
      return delegate.manageLink(id);
    }

    @Override
    public Optional<String> manageLink(Registration registration) {
      return delegate.manageLink(registration);
    }

    @Override
    public Registration manage(String token) {
      return delegate.manage(token);
    }

    @Override
    public Registration change(String token, org.poltwt.registration.RegistrationChange change) {
      return delegate.change(token, change);
    }

    @Override
    public Registration withdrawWithLink(String token) {
      return delegate.withdrawWithLink(token);
    }

    @Override
    public Registration place(UUID id, Coordinates at) {
      return delegate.place(id, at);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}

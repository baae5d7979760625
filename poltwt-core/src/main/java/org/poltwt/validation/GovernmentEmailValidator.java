package org.poltwt.validation;

import static java.util.Objects.requireNonNull;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorFactory;
import java.util.Locale;
import org.poltwt.registration.email.EmailAssessment;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.Verdict;

/**
 * Checks {@link GovernmentEmail} with a {@link GovernmentEmailPolicy}: the application's own when
 * the validator is made with {@link #GovernmentEmailValidator(GovernmentEmailPolicy)}, else {@link
 * GovernmentEmailPolicy#defaults()}.
 *
 * <p>Give the constraint the policy the application's registration service uses, so the form and
 * the service agree. With a dependency-injecting validator (Spring's {@code
 * LocalValidatorFactoryBean}, CDI) register this constructor's policy as a bean; with plain Jakarta
 * Validation use {@link #factory(GovernmentEmailPolicy, ConstraintValidatorFactory)}:
 *
 * <pre>{@code
 * Configuration<?> config = Validation.byDefaultProvider().configure();
 * Validator validator =
 *     config
 *         .constraintValidatorFactory(
 *             GovernmentEmailValidator.factory(
 *                 policy, config.getDefaultConstraintValidatorFactory()))
 *         .buildValidatorFactory()
 *         .getValidator();
 * }</pre>
 *
 * <p>A violation's message is a key per {@linkplain EmailAssessment.Rule rule}, {@code
 * {org.poltwt.validation.GovernmentEmail.webmail}} for example, resolved from poltwt's {@code
 * ContributorValidationMessages.properties}; an application translates or rewords it in its own
 * {@code ValidationMessages} bundles. The message never holds the address.
 */
public final class GovernmentEmailValidator
    implements ConstraintValidator<GovernmentEmail, CharSequence> {
  /** The prefix of every message key this validator uses. */
  public static final String MESSAGE_KEY_PREFIX = "org.poltwt.validation.GovernmentEmail.";

  private final GovernmentEmailPolicy policy;
  private boolean allowReview = true;

  /** Creates a validator with {@link GovernmentEmailPolicy#defaults()}; providers call this. */
  public GovernmentEmailValidator() {
    this(GovernmentEmailPolicy.defaults());
  }

  /**
   * Creates a validator with the application's policy.
   *
   * @param policy the policy, the same the registration service uses
   */
  public GovernmentEmailValidator(GovernmentEmailPolicy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  /**
   * Returns a constraint validator factory that makes every {@link GovernmentEmailValidator} with
   * the given policy and leaves every other validator to a delegate, for plain Jakarta Validation.
   *
   * @param policy the policy the constraint must use
   * @param delegate the factory for every other validator, usually the configuration's {@code
   *     getDefaultConstraintValidatorFactory()}
   * @return the factory
   */
  public static ConstraintValidatorFactory factory(
      GovernmentEmailPolicy policy, ConstraintValidatorFactory delegate) {
    requireNonNull(policy, "policy");
    requireNonNull(delegate, "delegate");
    return new ConstraintValidatorFactory() {
      @Override
      public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
        if (key == GovernmentEmailValidator.class) {
          return key.cast(new GovernmentEmailValidator(policy));
        }
        return delegate.getInstance(key);
      }

      @Override
      public void releaseInstance(ConstraintValidator<?, ?> instance) {
        if (!(instance instanceof GovernmentEmailValidator)) {
          delegate.releaseInstance(instance);
        }
      }
    };
  }

  /**
   * Returns the message key of a rule's violation.
   *
   * @param rule a rule
   * @return for example {@code org.poltwt.validation.GovernmentEmail.webmail}
   */
  public static String messageKey(EmailAssessment.Rule rule) {
    String name = rule.name().toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(MESSAGE_KEY_PREFIX);
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        key.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return key.toString();
  }

  @Override
  public void initialize(GovernmentEmail annotation) {
    allowReview = annotation.allowReview();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    EmailAssessment assessment = policy.assess(value.toString());
    boolean valid =
        assessment.verdict() == Verdict.ACCEPTED
            || (allowReview && assessment.verdict() == Verdict.REVIEW);
    if (!valid) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("{" + messageKey(assessment.rule()) + "}")
          .addConstraintViolation();
    }
    return valid;
  }

  /**
   * Describes the validator without its policy's lists.
   *
   * @return the policy's summary
   */
  @Override
  public String toString() {
    return "GovernmentEmailValidator[" + policy + "]";
  }
}

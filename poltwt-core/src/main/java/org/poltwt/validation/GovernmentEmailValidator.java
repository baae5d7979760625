package org.poltwt.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.poltwt.registration.email.EmailAssessment;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.Verdict;

/** Checks {@link GovernmentEmail} with {@link GovernmentEmailPolicy#defaults()}. */
public final class GovernmentEmailValidator
    implements ConstraintValidator<GovernmentEmail, CharSequence> {
  private boolean allowReview = true;

  /** Creates the validator; Bean Validation providers call this. */
  public GovernmentEmailValidator() {}

  @Override
  public void initialize(GovernmentEmail annotation) {
    allowReview = annotation.allowReview();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    EmailAssessment assessment = GovernmentEmailPolicy.defaults().assess(value.toString());
    boolean valid =
        assessment.verdict() == Verdict.ACCEPTED
            || (allowReview && assessment.verdict() == Verdict.REVIEW);
    if (!valid) {
      context.disableDefaultConstraintViolation();
      // The reason is poltwt's own text, never the address; escape it so it is not read as a
      // template.
      context
          .buildConstraintViolationWithTemplate(escape(assessment.reason()))
          .addConstraintViolation();
    }
    return valid;
  }

  private static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '}' || c == '$' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}

package org.poltwt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The constraints as a CMS uses them: on its own form object, through its own Validator. */
class ConstraintsTest {
  private static final Validator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  /** A CMS's own sign-up form. */
  record CmsForm(@TwitterHandle String handle, @GovernmentEmail String email) {}

  /** A stricter form that does not accept addresses that need review. */
  record StrictForm(@GovernmentEmail(allowReview = false) String email) {}

  private static Set<ConstraintViolation<CmsForm>> check(String handle, String email) {
    return VALIDATOR.validate(new CmsForm(handle, email));
  }

  @Test
  void validValuesAndNullsPass() {
    assertThat(check("@PolTwt", "chief@police.gov")).isEmpty();
    assertThat(check("Kent_Police", "media@kent.police.uk")).isEmpty();
    assertThat(check(null, null)).isEmpty();
  }

  @Test
  void aBadHandleFailsWithTheLibraryMessage() {
    Set<ConstraintViolation<CmsForm>> v = check("not a handle", "chief@police.gov");

    assertThat(v)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getPropertyPath()).hasToString("handle");
              assertThat(c.getMessage())
                  .isEqualTo("must be a Twitter handle: 1 to 15 letters, digits or underscores");
            });
  }

  @Test
  void aRejectedEmailFailsWithThePolicysReasonAndNotTheAddress() {
    Set<ConstraintViolation<CmsForm>> v = check("PolTwt", "chief@police.gov.example.com");

    assertThat(v)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getPropertyPath()).hasToString("email");
              assertThat(c.getMessage()).isNotBlank().doesNotContain("chief").doesNotContain("@");
            });
  }

  @Test
  void anEmailThatNeedsReviewPassesUnlessTheFormIsStrict() {
    assertThat(check("PolTwt", "media@sfgov.org")).isEmpty();
    assertThat(VALIDATOR.validate(new StrictForm("media@sfgov.org"))).hasSize(1);
    assertThat(VALIDATOR.validate(new StrictForm("media@sf.gov"))).isEmpty();
  }
}

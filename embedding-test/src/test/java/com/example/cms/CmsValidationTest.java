package com.example.cms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.email.GovernmentEmailPolicy;

/** The constraints from the published jars, through the plainest validator a CMS can build. */
class CmsValidationTest {
  @Test
  void aDefaultValidatorFactoryRefusesWebmailAndTakesAPoliceAddress() {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      Validator validator = factory.getValidator();

      assertThat(emailViolations(validator, "jane@gmail.com"))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.getMessage()).contains("webmail").doesNotContain("jane");
                assertThat(v.getMessageTemplate())
                    .isEqualTo("{org.poltwt.validation.GovernmentEmail.webmail}");
              });
      assertThat(emailViolations(validator, "x@yahoo.co.uk")).hasSize(1);
      assertThat(emailViolations(validator, "jane.doe@kent.police.uk")).isEmpty();
    }
  }

  @Test
  void theCmsPolicyReachesTheConstraintThroughTheDocumentedFactory() {
    GovernmentEmailPolicy policy =
        GovernmentEmailPolicy.builder()
            .allowDomains("police.example.uk")
            .denyDomains("old.police.uk")
            .build();
    try (ValidatorFactory factory = CmsValidation.validatorFactory(policy)) {
      Validator validator = factory.getValidator();

      assertThat(emailViolations(validator, "media@police.example.uk")).isEmpty();
      assertThat(emailViolations(validator, "media@old.police.uk")).hasSize(1);
      assertThat(emailViolations(validator, "jane@gmail.com")).hasSize(1);
      assertThat(validator.validate(new SignupForm("not a handle", "media@police.example.uk")))
          .extracting(v -> v.getPropertyPath().toString())
          .containsExactly("handle");
    }
  }

  private static Set<ConstraintViolation<SignupForm>> emailViolations(
      Validator validator, String email) {
    Set<ConstraintViolation<SignupForm>> all = validator.validate(new SignupForm("PolTwt", email));
    all.removeIf(v -> !v.getPropertyPath().toString().equals("email"));
    return all;
  }
}

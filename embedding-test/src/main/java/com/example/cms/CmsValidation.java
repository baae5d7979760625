package com.example.cms;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.validation.GovernmentEmailValidator;

/** How a CMS without a dependency-injection container gives the constraint its own policy. */
public final class CmsValidation {
  private CmsValidation() {}

  /**
   * The CMS's validator factory: its email policy reaches {@code @GovernmentEmail}.
   *
   * @param policy the policy the CMS's registration service uses too
   * @return the factory; the caller closes it
   */
  public static ValidatorFactory validatorFactory(GovernmentEmailPolicy policy) {
    Configuration<?> config = Validation.byDefaultProvider().configure();
    return config
        .constraintValidatorFactory(
            GovernmentEmailValidator.factory(policy, config.getDefaultConstraintValidatorFactory()))
        .buildValidatorFactory();
  }
}

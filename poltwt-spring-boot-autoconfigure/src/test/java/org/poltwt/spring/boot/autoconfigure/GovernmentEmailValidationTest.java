package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.poltwt.validation.GovernmentEmail;

/** {@code @GovernmentEmail} on an application's own form, validated by Spring's validator. */
class GovernmentEmailValidationTest {
  /** A CMS's sign-up form: review is not enough, the address must be accepted. */
  record Form(@GovernmentEmail(allowReview = false) String email) {}

  @Test
  void theConstraintUsesThePolicyOfTheProperties() {
    Contexts.bare()
        .withPropertyValues("poltwt.email.allow-domains=sheriff-county.org")
        .run(
            context -> {
              Validator validator = context.getBean(Validator.class);
              assertThat(validator.validate(new Form("jane@sheriff-county.org"))).isEmpty();
              assertThat(validator.validate(new Form("jane@gmail.com")))
                  .singleElement()
                  .satisfies(v -> assertThat(v.getPropertyPath()).hasToString("email"));
            });
  }

  @Test
  void withoutTheExtraDomainTheSameAddressIsOnlyForReview() {
    Contexts.bare()
        .run(
            context ->
                assertThat(
                        context
                            .getBean(Validator.class)
                            .validate(new Form("jane@sheriff-county.org")))
                    .hasSize(1));
  }

  @Test
  void springsValidatorUsesTheApplicationsOwnPolicyBean() {
    Contexts.bare()
        .withBean(
            org.poltwt.registration.email.GovernmentEmailPolicy.class,
            () ->
                org.poltwt.registration.email.GovernmentEmailPolicy.builder()
                    .allowDomains("sheriff.example.com")
                    .build())
        .run(
            context ->
                assertThat(
                        context
                            .getBean(Validator.class)
                            .validate(new Form("jane@sheriff.example.com")))
                    .isEmpty());
  }
}

package org.poltwt.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string is an email address that {@link
 * org.poltwt.registration.email.GovernmentEmailPolicy#defaults()} does not reject. Addresses the
 * policy sends to organiser review are valid unless {@link #allowReview()} is false. Null is valid
 * (combine with {@code @NotNull}). The violation's message gives the policy's reason, never the
 * address.
 */
@Documented
@Constraint(validatedBy = GovernmentEmailValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface GovernmentEmail {
  /**
   * The message used when the policy gives no reason, or its key in {@code
   * ValidationMessages.properties}.
   *
   * @return the message template
   */
  String message() default "{org.poltwt.validation.GovernmentEmail.message}";

  /**
   * Whether an address that needs organiser review counts as valid.
   *
   * @return true (the default) to accept addresses pending review
   */
  boolean allowReview() default true;

  /**
   * The validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}

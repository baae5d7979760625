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
 * The annotated string is a Twitter handle, with or without a leading {@code @}: 1 to 15 letters,
 * digits or underscores. Null is valid (combine with {@code @NotNull}). Uses the same rule as
 * {@link org.poltwt.registration.TwitterHandle#of(String)}.
 */
@Documented
@Constraint(validatedBy = TwitterHandleValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface TwitterHandle {
  /**
   * The message, or its key in {@code ValidationMessages.properties}.
   *
   * @return the message template
   */
  String message() default "{org.poltwt.validation.TwitterHandle.message}";

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

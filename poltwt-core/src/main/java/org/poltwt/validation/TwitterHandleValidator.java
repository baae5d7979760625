package org.poltwt.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.poltwt.internal.HandleRule;

/** Checks {@link TwitterHandle} with the model's own rule. */
public final class TwitterHandleValidator
    implements ConstraintValidator<TwitterHandle, CharSequence> {
  /** Creates the validator; Bean Validation providers call this. */
  public TwitterHandleValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || HandleRule.isValid(value.toString());
  }
}

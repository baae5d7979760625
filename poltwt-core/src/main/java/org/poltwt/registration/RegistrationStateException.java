package org.poltwt.registration;

import org.poltwt.PoltwtException;

/**
 * An operation that does not apply to a registration as it stands: approving one that is not
 * pending review, acting on an erased or unknown one.
 */
public final class RegistrationStateException extends PoltwtException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param code {@code registration.not-found} or {@code registration.wrong-state}
   * @param message what was attempted and why it does not apply, free of personal data
   */
  public RegistrationStateException(String code, String message) {
    super(code, message);
  }
}

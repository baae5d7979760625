package org.poltwt.registration;

import org.poltwt.PoltwtException;

/**
 * The handle is already registered for the edition (handles compare case-insensitively). Stores
 * raise it when a concurrent sign-up won the race, so callers never see a raw storage error.
 */
public final class DuplicateRegistrationException extends PoltwtException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of every {@code DuplicateRegistrationException}. */
  public static final String CODE = "registration.duplicate";

  private final int edition;
  private final TwitterHandle handle;

  /**
   * Creates the failure.
   *
   * @param edition the edition's number
   * @param handle the handle already registered
   */
  public DuplicateRegistrationException(int edition, TwitterHandle handle) {
    super(CODE, "handle: " + handle + " is already registered for edition " + edition);
    this.edition = edition;
    this.handle = handle;
  }

  /**
   * Returns the edition's number.
   *
   * @return the edition
   */
  public int edition() {
    return edition;
  }

  /**
   * Returns the handle that is already registered.
   *
   * @return the handle
   */
  public TwitterHandle handle() {
    return handle;
  }
}

package org.poltwt.registration;

import org.poltwt.PoltwtException;

/**
 * A verification token that cannot be used. The three kinds are distinct types so a site can say
 * "this link was already used" rather than "invalid link"; none of them changes anything stored.
 */
public abstract sealed class VerificationException extends PoltwtException
    permits VerificationException.UnknownToken,
        VerificationException.UsedToken,
        VerificationException.ExpiredToken {
  private static final long serialVersionUID = 1L;

  VerificationException(String code, String message) {
    super(code, message);
  }

  /** No token like this was ever issued (or its registration was erased). */
  public static final class UnknownToken extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public UnknownToken() {
      super("verification.unknown-token", "token: unknown");
    }
  }

  /** The token was already used; each token verifies once. */
  public static final class UsedToken extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public UsedToken() {
      super("verification.used-token", "token: already used");
    }
  }

  /** The token expired before it was used. */
  public static final class ExpiredToken extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public ExpiredToken() {
      super("verification.expired-token", "token: expired");
    }
  }
}

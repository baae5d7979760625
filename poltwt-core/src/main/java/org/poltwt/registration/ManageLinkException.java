package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import org.poltwt.PoltwtException;

/**
 * A "manage my registration" link that cannot be used. Nothing is changed when it is thrown; the
 * {@link #reason()} lets a site say why in the visitor's language.
 */
public final class ManageLinkException extends PoltwtException {
  private static final long serialVersionUID = 1L;

  /** Why a link cannot be used. */
  public enum Reason {
    /** Not a link poltwt signed: mistyped, cut short, tampered with, or from another site. */
    INVALID,
    /** A link poltwt signed whose time has run out; every later mail carries a new one. */
    EXPIRED,
    /** The registration was withdrawn, rejected or erased: there is nothing left to manage. */
    CLOSED
  }

  private final Reason reason;

  /**
   * Creates the failure.
   *
   * @param reason why the link cannot be used
   */
  public ManageLinkException(Reason reason) {
    super(
        "manage." + requireNonNull(reason, "reason").name().toLowerCase(java.util.Locale.ROOT),
        "token: " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  /**
   * Why the link cannot be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}

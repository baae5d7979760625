package org.poltwt.calendar;

import static java.util.Objects.requireNonNull;

import org.poltwt.PoltwtException;

/**
 * An invite or feed that cannot be made, with the {@link Reason} beside the message. Messages name
 * the edition's number only, never a handle, name or address.
 */
public final class InviteException extends PoltwtException {
  private static final long serialVersionUID = 1L;

  /** Why no invite could be made; each reason has its own {@link #code()}. */
  public enum Reason {
    /** The edition has no date yet, so there is no window to put in a calendar. */
    NO_DATE("invite.no-date"),
    /** The edition is cancelled: send {@link Invites#cancellation} instead. */
    EDITION_CANCELLED("invite.edition-cancelled"),
    /** The registration's personal data was erased: send {@link Invites#cancellation} instead. */
    ERASED("invite.erased");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /**
     * Returns the machine-readable code of this reason.
     *
     * @return the code, such as {@code invite.no-date}
     */
    public String code() {
      return code;
    }
  }

  private final Reason reason;

  /**
   * Creates the failure.
   *
   * @param reason why no invite could be made
   * @param message what went wrong, free of personal data
   */
  public InviteException(Reason reason, String message) {
    super(requireNonNull(reason, "reason").code(), message);
    this.reason = reason;
  }

  /**
   * Returns why no invite could be made.
   *
   * @return the reason, never null
   */
  public Reason reason() {
    return reason;
  }
}

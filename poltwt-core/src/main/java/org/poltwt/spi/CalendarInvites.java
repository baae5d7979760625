package org.poltwt.spi;

import java.time.Instant;
import java.util.Optional;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;

/**
 * Writes the calendar files poltwt attaches to its mails: a registration's own 24 hours as an
 * invite, and its cancellation. The module {@code poltwt-calendar} implements it with iCalendar
 * ({@code org.poltwt.calendar.Invites#attachments()}); without one, mails go without invites.
 *
 * <p>Calendars replace an event by a later invite of the same UID only when its {@code SEQUENCE} is
 * higher, so every invite of a registration must carry a higher one than the last: callers give
 * {@link #sequenceAt(Instant)} of the moment they write it, which rises with time on every server
 * without a stored counter.
 */
public interface CalendarInvites {
  /**
   * The invite for a registration's own 24 hours, in the registration's language.
   *
   * @param registration the registration
   * @param edition its edition
   * @param sequence higher than that of any invite sent before for this registration
   * @return the file, or empty when there is nothing to put in a calendar (no date yet, a cancelled
   *     edition, an erased registration)
   */
  Optional<Mail.Attachment> invite(Registration registration, Edition edition, int sequence);

  /**
   * The cancellation of a registration's event, for a withdrawn registration or a cancelled or
   * postponed edition.
   *
   * @param registration the registration
   * @param edition its edition
   * @param sequence higher than that of any invite sent before for this registration
   * @return the file, or empty when no invite can have been sent (an erased registration)
   */
  Optional<Mail.Attachment> cancellation(Registration registration, Edition edition, int sequence);

  /**
   * The {@code SEQUENCE} for a file written at an instant: whole minutes since 1970 (which fit an
   * iCalendar integer until the year 6053).
   *
   * @param at when the file is written
   * @return a number that never falls as time goes on
   * @throws IllegalArgumentException if {@code at} is before 1970
   */
  static int sequenceAt(Instant at) {
    long minutes = at.getEpochSecond() / 60;
    if (minutes < 0) {
      throw new IllegalArgumentException("at: must not be before 1970");
    }
    return (int) Math.min(Integer.MAX_VALUE, minutes);
  }
}

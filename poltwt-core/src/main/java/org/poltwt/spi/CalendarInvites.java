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
   * The {@code SEQUENCE} for a file written at an instant: whole seconds since 2000-01-01 UTC, so
   * that even two changes in the same minute give the later file the higher number. It fits the
   * signed 32-bit integer of iCalendar until 2068.
   *
   * @param at when the file is written
   * @return a number that never falls as time goes on
   * @throws IllegalArgumentException if {@code at} is before 2000 or after the range
   */
  static int sequenceAt(Instant at) {
    long seconds = at.getEpochSecond() - SEQUENCE_EPOCH;
    if (seconds < 0 || seconds > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("at: must be between 2000 and 2068, was " + at);
    }
    return (int) seconds;
  }

  /** 2000-01-01T00:00:00Z in epoch seconds: where {@link #sequenceAt} counts from. */
  long SEQUENCE_EPOCH = 946_684_800L;
}

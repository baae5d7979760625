package org.poltwt.announcement;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionDateInPastException;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.Schedule;
import org.poltwt.spi.EditionStore;

/**
 * Creates and changes editions. A change to an edition's date, local start time, window policy or
 * status announces itself: every registrant is mailed their old and new window in their own zone.
 * Verification links sent before the change stay valid.
 *
 * <p>An edition is never moved into the past: a new date or start time whose global span (which
 * opens in the earliest time zone) has already begun is refused with {@link
 * EditionDateInPastException}, before anything is stored or mailed.
 *
 * <p>Who gets a schedule-change mail: every registrant who has not withdrawn or unsubscribed. Those
 * whose address is verified (verified and pending-review registrations) read that their
 * registration stays as it is; those who have not confirmed their address yet read the new window
 * and that they must confirm their address first, and are never told their address is verified.
 */
public interface EditionService {
  /**
   * Stores a new edition.
   *
   * @param edition the edition
   * @return the edition
   * @throws InvalidEditionException (field {@code number}) if an edition with its number exists
   */
  Edition create(Edition edition);

  /**
   * Stores a changed edition and, if its schedule changed, announces the change to all its
   * registrants.
   *
   * @param changed the edition with its new values (same number as a stored edition)
   * @return the announcement sent, or empty if the schedule did not change
   * @throws InvalidEditionException (field {@code number}) if no edition has its number
   * @throws EditionDateInPastException if the date or start time changed to one that has already
   *     begun in the earliest zone (see {@link #requireNotPast})
   */
  Optional<Announcement> change(Edition changed);

  /**
   * Moves an edition to a new date (and keeps its start time), announcing it.
   *
   * @param number the edition's number
   * @param date the new date
   * @return the announcement sent, or empty if the date did not change
   * @throws EditionDateInPastException if the edition would already have begun
   */
  Optional<Announcement> reschedule(int number, LocalDate date);

  /**
   * Moves an edition to a new date and local start time, announcing it.
   *
   * @param number the edition's number
   * @param date the new date
   * @param localStart the new local start time
   * @return the announcement sent, or empty if nothing changed
   * @throws EditionDateInPastException if the edition would already have begun
   */
  Optional<Announcement> reschedule(int number, LocalDate date, LocalTime localStart);

  /**
   * Postpones an edition to a date to be decided, announcing it.
   *
   * @param number the edition's number
   * @return the announcement sent, or empty if it was already to be decided
   */
  Optional<Announcement> postpone(int number);

  /**
   * Cancels an edition, announcing it.
   *
   * @param number the edition's number
   * @return the announcement sent, or empty if it was already cancelled
   */
  Optional<Announcement> cancel(int number);

  /**
   * The rule against moving an edition into the past, for callers that ask before they change (a
   * confirmation page): a change of date or local start time is refused when the changed edition's
   * global span starts at or before {@code now}. Other changes (postponing, cancelling, a new
   * theme) always pass, whatever the date.
   *
   * @param before the edition as stored
   * @param after the edition as it would be
   * @param now the present moment
   * @throws EditionDateInPastException if the change moves the edition into the past
   */
  static void requireNotPast(Edition before, Edition after, Instant now) {
    boolean moved =
        !before.date().equals(after.date()) || !before.localStart().equals(after.localStart());
    if (moved
        && after.date().isPresent()
        && after.status() == EditionStatus.SCHEDULED
        && !Schedule.of(after).globalSpan().start().isAfter(now)) {
      throw new EditionDateInPastException();
    }
  }

  /**
   * Creates the service, with the system clock for the rule against past dates.
   *
   * @param editions where editions are kept
   * @param announcements how changes are announced
   * @return the service
   */
  static EditionService of(EditionStore editions, AnnouncementService announcements) {
    return of(editions, announcements, Clock.systemUTC());
  }

  /**
   * Creates the service.
   *
   * @param editions where editions are kept
   * @param announcements how changes are announced
   * @param clock what "now" is, for the rule against past dates ({@link #requireNotPast})
   * @return the service
   */
  static EditionService of(EditionStore editions, AnnouncementService announcements, Clock clock) {
    requireNonNull(editions, "editions");
    requireNonNull(announcements, "announcements");
    requireNonNull(clock, "clock");
    return new EditionService() {
      @Override
      public Edition create(Edition edition) {
        requireNonNull(edition, "edition");
        if (editions.find(edition.number()).isPresent()) {
          throw new InvalidEditionException(
              "number", "edition " + edition.number() + " already exists");
        }
        editions.save(edition);
        return edition;
      }

      @Override
      public Optional<Announcement> change(Edition changed) {
        requireNonNull(changed, "changed");
        Edition before = stored(changed.number());
        requireNotPast(before, changed, clock.instant());
        editions.save(changed);
        boolean scheduleChanged =
            !before.date().equals(changed.date())
                || !before.localStart().equals(changed.localStart())
                || before.windowPolicy() != changed.windowPolicy()
                || before.status() != changed.status();
        if (!scheduleChanged) {
          return Optional.empty();
        }
        Announcement a = announcements.draftScheduleChange(before, changed);
        announcements.send(a);
        return Optional.of(a);
      }

      @Override
      public Optional<Announcement> reschedule(int number, LocalDate date) {
        return reschedule(number, date, stored(number).localStart());
      }

      @Override
      public Optional<Announcement> reschedule(int number, LocalDate date, LocalTime localStart) {
        requireNonNull(date, "date");
        requireNonNull(localStart, "localStart");
        return change(
            stored(number).toBuilder()
                .status(EditionStatus.SCHEDULED)
                .date(date)
                .localStart(localStart)
                .build());
      }

      @Override
      public Optional<Announcement> postpone(int number) {
        return change(stored(number).toBuilder().status(EditionStatus.DATE_TBD).date(null).build());
      }

      @Override
      public Optional<Announcement> cancel(int number) {
        return change(stored(number).toBuilder().status(EditionStatus.CANCELLED).build());
      }

      private Edition stored(int number) {
        return editions
            .find(number)
            .orElseThrow(
                () -> new InvalidEditionException("number", "no edition " + number + " exists"));
      }
    };
  }
}

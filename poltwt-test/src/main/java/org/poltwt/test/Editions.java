package org.poltwt.test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.WindowPolicy;

/**
 * Builds editions for tests. Edition {@code n} is dated the first Friday of June of {@code 2012 +
 * n} unless a test says otherwise.
 */
public final class Editions {
  private Editions() {}

  /**
   * Returns the date fixtures give an edition.
   *
   * @param number the edition's number
   * @return the first Friday of June of {@code 2012 + number}
   */
  public static LocalDate dateOf(int number) {
    LocalDate june = LocalDate.of(2012 + number, 6, 1);
    return june.plusDays((DayOfWeek.FRIDAY.getValue() - june.getDayOfWeek().getValue() + 7) % 7);
  }

  /**
   * Starts a scheduled edition with the default hashtag, start time and window policy.
   *
   * @param number the edition's number
   * @return a builder
   */
  public static Edition.Builder scheduledBuilder(int number) {
    return Edition.builder().number(number).status(EditionStatus.SCHEDULED).date(dateOf(number));
  }

  /**
   * A scheduled edition; see {@link #scheduledBuilder(int)}.
   *
   * @param number the edition's number
   * @return the edition
   */
  public static Edition scheduled(int number) {
    return scheduledBuilder(number).build();
  }

  /**
   * An announced edition whose date is to be decided: no date.
   *
   * @param number the edition's number
   * @return the edition
   */
  public static Edition dateTbd(int number) {
    return Edition.builder().number(number).status(EditionStatus.DATE_TBD).build();
  }

  /**
   * A completed edition with every value away from its default: its own hashtag, two themes (one
   * with a non-ASCII letter), an 08:00 start and 24 elapsed hours per window.
   *
   * @param number the edition's number
   * @return the edition
   */
  public static Edition complete(int number) {
    return scheduledBuilder(number)
        .status(EditionStatus.COMPLETED)
        .hashtag("GlobalPolTwt")
        .themes("TimeToUnify", "PolicíaCercana")
        .localStart(LocalTime.of(8, 0))
        .windowPolicy(WindowPolicy.ELAPSED_24_HOURS)
        .build();
  }
}

package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.poltwt.spi.LegalHold;

/**
 * When one edition's personal data goes, and how much: what {@link Retention#due(Instant)} tells
 * organisers before the job erases it.
 *
 * @param edition the edition's number
 * @param spanEnd when the edition's global span ends (the last zone's 24 hours)
 * @param period how long after that the data is kept: the edition's own period or the default
 * @param ownPeriod whether the period is the edition's own rather than the deployment's default
 * @param erasesAt when the retention job erases it: {@code spanEnd} plus {@code period}
 * @param passed whether {@code erasesAt} had come at the instant asked about
 * @param toErase how many registrations still hold personal data and are not on hold: what the next
 *     run at or after {@code erasesAt} erases
 * @param erased how many of the edition's registrations are erased already
 * @param holds the legal holds on the edition's registrations, oldest first
 */
public record RetentionDue(
    int edition,
    Instant spanEnd,
    Duration period,
    boolean ownPeriod,
    Instant erasesAt,
    boolean passed,
    long toErase,
    long erased,
    List<LegalHold> holds) {

  /**
   * Validates the entry.
   *
   * @param edition the edition's number
   * @param spanEnd when its global span ends
   * @param period the retention period
   * @param ownPeriod whether the period is the edition's own
   * @param erasesAt when its data goes
   * @param passed whether that time had come
   * @param toErase registrations still to erase, at least 0
   * @param erased registrations erased, at least 0
   * @param holds its legal holds
   */
  public RetentionDue {
    requireNonNull(spanEnd, "spanEnd");
    requireNonNull(period, "period");
    requireNonNull(erasesAt, "erasesAt");
    holds = List.copyOf(requireNonNull(holds, "holds"));
    if (toErase < 0 || erased < 0) {
      throw new IllegalArgumentException("toErase, erased: must not be negative");
    }
  }
}

package org.poltwt.registration;

/**
 * What one run of the retention job did: counts only, never who. Each count is what this run
 * changed itself, so two instances running at once report, between them, each erasure once.
 *
 * @param editionsDue how many editions were past their retention date
 * @param registrationsErased how many registrations this run erased
 * @param tokensDeleted how many verification tokens this run deleted
 * @param outboxRowsDeleted how many outbox entries, unsubscribe tokens and unsubscriptions this run
 *     deleted
 * @param held how many registrations of due editions were kept because of a legal hold
 */
public record RetentionReport(
    int editionsDue,
    long registrationsErased,
    long tokensDeleted,
    long outboxRowsDeleted,
    long held) {

  /**
   * Validates the counts.
   *
   * @param editionsDue editions past their date
   * @param registrationsErased registrations erased
   * @param tokensDeleted tokens deleted
   * @param outboxRowsDeleted outbox rows deleted
   * @param held registrations kept on hold
   * @throws IllegalArgumentException if a count is negative
   */
  public RetentionReport {
    if (editionsDue < 0
        || registrationsErased < 0
        || tokensDeleted < 0
        || outboxRowsDeleted < 0
        || held < 0) {
      throw new IllegalArgumentException("counts: must not be negative");
    }
  }
}

package org.poltwt.announcement;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the delivery of one announcement stands, per recipient.
 *
 * @param announcementId the announcement
 * @param sent how many recipients were sent their mail (once each)
 * @param pending the recipients still to be sent, waiting for their next attempt
 * @param failed the recipients whose every attempt failed; they will not be retried
 * @param skipped how many recipients were left out because they withdrew, were erased or
 *     unsubscribed before delivery
 * @param nextAttemptAt when the earliest pending recipient is due, if any is pending
 */
public record DeliveryReport(
    UUID announcementId,
    int sent,
    List<UUID> pending,
    List<UUID> failed,
    int skipped,
    Optional<Instant> nextAttemptAt) {

  /**
   * Validates the report.
   *
   * @param announcementId the announcement
   * @param sent how many were sent
   * @param pending registrations still pending
   * @param failed registrations that failed for good
   * @param skipped how many were skipped
   * @param nextAttemptAt the earliest due time of a pending recipient
   */
  public DeliveryReport {
    requireNonNull(announcementId, "announcementId");
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
    requireNonNull(nextAttemptAt, "nextAttemptAt");
  }

  /**
   * Whether nothing is left to do: every recipient was sent, skipped or failed for good.
   *
   * @return true if no recipient is pending
   */
  public boolean finished() {
    return pending.isEmpty();
  }

  /**
   * The number of recipients.
   *
   * @return sent, pending, failed and skipped together
   */
  public int recipients() {
    return sent + pending.size() + failed.size() + skipped;
  }
}

package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One recipient of one announcement, on its way out. Holds ids only: the address and the text are
 * looked up and rendered at delivery, so the outbox keeps no personal data of its own.
 *
 * @param announcementId the announcement
 * @param registrationId the recipient's registration
 * @param status where delivery stands
 * @param attempts how many deliveries were tried
 * @param nextAttemptAt when a pending entry is next due
 * @param sentAt when the mail was handed to the mailer
 * @param lastError the code of the last failure, never its message
 */
public record OutboxEntry(
    UUID announcementId,
    UUID registrationId,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    Optional<Instant> sentAt,
    Optional<String> lastError) {

  /** Where one delivery stands. */
  public enum Status {
    /** Not sent yet; due at {@code nextAttemptAt}. */
    PENDING,
    /** Handed to the mailer once. */
    SENT,
    /** Every attempt failed; reported, not retried. */
    FAILED,
    /** Not sent because the recipient withdrew, was erased or unsubscribed before delivery. */
    SKIPPED
  }

  /**
   * Validates the entry.
   *
   * @param announcementId the announcement
   * @param registrationId the recipient's registration
   * @param status where delivery stands
   * @param attempts at least 0
   * @param nextAttemptAt when a pending entry is next due
   * @param sentAt present exactly when sent
   * @param lastError the last failure's code
   */
  public OutboxEntry {
    requireNonNull(announcementId, "announcementId");
    requireNonNull(registrationId, "registrationId");
    requireNonNull(status, "status");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(sentAt, "sentAt");
    requireNonNull(lastError, "lastError");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts: must not be negative");
    }
    if ((status == Status.SENT) != sentAt.isPresent()) {
      throw new IllegalArgumentException("sentAt: must be present exactly when the status is SENT");
    }
  }

  /**
   * A new entry, due at once.
   *
   * @param announcementId the announcement
   * @param registrationId the recipient
   * @param now when it is enqueued
   * @return the pending entry
   */
  public static OutboxEntry pending(UUID announcementId, UUID registrationId, Instant now) {
    return new OutboxEntry(
        announcementId, registrationId, Status.PENDING, 0, now, Optional.empty(), Optional.empty());
  }
}

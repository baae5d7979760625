package org.poltwt.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.announcement.Announcement;

/**
 * Keeps announcements, their outbox (one entry per announcement and recipient), unsubscribe tokens
 * and unsubscriptions. State changes are compare-and-set, so several application instances can
 * deliver from one store without sending a message twice. Implementations are thread-safe.
 */
public interface OutboxStore {
  /**
   * Stores an announcement; storing the same id again is a no-op.
   *
   * @param announcement the announcement
   */
  void saveAnnouncement(Announcement announcement);

  /**
   * Finds an announcement.
   *
   * @param id its id
   * @return the announcement, or empty
   */
  Optional<Announcement> findAnnouncement(UUID id);

  /**
   * Lists an edition's announcements.
   *
   * @param edition the edition's number
   * @return its announcements, oldest first
   */
  List<Announcement> announcements(int edition);

  /**
   * Adds a pending entry for each recipient that has none yet for this announcement.
   *
   * @param announcementId the announcement, already saved
   * @param registrationIds the recipients
   * @param now when they are enqueued (and first due)
   * @return how many entries were added
   */
  int enqueue(UUID announcementId, Collection<UUID> registrationIds, Instant now);

  /**
   * Lists pending entries due at an instant, oldest due first.
   *
   * @param announcementId the announcement
   * @param now the instant
   * @param limit the most to return, at least 1
   * @return the due entries
   */
  List<OutboxEntry> due(UUID announcementId, Instant now, int limit);

  /**
   * Lists every entry of an announcement, in enqueue order.
   *
   * @param announcementId the announcement
   * @return its entries
   */
  List<OutboxEntry> entries(UUID announcementId);

  /**
   * Replaces a pending entry by its next state, only if it is still exactly {@code expected}. Of
   * concurrent calls with the same expected entry, at most one succeeds.
   *
   * @param expected the entry as read
   * @param next its next state (same announcement and registration)
   * @return true if the entry was replaced
   */
  boolean transition(OutboxEntry expected, OutboxEntry next);

  /**
   * Deletes every entry, unsubscribe token and unsubscription of a registration (when it is
   * erased).
   *
   * @param registrationId the registration
   * @return how many rows were deleted
   */
  int deleteFor(UUID registrationId);

  /**
   * Stores an unsubscribe token's hash for a registration.
   *
   * @param hash the token's SHA-256 hash, lower-case hex
   * @param registrationId the registration it unsubscribes
   */
  void saveUnsubscribeToken(String hash, UUID registrationId);

  /**
   * Finds the registration an unsubscribe token belongs to.
   *
   * @param hash the token's hash
   * @return the registration's id, or empty
   */
  Optional<UUID> findUnsubscribeToken(String hash);

  /**
   * Records that a registration wants no more announcements; repeating it is a no-op.
   *
   * @param registrationId the registration
   * @param at when
   */
  void unsubscribe(UUID registrationId, Instant at);

  /**
   * Whether a registration unsubscribed.
   *
   * @param registrationId the registration
   * @return true if it did
   */
  boolean isUnsubscribed(UUID registrationId);
}

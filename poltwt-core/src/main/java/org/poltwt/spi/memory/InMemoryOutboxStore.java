package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.announcement.Announcement;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.OutboxStore;

/**
 * An {@link OutboxStore} in memory, for tests and small embeddings. Thread-safe: one lock guards
 * all.
 */
public final class InMemoryOutboxStore implements OutboxStore {
  private final Map<UUID, Announcement> announcements = new LinkedHashMap<>();

  /** Entries per announcement, by registration id, in enqueue order. */
  private final Map<UUID, LinkedHashMap<UUID, OutboxEntry>> entries = new HashMap<>();

  private final Map<String, UUID> unsubscribeTokens = new HashMap<>();
  private final Map<UUID, Instant> unsubscribed = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryOutboxStore() {}

  @Override
  public synchronized void saveAnnouncement(Announcement announcement) {
    requireNonNull(announcement, "announcement");
    announcements.putIfAbsent(announcement.id(), announcement);
  }

  @Override
  public synchronized Optional<Announcement> findAnnouncement(UUID id) {
    return Optional.ofNullable(announcements.get(requireNonNull(id, "id")));
  }

  @Override
  public synchronized List<Announcement> announcements(int edition) {
    List<Announcement> out = new ArrayList<>();
    for (Announcement a : announcements.values()) {
      if (a.edition().number() == edition) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Announcement::createdAt));
    return out;
  }

  @Override
  public synchronized int enqueue(
      UUID announcementId, Collection<UUID> registrationIds, Instant now) {
    requireNonNull(now, "now");
    if (!announcements.containsKey(requireNonNull(announcementId, "announcementId"))) {
      throw new IllegalStateException("announcementId: no such announcement is saved");
    }
    Map<UUID, OutboxEntry> mine =
        entries.computeIfAbsent(announcementId, k -> new LinkedHashMap<>());
    int added = 0;
    for (UUID r : registrationIds) {
      if (mine.putIfAbsent(
              requireNonNull(r, "registrationId"), OutboxEntry.pending(announcementId, r, now))
          == null) {
        added++;
      }
    }
    return added;
  }

  @Override
  public synchronized List<OutboxEntry> due(UUID announcementId, Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1");
    }
    List<OutboxEntry> due = new ArrayList<>();
    for (OutboxEntry e : entries.getOrDefault(announcementId, new LinkedHashMap<>()).values()) {
      if (e.status() == OutboxEntry.Status.PENDING && !e.nextAttemptAt().isAfter(now)) {
        due.add(e);
      }
    }
    due.sort(Comparator.comparing(OutboxEntry::nextAttemptAt));
    return List.copyOf(due.subList(0, Math.min(limit, due.size())));
  }

  @Override
  public synchronized List<OutboxEntry> entries(UUID announcementId) {
    return List.copyOf(entries.getOrDefault(announcementId, new LinkedHashMap<>()).values());
  }

  @Override
  public synchronized boolean transition(OutboxEntry expected, OutboxEntry next) {
    requireNonNull(expected, "expected");
    requireNonNull(next, "next");
    if (!expected.announcementId().equals(next.announcementId())
        || !expected.registrationId().equals(next.registrationId())) {
      throw new IllegalArgumentException("next: must be the same announcement and registration");
    }
    Map<UUID, OutboxEntry> mine = entries.get(expected.announcementId());
    if (mine == null || !expected.equals(mine.get(expected.registrationId()))) {
      return false;
    }
    mine.put(next.registrationId(), next);
    return true;
  }

  @Override
  public synchronized int deleteFor(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    int deleted = 0;
    for (Map<UUID, OutboxEntry> mine : entries.values()) {
      if (mine.remove(registrationId) != null) {
        deleted++;
      }
    }
    int before = unsubscribeTokens.size();
    unsubscribeTokens.values().removeIf(registrationId::equals);
    deleted += before - unsubscribeTokens.size();
    if (unsubscribed.remove(registrationId) != null) {
      deleted++;
    }
    return deleted;
  }

  @Override
  public synchronized void saveUnsubscribeToken(String hash, UUID registrationId) {
    requireNonNull(hash, "hash");
    requireNonNull(registrationId, "registrationId");
    if (unsubscribeTokens.putIfAbsent(hash, registrationId) != null) {
      throw new IllegalStateException("hash: a token with this hash exists");
    }
  }

  @Override
  public synchronized Optional<UUID> findUnsubscribeToken(String hash) {
    return Optional.ofNullable(unsubscribeTokens.get(requireNonNull(hash, "hash")));
  }

  @Override
  public synchronized void unsubscribe(UUID registrationId, Instant at) {
    unsubscribed.putIfAbsent(
        requireNonNull(registrationId, "registrationId"), requireNonNull(at, "at"));
  }

  @Override
  public synchronized boolean isUnsubscribed(UUID registrationId) {
    return unsubscribed.containsKey(requireNonNull(registrationId, "registrationId"));
  }
}

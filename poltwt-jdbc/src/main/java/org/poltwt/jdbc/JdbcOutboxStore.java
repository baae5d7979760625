package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.event.Edition;
import org.poltwt.json.PoltwtModule;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.OutboxStore;

/**
 * An {@link OutboxStore} on the {@code announcement}, {@code outbox_entry}, {@code
 * unsubscribe_token} and {@code unsubscription} tables. An announcement keeps its edition (and the
 * edition before a change) as JSON written by {@link PoltwtModule}, a snapshot that later changes
 * to the edition do not touch. {@link #transition(OutboxEntry, OutboxEntry)} is one conditional
 * {@code UPDATE} on every value of the expected entry, so of concurrent claims exactly one wins.
 */
final class JdbcOutboxStore implements OutboxStore {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new PoltwtModule());
  private static final int MAX_ENQUEUE_TRIES = 3;

  private final Jdbc jdbc;
  private final String insertAnnouncement;
  private final String selectAnnouncement;
  private final String selectAnnouncements;
  private final String announcementExists;
  private final String enqueuedIds;
  private final String insertEntry;
  private final String selectDue;
  private final String selectEntries;
  private final String deleteEntries;
  private final String deleteUnsubscribeTokens;
  private final String deleteUnsubscription;
  private final String insertUnsubscribeToken;
  private final String selectUnsubscribeToken;
  private final String insertUnsubscription;
  private final String selectUnsubscription;
  private final String transitionPrefix;

  JdbcOutboxStore(Jdbc jdbc, Tables t) {
    this.jdbc = jdbc;
    String announcementColumns =
        "id, edition_number, edition_json, previous_edition_json, subject, body,"
            + " audience_statuses, audience_account_type, audience_country, audience_zone, audience_participation_model,"
            + " created_at";
    insertAnnouncement =
        "INSERT INTO "
            + t.announcement
            + " ("
            + announcementColumns
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    selectAnnouncement =
        "SELECT " + announcementColumns + " FROM " + t.announcement + " WHERE id = ?";
    selectAnnouncements =
        "SELECT "
            + announcementColumns
            + " FROM "
            + t.announcement
            + " WHERE edition_number = ? ORDER BY created_at, id";
    announcementExists = "SELECT 1 FROM " + t.announcement + " WHERE id = ?";
    String entryColumns =
        "announcement_id, registration_id, status, attempts, next_attempt_at, sent_at, last_error";
    enqueuedIds = "SELECT registration_id FROM " + t.outboxEntry + " WHERE announcement_id = ?";
    insertEntry =
        "INSERT INTO " + t.outboxEntry + " (" + entryColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    selectDue =
        "SELECT "
            + entryColumns
            + " FROM "
            + t.outboxEntry
            + " WHERE announcement_id = ? AND status = ? AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, enqueue_order FETCH FIRST ? ROWS ONLY";
    selectEntries =
        "SELECT "
            + entryColumns
            + " FROM "
            + t.outboxEntry
            + " WHERE announcement_id = ? ORDER BY enqueue_order";
    deleteEntries = "DELETE FROM " + t.outboxEntry + " WHERE registration_id = ?";
    deleteUnsubscribeTokens = "DELETE FROM " + t.unsubscribeToken + " WHERE registration_id = ?";
    deleteUnsubscription = "DELETE FROM " + t.unsubscription + " WHERE registration_id = ?";
    insertUnsubscribeToken =
        "INSERT INTO " + t.unsubscribeToken + " (token_hash, registration_id) VALUES (?, ?)";
    selectUnsubscribeToken =
        "SELECT registration_id FROM " + t.unsubscribeToken + " WHERE token_hash = ?";
    insertUnsubscription =
        "INSERT INTO " + t.unsubscription + " (registration_id, unsubscribed_at) VALUES (?, ?)";
    selectUnsubscription = "SELECT 1 FROM " + t.unsubscription + " WHERE registration_id = ?";
    transitionPrefix =
        "UPDATE "
            + t.outboxEntry
            + " SET status = ?, attempts = ?, next_attempt_at = ?, sent_at = ?, last_error = ?"
            + " WHERE announcement_id = ? AND registration_id = ? AND status = ? AND attempts = ? AND next_attempt_at = ?";
  }

  // ------------------------------------------------------------------ announcements

  @Override
  public void saveAnnouncement(Announcement a) {
    requireNonNull(a, "announcement");
    String edition = toJson(a.edition());
    String previous = a.previousEdition().map(JdbcOutboxStore::toJson).orElse(null);
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insertAnnouncement)) {
              Jdbc.setUuid(ps, 1, a.id());
              ps.setInt(2, a.edition().number());
              ps.setString(3, edition);
              Jdbc.setString(ps, 4, Optional.ofNullable(previous));
              ps.setString(5, a.subject());
              ps.setString(6, a.body());
              Audience audience = a.audience();
              ps.setString(
                  7,
                  audience.statuses().stream()
                      .map(Enum::name)
                      .sorted()
                      .collect(Collectors.joining(",")));
              Jdbc.setString(ps, 8, audience.accountType().map(Enum::name));
              Jdbc.setString(ps, 9, audience.country());
              Jdbc.setString(ps, 10, audience.zone().map(ZoneId::getId));
              Jdbc.setString(ps, 11, audience.participationModel().map(Enum::name));
              Jdbc.setInstant(ps, 12, a.createdAt());
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return; // saved before: announcements do not change
      }
      throw SqlFailures.failure("saving announcement " + a.id(), e);
    }
  }

  @Override
  public Optional<Announcement> findAnnouncement(UUID id) {
    requireNonNull(id, "id");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectAnnouncement)) {
              Jdbc.setUuid(ps, 1, id);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? Optional.of(readAnnouncement(rs))
                    : Optional.<Announcement>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding announcement " + id, e);
    }
  }

  @Override
  public List<Announcement> announcements(int edition) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectAnnouncements)) {
              ps.setInt(1, edition);
              List<Announcement> out = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(readAnnouncement(rs));
                }
              }
              return List.copyOf(out);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("listing the announcements of edition " + edition, e);
    }
  }

  private static Announcement readAnnouncement(ResultSet rs) throws SQLException {
    UUID id = Jdbc.getUuid(rs, "id");
    Set<RegistrationStatus> statuses = EnumSet.noneOf(RegistrationStatus.class);
    for (String s : rs.getString("audience_statuses").split(",")) {
      statuses.add(RegistrationStatus.valueOf(s));
    }
    Audience audience =
        new Audience(
            statuses,
            Jdbc.getOptionalString(rs, "audience_account_type").map(AccountType::valueOf),
            Jdbc.getOptionalString(rs, "audience_country"),
            Jdbc.getOptionalString(rs, "audience_zone").map(ZoneId::of),
            Jdbc.getOptionalString(rs, "audience_participation_model")
                .map(ParticipationModel::valueOf));
    return new Announcement(
        id,
        fromJson(id, rs.getString("edition_json")),
        Jdbc.getOptionalString(rs, "previous_edition_json").map(json -> fromJson(id, json)),
        rs.getString("subject"),
        rs.getString("body"),
        audience,
        Jdbc.getInstant(rs, "created_at"));
  }

  private static String toJson(Edition e) {
    try {
      return JSON.writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      throw new PoltwtException(
          JdbcStores.FAILURE_CODE, "edition " + e.number() + " could not be written as JSON", ex);
    }
  }

  private static Edition fromJson(UUID announcementId, String json) {
    try {
      return JSON.readValue(json, Edition.class);
    } catch (JsonProcessingException ex) {
      throw new PoltwtException(
          JdbcStores.FAILURE_CODE,
          "the edition of announcement " + announcementId + " could not be read",
          ex);
    }
  }

  // ------------------------------------------------------------------ entries

  @Override
  public int enqueue(UUID announcementId, Collection<UUID> registrationIds, Instant now) {
    requireNonNull(announcementId, "announcementId");
    requireNonNull(registrationIds, "registrationIds");
    requireNonNull(now, "now");
    Set<UUID> wanted = new LinkedHashSet<>();
    for (UUID r : registrationIds) {
      wanted.add(requireNonNull(r, "registrationId"));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbc.inTransaction(c -> enqueue(c, announcementId, wanted, now));
      } catch (SQLException e) {
        if (SqlFailures.isUniqueViolation(e) && attempt < MAX_ENQUEUE_TRIES) {
          continue; // another instance enqueued some of them meanwhile: look again
        }
        if (SqlFailures.isForeignKeyViolation(e)) {
          throw new IllegalStateException(
              "registrationIds: include a registration that is not stored");
        }
        throw SqlFailures.failure("enqueuing announcement " + announcementId, e);
      }
    }
  }

  private int enqueue(Connection c, UUID announcementId, Set<UUID> wanted, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(announcementExists)) {
      Jdbc.setUuid(ps, 1, announcementId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("announcementId: no such announcement is saved");
        }
      }
    }
    Set<UUID> present = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(enqueuedIds)) {
      Jdbc.setUuid(ps, 1, announcementId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          present.add(Jdbc.getUuid(rs, "registration_id"));
        }
      }
    }
    int added = 0;
    try (PreparedStatement ps = c.prepareStatement(insertEntry)) {
      for (UUID r : wanted) {
        if (!present.contains(r)) {
          bindEntry(ps, OutboxEntry.pending(announcementId, r, now));
          ps.addBatch();
          added++;
        }
      }
      if (added > 0) {
        ps.executeBatch();
      }
    }
    return added;
  }

  private static void bindEntry(PreparedStatement ps, OutboxEntry e) throws SQLException {
    Jdbc.setUuid(ps, 1, e.announcementId());
    Jdbc.setUuid(ps, 2, e.registrationId());
    ps.setString(3, e.status().name());
    ps.setInt(4, e.attempts());
    Jdbc.setInstant(ps, 5, e.nextAttemptAt());
    Jdbc.setInstant(ps, 6, e.sentAt());
    Jdbc.setString(ps, 7, e.lastError());
  }

  @Override
  public List<OutboxEntry> due(UUID announcementId, Instant now, int limit) {
    requireNonNull(announcementId, "announcementId");
    requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1");
    }
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectDue)) {
              Jdbc.setUuid(ps, 1, announcementId);
              ps.setString(2, OutboxEntry.Status.PENDING.name());
              Jdbc.setInstant(ps, 3, now);
              ps.setInt(4, limit);
              return readEntries(ps);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("listing due entries of announcement " + announcementId, e);
    }
  }

  @Override
  public List<OutboxEntry> entries(UUID announcementId) {
    requireNonNull(announcementId, "announcementId");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectEntries)) {
              Jdbc.setUuid(ps, 1, announcementId);
              return readEntries(ps);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("listing entries of announcement " + announcementId, e);
    }
  }

  private static List<OutboxEntry> readEntries(PreparedStatement ps) throws SQLException {
    List<OutboxEntry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new OutboxEntry(
                Jdbc.getUuid(rs, "announcement_id"),
                Jdbc.getUuid(rs, "registration_id"),
                OutboxEntry.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Jdbc.getInstant(rs, "next_attempt_at"),
                Jdbc.getOptionalInstant(rs, "sent_at"),
                Jdbc.getOptionalString(rs, "last_error")));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean transition(OutboxEntry expected, OutboxEntry next) {
    requireNonNull(expected, "expected");
    requireNonNull(next, "next");
    if (!expected.announcementId().equals(next.announcementId())
        || !expected.registrationId().equals(next.registrationId())) {
      throw new IllegalArgumentException("next: must be the same announcement and registration");
    }
    String sql =
        transitionPrefix
            + (expected.sentAt().isPresent() ? " AND sent_at = ?" : " AND sent_at IS NULL")
            + (expected.lastError().isPresent()
                ? " AND last_error = ?"
                : " AND last_error IS NULL");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, next.status().name());
              ps.setInt(2, next.attempts());
              Jdbc.setInstant(ps, 3, next.nextAttemptAt());
              Jdbc.setInstant(ps, 4, next.sentAt());
              Jdbc.setString(ps, 5, next.lastError());
              Jdbc.setUuid(ps, 6, expected.announcementId());
              Jdbc.setUuid(ps, 7, expected.registrationId());
              ps.setString(8, expected.status().name());
              ps.setInt(9, expected.attempts());
              Jdbc.setInstant(ps, 10, expected.nextAttemptAt());
              int i = 11;
              if (expected.sentAt().isPresent()) {
                Jdbc.setInstant(ps, i++, expected.sentAt().get());
              }
              if (expected.lastError().isPresent()) {
                ps.setString(i, expected.lastError().get());
              }
              return ps.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure(
          "changing an entry of announcement " + expected.announcementId(), e);
    }
  }

  @Override
  public int deleteFor(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    try {
      return jdbc.inTransaction(
          c -> {
            int deleted = 0;
            for (String sql :
                List.of(deleteEntries, deleteUnsubscribeTokens, deleteUnsubscription)) {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setUuid(ps, 1, registrationId);
                deleted += ps.executeUpdate();
              }
            }
            return deleted;
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("deleting the outbox rows of registration " + registrationId, e);
    }
  }

  // ------------------------------------------------------------------ unsubscribing

  @Override
  public void saveUnsubscribeToken(String hash, UUID registrationId) {
    requireNonNull(hash, "hash");
    requireNonNull(registrationId, "registrationId");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insertUnsubscribeToken)) {
              ps.setString(1, hash);
              Jdbc.setUuid(ps, 2, registrationId);
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new IllegalStateException("hash: a token with this hash exists");
      }
      if (SqlFailures.isForeignKeyViolation(e)) {
        throw new IllegalStateException(
            "registrationId: no registration " + registrationId + " is stored");
      }
      throw SqlFailures.failure("saving an unsubscribe token of registration " + registrationId, e);
    }
  }

  @Override
  public Optional<UUID> findUnsubscribeToken(String hash) {
    requireNonNull(hash, "hash");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectUnsubscribeToken)) {
              ps.setString(1, hash);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? Optional.of(Jdbc.getUuid(rs, "registration_id"))
                    : Optional.<UUID>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding an unsubscribe token", e);
    }
  }

  @Override
  public void unsubscribe(UUID registrationId, Instant at) {
    requireNonNull(registrationId, "registrationId");
    requireNonNull(at, "at");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insertUnsubscription)) {
              Jdbc.setUuid(ps, 1, registrationId);
              Jdbc.setInstant(ps, 2, at);
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return; // unsubscribed before: the first instant stands
      }
      if (SqlFailures.isForeignKeyViolation(e)) {
        throw new IllegalStateException(
            "registrationId: no registration " + registrationId + " is stored");
      }
      throw SqlFailures.failure("unsubscribing registration " + registrationId, e);
    }
  }

  @Override
  public boolean isUnsubscribed(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectUnsubscription)) {
              Jdbc.setUuid(ps, 1, registrationId);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("reading the unsubscription of registration " + registrationId, e);
    }
  }
}

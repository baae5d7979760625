package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.poltwt.spi.Publication;
import org.poltwt.spi.PublicationClaim;
import org.poltwt.spi.PublicationLog;

/**
 * A {@link PublicationLog} on the {@code publication} table, shared by every process on the
 * database. Each step is one statement, so no lock is held across a request to X:
 *
 * <ul>
 *   <li>a first claim is an {@code INSERT}; the primary key lets exactly one of racing inserts of a
 *       key through, and the others read the winner's row;
 *   <li>a claim taken again (the row {@code FAILED}, or {@code CLAIMED} and stale by the caller's
 *       clock) is an {@code UPDATE ... WHERE attempt = ? AND state = ?} on the row as read: of
 *       racing takers exactly one changes a row, and a loser reads the row again and decides anew;
 *   <li>{@code markPosted} updates any row not yet posted; {@code markFailed} only the row still
 *       claimed under the caller's attempt.
 * </ul>
 *
 * <p>Instants are stored to the microsecond (truncated).
 */
final class JdbcPublicationLog implements PublicationLog {
  /** How many times a claim reads and decides again after losing a race. */
  private static final int CLAIM_TRIES = 5;

  private static final String COLUMNS =
      "idempotency_key, text_digest, state, attempt, tweet_id, recorded_at, claimed_at, posted_at";

  private final Jdbc jdbc;
  private final String insert;
  private final String reclaim;
  private final String posted;
  private final String failed;
  private final String select;

  JdbcPublicationLog(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.publication;
    insert =
        "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, 'CLAIMED', 1, NULL, ?, ?, NULL)";
    reclaim =
        "UPDATE "
            + t
            + " SET state = 'CLAIMED', attempt = attempt + 1, claimed_at = ?"
            + " WHERE idempotency_key = ? AND attempt = ? AND state = ?";
    posted =
        "UPDATE "
            + t
            + " SET state = 'POSTED', tweet_id = ?, posted_at = ?"
            + " WHERE idempotency_key = ? AND state <> 'POSTED'";
    failed =
        "UPDATE "
            + t
            + " SET state = 'FAILED' WHERE idempotency_key = ? AND state = 'CLAIMED' AND attempt = ?";
    select = "SELECT " + COLUMNS + " FROM " + t + " WHERE idempotency_key = ?";
  }

  @Override
  public PublicationClaim claim(String key, String textDigest, Instant now, Duration staleAfter) {
    requireNonNull(staleAfter, "staleAfter");
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("staleAfter: must be positive");
    }
    Instant at = Jdbc.stored(requireNonNull(now, "now"));
    Publication fresh = Publication.claimed(key, textDigest, at); // validates key and digest
    try {
      for (int attempt = 1; attempt <= CLAIM_TRIES; attempt++) {
        if (tryInsert(fresh)) {
          return new PublicationClaim(fresh, true);
        }
        Optional<Publication> read = read(key);
        if (read.isEmpty()) {
          continue; // rows are never deleted; only a concurrent rollback gets here
        }
        Publication current = read.get();
        if (!current.textDigest().equals(textDigest)
            || !(current.state() == Publication.State.FAILED
                || current.isStaleAt(at, staleAfter))) {
          return new PublicationClaim(current, false);
        }
        Instant claimedAt = at.isBefore(current.claimedAt()) ? current.claimedAt() : at;
        if (tryReclaim(current, claimedAt)) {
          return new PublicationClaim(current.reclaimed(claimedAt), true);
        }
      }
      throw new IllegalStateException(
          "key: claim kept losing races after " + CLAIM_TRIES + " tries; retry later");
    } catch (SQLException e) {
      throw SqlFailures.failure("claiming a publication", e);
    }
  }

  private boolean tryInsert(Publication p) throws SQLException {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
              ps.setString(1, p.key());
              ps.setString(2, p.textDigest());
              Jdbc.setInstant(ps, 3, p.recordedAt());
              Jdbc.setInstant(ps, 4, p.claimedAt());
              return ps.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  private boolean tryReclaim(Publication current, Instant at) throws SQLException {
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(reclaim)) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, current.key());
            ps.setInt(3, current.attempt());
            ps.setString(4, current.state().name());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Publication markPosted(String key, Optional<String> tweetId, Instant at) {
    requireNonNull(key, "key");
    requireNonNull(tweetId, "tweetId");
    requireNonNull(at, "at");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(posted)) {
              Jdbc.setString(ps, 1, tweetId);
              Jdbc.setInstant(ps, 2, at);
              ps.setString(3, key);
              return ps.executeUpdate();
            }
          });
      return read(key).orElseThrow(() -> new IllegalStateException("key: was never claimed"));
    } catch (SQLException e) {
      throw SqlFailures.failure("recording a publication as posted", e);
    }
  }

  @Override
  public Publication markFailed(String key, int attempt) {
    requireNonNull(key, "key");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(failed)) {
              ps.setString(1, key);
              ps.setInt(2, attempt);
              return ps.executeUpdate();
            }
          });
      return read(key).orElseThrow(() -> new IllegalStateException("key: was never claimed"));
    } catch (SQLException e) {
      throw SqlFailures.failure("recording a publication as failed", e);
    }
  }

  @Override
  public Optional<Publication> find(String key) {
    requireNonNull(key, "key");
    try {
      return read(key);
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a publication", e);
    }
  }

  private Optional<Publication> read(String key) throws SQLException {
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.<Publication>empty();
            }
          }
        });
  }

  private static Publication row(ResultSet rs) throws SQLException {
    return new Publication(
        rs.getString("idempotency_key"),
        rs.getString("text_digest"),
        Publication.State.valueOf(rs.getString("state")),
        rs.getInt("attempt"),
        Jdbc.getOptionalString(rs, "tweet_id"),
        Jdbc.getInstant(rs, "recorded_at"),
        Jdbc.getInstant(rs, "claimed_at"),
        Jdbc.getOptionalInstant(rs, "posted_at"));
  }

  @Override
  public String toString() {
    return "JdbcPublicationLog";
  }
}

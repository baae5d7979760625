package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.spi.LegalHold;
import org.poltwt.spi.RetentionStore;

/**
 * A {@link RetentionStore} on the {@code retention_period} and {@code legal_hold} tables. A save is
 * an {@code UPDATE}, then an {@code INSERT} when no row was there; of two first saves racing, the
 * loser of the insert updates the winner's row. A release is one {@code DELETE}, so of racing
 * releases one deletes the row. Periods are kept in whole seconds.
 */
final class JdbcRetentionStore implements RetentionStore {
  private static final int SAVE_TRIES = 3;

  private final Jdbc jdbc;
  private final String selectPeriod;
  private final String updatePeriod;
  private final String insertPeriod;
  private final String deletePeriod;
  private final String updateHold;
  private final String insertHold;
  private final String deleteHold;
  private final String selectHold;
  private final String selectHolds;

  JdbcRetentionStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String p = tables.retentionPeriod;
    String h = tables.legalHold;
    selectPeriod = "SELECT period_seconds FROM " + p + " WHERE edition_number = ?";
    updatePeriod = "UPDATE " + p + " SET period_seconds = ? WHERE edition_number = ?";
    insertPeriod = "INSERT INTO " + p + " (period_seconds, edition_number) VALUES (?, ?)";
    deletePeriod = "DELETE FROM " + p + " WHERE edition_number = ?";
    updateHold =
        "UPDATE "
            + h
            + " SET edition_number = ?, reason = ?, held_since = ? WHERE registration_id = ?";
    insertHold =
        "INSERT INTO "
            + h
            + " (edition_number, reason, held_since, registration_id) VALUES (?, ?, ?, ?)";
    deleteHold = "DELETE FROM " + h + " WHERE registration_id = ?";
    String columns = "SELECT registration_id, edition_number, reason, held_since FROM " + h;
    selectHold = columns + " WHERE registration_id = ?";
    selectHolds = columns + " WHERE edition_number = ? ORDER BY held_since, registration_id";
  }

  @Override
  public Optional<Duration> period(int edition) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectPeriod)) {
              ps.setInt(1, edition);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? Optional.of(Duration.ofSeconds(rs.getLong(1)))
                    : Optional.<Duration>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("reading a retention period", e);
    }
  }

  @Override
  public void setPeriod(int edition, Duration period) {
    requireNonNull(period, "period");
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1");
    }
    if (period.isNegative()) {
      throw new IllegalArgumentException("period: must not be negative");
    }
    upsert(
        "saving a retention period",
        ps -> {
          ps.setLong(1, period.getSeconds());
          ps.setInt(2, edition);
        },
        updatePeriod,
        insertPeriod);
  }

  @Override
  public void clearPeriod(int edition) {
    delete("clearing a retention period", deletePeriod, ps -> ps.setInt(1, edition));
  }

  @Override
  public void hold(LegalHold hold) {
    requireNonNull(hold, "hold");
    upsert(
        "saving a legal hold",
        ps -> {
          ps.setInt(1, hold.edition());
          ps.setString(2, hold.reason());
          Jdbc.setInstant(ps, 3, hold.since());
          Jdbc.setUuid(ps, 4, hold.registrationId());
        },
        updateHold,
        insertHold);
  }

  @Override
  public boolean release(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    return delete("clearing a legal hold", deleteHold, ps -> Jdbc.setUuid(ps, 1, registrationId))
        > 0;
  }

  @Override
  public Optional<LegalHold> findHold(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    List<LegalHold> found =
        holds("reading a legal hold", selectHold, ps -> Jdbc.setUuid(ps, 1, registrationId));
    return found.stream().findFirst();
  }

  @Override
  public List<LegalHold> holds(int edition) {
    return holds("listing legal holds", selectHolds, ps -> ps.setInt(1, edition));
  }

  /** Sets a statement's parameters. */
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void upsert(String what, Binder binder, String update, String insert) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (write(update, binder) == 0) {
          write(insert, binder);
        }
        return;
      } catch (SQLException e) {
        if (!SqlFailures.isUniqueViolation(e) || attempt == SAVE_TRIES) {
          throw SqlFailures.failure(what, e);
        }
      }
    }
  }

  private int delete(String what, String sql, Binder binder) {
    try {
      return write(sql, binder);
    } catch (SQLException e) {
      throw SqlFailures.failure(what, e);
    }
  }

  private int write(String sql, Binder binder) throws SQLException {
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
          }
        });
  }

  private List<LegalHold> holds(String what, String sql, Binder binder) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              binder.bind(ps);
              try (ResultSet rs = ps.executeQuery()) {
                List<LegalHold> holds = new ArrayList<>();
                while (rs.next()) {
                  holds.add(
                      new LegalHold(
                          Jdbc.getUuid(rs, "registration_id"),
                          rs.getInt("edition_number"),
                          rs.getString("reason"),
                          Jdbc.getInstant(rs, "held_since")));
                }
                return holds;
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure(what, e);
    }
  }

  @Override
  public String toString() {
    return "JdbcRetentionStore";
  }
}

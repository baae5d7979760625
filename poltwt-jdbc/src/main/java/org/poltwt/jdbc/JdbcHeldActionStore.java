package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.poltwt.spi.HeldAction;
import org.poltwt.spi.HeldActionStore;

/**
 * A {@link HeldActionStore} on the {@code held_action} table, one row per idempotency key, shared
 * by every instance on the database. Every step is one statement, atomic on its own: holding is an
 * {@code INSERT} the primary key lets through once (a key held already is refused and its row left
 * as it is); a claim is an {@code UPDATE ... SET claimed = TRUE WHERE claimed = FALSE AND
 * expires_at > now}, which of racing confirmations exactly one changes, the others re-checking the
 * condition on the row it left; a result is written only to a claimed row. An action is known while
 * its expiry is after the time given, as in memory. Instants are stored to the microsecond
 * (truncated).
 */
final class JdbcHeldActionStore implements HeldActionStore {
  private static final String COLUMNS =
      "action_key, account, kind, payload, held_at, expires_at, claimed, result";

  private final Jdbc jdbc;
  private final String insert;
  private final String select;
  private final String claim;
  private final String complete;
  private final String deleteExpired;

  JdbcHeldActionStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.heldAction;
    insert = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, FALSE, NULL)";
    select = "SELECT " + COLUMNS + " FROM " + t + " WHERE action_key = ? AND expires_at > ?";
    claim =
        "UPDATE "
            + t
            + " SET claimed = TRUE WHERE action_key = ? AND claimed = FALSE AND expires_at > ?";
    complete = "UPDATE " + t + " SET result = ? WHERE action_key = ? AND claimed = TRUE";
    deleteExpired = "DELETE FROM " + t + " WHERE expires_at <= ?";
  }

  @Override
  public boolean hold(HeldAction a) {
    requireNonNull(a, "action");
    if (a.claimed()) {
      throw new IllegalArgumentException("action: must not be claimed yet");
    }
    try {
      return jdbc.update(
              insert,
              ps -> {
                ps.setString(1, a.key());
                ps.setString(2, a.account());
                ps.setString(3, a.kind());
                ps.setString(4, a.payload());
                Jdbc.setInstant(ps, 5, a.held());
                Jdbc.setInstant(ps, 6, a.expiry());
                return 7;
              })
          == 1;
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return false;
      }
      throw SqlFailures.failure("holding an action", e);
    }
  }

  @Override
  public Optional<HeldAction> find(String key, Instant now) {
    requireNonNull(key, "key");
    requireNonNull(now, "now");
    try {
      return jdbc.unexpired(select, key, now, JdbcHeldActionStore::row);
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a held action", e);
    }
  }

  private static HeldAction row(ResultSet rs) throws SQLException {
    return new HeldAction(
        rs.getString("action_key"),
        rs.getString("account"),
        rs.getString("kind"),
        rs.getString("payload"),
        Jdbc.getInstant(rs, "held_at"),
        Jdbc.getInstant(rs, "expires_at"),
        rs.getBoolean("claimed"),
        Jdbc.getOptionalString(rs, "result"));
  }

  @Override
  public boolean claim(String key, Instant now) {
    requireNonNull(key, "key");
    requireNonNull(now, "now");
    try {
      return jdbc.update(
              claim,
              ps -> {
                ps.setString(1, key);
                Jdbc.setInstant(ps, 2, now);
                return 3;
              })
          == 1;
    } catch (SQLException e) {
      throw SqlFailures.failure("claiming a held action", e);
    }
  }

  @Override
  public void complete(String key, String result) {
    requireNonNull(key, "key");
    requireNonNull(result, "result");
    if (result.length() > HeldAction.MAX_RESULT) {
      throw new IllegalArgumentException(
          "result: at most " + HeldAction.MAX_RESULT + " characters");
    }
    try {
      jdbc.update(
          complete,
          ps -> {
            ps.setString(1, result);
            ps.setString(2, key);
            return 3;
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("recording a held action's result", e);
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    requireNonNull(now, "now");
    try {
      return jdbc.updateAt(deleteExpired, now);
    } catch (SQLException e) {
      throw SqlFailures.failure("purging expired held actions", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcHeldActionStore";
  }
}

package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.OrganiserSession;
import org.poltwt.spi.SessionStore;

/**
 * A {@link SessionStore} on the {@code organiser_session} table, one row per log-in, shared by
 * every instance on the database. Every call is one statement: an open is an {@code INSERT} the
 * primary key lets through once, and the ends are {@code DELETE}s, so there is nothing to race on.
 * A session is live while its expiry is after the time given, as in memory.
 */
final class JdbcSessionStore implements SessionStore {
  private static final String COLUMNS = "id_hash, account, role, created_at, expires_at";

  private final Jdbc jdbc;
  private final String insert;
  private final String select;
  private final String delete;
  private final String deleteOfAccount;
  private final String deleteExpired;

  JdbcSessionStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.organiserSession;
    insert = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    select = "SELECT " + COLUMNS + " FROM " + t + " WHERE id_hash = ? AND expires_at > ?";
    delete = "DELETE FROM " + t + " WHERE id_hash = ?";
    deleteOfAccount = "DELETE FROM " + t + " WHERE account = ?";
    deleteExpired = "DELETE FROM " + t + " WHERE expires_at <= ?";
  }

  @Override
  public void open(OrganiserSession s) {
    requireNonNull(s, "session");
    try {
      jdbc.update(
          insert,
          ps -> {
            ps.setString(1, s.idHash());
            ps.setString(2, s.account());
            ps.setString(3, s.role().name());
            Jdbc.setInstant(ps, 4, s.created());
            Jdbc.setInstant(ps, 5, s.expiry());
            return 6;
          });
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new IllegalStateException("a session with this hash is stored");
      }
      throw SqlFailures.failure("opening a session", e);
    }
  }

  @Override
  public Optional<OrganiserSession> find(String idHash, Instant now) {
    requireNonNull(idHash, "idHash");
    requireNonNull(now, "now");
    try {
      return jdbc.unexpired(select, idHash, now, JdbcSessionStore::row);
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a session", e);
    }
  }

  private static OrganiserSession row(ResultSet rs) throws SQLException {
    return new OrganiserSession(
        rs.getString("id_hash"),
        rs.getString("account"),
        OrganiserAccount.Role.valueOf(rs.getString("role")),
        Jdbc.getInstant(rs, "created_at"),
        Jdbc.getInstant(rs, "expires_at"));
  }

  @Override
  public void close(String idHash) {
    requireNonNull(idHash, "idHash");
    delete(delete, idHash, "closing a session");
  }

  @Override
  public int closeAllOf(String account) {
    requireNonNull(account, "account");
    return delete(deleteOfAccount, account, "closing an account's sessions");
  }

  private int delete(String sql, String value, String operation) {
    try {
      return jdbc.update(
          sql,
          ps -> {
            ps.setString(1, value);
            return 2;
          });
    } catch (SQLException e) {
      throw SqlFailures.failure(operation, e);
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    requireNonNull(now, "now");
    try {
      return jdbc.updateAt(deleteExpired, now);
    } catch (SQLException e) {
      throw SqlFailures.failure("purging expired sessions", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcSessionStore";
  }
}

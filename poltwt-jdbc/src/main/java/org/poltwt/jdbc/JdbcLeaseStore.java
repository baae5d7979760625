package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.poltwt.spi.Lease;
import org.poltwt.spi.LeaseStore;

/**
 * A {@link LeaseStore} on the {@code lease} table, one row per name, shared by every instance on
 * the database. Every step is one statement, atomic on its own:
 *
 * <ul>
 *   <li>taking a lease is an {@code UPDATE ... WHERE expires_at <= now OR holder = ?}: of racing
 *       takers of an expired lease the first changes the row and the others, re-checking the
 *       condition on the row it left, change nothing; when there is no row, an {@code INSERT} the
 *       primary key lets through once, and a loser tries the update again, which the winner's fresh
 *       lease refuses;
 *   <li>releasing is a {@code DELETE ... WHERE holder = ?}, so another holder's lease stays.
 * </ul>
 *
 * <p>A lease is held while its expiry is after the time given, as in memory. Instants are stored to
 * the microsecond (truncated).
 */
final class JdbcLeaseStore implements LeaseStore {
  /** How many times an acquire tries again after a lease it found free was taken meanwhile. */
  private static final int ACQUIRE_TRIES = 3;

  private final Jdbc jdbc;
  private final String take;
  private final String insert;
  private final String release;
  private final String select;
  private final String deleteExpired;

  JdbcLeaseStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.lease;
    take =
        "UPDATE "
            + t
            + " SET holder = ?, expires_at = ? WHERE name = ? AND (expires_at <= ? OR holder = ?)";
    insert = "INSERT INTO " + t + " (name, holder, expires_at) VALUES (?, ?, ?)";
    release = "DELETE FROM " + t + " WHERE name = ? AND holder = ?";
    select = "SELECT name, holder, expires_at FROM " + t + " WHERE name = ? AND expires_at > ?";
    deleteExpired = "DELETE FROM " + t + " WHERE expires_at <= ?";
  }

  @Override
  public Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl) {
    requireNonNull(name, "name");
    requireNonNull(holder, "holder");
    requireNonNull(now, "now");
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl: must be positive");
    }
    Lease wanted = new Lease(name, holder, Jdbc.stored(now.plus(ttl))); // validates name, holder
    try {
      for (int attempt = 1; ; attempt++) {
        if (take(wanted, now) || insert(wanted)) {
          return Optional.of(wanted);
        }
        // The insert lost to another taker: the update decides again on the winner's row.
        if (take(wanted, now)) {
          return Optional.of(wanted);
        }
        if (attempt >= ACQUIRE_TRIES || find(name, now).isPresent()) {
          return Optional.empty();
        }
        // Released or purged between the two statements: free again, so try again.
      }
    } catch (SQLException e) {
      throw SqlFailures.failure("acquiring a lease", e);
    }
  }

  private boolean take(Lease wanted, Instant now) throws SQLException {
    return jdbc.update(
            take,
            ps -> {
              ps.setString(1, wanted.holder());
              Jdbc.setInstant(ps, 2, wanted.expiry());
              ps.setString(3, wanted.name());
              Jdbc.setInstant(ps, 4, now);
              ps.setString(5, wanted.holder());
              return 6;
            })
        == 1;
  }

  private boolean insert(Lease wanted) throws SQLException {
    try {
      return jdbc.update(
              insert,
              ps -> {
                ps.setString(1, wanted.name());
                ps.setString(2, wanted.holder());
                Jdbc.setInstant(ps, 3, wanted.expiry());
                return 4;
              })
          == 1;
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e) || SqlFailures.isTransactionConflict(e)) {
        return false; // another taker's insert came first (H2 may time out waiting for it)
      }
      throw e;
    }
  }

  @Override
  public boolean release(String name, String holder) {
    requireNonNull(name, "name");
    requireNonNull(holder, "holder");
    try {
      return jdbc.update(
              release,
              ps -> {
                ps.setString(1, name);
                ps.setString(2, holder);
                return 3;
              })
          == 1;
    } catch (SQLException e) {
      throw SqlFailures.failure("releasing a lease", e);
    }
  }

  @Override
  public Optional<Lease> find(String name, Instant now) {
    requireNonNull(name, "name");
    requireNonNull(now, "now");
    try {
      return jdbc.unexpired(select, name, now, JdbcLeaseStore::row);
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a lease", e);
    }
  }

  private static Lease row(ResultSet rs) throws SQLException {
    return new Lease(
        rs.getString("name"), rs.getString("holder"), Jdbc.getInstant(rs, "expires_at"));
  }

  @Override
  public int purgeExpired(Instant now) {
    requireNonNull(now, "now");
    try {
      return jdbc.updateAt(deleteExpired, now);
    } catch (SQLException e) {
      throw SqlFailures.failure("purging expired leases", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcLeaseStore";
  }
}

package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RateWindow;

/**
 * A {@link RateLimitStore} on the {@code rate_window} table, one row per key, shared by every
 * instance on the database. A hit is one transaction:
 *
 * <ol>
 *   <li>an {@code UPDATE} of the key's row that either counts the attempt or, when the window is
 *       over, begins a new one; the database holds the row's lock until the commit, so concurrent
 *       hits queue on it and each counts on top of the one before (PostgreSQL and H2 both evaluate
 *       the {@code SET} of a waiting update on the row as its predecessor left it);
 *   <li>when no row was there, an {@code INSERT} of the first attempt, which the primary key lets
 *       through once: a loser rolls back (having changed nothing) and runs the hit again, now as an
 *       update;
 *   <li>a {@code SELECT} of the row in the same transaction, under the lock the update or insert
 *       took, so the count returned is the one this hit made.
 * </ol>
 *
 * <p>The window's end is compared as {@code started_at <= now - window}, a parameter computed here,
 * so no interval arithmetic (which H2 and PostgreSQL write differently) is needed. Instants are
 * stored to the microsecond (truncated).
 */
final class JdbcRateLimitStore implements RateLimitStore {
  /** How many times a hit runs when it keeps losing the first insert of its key, or a lock wait. */
  private static final int HIT_TRIES = 5;

  private static final String COLUMNS = "window_key, attempts, started_at, last_at";

  /**
   * The earliest window end compared: a window longer than the time since year 1 ends there, which
   * both databases store, instead of at a year they cannot.
   */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private final Jdbc jdbc;
  private final String count;
  private final String insert;
  private final String select;
  private final String selectOpen;
  private final String delete;
  private final String deleteBefore;

  JdbcRateLimitStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.rateWindow;
    // Every SET reads the row as it was before this update, so the CASEs agree on whether the
    // window is over.
    count =
        "UPDATE "
            + t
            + " SET attempts = CASE WHEN started_at <= ? THEN 1 ELSE attempts + 1 END,"
            + " started_at = CASE WHEN started_at <= ? THEN ? ELSE started_at END,"
            + " last_at = CASE WHEN started_at <= ? THEN ?"
            + " WHEN last_at < ? THEN ? ELSE last_at END"
            + " WHERE window_key = ?";
    insert = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, 1, ?, ?)";
    select = "SELECT " + COLUMNS + " FROM " + t + " WHERE window_key = ?";
    selectOpen = select + " AND started_at > ?";
    delete = "DELETE FROM " + t + " WHERE window_key = ?";
    deleteBefore = "DELETE FROM " + t + " WHERE last_at < ?";
  }

  @Override
  public RateWindow hit(String key, Instant now, Duration window) {
    requireNonNull(key, "key");
    requireNonNull(now, "now");
    checkWindow(window);
    Instant at = Jdbc.stored(now);
    new RateWindow(key, 1, at, at); // validates the key before it reaches the database
    Instant over = windowBegan(now, window);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return jdbc.inTransaction(c -> count(c, key, at, over));
        } catch (SQLException e) {
          boolean again = SqlFailures.isUniqueViolation(e) || SqlFailures.isTransactionConflict(e);
          if (!again || attempt >= HIT_TRIES) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.failure("counting an attempt", e);
    }
  }

  private RateWindow count(Connection c, String key, Instant at, Instant over) throws SQLException {
    int changed =
        Jdbc.update(
            c,
            count,
            ps -> {
              Jdbc.setInstant(ps, 1, over);
              Jdbc.setInstant(ps, 2, over);
              Jdbc.setInstant(ps, 3, at);
              Jdbc.setInstant(ps, 4, over);
              Jdbc.setInstant(ps, 5, at);
              Jdbc.setInstant(ps, 6, at);
              Jdbc.setInstant(ps, 7, at);
              ps.setString(8, key);
              return 9;
            });
    if (changed == 0) {
      Jdbc.update(
          c,
          insert,
          ps -> {
            ps.setString(1, key);
            Jdbc.setInstant(ps, 2, at);
            Jdbc.setInstant(ps, 3, at);
            return 4;
          });
    }
    return Jdbc.first(
            c,
            select,
            ps -> {
              ps.setString(1, key);
              return 2;
            },
            JdbcRateLimitStore::row)
        .orElseThrow(() -> new SQLException("the counted row is gone", "40001"));
  }

  @Override
  public Optional<RateWindow> find(String key, Instant now, Duration window) {
    requireNonNull(key, "key");
    requireNonNull(now, "now");
    checkWindow(window);
    try {
      return jdbc.first(
          selectOpen,
          ps -> {
            ps.setString(1, key);
            Jdbc.setInstant(ps, 2, windowBegan(now, window));
            return 3;
          },
          JdbcRateLimitStore::row);
    } catch (SQLException e) {
      throw SqlFailures.failure("reading an attempt count", e);
    }
  }

  private static RateWindow row(ResultSet rs) throws SQLException {
    return new RateWindow(
        rs.getString("window_key"),
        rs.getLong("attempts"),
        Jdbc.getInstant(rs, "started_at"),
        Jdbc.getInstant(rs, "last_at"));
  }

  @Override
  public void clear(String key) {
    requireNonNull(key, "key");
    try {
      jdbc.update(
          delete,
          ps -> {
            ps.setString(1, key);
            return 2;
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("clearing an attempt count", e);
    }
  }

  @Override
  public int purge(Instant before) {
    requireNonNull(before, "before");
    // Stored instants are whole microseconds: "before a time" with a fraction of one is "before
    // the next whole one", which truncating the time would miss.
    Instant whole = Jdbc.stored(before);
    Instant bound = whole.equals(before) ? whole : whole.plus(1, ChronoUnit.MICROS);
    try {
      return jdbc.updateAt(deleteBefore, bound);
    } catch (SQLException e) {
      throw SqlFailures.failure("purging attempt counts", e);
    }
  }

  /** The start a window open at {@code now} must be after: {@code now - window}, clamped. */
  private static Instant windowBegan(Instant now, Duration window) {
    Duration since = Duration.between(EARLIEST, now);
    return window.compareTo(since) >= 0 ? EARLIEST : now.minus(window);
  }

  private static void checkWindow(Duration window) {
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window: must be positive");
    }
  }

  @Override
  public String toString() {
    return "JdbcRateLimitStore";
  }
}

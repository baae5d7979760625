package org.poltwt.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Connections, transactions and the column conversions every store shares. Each call takes a
 * connection from the data source and gives it back before returning, so a pool sized for the
 * application is enough and no connection is held between calls.
 */
final class Jdbc {
  /** Work done on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Binds a statement's filter parameters and returns the next free parameter index. */
  @FunctionalInterface
  interface Binder {
    int bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads the current row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** How many times a transaction runs when the database keeps ending it to resolve conflicts. */
  static final int CONFLICT_TRIES = 3;

  private final DataSource dataSource;
  private volatile boolean closed;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Refuses every later call: the stores were closed. */
  void close() {
    closed = true;
  }

  /** A connection, unless the stores were closed. */
  private Connection connection() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the stores are closed");
    }
    return dataSource.getConnection();
  }

  /** Checks the SPI's paging arguments. */
  static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset: must be at least 0 (was " + offset + ")");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1 (was " + limit + ")");
    }
  }

  /**
   * Reads one page: {@code sql} must end with {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY}, after
   * the parameters {@code filter} binds.
   */
  <T> List<T> page(String sql, Binder filter, int offset, int limit, RowReader<T> reader)
      throws SQLException {
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = filter.bind(ps);
            ps.setLong(i++, offset);
            ps.setLong(i, limit);
            List<T> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                page.add(reader.read(rs));
              }
            }
            return List.copyOf(page);
          }
        });
  }

  /** Runs a {@code SELECT COUNT(*)} whose parameters {@code filter} binds. */
  long count(String sql, Binder filter) throws SQLException {
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Runs one {@code INSERT}, {@code UPDATE} or {@code DELETE} on its own (one statement, one
   * transaction) whose parameters {@code params} binds.
   *
   * @return how many rows it changed
   */
  int update(String sql, Binder params) throws SQLException {
    return withConnection(c -> update(c, sql, params));
  }

  /** Runs one {@code INSERT}, {@code UPDATE} or {@code DELETE} on a connection the caller holds. */
  static int update(Connection c, String sql, Binder params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      params.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Runs an update whose one parameter is a time: the shared-state stores' purges. */
  int updateAt(String sql, Instant now) throws SQLException {
    return update(
        sql,
        ps -> {
          setInstant(ps, 1, now);
          return 2;
        });
  }

  /** Reads the first row of a query whose parameters {@code params} binds, if there is one. */
  <T> Optional<T> first(String sql, Binder params, RowReader<T> reader) throws SQLException {
    return withConnection(c -> first(c, sql, params, reader));
  }

  /**
   * Reads the row a key names while it lasts: {@code sql} takes the key, then the time its expiry
   * must be after. The shared-state stores (sessions, leases, held actions) read their rows so.
   */
  <T> Optional<T> unexpired(String sql, String key, Instant now, RowReader<T> reader)
      throws SQLException {
    return first(
        sql,
        ps -> {
          ps.setString(1, key);
          setInstant(ps, 2, now);
          return 3;
        },
        reader);
  }

  /** Reads the first row of a query on a connection the caller holds, if there is one. */
  static <T> Optional<T> first(Connection c, String sql, Binder params, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      params.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Runs work on a connection in auto-commit mode, one statement one transaction. A data source
   * whose connections come with auto-commit off (a pool so configured) gets the work committed as
   * one transaction instead, so nothing is left uncommitted when the connection goes back.
   */
  <T> T withConnection(Work<T> work) throws SQLException {
    try (Connection c = connection()) {
      return c.getAutoCommit() ? work.run(c) : commitOrRollBack(c, work);
    }
  }

  /**
   * Runs work in one transaction: committed if it returns, rolled back if it throws anything. A
   * connection lost half-way leaves nothing written, since the database rolls back what was not
   * committed. When the database ends the transaction to resolve a conflict with another one (a
   * deadlock, a serialization failure), the work runs again from the start, up to {@value
   * #CONFLICT_TRIES} times in all.
   */
  <T> T inTransaction(Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connection()) {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        try {
          return commitOrRollBack(c, work);
        } finally {
          if (autoCommit) {
            restoreAutoCommit(c);
          }
        }
      } catch (SQLException e) {
        if (attempt >= CONFLICT_TRIES || !SqlFailures.state(e).startsWith("40")) {
          throw e;
        }
      }
    }
  }

  private static <T> T commitOrRollBack(Connection c, Work<T> work) throws SQLException {
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c, Throwable primary) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException e) {
      // The connection is most likely gone, and the database rolls back on its own.
      primary.addSuppressed(SqlFailures.sanitized(e));
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // A broken connection: the pool (or close) discards it; nothing to restore.
    }
  }

  // ------------------------------------------------------------------ conversions

  /**
   * The instant as stored: truncated to the microsecond, which both databases keep (PostgreSQL
   * would round instead, which could move an instant past a later one).
   */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(
        index,
        OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC),
        Types.TIMESTAMP_WITH_TIMEZONE);
  }

  static void setInstant(PreparedStatement ps, int index, Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      setInstant(ps, index, instant.get());
    } else {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    if (t == null) {
      throw new SQLException("column " + column + " is null", "22004");
    }
    return t.toInstant();
  }

  static Optional<Instant> getOptionalInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  static void setUuid(PreparedStatement ps, int index, UUID id) throws SQLException {
    ps.setObject(index, id);
  }

  static UUID getUuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static void setString(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  static Optional<String> getOptionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }
}

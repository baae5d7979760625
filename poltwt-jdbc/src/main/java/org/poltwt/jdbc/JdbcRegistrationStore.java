package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * A {@link RegistrationStore} on the {@code registration} table. The database enforces one
 * registration per edition and lower-cased handle (a unique constraint on {@code handle_key}), so
 * of concurrent inserts of one handle, from any number of application instances, exactly one
 * succeeds; the others get {@link DuplicateRegistrationException}. Updates and erasures read the
 * stored row with {@code SELECT ... FOR UPDATE} and write it in the same transaction.
 *
 * <p>Instants are stored to the microsecond (truncated), which is what both databases keep.
 */
final class JdbcRegistrationStore implements RegistrationStore {
  private final Jdbc jdbc;
  private final String insert;
  private final String update;
  private final String selectById;
  private final String selectByIdForUpdate;
  private final String selectByHandle;
  private final String idExists;
  private final String selectList;
  private final String selectCount;

  JdbcRegistrationStore(Jdbc jdbc, Tables t) {
    this.jdbc = jdbc;
    String select = "SELECT " + RegistrationRows.COLUMNS + " FROM " + t.registration;
    insert =
        "INSERT INTO "
            + t.registration
            + " ("
            + RegistrationRows.COLUMNS
            + ") VALUES ("
            + RegistrationRows.PLACEHOLDERS
            + ")";
    update = "UPDATE " + t.registration + " SET " + RegistrationRows.ASSIGNMENTS + " WHERE id = ?";
    selectById = select + " WHERE id = ?";
    selectByIdForUpdate = selectById + " FOR UPDATE";
    selectByHandle = select + " WHERE edition_number = ? AND handle_key = ?";
    idExists = "SELECT 1 FROM " + t.registration + " WHERE id = ?";
    selectList = select;
    selectCount = "SELECT COUNT(*) FROM " + t.registration;
  }

  @Override
  public void insert(Registration registration) {
    requireNonNull(registration, "registration");
    RegistrationRows.checkFits(registration);
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
              RegistrationRows.bind(ps, 1, registration, false);
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw insertFailure(registration, e);
    }
  }

  /** A token insert that failed inside the sign-up transaction; rolls the transaction back. */
  private static final class TokenInsertFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenInsertFailed(SQLException cause) {
      super(cause);
    }
  }

  @Override
  public void insert(
      Registration registration, VerificationToken firstToken, VerificationTokenStore tokens) {
    if (!(tokens instanceof JdbcVerificationTokenStore)
        || !((JdbcVerificationTokenStore) tokens).sharesDatabaseWith(jdbc)) {
      RegistrationStore.super.insert(registration, firstToken, tokens);
      return;
    }
    requireNonNull(registration, "registration");
    requireNonNull(firstToken, "firstToken");
    RegistrationRows.checkFits(registration);
    JdbcVerificationTokenStore tokenStore = (JdbcVerificationTokenStore) tokens;
    try {
      // One transaction: the row and its first token are stored together or not at all.
      jdbc.inTransaction(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
              RegistrationRows.bind(ps, 1, registration, false);
              ps.executeUpdate();
            }
            try {
              return tokenStore.insert(c, firstToken);
            } catch (SQLException e) {
              throw new TokenInsertFailed(e);
            }
          });
    } catch (TokenInsertFailed e) {
      throw JdbcVerificationTokenStore.saveFailure(firstToken, (SQLException) e.getCause());
    } catch (SQLException e) {
      throw insertFailure(registration, e);
    }
  }

  /** Turns a failed insert into the exception the SPI names, or a store failure. */
  RuntimeException insertFailure(Registration r, SQLException e) {
    if (SqlFailures.isUniqueViolation(e)) {
      // The constraint's name is vendor-formatted text; asking is exact. The violating row is
      // committed by now (a unique check waits for the other transaction to end).
      if (exists(r.id())) {
        return new IllegalStateException(
            "id: a registration with id " + r.id() + " already exists");
      }
      return new DuplicateRegistrationException(r.edition(), r.handle());
    }
    if (SqlFailures.isForeignKeyViolation(e)) {
      return new IllegalStateException(
          "edition: no edition "
              + r.edition()
              + " is stored; save it in the EditionStore before registering for it");
    }
    return SqlFailures.failure("inserting registration " + r.id(), e);
  }

  private boolean exists(UUID id) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(idExists)) {
              Jdbc.setUuid(ps, 1, id);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding registration " + id, e);
    }
  }

  @Override
  public void update(Registration registration) {
    requireNonNull(registration, "registration");
    RegistrationRows.checkFits(registration);
    try {
      jdbc.inTransaction(
          c -> {
            Registration stored =
                lockedRow(c, registration.id())
                    .orElseThrow(
                        () ->
                            new NoSuchElementException(
                                "id: no registration has id " + registration.id()));
            replace(c, stored, registration);
            return null;
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("updating registration " + registration.id(), e);
    }
  }

  @Override
  public boolean update(Registration expected, Registration changed) {
    requireNonNull(expected, "expected");
    requireNonNull(changed, "changed");
    if (!expected.id().equals(changed.id())) {
      throw new IllegalArgumentException("changed: must have the id of expected");
    }
    RegistrationRows.checkFits(changed);
    try {
      return jdbc.inTransaction(
          c -> {
            Optional<Registration> stored = lockedRow(c, changed.id());
            if (stored.isEmpty()
                || stored.get().status() != expected.status()
                || !stored.get().updatedAt().equals(Jdbc.stored(expected.updatedAt()))) {
              return false;
            }
            replace(c, stored.get(), changed);
            return true;
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("updating registration " + changed.id(), e);
    }
  }

  /** Reads a registration and locks its row until the transaction ends. */
  private Optional<Registration> lockedRow(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectByIdForUpdate)) {
      Jdbc.setUuid(ps, 1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(RegistrationRows.read(rs)) : Optional.empty();
      }
    }
  }

  /** Checks the update rules against the locked row, then writes the new values. */
  private void replace(Connection c, Registration stored, Registration r) throws SQLException {
    stored.checkReplacement(r);
    try (PreparedStatement ps = c.prepareStatement(update)) {
      RegistrationRows.bind(ps, 1, r, true);
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<Registration> find(UUID id) {
    requireNonNull(id, "id");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectById)) {
              Jdbc.setUuid(ps, 1, id);
              return one(ps);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding registration " + id, e);
    }
  }

  @Override
  public Optional<Registration> findByHandle(int edition, TwitterHandle handle) {
    requireNonNull(handle, "handle");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectByHandle)) {
              ps.setInt(1, edition);
              ps.setString(2, handle.normalized());
              return one(ps);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a registration by handle for edition " + edition, e);
    }
  }

  private static Optional<Registration> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(RegistrationRows.read(rs)) : Optional.empty();
    }
  }

  @Override
  public List<Registration> list(RegistrationQuery query, int offset, int limit) {
    requireNonNull(query, "query");
    Jdbc.checkPage(offset, limit);
    Filter filter = Filter.of(query);
    // uuid columns order as unsigned 128-bit numbers in both databases: the SPI's order.
    String sql =
        selectList
            + filter.where
            + " ORDER BY created_at, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    try {
      return jdbc.page(sql, filter::bind, offset, limit, RegistrationRows::read);
    } catch (SQLException e) {
      throw SqlFailures.failure("listing registrations of edition " + query.edition(), e);
    }
  }

  @Override
  public long count(RegistrationQuery query) {
    requireNonNull(query, "query");
    Filter filter = Filter.of(query);
    try {
      return jdbc.count(selectCount + filter.where, filter::bind);
    } catch (SQLException e) {
      throw SqlFailures.failure("counting registrations of edition " + query.edition(), e);
    }
  }

  @Override
  public Optional<Registration> erase(UUID id, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(at, "at");
    try {
      return jdbc.inTransaction(
          c -> {
            Optional<Registration> stored = lockedRow(c, id);
            if (stored.isEmpty()) {
              return Optional.<Registration>empty();
            }
            // The erased copy blanks every personal column of the row; the table's check constraint
            // refuses an erased row that still holds any.
            Registration erased = stored.get().erased(Jdbc.stored(at));
            try (PreparedStatement ps = c.prepareStatement(update)) {
              RegistrationRows.bind(ps, 1, erased, true);
              ps.executeUpdate();
            }
            return Optional.of(erased);
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("erasing registration " + id, e);
    }
  }

  /** A query's WHERE clause and its parameters. */
  private static final class Filter {
    final String where;
    final List<Object> values;

    private Filter(String where, List<Object> values) {
      this.where = where;
      this.values = values;
    }

    static Filter of(RegistrationQuery q) {
      StringBuilder where = new StringBuilder(" WHERE edition_number = ?");
      List<Object> values = new ArrayList<>();
      values.add(q.edition());
      q.status().ifPresent(s -> add(where, values, "status", s.name()));
      q.country().ifPresent(c -> add(where, values, "country", c));
      q.zone().ifPresent(z -> add(where, values, "time_zone", z.getId()));
      q.agencyLevel().ifPresent(l -> add(where, values, "agency_level", l.name()));
      q.accountType().ifPresent(t -> add(where, values, "account_type", t.name()));
      return new Filter(where.toString(), values);
    }

    private static void add(StringBuilder where, List<Object> values, String column, String value) {
      where.append(" AND ").append(column).append(" = ?");
      values.add(value);
    }

    /** Binds the values from parameter 1 on; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
      int i = 1;
      for (Object v : values) {
        if (v instanceof Integer) {
          ps.setInt(i++, (Integer) v);
        } else {
          ps.setString(i++, (String) v);
        }
      }
      return i;
    }
  }
}

package org.poltwt.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

/**
 * A fresh database for one run of a test class (see {@link Database}): an in-memory H2 database, or
 * a schema of its own in the PostgreSQL database that {@value #PG_URL_VARIABLE} names (see {@code
 * .ci/postgres.sh}). Without that variable the PostgreSQL tests are skipped with a message, unless
 * {@code CI=true}, where they fail: CI must test both databases.
 */
abstract class TestDatabase implements AutoCloseable {
  /** The environment variable with the PostgreSQL JDBC URL, user and password included. */
  static final String PG_URL_VARIABLE = "POLTWT_TEST_PG_URL";

  /** The system property that may give the URL instead. */
  static final String PG_URL_PROPERTY = "poltwt.test.pg.url";

  /** Why the PostgreSQL tests are skipped (or, under {@code CI=true}, fail), and what to do. */
  static final String SKIP_MESSAGE =
      "PostgreSQL tests need a server: set "
          + PG_URL_VARIABLE
          + " (or -D"
          + PG_URL_PROPERTY
          + ") to a JDBC URL with user and password; `source .ci/postgres.sh` starts a private one"
          + " and sets it";

  private static final AtomicBoolean SKIP_NOTED = new AtomicBoolean();

  final DataSource dataSource;
  final Optional<String> schema;
  final JdbcStores stores;
  final Tables tables;

  /** Where a test database's tables go. */
  enum Schema {
    /** In the connections' default schema: {@link JdbcStores} is given no schema. */
    DEFAULT,
    /** In a schema of their own, named through {@link JdbcStores.Builder#schema}. */
    OWN
  }

  private TestDatabase(DataSource dataSource, Optional<String> schema, boolean migrate) {
    this.dataSource = dataSource;
    this.schema = schema;
    JdbcStores.Builder b = JdbcStores.builder(dataSource).migrateOnStart(migrate);
    schema.ifPresent(b::schema);
    this.stores = b.build();
    this.tables = new Tables(schema);
  }

  /** "H2" or "PostgreSQL", for messages. */
  abstract String vendor();

  /**
   * Kills a connection the way a crash or a network failure would: the database ends the session
   * and rolls back its open transaction.
   */
  abstract void kill(Connection victim) throws SQLException;

  /** Frees the database (or drops the schema) and closes any pool. */
  @Override
  public abstract void close() throws SQLException;

  /**
   * A fresh in-memory H2 database.
   *
   * @param schema where its tables go
   * @param migrate true to migrate it to the latest version; false to leave it without tables
   */
  static TestDatabase h2(Schema schema, boolean migrate) {
    return new H2(schema == Schema.OWN, migrate);
  }

  /**
   * A fresh schema in the PostgreSQL test database, pooled. Without a server the calling test is
   * skipped with the reason, or fails under {@code CI=true}.
   *
   * @param schema {@link Schema#OWN} to name the schema through {@link JdbcStores.Builder#schema};
   *     {@link Schema#DEFAULT} to make it the connections' default schema instead
   * @param poolSize the most connections at once
   * @param migrate true to migrate it to the latest version; false to leave it without tables
   */
  static TestDatabase postgres(Schema schema, int poolSize, boolean migrate) {
    Optional<String> url = postgresUrl();
    Assumptions.assumeTrue(url.isPresent(), SKIP_MESSAGE);
    return new Postgres(url.get(), poolSize, schema == Schema.OWN, migrate);
  }

  /**
   * The PostgreSQL URL, or empty when none is given outside CI.
   *
   * @return the URL
   */
  static Optional<String> postgresUrl() {
    String url = System.getProperty(PG_URL_PROPERTY, System.getenv(PG_URL_VARIABLE));
    if (url != null && !url.isBlank()) {
      return Optional.of(url);
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true, so the PostgreSQL tests must run. " + SKIP_MESSAGE);
    }
    if (SKIP_NOTED.compareAndSet(false, true)) {
      System.err.println("[poltwt-jdbc] SKIPPING the PostgreSQL tests. " + SKIP_MESSAGE);
    }
    return Optional.empty();
  }

  /** Deletes every row of every table, children first. */
  void clear() {
    String[] children = {
      tables.organiserSession,
      tables.rateWindow,
      tables.lease,
      tables.heldAction,
      tables.auditEntry,
      tables.organiserAccount,
      tables.publication,
      tables.legalHold,
      tables.retentionPeriod,
      tables.trustedDomain,
      tables.harvestCheckpoint,
      tables.outboxEntry,
      tables.unsubscription,
      tables.unsubscribeToken,
      tables.verificationToken,
      tables.announcement,
      tables.registration,
      tables.editionTheme,
      tables.edition
    };
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String t : children) {
        s.executeUpdate("DELETE FROM " + t);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("clearing the test database failed", e);
    }
  }

  /** Saves a scheduled edition with this number unless one is stored. */
  void ensureEdition(int number) {
    if (stores.editions().find(number).isEmpty()) {
      stores.editions().save(Editions.scheduled(number));
    }
  }

  /**
   * Stores an agency's registration with this id (for edition 1, its handle from the id) unless
   * stored.
   */
  void ensureRegistration(UUID id) {
    if (stores.registrations().find(id).isEmpty()) {
      ensureEdition(1);
      stores.registrations().insert(Registrations.agencyBuilder(1, handleFor(id)).id(id).build());
    }
  }

  /** A valid handle derived from an id. */
  static String handleFor(UUID id) {
    return "r" + id.toString().replace("-", "").substring(0, 14);
  }

  /** Runs a query that returns one number. */
  long count(String sqlWithTable) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sqlWithTable);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sqlWithTable, e);
    }
  }

  /** How many rows a table has. */
  long rows(String qualifiedTable) {
    return count("SELECT COUNT(*) FROM " + qualifiedTable);
  }

  private static final class H2 extends TestDatabase {
    H2(boolean ownSchema, boolean migrate) {
      super(
          JdbcStores.inMemoryH2("poltwt-test-" + UUID.randomUUID()),
          ownSchema ? Optional.of("poltwt_" + suffix()) : Optional.empty(),
          migrate);
    }

    @Override
    String vendor() {
      return "H2";
    }

    @Override
    void kill(Connection victim) throws SQLException {
      victim.close(); // H2 ends the session and rolls back what it had not committed
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN"); // frees the in-memory database
      }
    }
  }

  private static final class Postgres extends TestDatabase {
    private final HikariDataSource pool;
    private final String ownSchema;

    Postgres(String url, int poolSize, boolean viaOption, boolean migrate) {
      this(pool(url, poolSize, "t_" + suffix(), viaOption), viaOption, migrate);
    }

    private Postgres(HikariDataSource pool, boolean viaOption, boolean migrate) {
      super(pool, viaOption ? Optional.of(pool.getPoolName()) : Optional.empty(), migrate);
      this.pool = pool;
      this.ownSchema = pool.getPoolName();
    }

    /**
     * A pool whose name is the test schema; the schema is created here when it is to be the
     * default.
     */
    private static HikariDataSource pool(
        String url, int poolSize, String schema, boolean viaOption) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(poolSize);
      config.setMinimumIdle(2);
      config.setPoolName(schema);
      if (!viaOption) {
        try (Connection c = java.sql.DriverManager.getConnection(url);
            Statement s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
          throw new IllegalStateException("creating the test schema failed", e);
        }
        config.setSchema(schema);
      }
      return new HikariDataSource(config);
    }

    @Override
    String vendor() {
      return "PostgreSQL";
    }

    @Override
    void kill(Connection victim) throws SQLException {
      int pid;
      try (Statement s = victim.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      try (Connection killer = pool.getConnection();
          PreparedStatement ps = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
        ps.setInt(1, pid);
        ps.executeQuery().close();
      }
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS \"" + ownSchema + "\" CASCADE");
      } finally {
        pool.close();
      }
    }
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }
}

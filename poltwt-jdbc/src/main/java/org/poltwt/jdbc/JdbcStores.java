package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.poltwt.PoltwtException;
import org.poltwt.registration.Registration;
import org.poltwt.spi.AuditLog;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.HeldActionStore;
import org.poltwt.spi.LeaseStore;
import org.poltwt.spi.OrganiserAccountStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.PublicationLog;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.spi.SessionStore;
import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.VerificationTokenStore;

/**
 * The stores of {@code org.poltwt.spi} on one JDBC database: H2 (embedded, the default) or
 * PostgreSQL. Give it a {@link DataSource}, pooled if the application serves requests in parallel
 * (pooling is the caller's, for example HikariCP); on creation it brings the schema up to date with
 * Flyway unless told not to.
 *
 * <pre>{@code
 * // Embedded: a file database under a directory of your choice.
 * JdbcStores stores = JdbcStores.create(JdbcStores.embeddedH2(Path.of("data")));
 *
 * // PostgreSQL, pooled.
 * HikariConfig config = new HikariConfig();
 * config.setJdbcUrl("jdbc:postgresql://db.example/poltwt");
 * JdbcStores stores = JdbcStores.create(new HikariDataSource(config));
 *
 * RegistrationService service = RegistrationService.builder()
 *     .editionStore(stores.editions())
 *     .registrationStore(stores.registrations())
 *     .tokenStore(stores.tokens())
 *     ...
 * }</pre>
 *
 * <p>The stores are thread-safe and keep no state but the data source, so several application
 * instances can share one database. The database enforces the rules that must hold under
 * concurrency: one registration per edition and lower-cased handle, primary keys, foreign keys (a
 * registration's edition must be stored first; tokens and outbox rows belong to stored
 * registrations), and that an erased registration holds no personal data. Instants are kept to the
 * microsecond (truncated).
 *
 * <p>Close the stores when the application stops (a servlet context's end, a test's). {@link
 * #close()} shuts down a database the stores opened themselves ({@link #embedded(Path)}, {@link
 * #inMemory(String)}) and never touches a data source the caller gave: closing a pool is the
 * caller's. After closing, every store call fails with {@link IllegalStateException}.
 *
 * <p>Failures of the database itself (a lost connection, a full disk) surface as {@link
 * PoltwtException} with code {@value #FAILURE_CODE}; their messages and causes carry the SQLState
 * but never a stored value, since driver messages may quote one (an email in a failing row).
 */
public final class JdbcStores implements AutoCloseable {
  /** The {@link PoltwtException#code()} of a failure of the database. */
  public static final String FAILURE_CODE = "store.failed";

  /** The {@link PoltwtException#code()} of a failed schema migration. */
  public static final String MIGRATION_FAILURE_CODE = "store.migration_failed";

  /** The largest batch {@link #importRegistrations(Iterable, int)} accepts. */
  public static final int MAX_IMPORT_BATCH = 5_000;

  /** Where the migrations are, on the class path. */
  static final String MIGRATIONS = "classpath:db/poltwt/migration";

  /** Flyway's history table, named so that it does not clash with the application's own. */
  static final String HISTORY_TABLE = "poltwt_schema_history";

  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private final JdbcEditionStore editions;
  private final JdbcRegistrationStore registrations;
  private final JdbcVerificationTokenStore tokens;
  private final JdbcOutboxStore outbox;
  private final JdbcTweetStore tweets;
  private final JdbcPublicationLog publications;
  private final JdbcHarvestCheckpointStore harvestCheckpoints;
  private final JdbcRetentionStore retention;
  private final JdbcTrustedDomainStore trustedDomains;
  private final JdbcAuditLog auditLog;
  private final JdbcOrganiserAccountStore organiserAccounts;
  private final JdbcSessionStore sessions;
  private final JdbcRateLimitStore rateLimits;
  private final JdbcLeaseStore leases;
  private final JdbcHeldActionStore heldActions;
  private final RegistrationImporter importer;
  private final Jdbc jdbc;
  private final DataSource owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdbcStores(Builder b) {
    this(b, null);
  }

  private JdbcStores(Builder b, DataSource owned) {
    this.owned = owned;
    if (b.migrateOnStart) {
      migrate(b.dataSource, b.schema);
    }
    jdbc = new Jdbc(b.dataSource);
    Tables tables = new Tables(b.schema);
    editions = new JdbcEditionStore(jdbc, tables);
    registrations = new JdbcRegistrationStore(jdbc, tables);
    tokens = new JdbcVerificationTokenStore(jdbc, tables);
    outbox = new JdbcOutboxStore(jdbc, tables);
    tweets = new JdbcTweetStore(jdbc, tables);
    publications = new JdbcPublicationLog(jdbc, tables);
    harvestCheckpoints = new JdbcHarvestCheckpointStore(jdbc, tables);
    retention = new JdbcRetentionStore(jdbc, tables);
    trustedDomains = new JdbcTrustedDomainStore(jdbc, tables);
    auditLog = new JdbcAuditLog(jdbc, tables);
    organiserAccounts = new JdbcOrganiserAccountStore(jdbc, tables);
    sessions = new JdbcSessionStore(jdbc, tables);
    rateLimits = new JdbcRateLimitStore(jdbc, tables);
    leases = new JdbcLeaseStore(jdbc, tables);
    heldActions = new JdbcHeldActionStore(jdbc, tables);
    importer = new RegistrationImporter(jdbc, tables);
  }

  /**
   * Creates the stores on a data source, migrating its schema first: the default schema of the data
   * source's connections holds the tables.
   *
   * @param dataSource the database
   * @return the stores
   * @throws NullPointerException if {@code dataSource} is null
   * @throws PoltwtException (code {@value #MIGRATION_FAILURE_CODE}) if the migration failed
   */
  public static JdbcStores create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts configuring stores on a data source.
   *
   * @param dataSource the database
   * @return a builder
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Opens stores on an embedded H2 database of their own, in a file under a directory ({@code
   * poltwt.mv.db}), migrating it first. {@link #close()} shuts the database down, so a redeployed
   * application can open it again. One process at a time can open the file.
   *
   * @param directory the directory for the database's files
   * @return the stores, which own their database
   * @throws NullPointerException if {@code directory} is null
   * @throws IllegalArgumentException if the path contains a {@code ;}, which H2 URLs cannot hold
   * @throws PoltwtException (code {@value #MIGRATION_FAILURE_CODE}) if the migration failed
   */
  public static JdbcStores embedded(Path directory) {
    return owning(embeddedH2(directory));
  }

  /**
   * Opens stores on a named in-memory H2 database of their own, for tests and demos. {@link
   * #close()} drops the database and its data.
   *
   * @param name the database's name: letters, digits, {@code _} and {@code -}
   * @return the stores, which own their database
   * @throws IllegalArgumentException if the name is not of those characters, or longer than 100
   */
  public static JdbcStores inMemory(String name) {
    return owning(inMemoryH2(name));
  }

  private static JdbcStores owning(DataSource h2) {
    return new JdbcStores(builder(h2), h2);
  }

  /**
   * Closes the stores: every later call fails with {@link IllegalStateException}. A database the
   * stores opened themselves ({@link #embedded(Path)}, {@link #inMemory(String)}) is shut down; a
   * data source the caller gave is left as it is. Calling it again does nothing.
   *
   * @throws PoltwtException (code {@value #FAILURE_CODE}) if shutting down an own database failed
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    jdbc.close();
    if (owned != null) {
      // H2 keeps a database open until told (DB_CLOSE_DELAY=-1); SHUTDOWN closes its file.
      try (Connection c = owned.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new PoltwtException(
            FAILURE_CODE, "shutting down the embedded database failed: " + e.getSQLState(), e);
      }
    }
  }

  /**
   * An embedded H2 database in a file under a directory ({@code poltwt.mv.db}), created on first
   * use and kept open until the JVM exits or it is sent {@code SHUTDOWN}; for a caller that pools
   * it or shares it (else prefer {@link #embedded(Path)}, which closes it). Unpooled: H2 opens a
   * session per connection cheaply while the database is open. One process at a time can open the
   * file; several application instances share a PostgreSQL database instead.
   *
   * @param directory the directory for the database's files
   * @return the data source
   * @throws NullPointerException if {@code directory} is null
   * @throws IllegalArgumentException if the path contains a {@code ;}, which H2 URLs cannot hold
   */
  public static DataSource embeddedH2(Path directory) {
    String path =
        requireNonNull(directory, "directory").toAbsolutePath().resolve("poltwt").toString();
    if (path.indexOf(';') >= 0) {
      throw new IllegalArgumentException("directory: must not contain ';'");
    }
    return h2("jdbc:h2:file:" + path + ";DB_CLOSE_DELAY=-1");
  }

  /**
   * A named in-memory H2 database, kept until the JVM exits or it is sent {@code SHUTDOWN}; for
   * tests and demos (else prefer {@link #inMemory(String)}, which drops it on close).
   *
   * @param name the database's name: letters, digits, {@code _} and {@code -}
   * @return the data source
   * @throws IllegalArgumentException if the name is not of those characters, or longer than 100
   */
  public static DataSource inMemoryH2(String name) {
    if (name == null || !H2_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: must be 1 to 100 letters, digits, '_' or '-'");
    }
    return h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
  }

  private static DataSource h2(String url) {
    try {
      return EmbeddedH2.dataSource(url);
    } catch (NoClassDefFoundError e) {
      // Linking EmbeddedH2 is what fails without H2; this class itself never names H2's types.
      throw new IllegalStateException(
          "H2 is not on the class path: add com.h2database:h2 to use the embedded database", e);
    }
  }

  /** The Flyway configuration of the schema, shared by start-up and the migration tests. */
  static FluentConfiguration flyway(DataSource dataSource, Optional<String> schema) {
    FluentConfiguration config =
        Flyway.configure(JdbcStores.class.getClassLoader())
            .dataSource(dataSource)
            .locations(MIGRATIONS)
            .table(HISTORY_TABLE)
            .failOnMissingLocations(true);
    schema.ifPresent(s -> config.schemas(s).createSchemas(true));
    return config;
  }

  private static void migrate(DataSource dataSource, Optional<String> schema) {
    try {
      flyway(dataSource, schema).load().migrate();
    } catch (FlywayException e) {
      throw new PoltwtException(
          MIGRATION_FAILURE_CODE, "migrating the poltwt schema failed: " + e.getMessage(), e);
    }
  }

  /**
   * The editions.
   *
   * @return the store
   */
  public EditionStore editions() {
    return editions;
  }

  /**
   * The registrations. An insert for an edition that is not stored fails with {@link
   * IllegalStateException}; values longer than the columns keep (an email over 320 characters, an
   * account id over 32, a zone id over 64) fail with {@link
   * org.poltwt.registration.InvalidRegistrationException}.
   *
   * @return the store
   */
  public RegistrationStore registrations() {
    return registrations;
  }

  /**
   * The email-verification tokens.
   *
   * @return the store
   */
  public VerificationTokenStore tokens() {
    return tokens;
  }

  /**
   * The announcements, their outbox and unsubscriptions.
   *
   * @return the store
   */
  public OutboxStore outbox() {
    return outbox;
  }

  /**
   * The harvested tweets. An upsert is atomic on the database: of concurrent upserts of one new
   * tweet, from any number of application instances, exactly one reports it new; {@link
   * TweetStore#upsertAll} writes its tweets in one transaction, all or nothing. A tweet of an
   * edition that is not stored fails with {@link IllegalStateException}; values the columns cannot
   * keep (a text over 100,000 UTF-16 units, a language tag over 64, a source over 1,000, a {@code
   * U+0000} in any of them, which PostgreSQL cannot store, or a creation time outside the years 1
   * to 9999) fail with {@link org.poltwt.InvalidInputException} (code {@link
   * org.poltwt.tweet.Tweet#INVALID}) before anything is written. Ids order numerically, as in
   * {@code InMemoryTweetStore}. Hashtags are not stored: a tweet read back has them extracted from
   * its text again.
   *
   * @return the store
   */
  public TweetStore tweets() {
    return tweets;
  }

  /**
   * The publication log of a tweet publisher (such as poltwt-twitter's {@code XApiTweetPublisher}):
   * a post is made at most once per idempotency key across restarts and across every process
   * sharing the database. A first claim is an insert the primary key lets through once; a claim
   * taken again after a failure, or over a stale one, is an update conditioned on the attempt
   * number read, so of racing publishers exactly one is granted.
   *
   * @return the log
   */
  public PublicationLog publications() {
    return publications;
  }

  /**
   * Where harvests stand (such as poltwt-twitter's {@code XApiTweetSource}'s), one row per edition
   * and query, so a harvest stopped half-way resumes after a restart or in another process.
   *
   * @return the store
   */
  public HarvestCheckpointStore harvestCheckpoints() {
    return harvestCheckpoints;
  }

  /**
   * The editions' own retention periods and the legal holds on registrations, which the retention
   * job ({@code org.poltwt.registration.Retention}) reads; shared by every instance on the
   * database.
   *
   * @return the store
   */
  public RetentionStore retention() {
    return retention;
  }

  /**
   * The organisers' trusted email domains and revocations, one row per domain (for {@code
   * RegistrationService.Builder#trustedDomainStore}).
   *
   * @return the store
   */
  public TrustedDomainStore trustedDomains() {
    return trustedDomains;
  }

  /**
   * The organisers' audit log, one row per entry. The stores only insert into it and read it: no
   * statement of theirs updates or deletes an entry. The table refuses an {@code @} in an actor or
   * target, so a registrant's email cannot be written into it by other means either.
   *
   * @return the log
   */
  public AuditLog auditLog() {
    return auditLog;
  }

  /**
   * A sign-up site's organiser accounts, one row per account; rows are never deleted.
   *
   * @return the store
   */
  public OrganiserAccountStore organiserAccounts() {
    return organiserAccounts;
  }

  /**
   * Organisers' log-ins, one row per session in {@code organiser_session}, shared by every instance
   * on the database. Each call is one statement, atomic on its own: an open is an insert the
   * primary key lets through once, so of two opens of one hash in any processes the second fails;
   * the ends are deletes.
   *
   * @return the store
   */
  public SessionStore sessions() {
    return sessions;
  }

  /**
   * Rate-limit counts, one row per key in {@code rate_window}, shared by every instance on the
   * database, so instances count into one number. A hit is one transaction: an update that counts
   * the attempt or begins a new window (the row's lock makes concurrent hits from any processes
   * queue, each counting on top of the one before), an insert of a key's first attempt that the
   * primary key lets through once (a loser runs the hit again as an update), and the read-back of
   * the row under that lock. Of {@code n} concurrent hits on one key the counts are 1 to {@code n},
   * each once.
   *
   * @return the store
   */
  public RateLimitStore rateLimits() {
    return rateLimits;
  }

  /**
   * Job leases and one-time markers, one row per name in {@code lease}, shared by every instance on
   * the database. Taking a lease is one update conditioned on its being expired or the taker's own,
   * or, when there is no row, an insert the primary key lets through once; so of processes racing
   * for a free lease exactly one gets it. A release deletes only the caller's own lease.
   *
   * @return the store
   */
  public LeaseStore leases() {
    return leases;
  }

  /**
   * Mass-mail actions waiting for their confirmation, one row per idempotency key in {@code
   * held_action}, shared by every instance on the database. Holding is an insert the primary key
   * lets through once; a claim is one update conditioned on the action's being unclaimed and
   * unexpired, so of confirmations racing in any processes exactly one claims it; a result is
   * written only to a claimed action.
   *
   * @return the store
   */
  public HeldActionStore heldActions() {
    return heldActions;
  }

  /**
   * Imports registrations (say, from a file a previous edition exported) in batches, each one
   * all-or-nothing: the rows of a batch that pass the checks are inserted in one transaction. Rows
   * are rejected, and reported, when their handle is registered for their edition by another
   * registration (stored, or earlier in the import), their id belongs to another registration,
   * their edition is not stored, or a value does not fit. A row whose id, edition and handle are
   * stored already is skipped and counted, so that importing the same rows again after a failure
   * completes the import without duplicating anything. The report names rows by position, id and
   * handle, never by email or name.
   *
   * @param rows the registrations, read once, in order
   * @param batchSize how many rows go in one transaction, 1 to {@value #MAX_IMPORT_BATCH}
   * @return what was inserted, skipped and rejected
   * @throws NullPointerException if {@code rows} or one of its rows is null
   * @throws IllegalArgumentException if {@code batchSize} is out of range
   * @throws PoltwtException (code {@value #FAILURE_CODE}) if the database failed: the batch being
   *     written was rolled back, the batches before it are stored
   */
  public ImportReport importRegistrations(Iterable<? extends Registration> rows, int batchSize) {
    requireNonNull(rows, "rows");
    if (batchSize < 1 || batchSize > MAX_IMPORT_BATCH) {
      throw new IllegalArgumentException(
          "batchSize: must be between 1 and " + MAX_IMPORT_BATCH + " (was " + batchSize + ")");
    }
    return importer.run(rows, batchSize);
  }

  /** Configures {@link JdbcStores}. */
  public static final class Builder {
    private final DataSource dataSource;
    private boolean migrateOnStart = true;
    private Optional<String> schema = Optional.empty();

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Whether {@link #build()} migrates the schema with Flyway (the default) or leaves it as it is,
     * for deployments that migrate separately.
     *
     * @param migrate true to migrate on start
     * @return this builder
     */
    public Builder migrateOnStart(boolean migrate) {
      this.migrateOnStart = migrate;
      return this;
    }

    /**
     * Keeps the tables in a schema of their own instead of the connections' default one; the
     * migration creates it when missing (on PostgreSQL that needs the CREATE privilege on the
     * database, or a schema created beforehand). The name is used in the case given (quoted), so a
     * lower-case name suits PostgreSQL best.
     *
     * @param name a plain identifier: a letter or {@code _}, then letters, digits or {@code _}; at
     *     most 63 characters
     * @return this builder
     * @throws IllegalArgumentException if the name is not a plain identifier
     */
    public Builder schema(String name) {
      if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "schema: must be a letter or '_' followed by letters, digits or '_',"
                + " at most 63 characters");
      }
      this.schema = Optional.of(name);
      return this;
    }

    /**
     * Creates the stores, migrating the schema first if so configured.
     *
     * @return the stores
     * @throws PoltwtException (code {@value #MIGRATION_FAILURE_CODE}) if the migration failed
     */
    public JdbcStores build() {
      return new JdbcStores(this);
    }
  }
}

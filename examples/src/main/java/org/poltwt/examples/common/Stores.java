package org.poltwt.examples.common;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.poltwt.event.Edition;
import org.poltwt.jdbc.ImportReport;
import org.poltwt.jdbc.JdbcStores;
import org.poltwt.registration.Registration;
import org.poltwt.spi.AuditLog;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.HeldActionStore;
import org.poltwt.spi.LeaseStore;
import org.poltwt.spi.OrganiserAccountStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.spi.SessionStore;
import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.spi.memory.InMemoryAuditLog;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryHarvestCheckpointStore;
import org.poltwt.spi.memory.InMemoryHeldActionStore;
import org.poltwt.spi.memory.InMemoryLeaseStore;
import org.poltwt.spi.memory.InMemoryOrganiserAccountStore;
import org.poltwt.spi.memory.InMemoryOutboxStore;
import org.poltwt.spi.memory.InMemoryRateLimitStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryRetentionStore;
import org.poltwt.spi.memory.InMemorySessionStore;
import org.poltwt.spi.memory.InMemoryTrustedDomainStore;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;

/**
 * The one place the application's stores come from: in memory, embedded H2 (a file under the data
 * directory) or any JDBC database, pooled with HikariCP. Everything else takes the stores from
 * here, so switching the database is a matter of configuration.
 */
public final class Stores implements AutoCloseable {
  private final EditionStore editions;
  private final RegistrationStore registrations;
  private final VerificationTokenStore tokens;
  private final OutboxStore outbox;
  private final TweetStore tweets;
  private final HarvestCheckpointStore harvestCheckpoints;
  private final RetentionStore retention;
  private final TrustedDomainStore trustedDomains;
  private final AuditLog auditLog;
  private final OrganiserAccountStore organiserAccounts;
  private final SessionStore sessions;
  private final RateLimitStore rateLimits;
  private final LeaseStore leases;
  private final HeldActionStore heldActions;
  private final JdbcStores jdbc;
  private final HikariDataSource pool;
  private final String description;

  private Stores(
      EditionStore editions,
      RegistrationStore registrations,
      VerificationTokenStore tokens,
      OutboxStore outbox,
      TweetStore tweets,
      HarvestCheckpointStore harvestCheckpoints,
      RetentionStore retention,
      TrustedDomainStore trustedDomains,
      AuditLog auditLog,
      OrganiserAccountStore organiserAccounts,
      SessionStore sessions,
      RateLimitStore rateLimits,
      LeaseStore leases,
      HeldActionStore heldActions,
      JdbcStores jdbc,
      HikariDataSource pool,
      String description) {
    this.editions = editions;
    this.registrations = registrations;
    this.tokens = tokens;
    this.outbox = outbox;
    this.tweets = tweets;
    this.harvestCheckpoints = harvestCheckpoints;
    this.retention = retention;
    this.trustedDomains = trustedDomains;
    this.auditLog = auditLog;
    this.organiserAccounts = organiserAccounts;
    this.sessions = sessions;
    this.rateLimits = rateLimits;
    this.leases = leases;
    this.heldActions = heldActions;
    this.jdbc = jdbc;
    this.pool = pool;
    this.description = description;
  }

  /**
   * Fresh, empty in-memory stores.
   *
   * @return the stores
   */
  public static Stores inMemory() {
    return new Stores(
        new InMemoryEditionStore(),
        new InMemoryRegistrationStore(),
        new InMemoryVerificationTokenStore(),
        new InMemoryOutboxStore(),
        new InMemoryTweetStore(),
        new InMemoryHarvestCheckpointStore(),
        new InMemoryRetentionStore(),
        new InMemoryTrustedDomainStore(),
        new InMemoryAuditLog(),
        new InMemoryOrganiserAccountStore(),
        new InMemorySessionStore(),
        new InMemoryRateLimitStore(),
        new InMemoryLeaseStore(),
        new InMemoryHeldActionStore(),
        null,
        null,
        "in-memory stores");
  }

  /**
   * Opens the stores a configuration names, migrating a database's schema.
   *
   * @param config the configuration
   * @return the stores; close them to release the pool
   * @throws org.poltwt.PoltwtException if the database cannot be reached or migrated
   */
  public static Stores open(SiteConfig config) {
    requireNonNull(config, "config");
    String db = config.database();
    if (db.equals(SiteConfig.MEMORY)) {
      return inMemory();
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("poltwt");
    hikari.setMaximumPoolSize(8);
    String description;
    if (db.equals("h2")) {
      hikari.setDataSource(JdbcStores.embeddedH2(config.dataDir().resolve("db")));
      description = "embedded H2 in " + config.dataDir().resolve("db").toAbsolutePath().normalize();
    } else {
      hikari.setJdbcUrl(db);
      config.databaseUser().ifPresent(hikari::setUsername);
      config.databasePassword().ifPresent(hikari::setPassword);
      int params = db.indexOf('?');
      description = db.substring(0, params < 0 ? db.length() : params).replaceAll(";.*", "");
    }
    HikariDataSource pool = new HikariDataSource(hikari);
    try {
      JdbcStores jdbc = JdbcStores.create(pool);
      return new Stores(
          jdbc.editions(),
          jdbc.registrations(),
          jdbc.tokens(),
          jdbc.outbox(),
          jdbc.tweets(),
          jdbc.harvestCheckpoints(),
          jdbc.retention(),
          jdbc.trustedDomains(),
          jdbc.auditLog(),
          jdbc.organiserAccounts(),
          jdbc.sessions(),
          jdbc.rateLimits(),
          jdbc.leases(),
          jdbc.heldActions(),
          jdbc,
          pool,
          description);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The organisers' trusted email domains.
   *
   * @return the store
   */
  public TrustedDomainStore trustedDomains() {
    return trustedDomains;
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
   * The registrations.
   *
   * @return the store
   */
  public RegistrationStore registrations() {
    return registrations;
  }

  /**
   * Every registration a query matches, read a page at a time.
   *
   * @param query the query
   * @return the registrations, in the store's order
   */
  public List<Registration> allRegistrations(RegistrationQuery query) {
    List<Registration> all = new ArrayList<>();
    for (int offset = 0; ; offset += ALL_PAGE) {
      List<Registration> page = registrations.list(query, offset, ALL_PAGE);
      all.addAll(page);
      if (page.size() < ALL_PAGE) {
        return all;
      }
    }
  }

  /** How many registrations {@link #allRegistrations} reads at once. */
  private static final int ALL_PAGE = 500;

  /**
   * The email-verification tokens.
   *
   * @return the store
   */
  public VerificationTokenStore tokens() {
    return tokens;
  }

  /**
   * The announcements and their outbox.
   *
   * @return the store
   */
  public OutboxStore outbox() {
    return outbox;
  }

  /**
   * The harvested tweets, by edition.
   *
   * @return the store
   */
  public TweetStore tweets() {
    return tweets;
  }

  /**
   * Where each edition's harvest stands, so that a harvest stopped half-way resumes; on a database
   * it survives a restart.
   *
   * @return the store
   */
  public HarvestCheckpointStore harvestCheckpoints() {
    return harvestCheckpoints;
  }

  /**
   * The editions' own retention periods and the legal holds.
   *
   * @return the store
   */
  public RetentionStore retention() {
    return retention;
  }

  /**
   * The organisers' audit log: entries are only ever added; on a database it survives a restart.
   *
   * @return the log
   */
  public AuditLog auditLog() {
    return auditLog;
  }

  /**
   * The sign-up site's organiser accounts; on a database they survive a restart.
   *
   * @return the store
   */
  public OrganiserAccountStore organiserAccounts() {
    return organiserAccounts;
  }

  /**
   * The organisers' log-ins, shared by every instance on the database.
   *
   * @return the store
   */
  public SessionStore sessions() {
    return sessions;
  }

  /**
   * The rate limits' counts, shared by every instance on the database.
   *
   * @return the store
   */
  public RateLimitStore rateLimits() {
    return rateLimits;
  }

  /**
   * The markers of jobs that run once across instances, and of one-time codes used.
   *
   * @return the store
   */
  public LeaseStore leases() {
    return leases;
  }

  /**
   * Mass-mail actions waiting for their confirmation, and their results.
   *
   * @return the store
   */
  public HeldActionStore heldActions() {
    return heldActions;
  }

  /**
   * Says what the stores are on, without credentials.
   *
   * @return for example "embedded H2 in /srv/poltwt/data/db"
   */
  public String description() {
    return description;
  }

  /**
   * Stores editions and registrations in bulk, as demo data or an import: on a database in batches,
   * each in one transaction.
   *
   * @param newEditions editions, stored (replacing any of the same number) before the registrations
   * @param newRegistrations registrations of those editions
   * @return how many registrations were stored
   */
  public long importAll(
      Collection<Edition> newEditions, Collection<Registration> newRegistrations) {
    newEditions.forEach(editions::save);
    if (jdbc != null) {
      ImportReport report = jdbc.importRegistrations(newRegistrations, 500);
      return report.inserted();
    }
    newRegistrations.forEach(registrations::insert);
    return newRegistrations.size();
  }

  /** Closes the connection pool, if any. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}

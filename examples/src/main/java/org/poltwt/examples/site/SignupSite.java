package org.poltwt.examples.site;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.demo.DemoData;
import org.poltwt.examples.demo.DemoTweets;
import org.poltwt.tweet.io.TweetWriter;

/**
 * The sign-up site: home page with the countdown, officer and agency sign-up, email verification,
 * the masked-email look-up, the participants' map, the demo mail outbox, and the organisers' pages.
 * It uses the library only through its public API.
 *
 * <pre>{@code
 * try (SignupSite site = SignupSite.start(SiteConfig.fromEnvironment(System.getenv()).build(),
 *     Clock.systemUTC(), new PrintWriter(System.out, true))) {
 *   site.awaitStop();
 * }
 * }</pre>
 */
public final class SignupSite implements AutoCloseable {
  private final Stores stores;
  private final boolean ownsStores;
  private final Site site;
  private final Object lock = new Object();
  private boolean stopped;

  private SignupSite(Stores stores, boolean ownsStores, Site site) {
    this.stores = stores;
    this.ownsStores = ownsStores;
    this.site = site;
  }

  /**
   * Opens the stores, fills an empty database with the demo data if so configured, and starts
   * serving.
   *
   * @param config the configuration
   * @param clock the clock every service reads
   * @param log where start-up messages go (the address, a generated organiser password)
   * @return the running site
   * @throws org.poltwt.PoltwtException if the database cannot be opened
   * @throws RuntimeException if the port cannot be bound
   */
  public static SignupSite start(SiteConfig config, Clock clock, PrintWriter log) {
    requireNonNull(config, "config");
    requireNonNull(clock, "clock");
    requireNonNull(log, "log");
    Stores stores = Stores.open(config);
    try {
      return start(config, clock, log, stores, true);
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
  }

  /**
   * Starts another instance of a site on stores it shares with the instances already running on
   * them, and leaves them open when it stops: several instances on one database, within one JVM
   * (in-memory stores are shared only this way). Give every instance of one deployment the same
   * {@link SiteConfig#manageKey()}, as a deployment would.
   *
   * @param config this instance's configuration; its database setting is not used
   * @param clock the clock every service reads
   * @param log where start-up messages go
   * @param shared the stores, owned by whoever opened them
   * @return the running instance
   */
  static SignupSite startSharing(SiteConfig config, Clock clock, PrintWriter log, Stores shared) {
    return start(
        requireNonNull(config, "config"),
        requireNonNull(clock, "clock"),
        requireNonNull(log, "log"),
        requireNonNull(shared, "shared"),
        false);
  }

  private static SignupSite start(
      SiteConfig config, Clock clock, PrintWriter log, Stores stores, boolean ownsStores) {
    if (config.demoData() && stores.editions().all().isEmpty()) {
      DemoData demo =
          DemoData.generate(
              config.demoSeed(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      long n = stores.importAll(demo.editions(), demo.registrations());
      log.printf(
          "Demo data: edition %d on %s with %d registrations (seed %d).%n",
          demo.nextEdition().number(),
          demo.nextEdition().date().orElseThrow(),
          n,
          config.demoSeed());
      if (config.demoTweets() > 0) {
        Path file = writeDemoTweets(config, demo);
        log.printf("Demo tweets for the wrap-up: %s%n", file.toAbsolutePath().normalize());
      }
    }
    String password = config.organiserPassword().orElse(null);
    boolean generated = password == null;
    if (generated) {
      password = randomPassword();
    }
    Site site = new Site(config, clock, stores, password, log);
    log.printf(
        "poltwt sign-up site on %s (%s; mail: %s)%n",
        site.url,
        stores.description(),
        site.mailFolder
            .map(f -> "outbox folder " + f.folder().toAbsolutePath().normalize())
            .orElse("SMTP " + config.smtpHost().orElse("")));
    if (!config.trustedProxies().isEmpty()) {
      log.printf(
          "Visitors' addresses from Forwarded/X-Forwarded-For of the trusted proxies %s%n",
          String.join(", ", config.trustedProxies().entries()));
    }
    if (generated && site.firstAdminCreated) {
      log.printf(
          "Organisers' password for this run: %s (set POLTWT_ORGANISER_PASSWORD to choose one)%n",
          password);
    } else if (!site.firstAdminCreated) {
      log.printf(
          "Organiser accounts: as stored in the database (admin's password is the one set at"
              + " the first start, or since)%n");
    }
    log.flush();
    return new SignupSite(stores, ownsStores, site);
  }

  private static Path writeDemoTweets(SiteConfig config, DemoData demo) {
    Path file =
        config
            .dataDir()
            .resolve("tweets")
            .resolve("demo-edition-" + demo.nextEdition().number() + ".jsonl");
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file);
          TweetWriter writer = TweetWriter.of(out)) {
        DemoTweets.generate(
                config.demoSeed(), demo.nextEdition(), demo.registrations(), config.demoTweets())
            .forEach(writer::write);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo tweets", e);
    }
    return file;
  }

  private static String randomPassword() {
    String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom r = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * The port the site listens on.
   *
   * @return the port
   */
  public int port() {
    return site.port();
  }

  /** Runs the retention job now, as the hourly schedule does; for tests. */
  org.poltwt.registration.RetentionReport runRetention() {
    return site.runRetention();
  }

  /**
   * This instance's announcement service, whose outbox sender the minute schedule runs; for tests
   * that run several instances' senders at once.
   */
  org.poltwt.announcement.AnnouncementService announcements() {
    return site.announcements;
  }

  /** The live board's feed and replay; for tests, which tick them rather than wait. */
  LivePages live() {
    return site.live;
  }

  /** The harvester, organisers' and the follower's; for tests, which wait for its runs. */
  SiteHarvester harvester() {
    return site.harvester;
  }

  /**
   * The site's address, as used in mailed links.
   *
   * @return for example {@code http://localhost:8080}
   */
  public String url() {
    return site.url;
  }

  /**
   * The stores the site runs on.
   *
   * @return the stores
   */
  public Stores stores() {
    return stores;
  }

  /**
   * Blocks until {@link #close()} is called from another thread, or the thread is interrupted.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitStop() throws InterruptedException {
    synchronized (lock) {
      while (!stopped) {
        lock.wait();
      }
    }
  }

  /** Stops serving and closes the stores, unless they are shared ({@link #startSharing}). */
  @Override
  public void close() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      stopped = true;
      lock.notifyAll();
    }
    site.stop();
    if (ownsStores) {
      stores.close();
    }
  }
}

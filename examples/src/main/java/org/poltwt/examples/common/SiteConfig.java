package org.poltwt.examples.common;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the sign-up site runs: where it listens, which database and mail server it uses, the
 * organisers' password and the limits it enforces. {@link #fromEnvironment(Map)} reads the {@code
 * POLTWT_*} variables; {@link #builder()} sets each value in code. The defaults run the demo:
 * embedded H2 under {@code ./data}, mail to a folder of {@code .eml} files, demo data on first
 * start.
 */
public final class SiteConfig {
  /** The value of {@link Builder#database(String)} that keeps everything in memory. */
  public static final String MEMORY = "memory";

  /**
   * The environment variable holding the X API's app-only bearer token; the same one the {@code
   * harvest} command reads.
   */
  public static final String X_BEARER_TOKEN = "POLTWT_X_BEARER_TOKEN";

  /** The environment variable holding the key that signs manage links, as base64. */
  public static final String MANAGE_KEY = "POLTWT_MANAGE_KEY";

  /**
   * The environment variable holding the read budget of each harvest the organisers start on the
   * site: the most posts one harvest reads from the X API, which bills each one.
   */
  public static final String X_HARVEST_MAX_POSTS = "POLTWT_X_HARVEST_MAX_POSTS";

  /** The read budget of a harvest started on the site, unless set. */
  public static final long DEFAULT_X_HARVEST_MAX_POSTS = 10_000;

  /**
   * The environment variable of how many seconds apart the site polls recent search while an
   * edition is live (with an X token), or {@code off}.
   */
  public static final String X_LIVE_HARVEST_EVERY = "POLTWT_X_LIVE_HARVEST_EVERY";

  /**
   * How often the site polls recent search during an edition, unless set: 60 polls in 15 minutes,
   * within the search endpoint's per-app limit (450) and the old Basic tier's (60) alike.
   */
  public static final Duration DEFAULT_X_LIVE_HARVEST_EVERY = Duration.ofSeconds(15);

  /**
   * The environment variable holding the deployment's default retention period, in days after an
   * edition's global span ends (issue 21); an edition can have its own on the Retention page.
   */
  public static final String RETENTION_DAYS = "POLTWT_RETENTION_DAYS";

  /**
   * The environment variable listing the reverse proxies whose {@code Forwarded} and {@code
   * X-Forwarded-For} headers are believed (issue 22); see {@link TrustedProxies#parse(String)}.
   */
  public static final String TRUSTED_PROXIES = "POLTWT_TRUSTED_PROXIES";

  /**
   * The environment variable holding the generous budget of one address per action and minute,
   * shared by everyone behind it (issue 22).
   */
  public static final String ADDRESS_RATE_LIMIT = "POLTWT_ADDRESS_RATE_LIMIT";

  /** The budget of one address per action and minute, unless set. */
  public static final int DEFAULT_ADDRESS_RATE_LIMIT = 300;

  private final String host;
  private final int port;
  private final Optional<String> publicUrl;
  private final String database;
  private final Optional<String> databaseUser;
  private final Optional<String> databasePassword;
  private final Path dataDir;
  private final Optional<String> organiserPassword;
  private final boolean demoData;
  private final long demoSeed;
  private final int demoTweets;
  private final Optional<String> smtpHost;
  private final int smtpPort;
  private final Optional<String> smtpUser;
  private final Optional<String> smtpPassword;
  private final boolean smtpStartTls;
  private final String mailFrom;
  private final int rateLimit;
  private final long maxRequestBytes;
  private final Optional<Boolean> secureCookies;
  private final Optional<String> xBearerToken;
  private final Optional<byte[]> manageKey;
  private final URI xApiUri;
  private final long xHarvestMaxPosts;
  private final Optional<Duration> xLiveHarvestEvery;
  private final int retentionDays;
  private final TrustedProxies trustedProxies;
  private final int addressRateLimit;
  private final LiveOptions live;

  private SiteConfig(Builder b) {
    host = b.host;
    port = b.port;
    publicUrl = Optional.ofNullable(b.publicUrl);
    database = b.database;
    databaseUser = Optional.ofNullable(b.databaseUser);
    databasePassword = Optional.ofNullable(b.databasePassword);
    dataDir = b.dataDir;
    organiserPassword = Optional.ofNullable(b.organiserPassword);
    demoData = b.demoData;
    demoSeed = b.demoSeed;
    demoTweets = b.demoTweets;
    smtpHost = Optional.ofNullable(b.smtpHost);
    smtpPort = b.smtpPort;
    smtpUser = Optional.ofNullable(b.smtpUser);
    smtpPassword = Optional.ofNullable(b.smtpPassword);
    smtpStartTls = b.smtpStartTls;
    mailFrom = b.mailFrom;
    rateLimit = b.rateLimit;
    maxRequestBytes = b.maxRequestBytes;
    secureCookies = Optional.ofNullable(b.secureCookies);
    xBearerToken = Optional.ofNullable(b.xBearerToken);
    manageKey = Optional.ofNullable(b.manageKey);
    xApiUri = b.xApiUri;
    xHarvestMaxPosts = b.xHarvestMaxPosts;
    xLiveHarvestEvery = b.xLiveHarvestEvery;
    retentionDays = b.retentionDays;
    trustedProxies = b.trustedProxies;
    addressRateLimit = b.addressRateLimit;
    live = b.live;
  }

  /**
   * The live board's settings (issue 23).
   *
   * @return the settings
   */
  public LiveOptions live() {
    return live;
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the configuration from environment variables, each optional: {@code POLTWT_HOST}, {@code
   * POLTWT_PORT}, {@code POLTWT_PUBLIC_URL}, {@code POLTWT_DB_URL} ({@code memory}, or a JDBC URL
   * such as {@code jdbc:postgresql://db/poltwt}), {@code POLTWT_DB_USER}, {@code
   * POLTWT_DB_PASSWORD}, {@code POLTWT_DATA_DIR}, {@code POLTWT_ORGANISER_PASSWORD}, {@code
   * POLTWT_DEMO} ({@code true}/{@code false}), {@code POLTWT_DEMO_SEED}, {@code POLTWT_SMTP_HOST},
   * {@code POLTWT_SMTP_PORT}, {@code POLTWT_SMTP_USER}, {@code POLTWT_SMTP_PASSWORD}, {@code
   * POLTWT_SMTP_STARTTLS}, {@code POLTWT_MAIL_FROM}, {@code POLTWT_RATE_LIMIT}, {@code
   * POLTWT_SECURE_COOKIES}, {@value #X_BEARER_TOKEN} (the X API's app-only bearer token: with it,
   * sign-up checks each handle on X and organisers can harvest the edition), {@value #MANAGE_KEY}
   * (the deployment's secret: the manage links' key, and the one the CSRF and sign-up proof keys
   * are derived from; the same on every instance), {@value #X_HARVEST_MAX_POSTS} (the read budget
   * of each harvest started on the site), {@value #X_LIVE_HARVEST_EVERY} (seconds between the live
   * board's polls of recent search during an edition, 2 to 900, or {@code off}), {@value
   * #TRUSTED_PROXIES} and {@value #ADDRESS_RATE_LIMIT}.
   *
   * @param env the variables, usually {@link System#getenv()}
   * @return a builder holding them, to adjust further
   * @throws IllegalArgumentException if a value is malformed (the message names the variable)
   */
  public static Builder fromEnvironment(Map<String, String> env) {
    requireNonNull(env, "env");
    Builder b = new Builder();
    get(env, "POLTWT_HOST").ifPresent(b::host);
    get(env, "POLTWT_PORT").ifPresent(v -> b.port(integer("POLTWT_PORT", v)));
    get(env, "POLTWT_PUBLIC_URL").ifPresent(b::publicUrl);
    get(env, "POLTWT_DB_URL").ifPresent(b::database);
    get(env, "POLTWT_DB_USER").ifPresent(v -> b.databaseUser = v);
    get(env, "POLTWT_DB_PASSWORD").ifPresent(v -> b.databasePassword = v);
    get(env, "POLTWT_DATA_DIR").ifPresent(v -> b.dataDir(Path.of(v)));
    get(env, "POLTWT_ORGANISER_PASSWORD").ifPresent(b::organiserPassword);
    get(env, "POLTWT_DEMO").ifPresent(v -> b.demoData(bool("POLTWT_DEMO", v)));
    get(env, "POLTWT_DEMO_SEED").ifPresent(v -> b.demoSeed(integer("POLTWT_DEMO_SEED", v)));
    get(env, "POLTWT_SMTP_HOST").ifPresent(v -> b.smtpHost = v);
    get(env, "POLTWT_SMTP_PORT").ifPresent(v -> b.smtpPort = integer("POLTWT_SMTP_PORT", v));
    get(env, "POLTWT_SMTP_USER").ifPresent(v -> b.smtpUser = v);
    get(env, "POLTWT_SMTP_PASSWORD").ifPresent(v -> b.smtpPassword = v);
    get(env, "POLTWT_SMTP_STARTTLS")
        .ifPresent(v -> b.smtpStartTls = bool("POLTWT_SMTP_STARTTLS", v));
    get(env, "POLTWT_MAIL_FROM").ifPresent(v -> b.mailFrom = v);
    get(env, "POLTWT_RATE_LIMIT").ifPresent(v -> b.rateLimit(integer("POLTWT_RATE_LIMIT", v)));
    get(env, "POLTWT_SECURE_COOKIES")
        .ifPresent(v -> b.secureCookies(bool("POLTWT_SECURE_COOKIES", v)));
    get(env, X_BEARER_TOKEN).ifPresent(b::xBearerToken);
    get(env, MANAGE_KEY).ifPresent(b::manageKey);
    get(env, X_HARVEST_MAX_POSTS).ifPresent(v -> b.xHarvestMaxPosts(whole(X_HARVEST_MAX_POSTS, v)));
    get(env, X_LIVE_HARVEST_EVERY)
        .ifPresent(
            v ->
                b.xLiveHarvestEvery(
                    v.strip().equalsIgnoreCase("off")
                        ? Optional.empty()
                        : Optional.of(Duration.ofSeconds(whole(X_LIVE_HARVEST_EVERY, v.strip())))));
    get(env, RETENTION_DAYS).ifPresent(v -> b.retentionDays(integer(RETENTION_DAYS, v)));
    get(env, TRUSTED_PROXIES).ifPresent(b::trustedProxies);
    get(env, ADDRESS_RATE_LIMIT).ifPresent(v -> b.addressRateLimit(integer(ADDRESS_RATE_LIMIT, v)));
    b.live(LiveOptions.fromEnvironment(env));
    return b;
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static long whole(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": must be a whole number", e);
    }
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": must be a whole number", e);
    }
  }

  private static boolean bool(String name, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return true;
      case "false":
      case "no":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException(name + ": must be true or false");
    }
  }

  /**
   * The interface the site listens on.
   *
   * @return a host name or address
   */
  public String host() {
    return host;
  }

  /**
   * The port the site listens on.
   *
   * @return the port; 0 for any free port
   */
  public int port() {
    return port;
  }

  /**
   * The URL the site is reached at, for links in mail; from the host and port unless set.
   *
   * @param actualPort the port the site is bound to
   * @return the URL, without a trailing slash
   */
  public String publicUrl(int actualPort) {
    return publicUrl.orElse(
        "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + actualPort);
  }

  /**
   * The database: {@code h2}, {@value #MEMORY} or a JDBC URL.
   *
   * @return the database
   */
  public String database() {
    return database;
  }

  /**
   * The user for a JDBC URL database.
   *
   * @return the user, if set
   */
  public Optional<String> databaseUser() {
    return databaseUser;
  }

  /**
   * The password for a JDBC URL database.
   *
   * @return the password, if set
   */
  public Optional<String> databasePassword() {
    return databasePassword;
  }

  /**
   * The directory of the embedded database, the mail outbox and the demo tweets.
   *
   * @return the directory
   */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * The organisers' password.
   *
   * @return the password, if set; else the site makes one up
   */
  public Optional<String> organiserPassword() {
    return organiserPassword;
  }

  /**
   * Whether an empty database is filled with the demo edition.
   *
   * @return true to fill it
   */
  public boolean demoData() {
    return demoData;
  }

  /**
   * The seed of the demo data.
   *
   * @return the seed
   */
  public long demoSeed() {
    return demoSeed;
  }

  /**
   * The average number of demo tweets per account.
   *
   * @return the number
   */
  public int demoTweets() {
    return demoTweets;
  }

  /**
   * The mail server; without one, mail goes to the outbox folder.
   *
   * @return the host, if set
   */
  public Optional<String> smtpHost() {
    return smtpHost;
  }

  /**
   * The mail server's port.
   *
   * @return the port
   */
  public int smtpPort() {
    return smtpPort;
  }

  /**
   * The mail server's user.
   *
   * @return the user, if set
   */
  public Optional<String> smtpUser() {
    return smtpUser;
  }

  /**
   * The mail server's password.
   *
   * @return the password, if set
   */
  public Optional<String> smtpPassword() {
    return smtpPassword;
  }

  /**
   * Whether mail is sent with STARTTLS.
   *
   * @return true for STARTTLS
   */
  public boolean smtpStartTls() {
    return smtpStartTls;
  }

  /**
   * The sender of the site's mail.
   *
   * @return the address, with a display name
   */
  public String mailFrom() {
    return mailFrom;
  }

  /**
   * The attempts allowed per minute at one action (sign-up, verification, look-up, log-in...) on
   * one target: a handle, an email address, a link's token, an account; and on one address for an
   * action that names no target.
   *
   * @return the limit
   */
  public int rateLimit() {
    return rateLimit;
  }

  /**
   * The attempts allowed per minute at one action from one address, whatever their targets: the
   * budget of everyone behind one address (a station's NAT), so generous.
   *
   * @return the limit, {@value #DEFAULT_ADDRESS_RATE_LIMIT} unless set
   */
  public int addressRateLimit() {
    return addressRateLimit;
  }

  /**
   * The reverse proxies whose {@code Forwarded} and {@code X-Forwarded-For} headers are believed.
   *
   * @return the proxies; none unless set
   */
  public TrustedProxies trustedProxies() {
    return trustedProxies;
  }

  /**
   * The largest request body accepted.
   *
   * @return the size in bytes
   */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Whether cookies carry {@code Secure}: as configured, else when the site is reached over HTTPS
   * or on localhost (browsers accept secure cookies there over plain HTTP).
   *
   * @param url the URL the site is reached at
   * @return true if cookies are marked secure
   */
  public boolean secureCookies(String url) {
    if (secureCookies.isPresent()) {
      return secureCookies.get();
    }
    URI uri = URI.create(url);
    return "https".equals(uri.getScheme()) || "localhost".equals(uri.getHost());
  }

  /**
   * The deployment's secret, shared by every instance: it signs the "manage my registration" links
   * of the mails, and the keys of the CSRF form tokens and the sign-up's proof cookie are derived
   * from it, so any instance checks what another signed; when unset, the site keeps one in its data
   * directory, and instances with different data directories then refuse each other's tokens.
   *
   * @return the key's bytes, if set
   */
  public Optional<byte[]> manageKey() {
    return manageKey.map(byte[]::clone);
  }

  /**
   * The X API's app-only bearer token. With one, sign-up checks each handle on X (found, not found
   * or suspended); without one, every well-formed handle is accepted.
   *
   * @return the token, if set
   */
  public Optional<String> xBearerToken() {
    return xBearerToken;
  }

  /**
   * Where the X API is reached.
   *
   * @return the base URI, {@code https://api.x.com} unless set
   */
  public URI xApiUri() {
    return xApiUri;
  }

  /**
   * The read budget of each harvest the organisers start on the site: it reads at most this many
   * posts from the X API, then stops, and the next one resumes where it stopped.
   *
   * @return the budget, {@value #DEFAULT_X_HARVEST_MAX_POSTS} unless set
   */
  public long xHarvestMaxPosts() {
    return xHarvestMaxPosts;
  }

  /**
   * How far apart the site polls recent search while an edition is live, when an X token is set;
   * each poll asks only for posts newer than the newest stored, and one instance polls at a time.
   *
   * @return the interval, {@link #DEFAULT_X_LIVE_HARVEST_EVERY} unless set; empty when it is off
   */
  public Optional<Duration> xLiveHarvestEvery() {
    return xLiveHarvestEvery;
  }

  /**
   * The deployment's default retention period: how many days after an edition's global span its
   * registrations' personal data is erased, unless the edition has its own period.
   *
   * @return the days, 90 unless set
   */
  public int retentionDays() {
    return retentionDays;
  }

  /** Says what the site runs on, without secrets. */
  @Override
  public String toString() {
    return "SiteConfig[host="
        + host
        + ", port="
        + port
        + ", database="
        + (database.startsWith("jdbc:")
            ? database.replaceAll("(?i)password=[^;&]*", "password=***")
            : database)
        + ", dataDir="
        + dataDir
        + ", mail="
        + smtpHost.map(h -> "smtp " + h + ":" + smtpPort).orElse("outbox folder")
        + ", demoData="
        + demoData
        + ", handles="
        + (xBearerToken.isPresent() ? "checked on the X API at " + xApiUri : "all accepted")
        + "]";
  }

  /** Sets the configuration's values, each checked at once. */
  public static final class Builder {
    private String host = "localhost";
    private int port = 8080;
    private String publicUrl;
    private String database = "h2";
    private String databaseUser;
    private String databasePassword;
    private Path dataDir = Path.of("data");
    private String organiserPassword;
    private boolean demoData = true;
    private long demoSeed = 2013;
    private int demoTweets = 150;
    private String smtpHost;
    private int smtpPort = 587;
    private String smtpUser;
    private String smtpPassword;
    private long xHarvestMaxPosts = DEFAULT_X_HARVEST_MAX_POSTS;
    private Optional<Duration> xLiveHarvestEvery = Optional.of(DEFAULT_X_LIVE_HARVEST_EVERY);
    private int retentionDays = 90;
    private boolean smtpStartTls = true;
    private String mailFrom = "PolTwt organisers <no-reply@poltwt.example>";
    private int rateLimit = 10;
    private long maxRequestBytes = 64 * 1024;
    private Boolean secureCookies;
    private String xBearerToken;
    private byte[] manageKey;
    private URI xApiUri = URI.create("https://api.x.com");
    private TrustedProxies trustedProxies = TrustedProxies.none();
    private int addressRateLimit = DEFAULT_ADDRESS_RATE_LIMIT;
    private LiveOptions live = LiveOptions.defaults();

    private Builder() {}

    /**
     * Sets the live board's settings.
     *
     * @param options the settings
     * @return this builder
     */
    public Builder live(LiveOptions options) {
      this.live = requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the interface to listen on.
     *
     * @param host a host name or address; {@code localhost} by default, {@code 0.0.0.0} for all
     * @return this builder
     */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the port.
     *
     * @param port 1 to 65535, or 0 for any free port; 8080 by default
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the URL visitors reach the site at (behind a proxy, say), used in mailed links.
     *
     * @param url an http or https URL without a trailing slash
     * @return this builder
     * @throws IllegalArgumentException if it is not an http(s) URL
     */
    public Builder publicUrl(String url) {
      requireNonNull(url, "url");
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException("publicUrl: must start with http:// or https://");
      }
      this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return this;
    }

    /**
     * Sets the database: {@code h2} (the default: embedded H2 in a file under the data directory),
     * {@value SiteConfig#MEMORY} (in-memory stores, gone at exit), or a JDBC URL such as {@code
     * jdbc:postgresql://localhost/poltwt}, pooled with HikariCP.
     *
     * @param database the choice
     * @return this builder
     * @throws IllegalArgumentException if it is none of those
     */
    public Builder database(String database) {
      requireNonNull(database, "database");
      if (!database.equals("h2") && !database.equals(MEMORY) && !database.startsWith("jdbc:")) {
        throw new IllegalArgumentException("database: must be h2, memory or a jdbc: URL");
      }
      this.database = database;
      return this;
    }

    /**
     * Sets the credentials for a JDBC URL database.
     *
     * @param user the user, or null
     * @param password the password, or null
     * @return this builder
     */
    public Builder databaseCredentials(String user, String password) {
      this.databaseUser = user;
      this.databasePassword = password;
      return this;
    }

    /**
     * Sets the directory of the embedded database and of the mail outbox.
     *
     * @param dataDir the directory; {@code ./data} by default
     * @return this builder
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = requireNonNull(dataDir, "dataDir");
      return this;
    }

    /**
     * Sets the organisers' password. Without one, the site makes up a random one at start and
     * prints it.
     *
     * @param password at least 8 characters
     * @return this builder
     * @throws IllegalArgumentException if shorter
     */
    public Builder organiserPassword(String password) {
      requireNonNull(password, "password");
      if (password.length() < 8) {
        throw new IllegalArgumentException("organiserPassword: must be at least 8 characters");
      }
      this.organiserPassword = password;
      return this;
    }

    /**
     * Whether an empty database is filled with the demo edition and its registrations.
     *
     * @param demoData true by default
     * @return this builder
     */
    public Builder demoData(boolean demoData) {
      this.demoData = demoData;
      return this;
    }

    /**
     * Sets the seed of the demo data.
     *
     * @param seed any number; the same seed gives the same data
     * @return this builder
     */
    public Builder demoSeed(long seed) {
      this.demoSeed = seed;
      return this;
    }

    /**
     * Sets how many tweets each demo account writes on average, into {@code tweets/} under the data
     * directory, for the organisers' wrap-up page.
     *
     * @param perAccount 0 (no tweets file) to 1,000; 150 by default
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder demoTweets(int perAccount) {
      if (perAccount < 0 || perAccount > 1000) {
        throw new IllegalArgumentException("demoTweets: must be between 0 and 1000 per account");
      }
      this.demoTweets = perAccount;
      return this;
    }

    /**
     * Sends mail through an SMTP server instead of the outbox folder.
     *
     * @param host the server
     * @param port its port, usually 587
     * @param user the user, or null for none
     * @param password the password, or null
     * @param startTls whether to require STARTTLS
     * @return this builder
     */
    public Builder smtp(String host, int port, String user, String password, boolean startTls) {
      this.smtpHost = requireNonNull(host, "host");
      this.smtpPort = port;
      this.smtpUser = user;
      this.smtpPassword = password;
      this.smtpStartTls = startTls;
      return this;
    }

    /**
     * Sets the sender of the site's mail.
     *
     * @param from an address, optionally with a display name
     * @return this builder
     */
    public Builder mailFrom(String from) {
      this.mailFrom = requireNonNull(from, "from");
      return this;
    }

    /**
     * Sets how many sign-ups, verifications, look-ups and organiser log-ins may be made per minute
     * on one target (a handle, an email address, a link, an account), each action counted apart; an
     * action without a target counts its address instead.
     *
     * @param perMinute 1 to 10,000; 10 by default
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder rateLimit(int perMinute) {
      if (perMinute < 1 || perMinute > 10_000) {
        throw new IllegalArgumentException("rateLimit: must be between 1 and 10000 per minute");
      }
      this.rateLimit = perMinute;
      return this;
    }

    /**
     * Sets how many attempts at one action one address may make per minute, whatever their targets:
     * everyone behind one address (fifty officers of a station behind one NAT) shares it.
     *
     * @param perMinute 1 to 100,000; {@value SiteConfig#DEFAULT_ADDRESS_RATE_LIMIT} by default
     * @return this builder
     * @throws IllegalArgumentException if out of range (the message names {@value
     *     SiteConfig#ADDRESS_RATE_LIMIT})
     */
    public Builder addressRateLimit(int perMinute) {
      if (perMinute < 1 || perMinute > 100_000) {
        throw new IllegalArgumentException(
            ADDRESS_RATE_LIMIT + ": must be between 1 and 100000 per minute");
      }
      this.addressRateLimit = perMinute;
      return this;
    }

    /**
     * Sets the reverse proxies whose {@code Forwarded} and {@code X-Forwarded-For} headers are
     * believed: the site's own proxies, and only them, or any visitor could name any address.
     *
     * @param list addresses and CIDR networks separated by commas or spaces, for example {@code
     *     10.0.0.0/8,192.168.1.5,::1}; blank for none (the default)
     * @return this builder
     * @throws IllegalArgumentException naming {@value SiteConfig#TRUSTED_PROXIES} and the bad entry
     */
    public Builder trustedProxies(String list) {
      requireNonNull(list, "list");
      try {
        this.trustedProxies = TrustedProxies.parse(list);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(TRUSTED_PROXIES + ": " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Sets the largest request body accepted.
     *
     * @param bytes 1 KiB to 64 MiB; 64 KiB by default
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRequestBytes(long bytes) {
      if (bytes < 1024 || bytes > 64L * 1024 * 1024) {
        throw new IllegalArgumentException("maxRequestBytes: must be between 1 KiB and 64 MiB");
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * Forces the {@code Secure} flag of cookies on or off; by default it is on for HTTPS and
     * localhost.
     *
     * @param secure whether cookies are marked secure
     * @return this builder
     */
    public Builder secureCookies(boolean secure) {
      this.secureCookies = secure;
      return this;
    }

    /**
     * Sets the key that signs manage links, as base64 of at least 32 random bytes (for example the
     * output of {@code openssl rand -base64 32}).
     *
     * @param base64 the key; kept out of {@link SiteConfig#toString()}
     * @return this builder
     * @throws IllegalArgumentException naming {@value SiteConfig#MANAGE_KEY} if it is not base64 of
     *     at least 32 bytes
     */
    public Builder manageKey(String base64) {
      requireNonNull(base64, "base64");
      byte[] key;
      try {
        key = java.util.Base64.getDecoder().decode(base64.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(MANAGE_KEY + ": must be base64", e);
      }
      if (key.length < 32) {
        throw new IllegalArgumentException(MANAGE_KEY + ": must be at least 32 bytes");
      }
      this.manageKey = key;
      return this;
    }

    /**
     * Sets the X API's app-only bearer token, so that sign-up checks each handle on X: a handle no
     * account has, or a suspended account's, is refused with a message beside the field.
     *
     * @param token the bearer token; kept out of {@link SiteConfig#toString()}
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds whitespace
     */
    public Builder xBearerToken(String token) {
      requireNonNull(token, "token");
      if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(X_BEARER_TOKEN + ": must not be blank or hold spaces");
      }
      this.xBearerToken = token;
      return this;
    }

    /**
     * Sets where the X API is reached: a stand-in for tests, or a proxy.
     *
     * @param uri an http or https URI; {@code https://api.x.com} by default
     * @return this builder
     * @throws IllegalArgumentException if it is not an http(s) URI
     */
    public Builder xApiUri(URI uri) {
      requireNonNull(uri, "uri");
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("xApiUri: must be an http or https URI");
      }
      this.xApiUri = uri;
      return this;
    }

    /**
     * Sets how far apart the site polls recent search while an edition is live (with an X token).
     *
     * @param every 2 seconds to 15 minutes, or empty for no polling; default {@link
     *     SiteConfig#DEFAULT_X_LIVE_HARVEST_EVERY}
     * @return this builder
     * @throws IllegalArgumentException if it is out of range (the message names {@value
     *     SiteConfig#X_LIVE_HARVEST_EVERY})
     */
    public Builder xLiveHarvestEvery(Optional<Duration> every) {
      requireNonNull(every, "every");
      if (every.isPresent()
          && (every.get().compareTo(Duration.ofSeconds(2)) < 0
              || every.get().compareTo(Duration.ofMinutes(15)) > 0)) {
        throw new IllegalArgumentException(
            X_LIVE_HARVEST_EVERY + ": must be 2 to 900 seconds, or off");
      }
      this.xLiveHarvestEvery = every;
      return this;
    }

    /**
     * Sets the read budget of each harvest the organisers start on the site.
     *
     * @param maxPosts at least 10 (recent search's smallest page); default {@value
     *     SiteConfig#DEFAULT_X_HARVEST_MAX_POSTS}
     * @return this builder
     * @throws IllegalArgumentException if it is smaller (the message names {@value
     *     SiteConfig#X_HARVEST_MAX_POSTS})
     */
    public Builder xHarvestMaxPosts(long maxPosts) {
      if (maxPosts < 10) {
        throw new IllegalArgumentException(
            X_HARVEST_MAX_POSTS + ": must be at least 10, recent search's smallest page");
      }
      this.xHarvestMaxPosts = maxPosts;
      return this;
    }

    /**
     * Sets the deployment's default retention period, in days after an edition's global span.
     *
     * @param days 0 to 36,500; default 90
     * @return this builder
     * @throws IllegalArgumentException if out of range (the message names {@value
     *     SiteConfig#RETENTION_DAYS})
     */
    public Builder retentionDays(int days) {
      if (days < 0 || days > 36_500) {
        throw new IllegalArgumentException(RETENTION_DAYS + ": must be 0 to 36500 days");
      }
      this.retentionDays = days;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     */
    public SiteConfig build() {
      return new SiteConfig(this);
    }
  }
}

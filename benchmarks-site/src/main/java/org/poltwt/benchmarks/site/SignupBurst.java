package org.poltwt.benchmarks.site;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.site.SignupSite;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;

/**
 * A sign-up rush on two sign-up site instances sharing one database, over HTTP as browsers make it,
 * against the same instances serving a static file as the baseline. Not a JMH benchmark: what it
 * measures is a whole deployment under concurrent load (throughput, latency percentiles, errors),
 * and whether any sign-up or mail was lost or doubled on the way.
 *
 * <pre>
 * java -jar signup-burst.jar [--signups 1000] [--users 50]
 * </pre>
 *
 * <p>The database is the PostgreSQL server of {@code POLTWT_BURST_PG_URL}, else of {@code
 * POLTWT_TEST_PG_URL} (a JDBC URL with user and password; the burst works in a fresh schema it
 * drops afterwards), else an in-memory H2 database both instances share in this JVM. Mail goes over
 * SMTP to a GreenMail server started here.
 *
 * <p>Each of {@code --signups} journeys is what an officer's browser does: open the form, post it,
 * follow the redirect, take the verification link from the mail, open it and confirm, the sign-up
 * on one instance and the verification on the other, as a load balancer may send them; {@code
 * --users} of them run at once, each journey from a fresh cookie jar. Then the baseline: as many
 * requests as the burst made, for the site's stylesheet, from as many users at once. The instances
 * run with the site's default rate limits, behind a "reverse proxy" on this host (the trusted
 * proxies are 127.0.0.1 and ::1): each journey's requests name, in {@code X-Forwarded-For}, its
 * station's address, shared by {@value #PER_STATION} officers, as a station's NAT is.
 *
 * <p>Afterwards it checks the database and the mail server: exactly one registration per journey,
 * each verified, and exactly one mail to each address. The figures go to {@code
 * SignupBurst.properties} in {@code target/facts} or {@code -Dpoltwt.facts=dir}, where the
 * benchmarks' {@code Report} reads them; the exit status is 1 if any request failed or any check
 * did not hold.
 */
public final class SignupBurst {
  /**
   * How many officers sign up from one address, a station's NAT: each journey's requests carry its
   * station's address in {@code X-Forwarded-For}, as a reverse proxy in front of the instances adds
   * it.
   */
  static final int PER_STATION = 50;

  /** Sign-ups made before the burst, alone, checked with it but not timed. */
  static final int WARM_UPS = 4;

  private static final String PASSWORD = "burst-organiser-1";
  private static final String STATIC = "/assets/site.css";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/verify\\?token=[\\w-]+)");

  private final int signups;
  private final int users;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private GreenMail mail;
  private final List<SignupSite> sites = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();

  /** What one run measured and found. */
  record Result(
      String database,
      int signups,
      int warmUps,
      int users,
      double seconds,
      Stats journeys,
      Stats signupPosts,
      Stats burstRequests,
      Stats staticRequests,
      int errors,
      long registered,
      long verified,
      long mailsMissing,
      long mailsDoubled,
      long mailsOther) {
    /** Whether nothing failed, was lost or was doubled. */
    boolean clean() {
      return errors == 0
          && registered == signups + warmUps
          && verified == signups + warmUps
          && mailsMissing == 0
          && mailsDoubled == 0
          && mailsOther == 0;
    }

    /** The figures, as {@code key=value} lines. */
    String[] facts() {
      return new String[] {
        "database=" + database,
        "instances=2",
        "signups=" + signups,
        "warmUps=" + warmUps,
        "users=" + users,
        "perStation=" + PER_STATION,
        "seconds=" + fmt(seconds),
        "signupsPerSecond=" + fmt(signups / seconds),
        "journeyP50Ms=" + fmt(journeys.p50()),
        "journeyP99Ms=" + fmt(journeys.p99()),
        "signupPostP50Ms=" + fmt(signupPosts.p50()),
        "signupPostP99Ms=" + fmt(signupPosts.p99()),
        "burstRequests=" + burstRequests.count(),
        "burstRequestsPerSecond=" + fmt(burstRequests.perSecond()),
        "burstP50Ms=" + fmt(burstRequests.p50()),
        "burstP99Ms=" + fmt(burstRequests.p99()),
        "staticRequests=" + staticRequests.count(),
        "staticRequestsPerSecond=" + fmt(staticRequests.perSecond()),
        "staticP50Ms=" + fmt(staticRequests.p50()),
        "staticP99Ms=" + fmt(staticRequests.p99()),
        "errors=" + errors,
        "registered=" + registered,
        "verified=" + verified,
        "mailsMissing=" + mailsMissing,
        "mailsDoubled=" + mailsDoubled,
        "mailsOther=" + mailsOther,
        "clean=" + clean()
      };
    }
  }

  /** Latencies of one kind of request, and the wall time they took together. */
  record Stats(long[] sortedNanos, double wallSeconds) {
    static Stats of(List<Long> nanos, double wallSeconds) {
      return new Stats(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), wallSeconds);
    }

    int count() {
      return sortedNanos.length;
    }

    double perSecond() {
      return sortedNanos.length / wallSeconds;
    }

    double p50() {
      return percentile(0.50);
    }

    double p99() {
      return percentile(0.99);
    }

    /** The nearest-rank percentile, in milliseconds. */
    double percentile(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p * sortedNanos.length);
      return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
  }

  SignupBurst(int signups, int users) {
    if (signups < 1 || users < 1) {
      throw new IllegalArgumentException("signups and users must be at least 1");
    }
    this.signups = signups;
    this.users = users;
  }

  /**
   * Runs the burst and the baseline, prints the figures and writes them as facts.
   *
   * @param args {@code --signups N} (1,000 by default) and {@code --users N} (50 by default)
   * @throws Exception if the instances cannot start
   */
  public static void main(String[] args) throws Exception {
    // The sites log each sign-up at INFO; a thousand of them would bury the figures.
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    int signups = 1000;
    int users = 50;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--signups":
          signups = Integer.parseInt(args[i + 1]);
          break;
        case "--users":
          users = Integer.parseInt(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    SignupBurst burst = new SignupBurst(signups, users);
    Result r = burst.run(postgresUrl());
    Path facts = Path.of(System.getProperty("poltwt.facts", "target/facts"));
    Files.createDirectories(facts);
    Files.write(
        facts.resolve("SignupBurst.properties"),
        (String.join("\n", r.facts()) + "\n").getBytes(StandardCharsets.UTF_8));
    PrintStream out = System.out;
    out.print(summary(r));
    burst.failures().forEach((what, n) -> out.printf("  failed: %s, %d times%n", what, n));
    if (!r.clean()) {
      out.println("FAILED: errors, or lost or doubled sign-ups or mails (see above)");
      System.exit(1);
    }
  }

  /** The PostgreSQL URL the burst runs on, if one is given. */
  static Optional<String> postgresUrl() {
    return Stream.of(System.getenv("POLTWT_BURST_PG_URL"), System.getenv("POLTWT_TEST_PG_URL"))
        .filter(u -> u != null && !u.isBlank())
        .findFirst();
  }

  /**
   * Runs the burst and the baseline on a fresh database, and checks what the database and the mail
   * server hold afterwards.
   *
   * @param postgresUrl the PostgreSQL server, or empty for a shared in-memory H2 database
   * @return the figures
   */
  Result run(Optional<String> postgresUrl) throws Exception {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String schema = "burst_" + suffix;
    String database;
    String url;
    if (postgresUrl.isPresent()) {
      try (Connection c = DriverManager.getConnection(postgresUrl.get());
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      String base = postgresUrl.get();
      url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      database = "PostgreSQL";
    } else {
      url = "jdbc:h2:mem:burst-" + suffix + ";DB_CLOSE_DELAY=-1";
      database = "H2 (in memory, one JVM)";
    }
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try {
      // Every instance of a deployment shares the key of the mails' manage links.
      byte[] key = new byte[32];
      new java.security.SecureRandom().nextBytes(key);
      String manageKey = Base64.getEncoder().encodeToString(key);
      // One after the other: the first migrates the schema and fills it with the demo edition.
      for (int i = 0; i < 2; i++) {
        Path dir = Files.createTempDirectory("poltwt-burst");
        dirs.add(dir);
        SiteConfig config =
            SiteConfig.builder()
                .port(0)
                .database(url)
                .dataDir(dir)
                .organiserPassword(PASSWORD)
                // Behind a reverse proxy on this host, with the site's default limits: 10 attempts
                // a minute per target (handle, email, token), 300 per action from one address.
                .trustedProxies("127.0.0.1, ::1")
                .demoSeed(7)
                .demoTweets(0)
                .smtp("127.0.0.1", mail.getSmtp().getPort(), null, null, false)
                .manageKey(manageKey)
                .build();
        sites.add(
            SignupSite.start(config, Clock.systemUTC(), new PrintWriter(Writer.nullWriter())));
      }
      Stores stores = sites.get(0).stores();
      int edition = signupEdition(stores);
      long before = stores.registrations().count(RegistrationQuery.of(edition));

      // Warm-up: what the first sign-up of each instance loads once (the gazetteer, the calendar
      // library, the templates) is not what a rush costs. The warm-up sign-ups are checked too.
      drive(users * 4, i -> get(site(i), STATIC, new Visitor(i), null));
      drive(WARM_UPS, i -> journey(signups + i, null, null, null));

      List<Long> journeys = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Long> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Long> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      drive(signups, i -> journey(i, journeys, posts, requests));
      double seconds = (System.nanoTime() - start) / 1e9;
      int errors = failures.values().stream().mapToInt(Integer::intValue).sum();

      List<Long> statics = new java.util.concurrent.CopyOnWriteArrayList<>();
      int staticCount = requests.size();
      long staticStart = System.nanoTime();
      drive(staticCount, i -> get(site(i), STATIC, new Visitor(i), statics));
      double staticSeconds = (System.nanoTime() - staticStart) / 1e9;
      errors = failures.values().stream().mapToInt(Integer::intValue).sum();

      long registered = stores.registrations().count(RegistrationQuery.of(edition)) - before;
      long verified = 0;
      long missing = 0;
      long doubled = 0;
      for (int i = 0; i < signups + WARM_UPS; i++) {
        Optional<Registration> r =
            stores.registrations().findByHandle(edition, TwitterHandle.of(handle(i)));
        if (r.isPresent() && r.get().status() == RegistrationStatus.VERIFIED) {
          verified++;
        }
        int mails = mailsTo(email(i)).size();
        if (mails == 0) {
          missing++;
        } else if (mails > 1) {
          doubled += mails - 1;
        }
      }
      long other = mail.getReceivedMessages().length - (signups + WARM_UPS - missing + doubled);
      return new Result(
          database,
          signups,
          WARM_UPS,
          users,
          seconds,
          Stats.of(journeys, seconds),
          Stats.of(posts, seconds),
          Stats.of(requests, seconds),
          Stats.of(statics, staticSeconds),
          errors,
          registered,
          verified,
          missing,
          doubled,
          other);
    } finally {
      for (SignupSite s : sites) {
        s.close();
      }
      mail.stop();
      for (Path dir : dirs) {
        delete(dir);
      }
      dropDatabase(postgresUrl, url, schema);
    }
  }

  /** The failed requests by what failed, for the summary. */
  Map<String, Integer> failures() {
    return Map.copyOf(failures);
  }

  private static void dropDatabase(Optional<String> postgresUrl, String url, String schema)
      throws SQLException {
    if (postgresUrl.isPresent()) {
      try (Connection c = DriverManager.getConnection(postgresUrl.get());
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } else {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  /** The edition the site signs up for, by the site's own rule: the first one still to come. */
  private static int signupEdition(Stores stores) {
    return stores.editions().all().stream()
        .filter(e -> e.status() == EditionStatus.SCHEDULED || e.status() == EditionStatus.DATE_TBD)
        .mapToInt(Edition::number)
        .min()
        .orElseThrow(() -> new IllegalStateException("the demo data has no edition to come"));
  }

  private String site(int i) {
    return "http://localhost:" + sites.get(i % 2).port();
  }

  static String handle(int i) {
    return String.format(Locale.ROOT, "Burst%06d", i);
  }

  static String email(int i) {
    return String.format(Locale.ROOT, "burst%06d@kent.police.uk", i);
  }

  /** Runs {@code count} tasks on {@link #users} threads, each task taking the next number. */
  private void drive(int count, IntConsumer task) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    for (int u = 0; u < users; u++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              try {
                task.accept(i);
              } catch (RuntimeException e) {
                failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
              }
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("the load did not finish in 30 minutes");
    }
  }

  /**
   * One officer's sign-up, as their browser makes it: on one instance the form, the post and the
   * page it redirects to; then the link from the mail, opened and confirmed on the other.
   */
  private void journey(int i, List<Long> journeys, List<Long> posts, List<Long> requests) {
    long start = System.nanoTime();
    String a = site(i);
    String b = site(i + 1);
    Visitor cookies = new Visitor(i);
    HttpResponse<String> form = get(a, "/signup", cookies, requests);
    if (form == null) {
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", find(CSRF, form.body(), "signup form's CSRF token"));
    fields.put("form", "officer");
    fields.put("handle", handle(i));
    fields.put("officerName", "Burst Officer");
    fields.put("agencyName", "Kent Police");
    fields.put("agencyLevel", "COUNTY");
    fields.put("email", email(i));
    fields.put("country", "GB");
    fields.put("zone", "Europe/London");
    fields.put("participationModel", "TWEET_THE_BEAT");
    fields.put("street", "1 High Street");
    fields.put("city", "Maidstone");
    long postStart = System.nanoTime();
    HttpResponse<String> posted = post(a, "/signup", fields, cookies, requests);
    if (posted == null) {
      return;
    }
    if (posts != null) {
      posts.add(System.nanoTime() - postStart);
    }
    String sent = posted.headers().firstValue("Location").orElse("");
    if (posted.statusCode() != 303 || !sent.startsWith("/signup/sent")) {
      failures.merge("sign-up not accepted (" + posted.statusCode() + ")", 1, Integer::sum);
      return;
    }
    if (get(a, sent, cookies, requests) == null) {
      return;
    }
    String link = verificationLink(email(i));
    HttpResponse<String> confirm = get(b, link, cookies, requests);
    if (confirm == null) {
      return;
    }
    Map<String, String> verify = new LinkedHashMap<>();
    verify.put("_csrf", find(CSRF, confirm.body(), "verification page's CSRF token"));
    verify.put("token", find(TOKEN, confirm.body(), "verification page's token"));
    if (post(b, "/verify", verify, cookies, requests) == null) {
      return;
    }
    if (journeys != null) {
      journeys.add(System.nanoTime() - start);
    }
  }

  /**
   * The path of the verification link in the one mail to an address, waiting for it briefly: the
   * site hands the mail to the server before it answers, but the server files it a moment later.
   * The link names the instance that sent it; the path is what any instance answers.
   */
  private String verificationLink(String address) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<StoredMessage> got = mailsTo(address);
      if (!got.isEmpty()) {
        try {
          return find(LINK, text(got.get(0).getMimeMessage()), "verification link in the mail");
        } catch (MessagingException | IOException e) {
          throw new IllegalStateException("the mail cannot be read", e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no verification mail within 30 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private List<StoredMessage> mailsTo(String address) {
    GreenMailUser user = mail.getUserManager().getUserByEmail(address);
    if (user == null) {
      return List.of();
    }
    try {
      return mail.getManagers().getImapHostManager().getInbox(user).getMessages();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException("the mailbox cannot be read", e);
    }
  }

  /** The text parts of a mail, decoded (quoted-printable lines joined), one after the other. */
  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart p = parts.getBodyPart(i);
        all.append(text(p)).append('\n');
      }
      return all.toString();
    }
    return "";
  }

  private static String find(Pattern p, String text, String what) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + what);
    }
    return m.group(1);
  }

  private HttpResponse<String> get(String base, String path, Visitor cookies, List<Long> timings) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path, cookies, timings);
  }

  private HttpResponse<String> post(
      String base, String path, Map<String, String> form, Visitor cookies, List<Long> timings) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        path,
        cookies,
        timings);
  }

  /**
   * Sends a request with the journey's cookies, keeps the cookies it sets, and counts an answer
   * other than 2xx or 3xx (or no answer) as a failure: then null.
   */
  private HttpResponse<String> send(
      HttpRequest.Builder request, String path, Visitor visitor, List<Long> timings) {
    Map<String, String> cookies = visitor.cookies;
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    // What a reverse proxy in front of the instances adds: the address the visitor came from.
    request.header("X-Forwarded-For", visitor.address);
    request.timeout(Duration.ofSeconds(60));
    String what = path.replaceAll("\\?.*", "");
    long start = System.nanoTime();
    HttpResponse<String> r;
    try {
      r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      failures.merge(what + ": " + e.getClass().getSimpleName(), 1, Integer::sum);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (timings != null) {
      timings.add(System.nanoTime() - start);
    }
    for (String c : r.headers().allValues("Set-Cookie")) {
      int eq = c.indexOf('=');
      int end = c.indexOf(';');
      if (eq > 0) {
        cookies.put(c.substring(0, eq), c.substring(eq + 1, end < 0 ? c.length() : end));
      }
    }
    if (r.statusCode() >= 400) {
      failures.merge(what + ": " + r.statusCode(), 1, Integer::sum);
      return null;
    }
    return r;
  }

  /**
   * One officer's browser: its cookies (one jar for the site, whichever instance answers), and the
   * address it comes from, its station's, shared by {@link #PER_STATION} officers.
   */
  static final class Visitor {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final String address;

    Visitor(int officer) {
      int station = officer / PER_STATION;
      this.address = "10.22." + (station / 256 % 256) + "." + (station % 256);
    }
  }

  /** The figures as the console shows them. */
  static String summary(Result r) {
    return String.format(
        Locale.ROOT,
        "Sign-up burst on 2 instances, %s, %d users at once, %d officers per station address:%n"
            + "  %d sign-ups, each verified, in %.1f s: %.1f sign-ups/s;"
            + " a whole sign-up p50 %.0f ms, p99 %.0f ms; the sign-up post p50 %.0f ms, p99 %.0f ms%n"
            + "  %d requests: %.0f/s, p50 %.1f ms, p99 %.1f ms%n"
            + "  baseline, %s: %d requests: %.0f/s, p50 %.1f ms, p99 %.1f ms%n"
            + "  errors %d; registrations %d (verified %d) of %d sign-ups and %d warm-ups;"
            + " mails missing %d, doubled %d, other %d%n",
        r.database(),
        r.users(),
        PER_STATION,
        r.signups(),
        r.seconds(),
        r.signups() / r.seconds(),
        r.journeys().p50(),
        r.journeys().p99(),
        r.signupPosts().p50(),
        r.signupPosts().p99(),
        r.burstRequests().count(),
        r.burstRequests().perSecond(),
        r.burstRequests().p50(),
        r.burstRequests().p99(),
        STATIC,
        r.staticRequests().count(),
        r.staticRequests().perSecond(),
        r.staticRequests().p50(),
        r.staticRequests().p99(),
        r.errors(),
        r.registered(),
        r.verified(),
        r.signups(),
        r.warmUps(),
        r.mailsMissing(),
        r.mailsDoubled(),
        r.mailsOther());
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.poltwt.examples.site;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.examples.common.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the sign-up site. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the sign-up site: embedded H2 under ./data and the demo data by default, mail to ./data/outbox.",
      "Settings come from POLTWT_* environment variables (POLTWT_DB_URL, POLTWT_ORGANISER_PASSWORD, "
          + "POLTWT_SMTP_HOST, ...); the options below override them.",
      "With CI=true in the environment it behaves as with --smoke, on any free port unless one is given, so "
          + "that a CI job can run the same command as a person."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally, or --smoke found every page up",
      "1:--smoke found a page down",
      "2:bad options or settings",
      "3:the site could not start (port taken, database unreachable)"
    })
public final class ServeCommand implements Callable<Integer> {
  private static final String[] SMOKE_PAGES = {
    "/",
    "/signup",
    "/map",
    "/map/participants.geojson",
    "/live",
    "/lookup",
    "/new-link",
    "/organiser/login",
    "/assets/site.css"
  };

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "Port to listen on; 0 for any free port (default: POLTWT_PORT or 8080).")
  Integer port;

  @Option(
      names = "--host",
      description = "Interface to listen on (default: POLTWT_HOST or localhost).")
  String host;

  @Option(
      names = "--db",
      description =
          "h2 (embedded file database), memory, or a JDBC URL " + "(default: POLTWT_DB_URL or h2).")
  String database;

  @Option(
      names = "--data-dir",
      description =
          "Directory of the embedded database and the mail outbox "
              + "(default: POLTWT_DATA_DIR or ./data).")
  Path dataDir;

  @Option(
      names = "--no-demo",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Fill an empty database with the demo edition (default: on).")
  boolean demo;

  @Option(
      names = "--trusted-proxies",
      paramLabel = "LIST",
      description =
          "Reverse proxies whose Forwarded/X-Forwarded-For headers are believed: addresses and "
              + "CIDR networks, comma-separated, e.g. 10.0.0.0/8,::1 "
              + "(default: POLTWT_TRUSTED_PROXIES or none).")
  String trustedProxies;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description =
          "Play a past edition's tweets (JSON Lines) into the tweet store on the edition's clock, "
              + "sped up, for the live board at /live (default: POLTWT_REPLAY; with the demo data "
              + "and no X token, the demo tweets, except with --smoke).")
  Path replay;

  @Option(
      names = "--speed",
      description = "Seconds of the edition a second of replay plays, 1 to 3600 (default: 60).")
  Integer speed;

  @Option(
      names = "--smoke",
      description =
          "Start, request each main page once, print the results and stop: a "
              + "check for CI and for an install.")
  boolean smoke;

  private final Clock clock;
  private final Map<String, String> env;

  /**
   * A {@code serve} command.
   *
   * @param clock the clock every service of the site reads
   * @param env the {@code POLTWT_*} settings; its options override them
   */
  public ServeCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!smoke && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
      out.println("CI=true: starting the site, requesting each main page once, and stopping.");
      smoke = true;
      if (port == null && !env.containsKey("POLTWT_PORT")) {
        port = 0;
      }
    }
    SiteConfig.Builder b;
    try {
      b = SiteConfig.fromEnvironment(env);
      if (port != null) {
        b.port(port);
      }
      if (host != null) {
        b.host(host);
      }
      if (database != null) {
        b.database(database);
      }
      if (dataDir != null) {
        b.dataDir(dataDir);
      }
      if (!demo) {
        b.demoData(false);
      }
      if (trustedProxies != null) {
        b.trustedProxies(trustedProxies);
      }
      b.live(liveOptions(b.build()));
    } catch (IllegalArgumentException e) {
      err.println("poltwt serve: " + e.getMessage());
      return 2;
    }
    SiteConfig config = b.build();
    SignupSite site;
    try {
      site = SignupSite.start(config, clock, out);
    } catch (RuntimeException e) {
      err.println("poltwt serve: the site could not start: " + describe(e));
      return 3;
    }
    if (smoke) {
      try (site) {
        return smoke(site, out);
      }
    }
    Thread hook = new Thread(site::close, "poltwt-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Press Ctrl+C to stop.");
    out.flush();
    site.awaitStop();
    return 0;
  }

  /**
   * The live board's settings: the options over the environment's. The demo tweets are replayed by
   * default for the demo data without an X token, but not for a smoke run, which stops after one
   * request per page and should not read a file of thousands of tweets first.
   */
  private LiveOptions liveOptions(SiteConfig config) {
    LiveOptions o = config.live();
    if (replay != null) {
      o = o.withReplay(replay);
    }
    if (speed != null) {
      o = o.withSpeed(speed);
    }
    boolean demo = config.demoData() && config.xBearerToken().isEmpty() && !smoke;
    return o.withDemoReplay(o.replay().isEmpty() && demo);
  }

  private static int smoke(SignupSite site, PrintWriter out) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int failures = 0;
    String base = "http://localhost:" + site.port();
    for (String page : SMOKE_PAGES) {
      int status;
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(URI.create(base + page))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (java.io.IOException e) {
        status = -1;
      }
      boolean ok = status == 200;
      failures += ok ? 0 : 1;
      out.printf(
          "%-28s %s%n",
          page, ok ? "200 OK" : "FAILED (" + (status < 0 ? "no answer" : status) + ")");
    }
    out.println(
        failures == 0
            ? "Smoke test passed: the site is up."
            : "Smoke test failed: " + failures + " pages down.");
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (b.length() > 0) {
        b.append(": ");
      }
      b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return b.toString();
  }
}

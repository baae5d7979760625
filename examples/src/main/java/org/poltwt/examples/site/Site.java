package org.poltwt.examples.site;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.EditionService;
import org.poltwt.calendar.Invites;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.demo.Gazetteer;
import org.poltwt.examples.site.view.Frame;
import org.poltwt.examples.site.view.Languages;
import org.poltwt.examples.site.view.Messages;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.mail.SmtpMailer;
import org.poltwt.map.ParticipantMap;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.Retention;
import org.poltwt.registration.RetentionReport;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.twitter.XApiAccountDirectory;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running site's parts and its request pipeline: security checks, routes, error pages. */
final class Site {
  private static final Logger LOG = LoggerFactory.getLogger(Site.class);
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
          + "frame-ancestors 'none'";

  final SiteConfig config;
  final Clock clock;
  final Stores stores;
  final Mailer mailer;
  final Optional<MailFolder> mailFolder;

  /**
   * Whether Twitter accounts exist: the X API with a bearer token (it caches every answer, so the
   * sign-up form can ask again why a handle was refused without another request), else every
   * handle.
   */
  final AccountDirectory accounts;

  final RegistrationService registration;
  final AnnouncementService announcements;
  final EditionService editionService;

  /** Erases editions' personal data after their retention period; see {@link RetentionPages}. */
  final Retention retention;

  final Guards guards;

  /** The keys of the site's signed tokens, derived from the secret every instance shares. */
  final SiteKeys keys;

  /** The limits per action, target and address, counted in the shared store. */
  final RateLimits rateLimits;

  /** Whether this start made the first administrator's account from the organiser password. */
  final boolean firstAdminCreated;

  /** The harvests organisers start, with the X API token; see {@link SiteHarvester}. */
  final SiteHarvester harvester;

  /** The live board's feed and replay (issue 23); see {@link LivePages}. */
  final LivePages live;

  final String url;
  final boolean secureCookies;
  private final Javalin app;
  private final ScheduledExecutorService scheduler;

  Site(SiteConfig config, Clock clock, Stores stores, String organiserPassword, PrintWriter log) {
    this.config = config;
    this.clock = clock;
    this.stores = stores;
    byte[] secret = ManageKey.of(config);
    this.keys = new SiteKeys(secret);
    this.guards = new Guards(clock, stores.sessions(), keys.csrf());
    this.rateLimits =
        new RateLimits(stores.rateLimits(), clock, config.rateLimit(), config.addressRateLimit());
    this.firstAdminCreated =
        AccountPages.firstAdmin(stores.organiserAccounts(), organiserPassword, clock.instant());
    // The port is known only once started; links are built lazily from this holder.
    String[] base = new String[1];
    if (config.smtpHost().isPresent()) {
      SmtpMailer.Builder smtp =
          SmtpMailer.builder()
              .host(config.smtpHost().get())
              .port(config.smtpPort())
              .security(
                  config.smtpStartTls()
                      ? SmtpMailer.Security.STARTTLS_REQUIRED
                      : SmtpMailer.Security.NONE)
              .from(config.mailFrom())
              .clock(clock);
      if (config.smtpUser().isPresent()) {
        smtp.credentials(config.smtpUser().get(), config.smtpPassword().orElse(""));
      }
      mailer = smtp.build();
      mailFolder = Optional.empty();
    } else {
      MailFolder folder =
          new MailFolder(config.dataDir().resolve("outbox"), config.mailFrom(), clock);
      mailer = folder;
      mailFolder = Optional.of(folder);
    }
    accounts = accountDirectory(config, clock);
    registration =
        RegistrationService.builder()
            .editionStore(stores.editions())
            .registrationStore(stores.registrations())
            .tokenStore(stores.tokens())
            .mailer(mailer)
            .accountDirectory(accounts)
            .trustedDomainStore(stores.trustedDomains())
            .clock(clock)
            .verificationLink(token -> base[0] + "/verify?token=" + token)
            .manageLinks(secret, token -> base[0] + "/manage?token=" + token)
            .calendarInvites(Invites.of(clock).attachments())
            .geocoder(Gazetteer.bundled())
            .build();
    announcements =
        AnnouncementService.builder()
            .registrationStore(stores.registrations())
            .outboxStore(stores.outbox())
            .mailer(mailer)
            .clock(clock)
            .unsubscribeLink(token -> base[0] + "/unsubscribe?token=" + token)
            .manageLinks(registration::manageLink)
            .calendarInvites(Invites.of(clock).attachments())
            .build();
    editionService = EditionService.of(stores.editions(), announcements, clock);
    retention =
        Retention.builder()
            .editionStore(stores.editions())
            .registrationStore(stores.registrations())
            .tokenStore(stores.tokens())
            .outboxStore(stores.outbox())
            .retentionStore(stores.retention())
            .clock(clock)
            .defaultPeriod(Duration.ofDays(config.retentionDays()))
            .build();
    harvester = new SiteHarvester(config, clock, stores);
    live = new LivePages(config, clock, stores, currentEdition(), log);
    PublicPages pages = new PublicPages(this);
    OrganiserPages organiser = new OrganiserPages(this);
    WrapUpPages wrapUps = new WrapUpPages(this);
    app = Javalin.create(cfg -> configure(cfg, pages, organiser, wrapUps));
    app.start(config.host(), config.port());
    url = config.publicUrl(app.port());
    base[0] = url;
    secureCookies = config.secureCookies(url);
    scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("poltwt-outbox"));
    scheduler.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.MINUTES);
    scheduler.scheduleWithFixedDelay(this::eraseDue, 2, 60, TimeUnit.MINUTES);
    scheduler.scheduleWithFixedDelay(rateLimits::purge, 10, 10, TimeUnit.MINUTES);
    live.start();
    // A replay plays a past edition into the store; polling X beside it would mix the two.
    if (live.replay.isEmpty()) {
      harvester.startFollowing(() -> stores.editions().all());
    }
    log.flush();
  }

  private static AccountDirectory accountDirectory(SiteConfig config, Clock clock) {
    if (config.xBearerToken().isEmpty()) {
      return InMemoryAccountDirectory.acceptingEveryHandle();
    }
    XApiClient client =
        XApiClient.builder()
            .credentials(XApiCredentials.appOnly(config.xBearerToken().get()))
            .baseUri(config.xApiUri())
            .clock(clock)
            // A visitor is waiting on the sign-up form: fail soon and say so on the form, rather
            // than wait out a rate-limit window or a long backoff.
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(Duration.ofSeconds(10))
            .maxRetries(1)
            .backoff(Duration.ofMillis(250), Duration.ofSeconds(1))
            .maxRateLimitWait(Duration.ofSeconds(5))
            .build();
    return XApiAccountDirectory.builder(client).build();
  }

  int port() {
    return app.port();
  }

  void stop() {
    scheduler.shutdownNow();
    live.close();
    harvester.close();
    app.stop();
  }

  static Site of(Context ctx) {
    return ctx.attribute("site");
  }

  /** The edition the site signs up for: the lowest-numbered one still to come, else the latest. */
  Optional<Edition> currentEdition() {
    List<Edition> all = new ArrayList<>(stores.editions().all());
    all.sort(Comparator.comparingInt(Edition::number));
    for (Edition e : all) {
      if (e.status() == EditionStatus.SCHEDULED || e.status() == EditionStatus.DATE_TBD) {
        return Optional.of(e);
      }
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The official map of an edition: its verified registrations, placed by their stored coordinates
   * or else by the bundled gazetteer; the rest are {@link ParticipantMap#unplaced()}.
   */
  ParticipantMap participants(int edition) {
    return ParticipantMap.from(stores.registrations(), edition, Gazetteer.bundled());
  }

  /**
   * Whether the map can place this registration: the map's own rule, applied to it alone, so the
   * site never says "on the map" of someone the map leaves off.
   */
  boolean placed(Registration r) {
    List<Registration> one = List.of(r);
    return !ParticipantMap.of(r.edition(), one)
        .geocode(Gazetteer.bundled(), one)
        .placed()
        .isEmpty();
  }

  /** The main navigation; which item is current is the request's business ({@link Views#frame}). */
  List<Frame.NavItem> navigation() {
    List<Frame.NavItem> nav = new ArrayList<>();
    nav.add(new Frame.NavItem("/", Msg.of("nav.home"), false));
    nav.add(new Frame.NavItem("/signup", Msg.of("nav.signup"), false));
    nav.add(new Frame.NavItem("/map", Msg.of("nav.map"), false));
    nav.add(new Frame.NavItem("/live", Msg.of("nav.live"), false));
    nav.add(new Frame.NavItem("/lookup", Msg.of("nav.lookup"), false));
    if (mailFolder.isPresent()) {
      nav.add(new Frame.NavItem("/organiser/outbox", Msg.of("nav.outbox"), false));
    }
    nav.add(new Frame.NavItem("/organiser", Msg.of("nav.organiser"), false));
    return nav;
  }

  private void deliverDue() {
    try {
      currentEdition().ifPresent(e -> announcements.deliverDue(e.number()));
    } catch (RuntimeException e) {
      LOG.warn("delivering due announcements failed ({})", e.getClass().getName());
    }
  }

  /** The hourly retention run; it logs its own counts. */
  private void eraseDue() {
    try {
      runRetention();
    } catch (RuntimeException e) {
      LOG.warn("the retention run failed ({})", e.getClass().getName());
    }
  }

  /**
   * The retention run: the library's job, then the demo outbox folder's mails of erased
   * registrations (see {@link MailFolder#deleteErased}); a mail naming no registration goes once
   * older than the shortest retention period any edition has, since it cannot be matched to its
   * edition.
   */
  RetentionReport runRetention() {
    RetentionReport report = retention.run();
    if (mailFolder.isPresent()) {
      Duration shortest = retention.defaultPeriod();
      for (Edition e : stores.editions().all()) {
        Duration own = stores.retention().period(e.number()).orElse(shortest);
        shortest = own.compareTo(shortest) < 0 ? own : shortest;
      }
      int deleted =
          mailFolder
              .get()
              .deleteErased(
                  id -> stores.registrations().find(id).map(Registration::isErased),
                  clock.instant().minus(shortest));
      if (deleted > 0) {
        LOG.info("retention: {} mails deleted from the demo outbox folder", deleted);
      }
    }
    return report;
  }

  private void configure(
      JavalinConfig cfg, PublicPages pages, OrganiserPages organiser, WrapUpPages wrapUps) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.maxRequestSize = config.maxRequestBytes();
    cfg.staticFiles.enableWebjars();
    cfg.staticFiles.add(
        s -> {
          s.hostedPath = "/assets";
          s.directory = "/poltwt-site/assets";
          s.location = Location.CLASSPATH;
          s.headers = Map.of("Cache-Control", "max-age=300");
        });
    cfg.jetty.modifyServer(
        server ->
            server.setAttribute(
                "org.eclipse.jetty.server.Request.maxFormContentSize",
                (int) config.maxRequestBytes()));
    cfg.routes.before(this::secure);
    pages.routes(cfg);
    new ManagePages(this).routes(cfg);
    organiser.routes(cfg);
    new AuditPages(this).routes(cfg);
    new AccountPages(this).routes(cfg);
    wrapUps.routes(cfg);
    new RetentionPages(this).routes(cfg);
    live.routes(cfg);
    cfg.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            error(
                ctx,
                e.getStatus(),
                e instanceof SiteError
                    ? ((SiteError) e).text
                    // Javalin's own "Endpoint GET /x not found" is not for visitors.
                    : e.getStatus() == 404
                        ? Msg.of("error.notFound")
                        : reason(e.getStatus(), e.getMessage())));
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error(
              "request {} {} failed: {}",
              ctx.method(),
              ctx.path(),
              e instanceof PoltwtException ? ((PoltwtException) e).code() : e.getClass().getName());
          error(ctx, 500, null);
        });
    cfg.routes.error(
        404,
        ctx -> {
          // Javalin has no result to show here even when a route rendered a page (ctx.result() is
          // empty by now), so a rendered page is known by the attribute Views.page sets.
          if (ctx.attribute(Views.RENDERED) == null) {
            error(ctx, 404, Msg.of("error.notFound"));
          }
        });
  }

  /** Security headers, the CSRF cookie and, on every POST, the CSRF check. */
  private void secure(Context ctx) {
    ctx.attribute("site", this);
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (url.startsWith("https://")) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
    String cookie = ctx.cookie(Guards.CSRF_COOKIE);
    if (!Guards.wellFormed(cookie)) {
      cookie = guards.newSecret();
      // Lax, not Strict: a top-level visit from another site must still carry it, or this answer
      // would replace it and every form open in another tab would fail its check. The cookie
      // grants nothing alone: a POST also needs the token only this site's pages carry.
      ctx.cookie(
          new Cookie(Guards.CSRF_COOKIE, cookie, "/", -1, secureCookies, true, null, SameSite.LAX));
    }
    ctx.attribute("csrf", guards.csrfToken(cookie));
    chooseLanguage(ctx);
    // Refused by its announced size before any of the body is read (and before Expect:
    // 100-continue is answered), so a client never writes a body the server will not read.
    if (ctx.req().getContentLengthLong() > config.maxRequestBytes()) {
      throw new SiteError(413, reason(413, null));
    }
    if (ctx.method() == HandlerType.POST && !oneClickUnsubscribe(ctx)) {
      String origin = ctx.header("Origin");
      if (origin != null
          && !origin.equals("null")
          && !origin.equals(originOf(url))
          && !origin.equals(requestOrigin(ctx))) {
        throw new SiteError(403, Msg.of("error.otherOrigin"));
      }
      if (!guards.csrfValid(ctx.cookie(Guards.CSRF_COOKIE), ctx.formParam(Guards.CSRF_FIELD))) {
        throw new SiteError(403, Msg.of("error.csrf"));
      }
    }
  }

  /**
   * Chooses the request's language ({@link Views#locale}) and, when the visitor picked one with
   * {@code ?lang=}, remembers it in a cookie. The cookie is Lax, not Strict like the others: a
   * visitor who follows a link to the site from elsewhere should still get their language, and the
   * cookie grants nothing.
   */
  private void chooseLanguage(Context ctx) {
    ctx.header("Vary", "Accept-Language, Cookie");
    Locale chosen = Views.locale(ctx);
    if (Languages.supported(ctx.queryParam(Views.LANG)).isPresent()) {
      String tag = chosen.toLanguageTag();
      if (!tag.equals(ctx.cookie(Views.LANG))) {
        ctx.cookie(
            new Cookie(
                Views.LANG,
                tag,
                "/",
                (int) Duration.ofDays(365).toSeconds(),
                secureCookies,
                false,
                null,
                SameSite.LAX));
      }
    }
  }

  /**
   * An RFC 8058 one-click unsubscribe: a mail provider POSTs {@code List-Unsubscribe=One-Click} to
   * the link of the mail's {@code List-Unsubscribe} header, from its own servers, with no cookie
   * and no form token. The link's token is the secret, so no CSRF check applies, and all it can do
   * is unsubscribe its own recipient.
   */
  static boolean oneClickUnsubscribe(Context ctx) {
    return ctx.path().equals("/unsubscribe")
        && ctx.queryParam("token") != null
        && "One-Click".equals(ctx.formParam("List-Unsubscribe"));
  }

  private static String originOf(String url) {
    int slash = url.indexOf('/', url.indexOf("//") + 2);
    return slash < 0 ? url : url.substring(0, slash);
  }

  private static String requestOrigin(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  Cookie cookie(String name, String value, String path, int maxAge) {
    return new Cookie(name, value, path, maxAge, secureCookies, true, null, SameSite.STRICT);
  }

  /** Logs this browser in as an account with a role: a new session and its cookie. */
  void logIn(Context ctx, String account, org.poltwt.spi.OrganiserAccount.Role role) {
    ctx.cookie(
        cookie(
            Guards.SESSION_COOKIE,
            guards.openSession(account, role),
            "/organiser",
            (int) Guards.SESSION_TTL.toSeconds()));
  }

  /**
   * Throws a 429 if the visitor's address has made too many attempts at an action that names no
   * target: the low limit applies to the address ({@link RateLimits}).
   */
  void rateLimit(Context ctx, String action) {
    rateLimit(ctx, action, new String[0]);
  }

  /**
   * Throws a 429, with {@code Retry-After} in seconds, if one of an attempt's targets has had too
   * many attempts at the action this minute, or its address (shared by everyone behind it) has had
   * a great many.
   *
   * @param targets from {@link RateLimits#handle}, {@link RateLimits#email}, {@link
   *     RateLimits#token} or {@link RateLimits#account}; blank ones are left out
   */
  void rateLimit(Context ctx, String action, String... targets) {
    Optional<RateLimits.Refusal> refused =
        rateLimits.attempt(action, ClientAddress.of(ctx), java.util.Arrays.asList(targets));
    if (refused.isPresent()) {
      ctx.header("Retry-After", Long.toString(refused.get().seconds()));
      throw new SiteError(
          429,
          refused.get().byTarget() ? Msg.of("error.rateLimit.target") : Msg.of("error.rateLimit"));
    }
  }

  /** The words of an error the web server raised itself (a request too large, a malformed form). */
  private static Msg reason(int status, String message) {
    return Msg.of(
        "error.reason",
        message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message);
  }

  /** The error page; a null message is the status's own, and a server error never says more. */
  static void error(Context ctx, int status, Msg message) {
    ctx.status(status);
    Msg title =
        status == 404
            ? Msg.of("error.title.notFound")
            : status == 403
                ? Msg.of("error.title.refused")
                : status == 429
                    ? Msg.of("error.title.slowDown")
                    : status == 413
                        ? Msg.of("error.title.tooLarge")
                        : status >= 500
                            ? Msg.of("error.title.server")
                            : Msg.of("error.title.other");
    Msg text =
        status >= 500 ? Msg.of("error.server") : message != null ? message : reason(status, null);
    if (ctx.attribute("site") == null) {
      ctx.contentType("text/plain; charset=utf-8").result(Views.messages(ctx).get(text));
      return;
    }
    if (jsonRoute(ctx)) {
      problem(ctx, status, Views.messages(ctx).get(text));
      return;
    }
    Messages t = Views.messages(ctx);
    Views.page(ctx, "error", "title", t.get(title), "text", t.get(text));
  }

  /** Whether a route answers JSON, so its errors must too. */
  static boolean jsonRoute(Context ctx) {
    String path = ctx.path();
    return path.startsWith("/api/") || path.endsWith(".json") || path.endsWith(".geojson");
  }

  /** An RFC 9457 problem: the status's own title, and the visitor's words as its detail. */
  static void problem(Context ctx, int status, String detail) {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    n.put("type", "about:blank");
    n.put("title", HttpStatus.forStatus(status).getMessage());
    n.put("status", status);
    n.put("detail", detail);
    ctx.status(status).contentType("application/problem+json; charset=utf-8").result(n.toString());
  }

  /** An error with a message fit for a visitor. */
  static final class SiteError extends HttpResponseException {
    private static final long serialVersionUID = 1L;

    /** What the visitor reads; the exception's own message is only the key, for logs. */
    final transient Msg text;

    SiteError(int status, Msg text) {
      super(status, text.key(), Map.of());
      this.text = text;
    }
  }
}

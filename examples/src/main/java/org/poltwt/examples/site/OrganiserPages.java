package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.announcement.DeliveryReport;
import org.poltwt.announcement.EditionService;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionDateInPastException;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.examples.demo.Gazetteer;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.examples.site.view.PageData;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStateException;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.Mail;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.twitter.HarvestProgress;
import org.poltwt.twitter.XApiTweetSource;

/**
 * The organisers' pages, behind the password: review, registrations, announcements, the edition.
 */
final class OrganiserPages {
  private static final int PAGE = 50;

  private final Site site;
  private final MailConfirmations confirmations;

  OrganiserPages(Site site) {
    this.site = site;
    this.confirmations = new MailConfirmations(site);
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.before("/organiser", this::requireSession);
    cfg.routes.before("/organiser/*", this::requireSession);
    cfg.routes.post("/organiser/logout", this::logout);
    cfg.routes.get("/organiser", this::dashboard);
    cfg.routes.get("/organiser/review", this::review);
    cfg.routes.post("/organiser/review/{id}/{decision}", this::decide);
    cfg.routes.get("/organiser/registrations", ctx -> registrations(ctx, null));
    cfg.routes.post("/organiser/registrations/{id}/place", this::place);
    cfg.routes.get("/organiser/registrations.csv", this::csv);
    cfg.routes.get("/organiser/announcements", ctx -> announcements(ctx, null, null, null));
    cfg.routes.post("/organiser/announcements", this::announce);
    cfg.routes.get("/organiser/edition", ctx -> edition(ctx, null, null));
    cfg.routes.post("/organiser/edition", this::changeEdition);
    cfg.routes.get("/organiser/harvest", ctx -> harvest(ctx, null));
    cfg.routes.post("/organiser/harvest", this::startHarvest);
    new TrustedDomainPages(site).routes(cfg);
    new ErasePages(site).routes(cfg);
    confirmations.routes(cfg);
  }

  private void requireSession(Context ctx) {
    if (ctx.path().equals("/organiser/login") || ctx.path().equals("/organiser/invitation")) {
      return;
    }
    Optional<Guards.Session> session = site.guards.session(ctx.cookie(Guards.SESSION_COOKIE));
    if (session.isEmpty()) {
      if (ctx.method().name().equals("GET")) {
        ctx.redirect("/organiser/login", HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new Site.SiteError(401, Msg.of("error.logInFirst"));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.attribute(AuditTrail.SESSION, session.get());
    if (session.get().role() == OrganiserAccount.Role.REVIEWER && !reviewerMay(ctx.path())) {
      if (ctx.path().equals("/organiser") && ctx.method().name().equals("GET")) {
        ctx.redirect("/organiser/review", HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new Site.SiteError(403, Msg.of("error.adminOnly"));
    }
  }

  /** The pages a reviewer may open: the review queue, their own account, and logging out. */
  static boolean reviewerMay(String path) {
    return path.equals("/organiser/review")
        || path.startsWith("/organiser/review/")
        || path.equals("/organiser/logout")
        || path.equals("/organiser/account")
        || path.startsWith("/organiser/account/");
  }

  private void logout(Context ctx) {
    AuditTrail.record(site, ctx, "logout", "");
    site.guards.closeSession(ctx.cookie(Guards.SESSION_COOKIE));
    ctx.cookie(site.cookie(Guards.SESSION_COOKIE, "", "/organiser", 0));
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private Edition edition() {
    return site.currentEdition()
        .orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noEdition")));
  }

  private void dashboard(Context ctx) {
    Edition e = edition();
    List<PageData.StatusCount> counts = new ArrayList<>();
    for (RegistrationStatus s : RegistrationStatus.values()) {
      counts.add(
          new PageData.StatusCount(
              statusName(s),
              site.stores.registrations().count(RegistrationQuery.of(e.number()).withStatus(s))));
    }
    Views.page(
        ctx,
        "organiser/dashboard",
        "edition",
        e.number(),
        "counts",
        counts,
        "database",
        site.stores.description(),
        "outbox",
        site.mailFolder.isPresent());
  }

  static Msg statusName(RegistrationStatus s) {
    switch (s) {
      case PENDING_VERIFICATION:
        return Msg.of("status.PENDING_VERIFICATION");
      case PENDING_REVIEW:
        return Msg.of("status.PENDING_REVIEW");
      case VERIFIED:
        return Msg.of("status.VERIFIED");
      default:
        return Msg.of("status.WITHDRAWN");
    }
  }

  /** An email shown to organisers: the domain they judge, not the person's mailbox. */
  static String domainOnly(String email) {
    int at = email.lastIndexOf('@');
    return at < 0 ? "" : "\u2022\u2022\u2022" + email.substring(at);
  }

  // ---- review -------------------------------------------------------------------------------

  private void review(Context ctx) {
    Edition e = edition();
    List<Registration> queue =
        site.stores
            .registrations()
            .list(
                RegistrationQuery.of(e.number()).withStatus(RegistrationStatus.PENDING_REVIEW),
                0,
                200);
    String flash = ctx.queryParam("done");
    Msg done = null;
    if (flash != null && flash.matches("(approved|rejected) @[A-Za-z0-9_]{1,15}")) {
      String handle = flash.substring(flash.indexOf('@'));
      done =
          flash.startsWith("approved")
              ? Msg.of("review.approved", handle)
              : Msg.of("review.rejected", handle);
    }
    List<PageData.ReviewRow> rows = new ArrayList<>();
    for (Registration r : queue) {
      rows.add(
          new PageData.ReviewRow(
              r.id().toString(),
              r.handle().toString(),
              r.handle().value(),
              r.agencyName(),
              r.officerName().orElse(null),
              domainOnly(r.email()),
              PublicPages.countryName(r.country())));
    }
    if (flash != null && flash.matches("trusted \\d{1,6} " + TrustedDomainPages.DOMAIN)) {
      String[] parts = flash.split(" ");
      done = Msg.of("review.trusted", Integer.parseInt(parts[1]), parts[2]);
    }
    Views.page(
        ctx,
        "organiser/review",
        "queue",
        rows,
        "groups",
        TrustedDomainPages.groups(queue, rows),
        "done",
        done,
        "admin",
        AuditTrail.session(ctx).role() == OrganiserAccount.Role.ADMIN);
  }

  private void decide(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new Site.SiteError(404, Msg.of("error.noRegistration"));
    }
    String decision = ctx.pathParam("decision");
    Registration r;
    try {
      if (decision.equals("trust")) {
        List<Registration> approved =
            site.registration.approveAndTrust(id, TrustedDomainPages.by(ctx));
        String email = approved.get(0).email();
        AuditTrail.record(site, ctx, "domain.trust", email.substring(email.lastIndexOf('@') + 1));
        for (Registration a : approved) {
          AuditTrail.record(site, ctx, "registration.approve", a.id().toString());
        }
        ctx.redirect(
            "/organiser/review?done=trusted%20"
                + approved.size()
                + "%20"
                + email.substring(email.lastIndexOf('@') + 1),
            HttpStatus.SEE_OTHER);
        return;
      } else if (decision.equals("approve")) {
        r = site.registration.approve(id);
      } else if (decision.equals("reject")) {
        r = site.registration.reject(id);
      } else {
        throw new Site.SiteError(404, Msg.of("error.noDecision"));
      }
    } catch (Site.SiteError e) {
      throw e;
    } catch (PoltwtException e) {
      throw new Site.SiteError(409, Msg.of("error.notWaiting"));
    } catch (IllegalArgumentException e) {
      // approveAndTrust: a mailbox provider's domain, which the page offers no trust for.
      throw new Site.SiteError(409, Msg.of("trusted.error.webmail"));
    }
    AuditTrail.record(
        site,
        ctx,
        decision.equals("approve") ? "registration.approve" : "registration.reject",
        id.toString());
    ctx.redirect(
        "/organiser/review?done="
            + (decision.equals("approve") ? "approved" : "rejected")
            + "%20%40"
            + r.handle().value(),
        HttpStatus.SEE_OTHER);
  }

  // ---- registrations ------------------------------------------------------------------------

  private Optional<RegistrationStatus> statusFilter(Context ctx) {
    String s = ctx.queryParam("status");
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RegistrationStatus.valueOf(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The registrations page; {@code refused} is the placing form to show again with its errors, for
   * the one row it belongs to.
   */
  private void registrations(Context ctx, FormState refused) {
    Edition e = edition();
    Optional<RegistrationStatus> status = statusFilter(ctx);
    RegistrationQuery q =
        status
            .map(s -> RegistrationQuery.of(e.number()).withStatus(s))
            .orElse(RegistrationQuery.of(e.number()));
    long total = site.stores.registrations().count(q);
    String asked = Optional.ofNullable(ctx.queryParam("page")).orElse("0").strip();
    if (!asked.matches("[0-9]{1,9}")) {
      throw new Site.SiteError(400, Msg.of("error.badPage"));
    }
    // A page past the end shows the last one (an old link after erasures, a typed number).
    int page = (int) Math.min(Integer.parseInt(asked), Math.max(0, (total - 1) / PAGE));
    List<PageData.RegistrationRow> rows = new ArrayList<>();
    for (Registration r : site.stores.registrations().list(q, page * PAGE, PAGE)) {
      rows.add(
          new PageData.RegistrationRow(
              r.handle().toString(),
              r.accountType().name().toLowerCase(Locale.ROOT),
              r.agencyName(),
              r.country(),
              r.zone().getId(),
              statusName(r.status()),
              PublicPages.WHEN.format(r.createdAt().atZone(ZoneOffset.UTC)),
              r.id().toString(),
              r.isErased()));
    }
    List<Option> options = new ArrayList<>();
    options.add(Option.message("", "registrations.status.all"));
    for (RegistrationStatus s : RegistrationStatus.values()) {
      options.add(Option.message(s.name(), statusName(s).key()));
    }
    FormState filter =
        new FormState("filter", Map.of("status", status.map(Enum::name).orElse("")), Map.of());
    String statusParam = status.map(s -> "status=" + s.name() + "&").orElse("");
    String previous =
        page > 0 ? "/organiser/registrations?" + statusParam + "page=" + (page - 1) : null;
    String next =
        (long) (page + 1) * PAGE < total
            ? "/organiser/registrations?" + statusParam + "page=" + (page + 1)
            : null;
    Views.page(
        ctx,
        "organiser/registrations",
        "edition",
        e.number(),
        "filter",
        filter,
        "statuses",
        options,
        "total",
        total,
        "page",
        page,
        "paged",
        total > PAGE,
        "rows",
        rows,
        "previous",
        previous,
        "next",
        next,
        "unplaced",
        unplacedRows(e.number(), refused),
        "placed",
        placedFlash(ctx));
  }

  private List<PageData.UnplacedRow> unplacedRows(int edition, FormState refused) {
    List<PageData.UnplacedRow> rows = new ArrayList<>();
    for (var p : site.participants(edition).unplaced()) {
      // The map keeps public facts only; the id the form posts to comes from the store.
      Optional<Registration> r = site.stores.registrations().findByHandle(edition, p.handle());
      if (r.isEmpty()) {
        continue;
      }
      String form = placeForm(p.handle());
      rows.add(
          new PageData.UnplacedRow(
              r.get().id().toString(),
              p.handle().toString(),
              p.country(),
              refused != null && refused.form().equals(form) ? refused : FormState.empty(form)));
    }
    return rows;
  }

  /** One placing form per row, so each field's id is unique on the page. */
  private static String placeForm(TwitterHandle handle) {
    return "place-" + handle.value();
  }

  private static Msg placedFlash(Context ctx) {
    String placed = ctx.queryParam("placed");
    return placed != null && placed.matches("[A-Za-z0-9_]{1,15}")
        ? Msg.of("registrations.place.done", "@" + placed)
        : null;
  }

  /**
   * Places a registration the gazetteer could not: at a city the gazetteer knows in the
   * registrant's country, or at the latitude and longitude given. Coordinates win when both are
   * typed, as they are the more precise.
   */
  private void place(Context ctx) {
    Edition e = edition();
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException ex) {
      throw new Site.SiteError(404, Msg.of("error.noRegistration"));
    }
    Registration r =
        site.stores
            .registrations()
            .find(id)
            .filter(x -> x.edition() == e.number() && !x.isErased())
            .orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noRegistration")));
    String city = text(ctx.formParam("city"));
    String latitude = text(ctx.formParam("latitude"));
    String longitude = text(ctx.formParam("longitude"));
    Map<String, Msg> errors = new LinkedHashMap<>();
    Coordinates at = null;
    if (!latitude.isEmpty() || !longitude.isEmpty()) {
      Double lat = degrees(latitude, 90);
      Double lon = degrees(longitude, 180);
      if (lat == null) {
        errors.put("latitude", Msg.of("registrations.place.latitude.invalid"));
      }
      if (lon == null) {
        errors.put("longitude", Msg.of("registrations.place.longitude.invalid"));
      }
      if (errors.isEmpty()) {
        at = new Coordinates(lat, lon);
      }
    } else if (!city.isEmpty()) {
      at = Gazetteer.bundled().locateCity(city, r.country()).orElse(null);
      if (at == null) {
        errors.put(
            "city",
            Msg.of("registrations.place.city.unknown", PublicPages.countryName(r.country())));
      }
    } else {
      errors.put("city", Msg.of("registrations.place.missing"));
    }
    if (at != null) {
      try {
        Registration placed = site.registration.place(id, at);
        AuditTrail.record(site, ctx, "registration.place", id.toString());
        ctx.redirect(
            "/organiser/registrations?placed=" + placed.handle().value() + "#unplaced-heading",
            HttpStatus.SEE_OTHER);
        return;
      } catch (InvalidRegistrationException ex) {
        errors.put("city", Msg.of("registrations.place.noAddress"));
      } catch (RegistrationStateException ex) {
        throw new Site.SiteError(409, Msg.of("registrations.place.gone"));
      }
    }
    ctx.status(422);
    registrations(
        ctx,
        new FormState(
            placeForm(r.handle()),
            Map.of("city", city, "latitude", latitude, "longitude", longitude),
            errors));
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  /** A number of degrees within {@code -limit..limit}, a decimal comma allowed; else null. */
  static Double degrees(String value, double limit) {
    if (!value.matches("[+-]?[0-9]{1,3}([.,][0-9]{1,12})?")) {
      return null;
    }
    double d = Double.parseDouble(value.replace(',', '.'));
    return d >= -limit && d <= limit ? d : null;
  }

  private void csv(Context ctx) {
    Edition e = edition();
    boolean emails = "on".equals(ctx.queryParam("emails"));
    Optional<RegistrationStatus> status = statusFilter(ctx);
    RegistrationQuery q =
        status
            .map(s -> RegistrationQuery.of(e.number()).withStatus(s))
            .orElse(RegistrationQuery.of(e.number()));
    AuditTrail.record(
        site,
        ctx,
        emails ? "registrations.export_emails" : "registrations.export",
        Integer.toString(e.number()));
    StringBuilder b = new StringBuilder();
    b.append(
            "id,edition,handle,account_type,agency,agency_level,officer,country,zone,participation_model,status,"
                + "email_needs_review,created_at")
        .append(emails ? ",email" : "")
        .append("\r\n");
    for (int offset = 0; ; offset += 500) {
      List<Registration> rows = site.stores.registrations().list(q, offset, 500);
      for (Registration r : rows) {
        b.append(r.id())
            .append(',')
            .append(r.edition())
            .append(',')
            .append(cell(r.handle().value()))
            .append(',')
            .append(r.accountType())
            .append(',')
            .append(cell(r.agencyName()))
            .append(',')
            .append(r.agencyLevel())
            .append(',')
            .append(cell(r.officerName().orElse("")))
            .append(',')
            .append(r.country())
            .append(',')
            .append(cell(r.zone().getId()))
            .append(',')
            .append(r.participationModel())
            .append(',')
            .append(r.status())
            .append(',')
            .append(r.emailNeedsReview())
            .append(',')
            .append(r.createdAt());
        if (emails) {
          b.append(',').append(cell(r.email()));
        }
        b.append("\r\n");
      }
      if (rows.size() < 500) {
        break;
      }
    }
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"poltwt-edition-" + e.number() + "-registrations.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(b.toString());
  }

  /** A CSV cell: quoted when needed, and never a formula a spreadsheet would run. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",")
        || v.contains("\"")
        || v.contains("\n")
        || v.contains("\r")
        || !v.equals(value)) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  // ---- announcements ------------------------------------------------------------------------

  private static final String DEFAULT_BODY =
      "Hello {handle},\n\nEdition {edition} of {hashtag} is coming. Your 24 "
          + "hours start {windowStart} and end {windowEnd}: {countdown}.\n\nThank you for taking part!\n";

  private static final List<Option> AUDIENCES =
      List.of(
          Option.message("verified", "announcements.audience.verified"),
          Option.message("all", "announcements.audience.all"));

  private void announcements(Context ctx, FormState state, PageData.Preview preview, Msg message) {
    Edition e = edition();
    FormState s =
        state != null
            ? state
            : new FormState(
                "announce",
                Map.of(
                    "subject",
                    "{hashtag} edition {edition}: practical information",
                    "body",
                    DEFAULT_BODY,
                    "audience",
                    "verified"),
                Map.of());
    List<Announcement> sent = new ArrayList<>(site.stores.outbox().announcements(e.number()));
    sent.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    List<PageData.AnnouncementRow> rows = new ArrayList<>();
    for (Announcement a : sent) {
      DeliveryReport r = site.announcements.report(a.id());
      rows.add(
          new PageData.AnnouncementRow(
              PublicPages.WHEN.format(a.createdAt().atZone(ZoneOffset.UTC)),
              a.subject(),
              r.sent(),
              r.pending().size(),
              r.failed().size(),
              r.skipped()));
    }
    Views.page(
        ctx,
        "organiser/announcements",
        "s",
        s,
        "audiences",
        AUDIENCES,
        "sent",
        rows,
        "message",
        message,
        "preview",
        preview);
  }

  private void announce(Context ctx) {
    Edition e = edition();
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : new String[] {"subject", "body", "audience", "previewHandle"}) {
      values.put(name, Optional.ofNullable(ctx.formParam(name)).orElse(""));
    }
    Map<String, Msg> errors = new LinkedHashMap<>();
    Audience audience =
        "all".equals(values.get("audience")) ? Audience.allRegistrants() : Audience.verified();
    Announcement draft = null;
    try {
      // Not stored (AnnouncementService.draft would store it): a preview, or a send still to be
      // confirmed, leaves no row under "Sent announcements"; send stores it.
      draft =
          new Announcement(
              UUID.randomUUID(),
              e,
              Optional.empty(),
              values.get("subject"),
              values.get("body").replace("\r\n", "\n"),
              audience,
              site.clock.instant());
    } catch (InvalidInputException ex) {
      errors.put(ex.field(), OrganiserRefusals.announcement(ex, values));
    }
    boolean preview = !"send".equals(ctx.formParam("action"));
    PageData.Preview result = null;
    if (draft != null && preview) {
      String handle = values.get("previewHandle").strip();
      Optional<Registration> r =
          TwitterHandle.isValid(handle)
              ? site.registration.findByHandle(e.number(), handle)
              : Optional.empty();
      if (r.isEmpty()) {
        errors.put("previewHandle", Msg.of("announcements.error.previewHandle", e.number()));
      } else {
        Mail mail = site.announcements.preview(draft, r.get());
        result = new PageData.Preview(r.get().handle().toString(), mail.subject(), mail.body());
      }
    }
    if (!errors.isEmpty() || preview) {
      if (!errors.isEmpty()) {
        ctx.status(422);
      }
      announcements(ctx, new FormState("announce", values, errors), result, null);
      return;
    }
    confirmations.holdAnnouncement(ctx, e, draft);
  }

  /** How a send went, for the result page. */
  static Msg sentMessage(DeliveryReport report) {
    int failed = report.failed().size();
    int retried = report.pending().size();
    return failed == 0 && retried == 0
        ? Msg.of("announcements.sentTo", report.sent(), report.recipients())
        : failed == 0
            ? Msg.of(
                "announcements.sentTo.retry", report.sent(), report.recipients(), failed, retried)
            : retried == 0
                ? Msg.of("announcements.sentTo.failed", report.sent(), report.recipients(), failed)
                : Msg.of(
                    "announcements.sentTo.failedRetry",
                    report.sent(),
                    report.recipients(),
                    failed,
                    retried);
  }

  // ---- the edition --------------------------------------------------------------------------

  private void edition(Context ctx, FormState state, Msg message) {
    Edition e = edition();
    FormState s =
        state != null
            ? state
            : new FormState(
                "edition",
                Map.of(
                    "date",
                    e.date().map(LocalDate::toString).orElse(""),
                    "start",
                    e.localStart().toString()),
                Map.of());
    Views.page(
        ctx,
        "organiser/edition",
        "edition",
        e.number(),
        "s",
        s,
        "date",
        e.date().map(PublicPages.DAY::format).orElse(null),
        "start",
        e.localStart().toString(),
        "status",
        editionStatus(e.status()),
        "cancelled",
        e.status() == EditionStatus.CANCELLED,
        "message",
        message,
        "harvestBy",
        harvestBy(e),
        "harvestBudget",
        site.harvester.available() ? number(site.harvester.budget()) : null,
        "followEvery",
        site.harvester.available()
            ? site.config.xLiveHarvestEvery().map(d -> number(d.toSeconds())).orElse(null)
            : null);
  }

  // ---- the harvest --------------------------------------------------------------------------

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private void startHarvest(Context ctx) {
    Edition e = edition();
    switch (site.harvester.start(e)) {
      case UNAVAILABLE:
        throw new Site.SiteError(404, Msg.of("harvest.unavailable"));
      case RUNNING:
        ctx.status(409);
        harvest(ctx, Msg.of("harvest.alreadyRunning"));
        return;
      default:
        AuditTrail.record(site, ctx, "harvest.start", Integer.toString(e.number()));
        ctx.redirect("/organiser/harvest", HttpStatus.SEE_OTHER);
    }
  }

  /** The progress of the edition's last harvest, refreshed every few seconds while it runs. */
  private void harvest(Context ctx, Msg message) {
    Edition e = edition();
    // A run on another instance shows as running, without counts (that instance has them).
    boolean elsewhere = site.harvester.runningElsewhere(e.number());
    Optional<SiteHarvester.Run> run = elsewhere ? Optional.empty() : site.harvester.run(e.number());
    Optional<HarvestProgress> p = run.flatMap(SiteHarvester.Run::progress);
    boolean running =
        elsewhere || run.map(r -> r.state() == SiteHarvester.State.RUNNING).orElse(false);
    Msg state =
        elsewhere
            ? Msg.of("harvest.elsewhere")
            : run.map(OrganiserPages::harvestState).orElse(null);
    String waiting =
        p.filter(x -> running && x.event() == HarvestProgress.Event.WAITING)
            .flatMap(HarvestProgress::waitingLeft)
            .map(OrganiserPages::minutes)
            .orElse(null);
    Views.page(
        ctx,
        "organiser/harvest",
        "edition",
        e.number(),
        "available",
        site.harvester.available(),
        "started",
        run.map(r -> PublicPages.WHEN.format(r.started.atZone(ZoneOffset.UTC))).orElse(null),
        "state",
        state,
        "running",
        running,
        "pages",
        p.map(HarvestProgress::pages).orElse(0),
        "tweets",
        number(p.map(HarvestProgress::tweets).orElse(0L)),
        "stored",
        number(p.map(HarvestProgress::stored).orElse(0L)),
        "postsRead",
        number(p.map(HarvestProgress::postsRead).orElse(0L)),
        "budget",
        number(run.map(r -> r.budget).orElse(site.harvester.budget())),
        "waiting",
        waiting,
        "message",
        message,
        "harvestBy",
        harvestBy(e),
        "inStore",
        number(site.stores.tweets().count(TweetQuery.of(e.number()))),
        "newest",
        newestStored(e.number()));
  }

  /**
   * When the newest post of an edition in the tweet store was posted, in UTC: what every instance
   * can say of a harvest, whichever ran it.
   */
  private String newestStored(int edition) {
    TweetStore tweets = site.stores.tweets();
    return tweets
        .newestId(edition)
        .flatMap(tweets::find)
        .map(t -> PublicPages.WHEN.format(t.createdAt().atZone(ZoneOffset.UTC)))
        .orElse(null);
  }

  private static Msg harvestState(SiteHarvester.Run run) {
    switch (run.state()) {
      case RUNNING:
        return Msg.of("harvest.state.RUNNING");
      case FINISHED:
        return Msg.of("harvest.state.FINISHED");
      case BUDGET_REACHED:
        return Msg.of("harvest.state.BUDGET_REACHED");
      case USAGE_CAPPED:
        return Msg.of("harvest.state.USAGE_CAPPED");
      default:
        return Msg.of("harvest.state.FAILED", run.failure().orElse(""));
    }
  }

  /** A wait as {@code m:ss}, rounded up to the second. */
  static String minutes(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * The last moment a harvest still gets the whole edition, in UTC, or null while its date is to be
   * decided: X's recent search reaches 7 days back, and the first zone's window opens at the start
   * of the global span.
   */
  static String harvestBy(Edition e) {
    if (e.date().isEmpty()) {
      return null;
    }
    return PublicPages.WHEN.format(
        Schedule.of(e)
            .globalSpan()
            .start()
            .plus(XApiTweetSource.SEARCH_REACH)
            .atZone(ZoneOffset.UTC));
  }

  private static Msg editionStatus(EditionStatus status) {
    switch (status) {
      case SCHEDULED:
        return Msg.of("edition.status.SCHEDULED");
      case DATE_TBD:
        return Msg.of("edition.status.DATE_TBD");
      case CANCELLED:
        return Msg.of("edition.status.CANCELLED");
      default:
        return Msg.of("edition.status.COMPLETED");
    }
  }

  private void changeEdition(Context ctx) {
    Edition e = edition();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("date", Optional.ofNullable(ctx.formParam("date")).orElse(""));
    values.put("start", Optional.ofNullable(ctx.formParam("start")).orElse(""));
    boolean postpone = "postpone".equals(ctx.formParam("action"));
    if ("cancel".equals(ctx.formParam("action"))) {
      if (e.status() == EditionStatus.CANCELLED) {
        edition(ctx, null, Msg.of("edition.unchanged"));
      } else {
        confirmations.holdCancel(ctx, e);
      }
      return;
    }
    if (postpone && e.status() == EditionStatus.CANCELLED) {
      // Only a new date brings a cancelled edition back (a stale form may still offer this).
      throw new Site.SiteError(409, Msg.of("edition.error.cancelled"));
    }
    Edition after;
    if (postpone) {
      after = e.toBuilder().status(EditionStatus.DATE_TBD).date(null).build();
    } else {
      Map<String, Msg> errors = new LinkedHashMap<>();
      LocalDate date = null;
      LocalTime start = null;
      try {
        date = LocalDate.parse(values.get("date").strip());
      } catch (DateTimeException ex) {
        errors.put("date", Msg.of("edition.error.date"));
      }
      try {
        start = LocalTime.parse(values.get("start").strip());
      } catch (DateTimeException ex) {
        errors.put("start", Msg.of("edition.error.start"));
      }
      after = null;
      if (errors.isEmpty()) {
        try {
          after =
              e.toBuilder().status(EditionStatus.SCHEDULED).date(date).localStart(start).build();
          EditionService.requireNotPast(e, after, site.clock.instant());
        } catch (EditionDateInPastException ex) {
          errors.put("date", Msg.of("edition.error.past"));
        } catch (InvalidInputException | DateTimeException | ArithmeticException ex) {
          // A date the edition cannot take (or so far off that its zones overflow): the site's
          // words, not the library's English.
          errors.put("date", Msg.of("edition.error.unusable"));
        }
      }
      if (!errors.isEmpty()) {
        ctx.status(422);
        edition(ctx, new FormState("edition", values, errors), null);
        return;
      }
    }
    if (after.date().equals(e.date())
        && after.localStart().equals(e.localStart())
        && after.status() == e.status()) {
      edition(ctx, null, Msg.of("edition.unchanged"));
      return;
    }
    confirmations.holdScheduleChange(ctx, e, postpone, after);
  }
}

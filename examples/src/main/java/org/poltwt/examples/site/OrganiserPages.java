package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DateTimeException;
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
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.Mail;
import org.poltwt.spi.RegistrationQuery;

/** The organisers' pages, behind the password: review, registrations, announcements, the edition. */
final class OrganiserPages {
  private static final int PAGE = 50;

  private final Site site;

  OrganiserPages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.before("/organiser", this::requireSession);
    cfg.routes.before("/organiser/*", this::requireSession);
    cfg.routes.get("/organiser/login", ctx -> login(ctx, null));
    cfg.routes.post("/organiser/login", this::loginPost);
    cfg.routes.post("/organiser/logout", this::logout);
    cfg.routes.get("/organiser", this::dashboard);
    cfg.routes.get("/organiser/review", this::review);
    cfg.routes.post("/organiser/review/{id}/{decision}", this::decide);
    cfg.routes.get("/organiser/registrations", this::registrations);
    cfg.routes.get("/organiser/registrations.csv", this::csv);
    cfg.routes.get("/organiser/announcements", ctx -> announcements(ctx, null, null, null));
    cfg.routes.post("/organiser/announcements", this::announce);
    cfg.routes.get("/organiser/edition", ctx -> edition(ctx, null, null));
    cfg.routes.post("/organiser/edition", this::changeEdition);
  }

  private void requireSession(Context ctx) {
    if (ctx.path().equals("/organiser/login")) {
      return;
    }
    if (!site.guards.sessionValid(ctx.cookie(Guards.SESSION_COOKIE))) {
      if (ctx.method().name().equals("GET")) {
        ctx.redirect("/organiser/login", HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new Site.SiteError(401, "Log in as an organiser first.");
    }
    ctx.header("Cache-Control", "no-store");
  }

  private void login(Context ctx, String error) {
    Forms.State s = new Forms.State("login", Map.of(), error == null ? Map.of() : Map.of("password", error));
    Html main = Html.of().tag("h1", "Organisers' log-in")
        .add(Layout.postForm(ctx, "/organiser/login", Html.of()
            .add(Forms.input(s, "password", "Organisers' password", "password", null, true, "current-password"))
            .tag("button", "Log in", "type", "submit")));
    Layout.render(ctx, "Log in", main);
  }

  private void loginPost(Context ctx) {
    site.rateLimit(ctx, "login");
    if (!site.guards.passwordMatches(ctx.formParam("password"))) {
      ctx.status(401);
      login(ctx, "the password is not right");
      return;
    }
    ctx.cookie(site.cookie(Guards.SESSION_COOKIE, site.guards.openSession(), "/organiser",
        (int) Guards.SESSION_TTL.toSeconds()));
    ctx.redirect("/organiser", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    site.guards.closeSession(ctx.cookie(Guards.SESSION_COOKIE));
    ctx.cookie(site.cookie(Guards.SESSION_COOKIE, "", "/organiser", 0));
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private Edition edition() {
    return site.currentEdition().orElseThrow(() -> new Site.SiteError(404, "There is no edition yet."));
  }

  static Html nav(Context ctx) {
    return Html.of().open("nav", "aria-label", "Organisers", "class", "subnav").open("ul")
        .open("li").tag("a", "Overview", "href", "/organiser").close("li")
        .open("li").tag("a", "Review queue", "href", "/organiser/review").close("li")
        .open("li").tag("a", "Registrations", "href", "/organiser/registrations").close("li")
        .open("li").tag("a", "Announcements", "href", "/organiser/announcements").close("li")
        .open("li").tag("a", "Edition date", "href", "/organiser/edition").close("li")
        .open("li").tag("a", "Wrap-up", "href", "/organiser/wrapup").close("li")
        .open("li").add(Layout.button(ctx, "/organiser/logout", "Log out")).close("li")
        .close("ul").close("nav");
  }

  private void dashboard(Context ctx) {
    Edition e = edition();
    Html main = Html.of().tag("h1", "Organisers: edition " + e.number()).add(nav(ctx))
        .open("table", "class", "data").tag("caption", "Registrations by status")
        .open("thead").open("tr").tag("th", "Status", "scope", "col").tag("th", "Accounts", "scope", "col")
        .close("tr").close("thead").open("tbody");
    for (RegistrationStatus s : RegistrationStatus.values()) {
      long n = site.stores.registrations().count(RegistrationQuery.of(e.number()).withStatus(s));
      main.open("tr").tag("th", statusName(s), "scope", "row").tag("td", n).close("tr");
    }
    main.close("tbody").close("table")
        .tag("p", "Database: " + site.stores.description() + ". Mail: "
            + (site.mailFolder.isPresent() ? "the outbox folder." : "SMTP."), "class", "hint");
    Layout.render(ctx, "Organisers", main);
  }

  static String statusName(RegistrationStatus s) {
    switch (s) {
      case PENDING_VERIFICATION:
        return "Waiting for email confirmation";
      case PENDING_REVIEW:
        return "Waiting for review";
      case VERIFIED:
        return "Confirmed";
      default:
        return "Withdrawn";
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
    List<Registration> queue = site.stores.registrations()
        .list(RegistrationQuery.of(e.number()).withStatus(RegistrationStatus.PENDING_REVIEW), 0, 200);
    Html main = Html.of().tag("h1", "Review queue").add(nav(ctx))
        .tag("p", "These sign-ups confirmed an email address whose domain the policy could not confirm as a "
            + "government one. Approve those you know are police, reject the rest.");
    String flash = ctx.queryParam("done");
    if (flash != null && flash.matches("(approved|rejected) @[A-Za-z0-9_]{1,15}")) {
      main.add(Layout.notice("success", Html.of().text(flash.substring(0, 1).toUpperCase(Locale.ROOT)
          + flash.substring(1) + ".")));
    }
    if (queue.isEmpty()) {
      main.tag("p", "Nothing waits for review.");
    } else {
      main.open("table", "class", "data", "id", "review").tag("caption", queue.size() + " sign-ups waiting")
          .open("thead").open("tr").tag("th", "Account", "scope", "col").tag("th", "Agency", "scope", "col")
          .tag("th", "Email domain", "scope", "col").tag("th", "Country", "scope", "col")
          .tag("th", "Decision", "scope", "col").close("tr").close("thead").open("tbody");
      for (Registration r : queue) {
        String id = r.id().toString();
        main.open("tr", "data-handle", r.handle().value()).tag("th", r.handle().toString(), "scope", "row")
            .tag("td", r.agencyName() + r.officerName().map(n -> " (officer " + n + ")").orElse(""))
            .tag("td", domainOnly(r.email()))
            .tag("td", PublicPages.countryName(r.country()))
            .open("td")
            .add(Layout.button(ctx, "/organiser/review/" + id + "/approve", "Approve " + r.handle()))
            .add(Layout.button(ctx, "/organiser/review/" + id + "/reject", "Reject " + r.handle()))
            .close("td").close("tr");
      }
      main.close("tbody").close("table");
    }
    Layout.render(ctx, "Review queue", main);
  }

  private void decide(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new Site.SiteError(404, "There is no such registration.");
    }
    String decision = ctx.pathParam("decision");
    Registration r;
    try {
      if (decision.equals("approve")) {
        r = site.registration.approve(id);
      } else if (decision.equals("reject")) {
        r = site.registration.reject(id);
      } else {
        throw new Site.SiteError(404, "There is no such decision.");
      }
    } catch (Site.SiteError e) {
      throw e;
    } catch (PoltwtException e) {
      throw new Site.SiteError(409, "This registration is no longer waiting for review.");
    }
    ctx.redirect("/organiser/review?done=" + (decision.equals("approve") ? "approved" : "rejected") + "%20%40"
        + r.handle().value(), HttpStatus.SEE_OTHER);
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

  private void registrations(Context ctx) {
    Edition e = edition();
    Optional<RegistrationStatus> status = statusFilter(ctx);
    RegistrationQuery q = status.map(s -> RegistrationQuery.of(e.number()).withStatus(s))
        .orElse(RegistrationQuery.of(e.number()));
    long total = site.stores.registrations().count(q);
    int page = 0;
    try {
      page = Math.max(0, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("0")));
    } catch (NumberFormatException ignored) {
      page = 0;
    }
    List<Registration> rows = site.stores.registrations().list(q, page * PAGE, PAGE);
    List<Forms.Option> options = new ArrayList<>();
    options.add(new Forms.Option("", "All"));
    for (RegistrationStatus s : RegistrationStatus.values()) {
      options.add(new Forms.Option(s.name(), statusName(s)));
    }
    Forms.State filter = new Forms.State("filter", Map.of("status", status.map(Enum::name).orElse("")), Map.of());
    String statusParam = status.map(s -> "status=" + s.name() + "&").orElse("");
    Html main = Html.of().tag("h1", "Registrations for edition " + e.number()).add(nav(ctx))
        .open("form", "method", "get", "action", "/organiser/registrations", "class", "inline-form")
        .add(Forms.select(filter, "status", "Status", null, options, false))
        .tag("button", "Filter", "type", "submit").close("form")
        .open("form", "method", "get", "action", "/organiser/registrations.csv", "class", "inline-form")
        .open("input", "type", "hidden", "name", "status", "value", status.map(Enum::name).orElse(""))
        .open("div", "class", "field checkbox")
        .open("input", "type", "checkbox", "id", "csv-emails", "name", "emails", "value", "on")
        .tag("label", "Include email addresses (only when you need them)", "for", "csv-emails")
        .close("div")
        .tag("button", "Download CSV", "type", "submit").close("form");
    main.open("table", "class", "data", "id", "registrations")
        .tag("caption", total + " registrations" + (total > PAGE ? ", page " + (page + 1) : ""))
        .open("thead").open("tr").tag("th", "Account", "scope", "col").tag("th", "Type", "scope", "col")
        .tag("th", "Agency", "scope", "col").tag("th", "Country", "scope", "col").tag("th", "Zone", "scope", "col")
        .tag("th", "Status", "scope", "col").tag("th", "Signed up (UTC)", "scope", "col").close("tr").close("thead")
        .open("tbody");
    for (Registration r : rows) {
      main.open("tr").tag("th", r.handle().toString(), "scope", "row")
          .tag("td", r.accountType().name().toLowerCase(Locale.ROOT))
          .tag("td", r.agencyName()).tag("td", r.country()).tag("td", r.zone().getId())
          .tag("td", statusName(r.status()))
          .tag("td", PublicPages.WHEN.format(r.createdAt().atZone(ZoneOffset.UTC))).close("tr");
    }
    main.close("tbody").close("table").open("p", "class", "pager");
    if (page > 0) {
      main.tag("a", "Previous page", "href", "/organiser/registrations?" + statusParam + "page=" + (page - 1))
          .text(" ");
    }
    if ((long) (page + 1) * PAGE < total) {
      main.tag("a", "Next page", "href", "/organiser/registrations?" + statusParam + "page=" + (page + 1));
    }
    main.close("p");
    Layout.render(ctx, "Registrations", main);
  }

  private void csv(Context ctx) {
    Edition e = edition();
    boolean emails = "on".equals(ctx.queryParam("emails"));
    Optional<RegistrationStatus> status = statusFilter(ctx);
    RegistrationQuery q = status.map(s -> RegistrationQuery.of(e.number()).withStatus(s))
        .orElse(RegistrationQuery.of(e.number()));
    StringBuilder b = new StringBuilder();
    b.append("id,edition,handle,account_type,agency,agency_level,officer,country,zone,participation_model,status,"
        + "email_needs_review,created_at").append(emails ? ",email" : "").append("\r\n");
    for (int offset = 0; ; offset += 500) {
      List<Registration> rows = site.stores.registrations().list(q, offset, 500);
      for (Registration r : rows) {
        b.append(r.id()).append(',').append(r.edition()).append(',').append(cell(r.handle().value())).append(',')
            .append(r.accountType()).append(',').append(cell(r.agencyName())).append(',').append(r.agencyLevel())
            .append(',').append(cell(r.officerName().orElse(""))).append(',').append(r.country()).append(',')
            .append(cell(r.zone().getId())).append(',').append(r.participationModel()).append(',')
            .append(r.status()).append(',').append(r.emailNeedsReview()).append(',').append(r.createdAt());
        if (emails) {
          b.append(',').append(cell(r.email()));
        }
        b.append("\r\n");
      }
      if (rows.size() < 500) {
        break;
      }
    }
    ctx.header("Content-Disposition", "attachment; filename=\"poltwt-edition-" + e.number() + "-registrations.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(b.toString());
  }

  /** A CSV cell: quoted when needed, and never a formula a spreadsheet would run. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  // ---- announcements ------------------------------------------------------------------------

  private static final String DEFAULT_BODY = "Hello {handle},\n\nEdition {edition} of {hashtag} is coming. Your 24 "
      + "hours start {windowStart} and end {windowEnd}: {countdown}.\n\nThank you for taking part!\n";

  private void announcements(Context ctx, Forms.State state, Html result, String message) {
    Edition e = edition();
    Forms.State s = state != null ? state : new Forms.State("announce", Map.of("subject",
        "{hashtag} edition {edition}: practical information", "body", DEFAULT_BODY, "audience", "verified"),
        Map.of());
    Html main = Html.of().tag("h1", "Announcements").add(nav(ctx));
    if (message != null) {
      main.add(Layout.notice("success", Html.of().text(message)));
    }
    main.tag("h2", "Write an announcement")
        .tag("p", "Placeholders are filled for each recipient: {handle}, {agency}, {zone}, {edition}, {hashtag}, "
            + "{windowStart}, {windowEnd}, {windowStartIso}, {windowEndIso}, {countdown}.", "class", "hint")
        .add(Layout.postForm(ctx, "/organiser/announcements", Html.of()
            .add(Forms.input(s, "subject", "Subject", "text", null, true, "off", "maxlength", "200"))
            .add(Forms.textarea(s, "body", "Message", null, 8))
            .add(Forms.select(s, "audience", "Send to", null, List.of(
                new Forms.Option("verified", "Confirmed registrants"),
                new Forms.Option("all", "Everyone signed up (also those not yet confirmed)")), true))
            .add(Forms.input(s, "previewHandle", "Preview for (handle)", "text",
                "Shows the exact mail this registrant would get.", false, "off", "maxlength", "16"))
            .open("div", "class", "buttons")
            .tag("button", "Preview", "type", "submit", "name", "action", "value", "preview")
            .tag("button", "Send", "type", "submit", "name", "action", "value", "send")
            .close("div"), "id", "announce-form", "novalidate", ""));
    if (result != null) {
      main.add(result);
    }
    List<Announcement> sent = new ArrayList<>(site.stores.outbox().announcements(e.number()));
    sent.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    main.tag("h2", "Sent announcements");
    if (sent.isEmpty()) {
      main.tag("p", "None yet.");
    } else {
      main.open("table", "class", "data", "id", "announcements").tag("caption", "Delivery status")
          .open("thead").open("tr").tag("th", "Created (UTC)", "scope", "col").tag("th", "Subject", "scope", "col")
          .tag("th", "Sent", "scope", "col").tag("th", "Waiting", "scope", "col").tag("th", "Failed", "scope", "col")
          .tag("th", "Skipped", "scope", "col").close("tr").close("thead").open("tbody");
      for (Announcement a : sent) {
        DeliveryReport r = site.announcements.report(a.id());
        main.open("tr").tag("td", PublicPages.WHEN.format(a.createdAt().atZone(ZoneOffset.UTC)))
            .tag("td", a.subject()).tag("td", r.sent()).tag("td", r.pending().size()).tag("td", r.failed().size())
            .tag("td", r.skipped()).close("tr");
      }
      main.close("tbody").close("table");
    }
    Layout.render(ctx, "Announcements", main);
  }

  private void announce(Context ctx) {
    Edition e = edition();
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : new String[] {"subject", "body", "audience", "previewHandle"}) {
      values.put(name, Optional.ofNullable(ctx.formParam(name)).orElse(""));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Audience audience = "all".equals(values.get("audience")) ? Audience.allRegistrants() : Audience.verified();
    Announcement draft = null;
    try {
      draft = site.announcements.draft(e, values.get("subject"), values.get("body").replace("\r\n", "\n"), audience);
    } catch (InvalidInputException ex) {
      errors.put(ex.field(), ex.reason());
    }
    boolean preview = !"send".equals(ctx.formParam("action"));
    Html result = null;
    if (draft != null && preview) {
      String handle = values.get("previewHandle").strip();
      Optional<Registration> r = TwitterHandle.isValid(handle)
          ? site.registration.findByHandle(e.number(), handle) : Optional.empty();
      if (r.isEmpty()) {
        errors.put("previewHandle", "give the handle of a registrant of edition " + e.number() + " to preview");
      } else {
        Mail mail = site.announcements.preview(draft, r.get());
        result = Html.of().open("section", "aria-labelledby", "preview-heading", "class", "preview")
            .tag("h2", "Preview for " + r.get().handle(), "id", "preview-heading")
            .tag("p", Html.of().tag("strong", "Subject: ").text(mail.subject()))
            .tag("pre", mail.body(), "class", "mail").close("section");
      }
    }
    if (!errors.isEmpty() || preview) {
      if (!errors.isEmpty()) {
        ctx.status(422);
      }
      announcements(ctx, new Forms.State("announce", values, errors), result, null);
      return;
    }
    DeliveryReport report = site.announcements.send(draft);
    announcements(ctx, null, null, "Sent to " + report.sent() + " of " + report.recipients() + " recipients"
        + (report.failed().isEmpty() ? "" : "; " + report.failed().size() + " failed") + (report.pending().isEmpty()
        ? "." : "; " + report.pending().size() + " will be retried."));
  }

  // ---- the edition --------------------------------------------------------------------------

  private void edition(Context ctx, Forms.State state, String message) {
    Edition e = edition();
    Forms.State s = state != null ? state : new Forms.State("edition", Map.of(
        "date", e.date().map(LocalDate::toString).orElse(""), "start", e.localStart().toString()), Map.of());
    Html main = Html.of().tag("h1", "Edition " + e.number() + ": date").add(nav(ctx));
    if (message != null) {
      main.add(Layout.notice("success", Html.of().text(message)));
    }
    main.tag("p", "Now: " + e.date().map(PublicPages.DAY::format).orElse("date to be decided") + ", from "
            + e.localStart() + " local time (" + e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").")
        .tag("p", "A change of date is announced by email to every registrant, each with their own new window.",
            "class", "hint")
        .add(Layout.postForm(ctx, "/organiser/edition", Html.of()
            .add(Forms.input(s, "date", "New date", "date", null, true, "off"))
            .add(Forms.input(s, "start", "Local start time", "time", null, true, "off"))
            .open("div", "class", "buttons")
            .tag("button", "Reschedule and announce", "type", "submit", "name", "action", "value", "reschedule")
            .tag("button", "Postpone: date to be decided", "type", "submit", "name", "action", "value", "postpone")
            .close("div"), "novalidate", ""));
    Layout.render(ctx, "Edition date", main);
  }

  private void changeEdition(Context ctx) {
    Edition e = edition();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("date", Optional.ofNullable(ctx.formParam("date")).orElse(""));
    values.put("start", Optional.ofNullable(ctx.formParam("start")).orElse(""));
    Optional<Announcement> announced;
    try {
      if ("postpone".equals(ctx.formParam("action"))) {
        announced = site.editionService.postpone(e.number());
      } else {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        LocalTime start = null;
        try {
          date = LocalDate.parse(values.get("date").strip());
        } catch (DateTimeException ex) {
          errors.put("date", "must be a date such as 2026-06-05");
        }
        try {
          start = LocalTime.parse(values.get("start").strip());
        } catch (DateTimeException ex) {
          errors.put("start", "must be a time such as 08:00");
        }
        if (!errors.isEmpty()) {
          ctx.status(422);
          edition(ctx, new Forms.State("edition", values, errors), null);
          return;
        }
        announced = site.editionService.reschedule(e.number(), date, start);
      }
    } catch (InvalidInputException ex) {
      ctx.status(422);
      edition(ctx, new Forms.State("edition", values, Map.of("date", ex.reason())), null);
      return;
    }
    String message = announced.map(a -> {
      DeliveryReport r = site.announcements.report(a.id());
      return "Changed, and announced to " + r.sent() + " registrants.";
    }).orElse("Nothing changed.");
    edition(ctx, null, message);
  }
}

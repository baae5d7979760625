package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.poltwt.calendar.InviteException;
import org.poltwt.calendar.Invites;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.event.WindowText;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Languages;
import org.poltwt.examples.site.view.Manage;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.ManageLinkException;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationChange;
import org.poltwt.registration.RegistrationStateException;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.CalendarInvites;

/**
 * "Manage my registration": the page every mail links to with a signed token, where a registrant
 * changes their address, zone, participation, language and map consent, downloads their calendar
 * invite, or withdraws. A link that does not work gets a page that says why, and changes nothing.
 */
final class ManagePages {
  private static final String[] FIELDS = {
    "language",
    "country",
    "zone",
    "participationModel",
    "officerNameOnMap",
    "street",
    "city",
    "region",
    "postalCode",
    "latitude",
    "longitude"
  };

  private final Site site;

  ManagePages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/manage", this::page);
    cfg.routes.post("/manage", this::change);
    cfg.routes.post("/manage/withdraw", this::withdraw);
    cfg.routes.get("/manage/withdrawn", ctx -> Views.page(ctx, "manage", "outcome", "withdrawn"));
    cfg.routes.get("/manage/invite.ics", this::invite);
  }

  /** The registration a request's token opens, or a page saying why it does not. */
  private Optional<Registration> open(Context ctx, String token) {
    try {
      return Optional.of(site.registration.manage(token == null ? "" : token));
    } catch (ManageLinkException e) {
      String outcome = e.reason().name().toLowerCase(Locale.ROOT);
      ctx.status(e.reason() == ManageLinkException.Reason.INVALID ? 404 : 410);
      Views.page(ctx, "manage", "outcome", outcome);
      return Optional.empty();
    }
  }

  private void page(Context ctx) {
    String token = ctx.queryParam("token");
    open(ctx, token)
        .ifPresent(
            r ->
                show(
                    ctx,
                    token,
                    r,
                    new FormState("manage", values(r), Map.of()),
                    "1".equals(ctx.queryParam("saved")) ? "saved" : "form"));
  }

  private void show(Context ctx, String token, Registration r, FormState form, String outcome) {
    Optional<Edition> edition = site.stores.editions().find(r.edition());
    Locale locale = Views.messages(ctx).locale();
    String window = null;
    if (edition.isPresent() && edition.get().date().isPresent()) {
      Window w = Schedule.of(edition.get()).windowIn(r.zone());
      WindowText text = WindowText.of(locale);
      window =
          text.dateTime(w.start(), r.zone())
              + " \u2013 "
              + text.dateTime(w.end(), r.zone())
              + " ("
              + r.zone().getId()
              + ")";
    }
    LocalDate day = edition.flatMap(Edition::date).orElse(LocalDate.now(site.clock));
    Views.page(
        ctx,
        "manage",
        "outcome",
        outcome,
        "m",
        new Manage(
            token,
            r.handle().toString(),
            r.agencyName(),
            r.edition(),
            statusKey(r.status()),
            window,
            r.accountType() == AccountType.OFFICER,
            form,
            form.errors().isEmpty() ? null : PublicPages.summary(form),
            PublicPages.countries(locale),
            ZonePicker.groups(
                day, edition.map(Edition::localStart).orElse(java.time.LocalTime.MIDNIGHT), locale),
            PublicPages.MODELS,
            LANGUAGES,
            window != null));
  }

  /** The words of a status; each key is written out so the bundle test sees it used. */
  private static Msg statusKey(RegistrationStatus status) {
    switch (status) {
      case PENDING_VERIFICATION:
        return Msg.of("manage.status.PENDING_VERIFICATION");
      case PENDING_REVIEW:
        return Msg.of("manage.status.PENDING_REVIEW");
      case VERIFIED:
        return Msg.of("manage.status.VERIFIED");
      default:
        return Msg.of("manage.status.WITHDRAWN");
    }
  }

  /** The form's values as the registration holds them. */
  private static Map<String, String> values(Registration r) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("language", r.language().getLanguage());
    v.put("country", r.country());
    v.put("zone", ZonePicker.listed(r.zone().getId()).orElse(r.zone().getId()));
    v.put("participationModel", r.participationModel().name());
    v.put("officerNameOnMap", r.officerNameOnMap() ? "on" : "");
    PostalAddress a = r.address().orElse(null);
    v.put("street", a == null ? "" : a.street());
    v.put("city", a == null ? "" : a.city());
    v.put("region", a == null ? "" : a.region());
    v.put("postalCode", a == null ? "" : a.postalCode());
    v.put("latitude", r.coordinates().map(c -> Double.toString(c.latitude())).orElse(""));
    v.put("longitude", r.coordinates().map(c -> Double.toString(c.longitude())).orElse(""));
    return v;
  }

  private void change(Context ctx) {
    site.rateLimit(ctx, "manage", RateLimits.token(ctx.formParam("token")));
    String token = ctx.formParam("token");
    Optional<Registration> opened = open(ctx, token);
    if (opened.isEmpty()) {
      return;
    }
    Registration r = opened.get();
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS) {
      String v = ctx.formParam(name);
      values.put(name, v == null ? "" : v.strip());
    }
    Map<String, Msg> errors = new LinkedHashMap<>();
    Locale language = Languages.supported(values.get("language")).orElse(r.language());
    ZoneId zone = null;
    String zoneId = ZonePicker.listed(values.get("zone")).orElse(values.get("zone"));
    if (zoneId.isEmpty()) {
      errors.put("zone", Msg.of("form.error.required"));
    } else {
      try {
        zone = ZoneId.of(zoneId);
      } catch (DateTimeException e) {
        errors.put("zone", Msg.of("signup.error.zone"));
      }
    }
    ParticipationModel model =
        PublicPages.enumOf(ParticipationModel.class, values.get("participationModel"));
    if (model == null) {
      errors.put("participationModel", Msg.of("form.error.required"));
    }
    Optional<PostalAddress> address = Optional.empty();
    boolean anyAddress =
        !(values.get("street")
                + values.get("city")
                + values.get("region")
                + values.get("postalCode"))
            .isEmpty();
    if (anyAddress) {
      try {
        address =
            Optional.of(
                new PostalAddress(
                    values.get("street"),
                    values.get("city"),
                    values.get("region"),
                    values.get("postalCode")));
      } catch (InvalidRegistrationException e) {
        errors.put(PublicPages.fieldOf(e.field()), PublicPages.message(e.errors().get(0)));
      }
    }
    Double lat = PublicPages.number(values.get("latitude"), "latitude", errors);
    Double lon = PublicPages.number(values.get("longitude"), "longitude", errors);
    Optional<Coordinates> coordinates = Optional.empty();
    if ((lat == null) != (lon == null) && !errors.containsKey("latitude")) {
      // The site's own words, as for a refused sign-up: each coordinate goes with the other.
      if (lat == null) {
        errors.put("latitude", Msg.of("signup.error.latitude"));
      } else {
        errors.put("longitude", Msg.of("signup.error.longitude"));
      }
    } else if (lat != null && lon != null) {
      try {
        coordinates = Optional.of(new Coordinates(lat, lon));
      } catch (InvalidRegistrationException e) {
        errors.put(
            PublicPages.fieldOf(e.field().replace("coordinates.", "")),
            PublicPages.message(e.errors().get(0)));
      }
    }
    if (errors.isEmpty()) {
      try {
        RegistrationChange change =
            new RegistrationChange(
                address,
                coordinates,
                values.get("country"),
                zone,
                model,
                language,
                // Only an officer's form has the box; a forged one from an agency's is ignored
                // rather than refused in the library's English words beside no field.
                "on".equals(values.get("officerNameOnMap"))
                    && r.accountType() == org.poltwt.registration.AccountType.OFFICER);
        site.registration.change(token, change);
        ctx.redirect(
            "/manage?saved=1&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            HttpStatus.SEE_OTHER);
        return;
      } catch (InvalidRegistrationException e) {
        for (InvalidRegistrationException.FieldError fe : e.errors()) {
          errors.putIfAbsent(PublicPages.fieldOf(fe.field()), PublicPages.message(fe));
        }
      } catch (RegistrationStateException e) {
        errors.put("language", Msg.of("manage.conflict"));
      }
    }
    ctx.status(422);
    show(ctx, token, r, new FormState("manage", values, errors), "form");
  }

  private void withdraw(Context ctx) {
    site.rateLimit(ctx, "manage", RateLimits.token(ctx.formParam("token")));
    String token = ctx.formParam("token");
    Optional<Registration> opened = open(ctx, token);
    if (opened.isEmpty()) {
      return;
    }
    if (!"yes".equals(ctx.formParam("confirm"))) {
      show(ctx, token, opened.get(), FormState.empty("manage"), "confirmWithdraw");
      return;
    }
    site.registration.withdrawWithLink(token);
    ctx.redirect("/manage/withdrawn", HttpStatus.SEE_OTHER);
  }

  /** The registrant's own invite, as the mails attach it, written now with a fresh sequence. */
  private void invite(Context ctx) {
    Optional<Registration> opened = open(ctx, ctx.queryParam("token"));
    if (opened.isEmpty()) {
      return;
    }
    Registration r = opened.get();
    Optional<Edition> edition = site.stores.editions().find(r.edition());
    try {
      String ics =
          Invites.of(site.clock)
              .inLocale(r.language())
              .invite(
                  r,
                  edition.orElseThrow(
                      () -> new InviteException(InviteException.Reason.NO_DATE, "edition: gone")),
                  CalendarInvites.sequenceAt(site.clock.instant()));
      ctx.header("Content-Disposition", "attachment; filename=\"poltwt-" + r.edition() + ".ics\"");
      ctx.contentType("text/calendar; charset=utf-8; method=REQUEST").result(ics);
    } catch (InviteException e) {
      ctx.status(404);
      Views.page(ctx, "manage", "outcome", "closed");
    }
  }

  /** The languages the site speaks, each by its own name. */
  private static final List<Option> LANGUAGES =
      Languages.all().stream().map(l -> Option.text(l.code(), l.name())).toList();
}

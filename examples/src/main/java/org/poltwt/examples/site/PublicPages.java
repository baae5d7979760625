package org.poltwt.examples.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.text.Collator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poltwt.PoltwtException;
import org.poltwt.calendar.Invites;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.event.WindowText;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.examples.site.view.OptionGroup;
import org.poltwt.examples.site.view.PageData;
import org.poltwt.map.Participant;
import org.poltwt.map.ParticipantMap;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.registration.VerificationException;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.twitter.XApiAccountDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages anyone can see: home, sign-up, verification, the email look-up, the map, the outbox.
 */
final class PublicPages {
  private static final Logger LOG = LoggerFactory.getLogger(PublicPages.class);

  /**
   * Window times and countdowns in the words core gives every reader (mails, CMS pages), in the
   * request's language (English until core has the language).
   */
  static WindowText windowText(Context ctx) {
    return WindowText.of(Views.locale(ctx));
  }

  /** A timestamp, in English for the organisers; the outbox gives it the visitor's locale. */
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final Map<Locale, List<Option>> COUNTRIES = new ConcurrentHashMap<>();
  static final List<Option> LEVELS =
      List.of(
          Option.message("", "level.choose"),
          Option.message("LOCAL", "level.LOCAL"),
          Option.message("COUNTY", "level.COUNTY"),
          Option.message("STATE_OR_PROVINCE", "level.STATE_OR_PROVINCE"),
          Option.message("NATIONAL", "level.NATIONAL"),
          Option.message("INTERNATIONAL", "level.INTERNATIONAL"));
  static final List<Option> MODELS =
      List.of(
          Option.message("CALLS_FOR_SERVICE", "model.CALLS_FOR_SERVICE"),
          Option.message("ONE_TOPIC", "model.ONE_TOPIC"),
          Option.message("TWEET_THE_BEAT", "model.TWEET_THE_BEAT"));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the map's library is served from the webjar. */
  static final String LEAFLET = "/webjars/leaflet/1.9.4/dist";

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  private final Site site;
  private final SentProof sentProof;

  PublicPages(Site site) {
    this.site = site;
    this.sentProof = new SentProof(site.clock, site.keys.sentProof());
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/", this::home);
    cfg.routes.get("/api/window", this::window);
    cfg.routes.get("/editions/{file}", this::editionFeed);
    cfg.routes.get("/signup", ctx -> signup(ctx, null));
    cfg.routes.post("/signup", this::register);
    cfg.routes.get("/signup/sent", this::sent);
    cfg.routes.get("/verify", this::verifyForm);
    cfg.routes.post("/verify", this::verify);
    cfg.routes.get("/lookup", ctx -> lookup(ctx, "", null, null));
    cfg.routes.post("/lookup", this::lookupPost);
    cfg.routes.get("/new-link", ctx -> newLink(ctx, "", null, null));
    cfg.routes.post("/new-link", this::newLinkPost);
    cfg.routes.get("/map", this::map);
    cfg.routes.get("/map/participants.geojson", this::geojson);
    cfg.routes.get("/map/participants.kml", this::kml);
    // Under /organiser, so only a logged-in organiser reads them: the mails carry every
    // verification and unsubscribe link. And only in demo mode (no SMTP): see folder().
    cfg.routes.get("/organiser/outbox", this::outbox);
    cfg.routes.get("/organiser/outbox/{id}", this::outboxMail);
    cfg.routes.get("/unsubscribe", this::unsubscribeForm);
    cfg.routes.post("/unsubscribe", this::unsubscribe);
  }

  // ---- home ---------------------------------------------------------------------------------

  private void home(Context ctx) {
    Optional<Edition> current = site.currentEdition();
    if (current.isEmpty()) {
      Views.page(ctx, "home");
      return;
    }
    Edition e = current.get();
    String requested = ctx.queryParam("zone");
    ZoneId zone = parseZone(requested).orElse(ZoneId.of(ZonePicker.UTC));
    PageData.HomeWindow window = null;
    WindowText text = windowText(ctx);
    if (e.date().isPresent() && e.status() != EditionStatus.CANCELLED) {
      Schedule schedule = Schedule.of(e);
      Window w = schedule.windowIn(zone);
      Window span = schedule.globalSpan();
      window =
          new PageData.HomeWindow(
              zone.getId(),
              text.dateTime(w.start(), zone),
              w.start().toString(),
              text.dateTime(w.end(), zone),
              w.end().toString(),
              countdown(text, w, site.clock.instant()),
              text.dateTime(span.start(), ZoneOffset.UTC),
              text.dateTime(span.end(), ZoneOffset.UTC));
    }
    Views.page(
        ctx,
        "home",
        "h",
        new PageData.Home(
            e.hashtag(),
            e.number(),
            e.date().map(DAY.withLocale(Views.locale(ctx))::format).orElse(null),
            e.status() == EditionStatus.CANCELLED,
            e.themes(),
            e.localStart().toString(),
            ZonePicker.listed(zone.getId()).orElse(""),
            requested != null && !requested.isBlank(),
            zoneGroups(ctx, e),
            window));
  }

  /** The window of the current edition in a zone, as JSON, for the countdown script. */
  private void window(Context ctx) {
    Optional<ZoneId> zone = parseZone(ctx.queryParam("zone"));
    Optional<Edition> e = site.currentEdition();
    if (zone.isEmpty() || e.isEmpty() || e.get().date().isEmpty()) {
      // Site.error answers a JSON route with application/problem+json.
      throw new Site.SiteError(404, Msg.of("error.noWindow"));
    }
    Window w = Schedule.of(e.get()).windowIn(zone.get());
    ObjectNode n = JSON.createObjectNode();
    n.put("zone", zone.get().getId());
    // The id the zone list has for it: browsers may name a zone by an old alias (Asia/Calcutta).
    n.put("listed", ZonePicker.listed(zone.get().getId()).orElse(zone.get().getId()));
    n.put("start", w.start().toString());
    n.put("end", w.end().toString());
    WindowText text = windowText(ctx);
    n.put("startLocal", text.dateTime(w.start(), zone.get()));
    n.put("endLocal", text.dateTime(w.end(), zone.get()));
    ctx.contentType("application/json").result(n.toString());
  }

  /** An edition's file name in {@code /editions/<file>}: its number, then {@code .ics}. */
  private static final Pattern FEED = Pattern.compile("([1-9][0-9]{0,8})\\.ics");

  /**
   * The public calendar feed of an edition: one event over its global span (poltwt-calendar's
   * {@link Invites#editionFeed}), for anyone to add to a calendar. A cancelled edition's event says
   * so, and calendars that subscribed drop it.
   */
  private void editionFeed(Context ctx) {
    Matcher m = FEED.matcher(ctx.pathParam("file"));
    if (!m.matches()) {
      throw new Site.SiteError(404, Msg.of("error.notFound"));
    }
    int number = Integer.parseInt(m.group(1));
    Edition e =
        site.stores
            .editions()
            .find(number)
            .orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noSuchEdition")));
    if (e.date().isEmpty()) {
      throw new Site.SiteError(404, Msg.of("error.editionNoDate"));
    }
    String feed = Invites.of(site.clock).editionFeed(e);
    ctx.contentType("text/calendar; charset=utf-8")
        .header("Content-Disposition", "inline; filename=\"poltwt-edition-" + number + ".ics\"")
        .result(feed);
  }

  static Msg countdown(WindowText text, Window w, Instant now) {
    if (w.contains(now)) {
      return Msg.of("countdown.live");
    }
    if (!now.isBefore(w.end())) {
      return Msg.of("countdown.over");
    }
    return Msg.of("countdown.starts", text.countdown(w, now));
  }

  static Optional<ZoneId> parseZone(String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The zone picker's groups, offsets as on the edition's date (today when it has none). */
  private List<OptionGroup> zoneGroups(Context ctx, Edition e) {
    return ZonePicker.groups(
        e.date().orElse(LocalDate.now(site.clock)), e.localStart(), Views.locale(ctx));
  }

  /** The zone of the link (the home page passes the visitor's), as the list has it; or empty. */
  static String linkedZone(Context ctx) {
    return ZonePicker.listed(ctx.queryParam("zone")).orElse("");
  }

  /**
   * Without script, a guess at the visitor's zone: the only zone of the country the browser's
   * language names (fr-BE: Brussels), or empty; the sign-up script replaces it with the browser's.
   */
  static String guessedZone(Context ctx) {
    String header = ctx.header("Accept-Language");
    if (header == null || header.length() > 200) {
      return "";
    }
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        String country = Locale.forLanguageTag(r.getRange()).getCountry();
        if (!country.isEmpty()) {
          return ZonePicker.onlyZoneOf(country).orElse("");
        }
      }
    } catch (IllegalArgumentException e) {
      return "";
    }
    return "";
  }

  // ---- sign-up ------------------------------------------------------------------------------

  private static final String[] FIELDS = {
    "handle",
    "officerName",
    "officerNameOnMap",
    "agencyName",
    "agencyLevel",
    "email",
    "country",
    "zone",
    "participationModel",
    "street",
    "city",
    "region",
    "postalCode",
    "latitude",
    "longitude"
  };

  private void signup(Context ctx, FormState submitted) {
    Optional<Edition> current =
        site.currentEdition()
            .filter(
                e -> e.status() == EditionStatus.SCHEDULED || e.status() == EditionStatus.DATE_TBD);
    if (current.isEmpty()) {
      Views.page(ctx, "signup");
      return;
    }
    Edition e = current.get();
    FormState officer =
        submitted != null && submitted.form().equals("officer")
            ? submitted
            : FormState.of("officer", "zone", linkedZone(ctx));
    FormState agency =
        submitted != null && submitted.form().equals("agency")
            ? submitted
            : FormState.of("agency", "zone", linkedZone(ctx));
    Views.page(
        ctx,
        "signup",
        "s",
        new PageData.Signup(
            e.hashtag(),
            e.number(),
            officer,
            agency,
            submitted == null ? null : summary(submitted),
            LEVELS,
            countries(Views.locale(ctx)),
            zoneGroups(ctx, e),
            guessedZone(ctx),
            MODELS));
  }

  private void register(Context ctx) {
    site.rateLimit(
        ctx,
        "signup",
        RateLimits.handle(ctx.formParam("handle")),
        RateLimits.email(ctx.formParam("email")));
    String form = "agency".equals(ctx.formParam("form")) ? "agency" : "officer";
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS) {
      String v = ctx.formParam(name);
      values.put(name, v == null ? "" : v);
    }
    // A browser may name its zone by an old alias (Chromium: Asia/Calcutta); store the current id.
    values.computeIfPresent("zone", (k, v) -> ZonePicker.listed(v).orElse(v));
    if (form.equals("agency")) {
      values.remove("officerName");
      values.remove("officerNameOnMap");
    }
    Map<String, Msg> errors = new LinkedHashMap<>();
    int edition = site.currentEdition().map(Edition::number).orElse(0);
    RegistrationRequest.Builder b =
        RegistrationRequest.builder()
            .edition(parseEdition(ctx.formParam("edition"), edition))
            .handle(values.get("handle"))
            .email(values.get("email"))
            .country(values.get("country"))
            .zone(values.get("zone"))
            // Every later mail goes in the language the visitor reads the site in.
            .language(Views.messages(ctx).locale().toLanguageTag())
            .address(
                values.get("street"),
                values.get("city"),
                values.get("region"),
                values.get("postalCode"));
    AgencyLevel level = enumOf(AgencyLevel.class, values.get("agencyLevel"));
    if (form.equals("officer")) {
      b.officer(values.get("officerName"), values.get("agencyName"), level)
          .officerNameOnMap("on".equals(values.get("officerNameOnMap")));
    } else {
      b.agency(values.get("agencyName"), level);
    }
    b.participationModel(enumOf(ParticipationModel.class, values.get("participationModel")));
    Double lat = number(values.get("latitude"), "latitude", errors);
    Double lon = number(values.get("longitude"), "longitude", errors);
    b.coordinates(lat, lon);
    if (!errors.isEmpty()) {
      // A coordinate that is not a number: give the library one out of range, so that it still
      // reports every other field at once and cannot register; our message for it is kept.
      b.coordinates(lat == null ? 999.0 : lat, lon == null ? 999.0 : lon);
    }
    Registration registered = null;
    try {
      registered = site.registration.register(b.build());
    } catch (InvalidRegistrationException e) {
      accountRefusal(e, values.get("handle")).ifPresent(m -> errors.putIfAbsent("handle", m));
      for (InvalidRegistrationException.FieldError fe : e.errors()) {
        errors.putIfAbsent(fieldOf(fe.field()), message(fe, values));
      }
    } catch (DuplicateRegistrationException e) {
      errors.putIfAbsent("handle", Msg.of("signup.error.duplicate", e.edition()));
    } catch (PoltwtException e) {
      if (!XApiAccountDirectory.FAILURE_CODE.equals(e.code())) {
        throw e;
      }
      LOG.warn("Sign-up: the handle could not be checked on X: {}", e.getMessage());
      errors.putIfAbsent("handle", Msg.of("signup.error.handleUnchecked"));
    }
    if (registered == null) {
      if (errors.isEmpty()) {
        errors.put("handle", Msg.of("signup.error.notSaved"));
      }
      ctx.status(422);
      signup(ctx, new FormState(form, values, errors));
      return;
    }
    sentProof.give(ctx, registered.handle().value(), site.secureCookies);
    ctx.redirect("/signup/sent?handle=" + registered.handle().value(), HttpStatus.SEE_OTHER);
  }

  static PageData.ErrorSummary summary(FormState s) {
    List<PageData.ErrorEntry> entries = new ArrayList<>();
    for (Map.Entry<String, Msg> e : s.errors().entrySet()) {
      entries.add(new PageData.ErrorEntry(s.id(e.getKey()), label(e.getKey()), e.getValue()));
    }
    return new PageData.ErrorSummary(s.form(), entries);
  }

  /** A field's name in the error summary. */
  private static Msg label(String field) {
    switch (field) {
      case "handle":
        return Msg.of("summary.field.handle");
      case "officerName":
        return Msg.of("summary.field.officerName");
      case "agencyName":
        return Msg.of("summary.field.agencyName");
      case "agencyLevel":
        return Msg.of("summary.field.agencyLevel");
      case "email":
        return Msg.of("summary.field.email");
      case "country":
        return Msg.of("summary.field.country");
      case "zone":
        return Msg.of("summary.field.zone");
      case "participationModel":
        return Msg.of("summary.field.participationModel");
      case "street":
        return Msg.of("summary.field.street");
      case "city":
        return Msg.of("summary.field.city");
      case "region":
        return Msg.of("summary.field.region");
      case "postalCode":
        return Msg.of("summary.field.postalCode");
      case "latitude":
        return Msg.of("summary.field.latitude");
      case "longitude":
        return Msg.of("summary.field.longitude");
      default:
        // A field the library names that the form does not have: its name, as the site always
        // showed it.
        return Msg.of(
            "summary.field.other", Character.toUpperCase(field.charAt(0)) + field.substring(1));
    }
  }

  static String fieldOf(String field) {
    switch (field) {
      case "accountType":
        return "handle";
      case "edition":
        return "handle";
      default:
        return field.startsWith("address.") ? field.substring(8) : field;
    }
  }

  /**
   * Why the account directory refused a handle, in the site's words. The library refuses a handle
   * no account has, or a suspended account's, with an error on the handle alone, after every other
   * field passed; the directory remembers its answer, so asking it again costs no request.
   *
   * @return the message, if the handle was refused by the directory
   */
  private Optional<Msg> accountRefusal(InvalidRegistrationException e, String typed) {
    if (!e.errors().stream().allMatch(fe -> fe.field().equals("handle"))) {
      return Optional.empty(); // the library stopped before asking the directory
    }
    TwitterHandle handle;
    try {
      handle = TwitterHandle.of(typed.strip());
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    try {
      switch (site.accounts.lookup(handle).status()) {
        case NOT_FOUND:
          return Optional.of(Msg.of("signup.error.handleNotFound"));
        case SUSPENDED:
          return Optional.of(Msg.of("signup.error.handleSuspended"));
        default:
          return Optional.empty();
      }
    } catch (PoltwtException unavailable) {
      return Optional.empty();
    }
  }

  /** The library's reason, in its own (English) words, except the one the form says better. */
  static Msg message(InvalidRegistrationException.FieldError e) {
    return message(e, Map.of());
  }

  /**
   * The library's refusal of a field in the visitor's language: the site's own sentence for each
   * field it has a form for (for an email, for the rule of the policy that refused it), the
   * library's English words only for anything else.
   *
   * @param typed what the form sent, by field name, to find why an email was refused
   */
  static Msg message(InvalidRegistrationException.FieldError e, Map<String, String> typed) {
    String reason = e.reason();
    if (reason.equals("must not be null")
        || reason.equals("must not be blank")
        || reason.startsWith("is required")) {
      return Msg.of("form.error.required");
    }
    switch (fieldOf(e.field())) {
      case "edition":
        return Msg.of("signup.error.edition", reason);
      case "handle":
        return Msg.of("signup.error.handle");
      case "email":
        return emailRefusal(typed.getOrDefault("email", ""));
      case "country":
        return Msg.of("signup.error.country");
      case "zone":
        return Msg.of("signup.error.zone");
      case "latitude":
        return Msg.of("signup.error.latitude");
      case "longitude":
        return Msg.of("signup.error.longitude");
      case "agencyName":
      case "officerName":
      case "street":
      case "city":
      case "region":
      case "postalCode":
        return Msg.of("signup.error.text");
      default:
        return Msg.of("error.reason", reason);
    }
  }

  /** Why the government-email policy the service uses refused an address, in the site's words. */
  private static Msg emailRefusal(String typed) {
    switch (GovernmentEmailPolicy.defaults().assess(typed).rule()) {
      case SYNTAX:
        return Msg.of("signup.error.email.syntax");
      case DENY_LIST:
        return Msg.of("signup.error.email.denied");
      case LOOKALIKE:
        return Msg.of("signup.error.email.lookalike");
      case WEBMAIL:
        return Msg.of("signup.error.email.webmail");
      case PUBLIC_SUFFIX:
        return Msg.of("signup.error.email.publicSuffix");
      case GOVERNMENT_SUFFIX_OUT_OF_PLACE:
        return Msg.of("signup.error.email.suffixOutOfPlace");
      default:
        return Msg.of("signup.error.email");
    }
  }

  private static int parseEdition(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Double number(String value, String field, Map<String, Msg> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.strip().replace(',', '.'));
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      errors.put(field, Msg.of("signup.error.coordinate"));
      return null;
    }
  }

  /**
   * After a sign-up: where the verification mail went, masked, but only to the browser that signed
   * the handle up (see {@link SentProof}) and only while the registration waits for it; anyone else
   * reads the same page without an address. Limited like the look-up, which it resembles.
   */
  private void sent(Context ctx) {
    site.rateLimit(ctx, "sent", RateLimits.handle(ctx.queryParam("handle")));
    String handle = ctx.queryParam("handle");
    Optional<Edition> e = site.currentEdition();
    Optional<String> masked = Optional.empty();
    if (handle != null
        && TwitterHandle.isValid(handle)
        && e.isPresent()
        && sentProof.holds(ctx, handle)
        && site.registration
            .findByHandle(e.get().number(), handle)
            .filter(r -> r.status() == RegistrationStatus.PENDING_VERIFICATION)
            .isPresent()) {
      masked = site.registration.registeredEmail(e.get().number(), handle);
    }
    Views.page(
        ctx,
        "sent",
        "handle",
        masked.isPresent() ? "@" + TwitterHandle.of(handle).value() : null,
        "masked",
        masked.orElse(null),
        "outbox",
        site.mailFolder.isPresent());
  }

  // ---- verification -------------------------------------------------------------------------

  private void verifyForm(Context ctx) {
    site.rateLimit(ctx, "verify", RateLimits.token(ctx.queryParam("token")));
    String token = ctx.queryParam("token");
    if (token == null || token.isBlank() || token.length() > 100) {
      ctx.status(400);
      token = null;
    }
    Views.page(ctx, "verifyForm", "token", token);
  }

  private void verify(Context ctx) {
    site.rateLimit(ctx, "verify", RateLimits.token(ctx.formParam("token")));
    String token = ctx.formParam("token");
    try {
      Registration r = site.registration.verify(token == null ? "" : token);
      Views.page(
          ctx,
          "verify",
          "outcome",
          r.status() == RegistrationStatus.VERIFIED ? "confirmed" : "review",
          "handle",
          r.handle().toString(),
          "edition",
          r.edition(),
          "map",
          !r.onMap() ? "none" : site.placed(r) ? "placed" : "unplaced",
          "manage",
          site.registration.manageLink(r.id()).orElse(null));
      return;
    } catch (VerificationException.UsedToken e) {
      ctx.status(410);
      Views.page(ctx, "verify", "outcome", "used");
    } catch (VerificationException.ExpiredToken e) {
      ctx.status(410);
      Views.page(ctx, "verify", "outcome", "expired");
    } catch (VerificationException e) {
      ctx.status(404);
      Views.page(ctx, "verify", "outcome", "unknown");
    } catch (PoltwtException e) {
      ctx.status(409);
      Views.page(ctx, "verify", "outcome", "closed");
    }
  }

  // ---- which email --------------------------------------------------------------------------

  private void lookup(Context ctx, String handle, Msg error, PageData.Lookup result) {
    FormState s =
        new FormState(
            "lookup", Map.of("handle", handle), error == null ? Map.of() : Map.of("handle", error));
    Views.page(ctx, "lookup", "s", s, "result", result);
  }

  private void lookupPost(Context ctx) {
    site.rateLimit(ctx, "lookup", RateLimits.handle(ctx.formParam("handle")));
    String handle = Optional.ofNullable(ctx.formParam("handle")).orElse("").strip();
    if (!TwitterHandle.isValid(handle)) {
      ctx.status(422);
      lookup(ctx, handle, Msg.of("lookup.error.handle"), null);
      return;
    }
    Optional<Edition> e = site.currentEdition();
    Optional<String> masked =
        e.flatMap(ed -> site.registration.registeredEmail(ed.number(), handle));
    lookup(
        ctx,
        handle,
        null,
        new PageData.Lookup(
            "@" + TwitterHandle.of(handle).value(),
            masked.orElse(null),
            e.map(Edition::number).orElse(0)));
  }

  // ---- send me a new link ------------------------------------------------------------------

  private void newLink(Context ctx, String handle, Msg error, String requested) {
    FormState s =
        new FormState(
            "newLink",
            Map.of("handle", handle),
            error == null ? Map.of() : Map.of("handle", error));
    Views.page(ctx, "newLink", "s", s, "requested", requested);
  }

  /**
   * Asks the library for a new verification link. The page says the same whether the handle is
   * signed up, verified or unknown, and whether a mail went out: it must not tell who signed up.
   */
  private void newLinkPost(Context ctx) {
    site.rateLimit(ctx, "newLink", RateLimits.handle(ctx.formParam("handle")));
    String handle = Optional.ofNullable(ctx.formParam("handle")).orElse("").strip();
    if (!TwitterHandle.isValid(handle)) {
      ctx.status(422);
      newLink(ctx, handle, Msg.of("newLink.error.handle"), null);
      return;
    }
    site.currentEdition().ifPresent(ed -> site.registration.requestNewLink(ed.number(), handle));
    newLink(ctx, "", null, "@" + TwitterHandle.of(handle).value());
  }

  // ---- the map ------------------------------------------------------------------------------

  private void map(Context ctx) {
    Optional<Edition> e = site.currentEdition();
    if (e.isEmpty()) {
      Views.page(ctx, "map");
      return;
    }
    ParticipantMap map = site.participants(e.get().number());
    List<Participant> placed = map.placed();
    List<Participant> sorted = new ArrayList<>(placed);
    Locale locale = Views.locale(ctx);
    sorted.sort(
        Comparator.comparing((Participant p) -> countryName(p.country(), locale), collator(locale))
            .thenComparing(Participant::city)
            .thenComparing(p -> p.handle().normalized()));
    List<PageData.MapRow> rows = new ArrayList<>();
    for (Participant p : sorted) {
      rows.add(
          new PageData.MapRow(
              p.handle().toString(),
              p.agencyName(),
              p.accountType() != AccountType.AGENCY,
              p.officerName().orElse(null),
              p.city(),
              countryName(p.country(), locale)));
    }
    Views.page(
        ctx,
        "map",
        "m",
        new PageData.MapPage(
            e.get().number(),
            placed.size(),
            placed.stream().map(Participant::country).distinct().count(),
            rows),
        "leaflet",
        LEAFLET);
  }

  private void geojson(Context ctx) {
    int edition = site.currentEdition().map(Edition::number).orElse(1);
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(site.participants(edition).toGeoJson());
  }

  private void kml(Context ctx) {
    int edition = site.currentEdition().map(Edition::number).orElse(1);
    ctx.contentType("application/vnd.google-earth.kml+xml; charset=utf-8")
        .result(site.participants(edition).toKml());
  }

  /** A country's name in English, for the organisers' pages and the wrap-up report. */
  static String countryName(String code) {
    return countryName(code, Locale.ENGLISH);
  }

  /** A country's name in the visitor's language, as the JDK's locale data has it; else its code. */
  static String countryName(String code, Locale locale) {
    String name = new Locale("", code).getDisplayCountry(locale);
    return name.isEmpty() ? code : name;
  }

  /** Sorts names as a reader of the language expects (Österreich with the O's, not after Z). */
  private static Comparator<String> collator(Locale locale) {
    Collator c = Collator.getInstance(locale);
    return c::compare;
  }

  // ---- the outbox ---------------------------------------------------------------------------

  private MailFolder folder() {
    return site.mailFolder.orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noOutbox")));
  }

  private void outbox(Context ctx) {
    MailFolder folder = folder();
    List<PageData.OutboxRow> rows = new ArrayList<>();
    for (MailFolder.Stored m : folder.list(200)) {
      rows.add(
          new PageData.OutboxRow(
              m.id(),
              WHEN.withLocale(Views.locale(ctx)).format(m.sent().atZone(ZoneOffset.UTC)),
              maskAddress(m.to()),
              m.subject()));
    }
    Views.page(
        ctx,
        "outbox",
        "folder",
        folder.folder().toAbsolutePath().normalize().toString(),
        "mails",
        rows);
  }

  private void outboxMail(Context ctx) {
    MailFolder.Stored m =
        folder()
            .read(ctx.pathParam("id"))
            .orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noMail")));
    // Links to this site become links (relative, so they work behind any proxy); others stay text.
    List<PageData.MailPart> body = new ArrayList<>();
    Matcher links = LINK.matcher(m.body());
    int from = 0;
    while (links.find()) {
      body.add(new PageData.MailPart(m.body().substring(from, links.start()), null));
      String link = links.group();
      body.add(
          new PageData.MailPart(
              link, link.startsWith(site.url + "/") ? link.substring(site.url.length()) : null));
      from = links.end();
    }
    body.add(new PageData.MailPart(m.body().substring(from), null));
    Views.page(
        ctx,
        "outboxMail",
        "subject",
        m.subject(),
        "to",
        maskAddress(m.to()),
        "sent",
        WHEN.withLocale(Views.locale(ctx)).format(m.sent().atZone(ZoneOffset.UTC)),
        "body",
        body,
        "attachments",
        m.attachments());
  }

  /** Hides most of an address: organisers judge a mail, not whose mailbox it went to. */
  static String maskAddress(String address) {
    int at = address.lastIndexOf('@');
    if (at < 1) {
      return "\u2022\u2022\u2022";
    }
    return address.charAt(0) + "\u2022\u2022\u2022" + address.substring(at);
  }

  // ---- unsubscribe --------------------------------------------------------------------------

  private void unsubscribeForm(Context ctx) {
    String token = ctx.queryParam("token");
    Views.page(ctx, "unsubscribe", "token", token == null ? "" : token);
  }

  private void unsubscribe(Context ctx) {
    site.rateLimit(
        ctx,
        "verify",
        RateLimits.token(
            Site.oneClickUnsubscribe(ctx) ? ctx.queryParam("token") : ctx.formParam("token")));
    try {
      // The form sends the token in its body; a one-click POST (RFC 8058) keeps it in the link.
      String token =
          Site.oneClickUnsubscribe(ctx) ? ctx.queryParam("token") : ctx.formParam("token");
      site.announcements.unsubscribe(Optional.ofNullable(token).orElse(""));
      Views.page(ctx, "unsubscribe", "outcome", "done");
    } catch (PoltwtException | IllegalArgumentException e) {
      ctx.status(404);
      Views.page(ctx, "unsubscribe", "outcome", "unknown");
    }
  }

  // ---- option lists -------------------------------------------------------------------------

  /** The country list in a language, sorted for it; built once per language. */
  static List<Option> countries(Locale locale) {
    return COUNTRIES.computeIfAbsent(
        locale,
        l -> {
          List<Option> out = new ArrayList<>();
          for (String code : Locale.getISOCountries()) {
            out.add(Option.text(code, countryName(code, l)));
          }
          out.sort(Comparator.comparing(Option::label, collator(l)));
          out.add(0, Option.message("", "country.choose"));
          return List.copyOf(out);
        });
  }
}

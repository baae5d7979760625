package org.poltwt.examples.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.examples.demo.Gazetteer;
import org.poltwt.map.ParticipantMap;
import org.poltwt.map.Participant;
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
import org.poltwt.spi.RegistrationQuery;

/** The pages anyone can see: home, sign-up, verification, the email look-up, the map, the outbox. */
final class PublicPages {
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  static final List<Forms.Option> ZONES = zones();
  static final List<Forms.Option> COUNTRIES = countries();
  static final List<Forms.Option> LEVELS = List.of(new Forms.Option("", "Choose a level"),
      new Forms.Option("LOCAL", "Local (city, town)"), new Forms.Option("COUNTY", "County or regional"),
      new Forms.Option("STATE_OR_PROVINCE", "State or province"), new Forms.Option("NATIONAL", "National"),
      new Forms.Option("INTERNATIONAL", "International"));
  static final List<Forms.Option> MODELS = List.of(
      new Forms.Option("CALLS_FOR_SERVICE", "Tweet every call for service"),
      new Forms.Option("ONE_TOPIC", "One topic, to educate the public"),
      new Forms.Option("TWEET_THE_BEAT", "Officers tweet their beat"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  private final Site site;

  PublicPages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/", this::home);
    cfg.routes.get("/api/window", this::window);
    cfg.routes.get("/signup", ctx -> signup(ctx, null, null));
    cfg.routes.post("/signup", this::register);
    cfg.routes.get("/signup/sent", this::sent);
    cfg.routes.get("/verify", this::verifyForm);
    cfg.routes.post("/verify", this::verify);
    cfg.routes.get("/lookup", ctx -> lookup(ctx, "", null, null));
    cfg.routes.post("/lookup", this::lookupPost);
    cfg.routes.get("/map", this::map);
    cfg.routes.get("/map/participants.geojson", this::geojson);
    cfg.routes.get("/map/participants.kml", this::kml);
    cfg.routes.get("/outbox", this::outbox);
    cfg.routes.get("/outbox/{id}", this::outboxMail);
    cfg.routes.get("/unsubscribe", this::unsubscribeForm);
    cfg.routes.post("/unsubscribe", this::unsubscribe);
  }

  // ---- home ---------------------------------------------------------------------------------

  private void home(Context ctx) {
    Optional<Edition> current = site.currentEdition();
    Html main = Html.of();
    if (current.isEmpty()) {
      main.tag("h1", "The Global Police Tweet-a-thon").tag("p", "No edition is planned yet. Come back soon.");
      Layout.render(ctx, "Home", main);
      return;
    }
    Edition e = current.get();
    String requested = ctx.queryParam("zone");
    ZoneId zone = parseZone(requested).orElse(ZoneOffset.UTC);
    main.tag("h1", "#" + e.hashtag() + " edition " + e.number())
        .open("dl", "class", "facts")
        .tag("dt", "Date").tag("dd", e.date().map(DAY::format).orElse("Date to be decided")
            + (e.status() == EditionStatus.CANCELLED ? " (cancelled)" : ""))
        .tag("dt", "Hashtag").tag("dd", "#" + e.hashtag());
    if (!e.themes().isEmpty()) {
      main.tag("dt", "Theme").tag("dd", "#" + String.join(" #", e.themes()));
    }
    main.tag("dt", "Starts").tag("dd", e.localStart() + " local time, in every time zone, for 24 hours")
        .close("dl");

    main.open("section", "aria-labelledby", "yours").tag("h2", "Your 24 hours", "id", "yours");
    main.open("form", "method", "get", "action", "/", "id", "zone-form", "class", "inline-form", "data-zone-chosen",
            requested != null && !requested.isBlank() ? "true" : "false")
        .open("label", "for", "zone").text("Your time zone").close("label")
        .add(zoneSelect("zone", "zone", zone.getId()))
        .tag("button", "Show my window", "type", "submit")
        .close("form");
    if (e.date().isPresent() && e.status() != EditionStatus.CANCELLED) {
      Schedule schedule = Schedule.of(e);
      Window w = schedule.windowIn(zone);
      main.open("p", "id", "window")
          .text("In ").tag("strong", zone.getId(), "id", "window-zone").text(" your 24 hours run from ")
          .tag("time", WHEN.format(w.start().atZone(zone)), "id", "window-start", "datetime", w.start().toString())
          .text(" to ")
          .tag("time", WHEN.format(w.end().atZone(zone)), "id", "window-end", "datetime", w.end().toString())
          .text(" local time.").close("p");
      main.tag("p", countdown(w, site.clock.instant()), "id", "countdown", "role", "timer",
          "data-start", w.start().toString(), "data-end", w.end().toString());
      Window span = schedule.globalSpan();
      main.tag("p", "Worldwide, the event runs from " + WHEN.format(span.start().atZone(ZoneOffset.UTC)) + " to "
          + WHEN.format(span.end().atZone(ZoneOffset.UTC)) + " UTC, as the start follows the sun.", "class", "hint");
    } else {
      main.tag("p", "The date is to be decided: registrants will get an email with their own window as soon as it "
          + "is set.", "id", "window");
    }
    main.close("section");

    main.open("section", "aria-labelledby", "how").tag("h2", "How to take part", "id", "how")
        .tag("p", "Agencies sign up their account, and officers their own, as many as you like. Choose one of three "
            + "ways to tweet:")
        .open("ul");
    for (Forms.Option m : MODELS) {
      main.tag("li", m.label());
    }
    main.close("ul")
        .tag("p", Html.of().tag("strong", "The one rule: ").text("every tweet carries #" + e.hashtag() + "."))
        .open("p").tag("a", "Sign up for edition " + e.number(), "href", "/signup", "class", "button").close("p")
        .close("section");
    Layout.render(ctx, "Home", main, "/assets/home.js");
  }

  /** The window of the current edition in a zone, as JSON, for the countdown script. */
  private void window(Context ctx) {
    Optional<ZoneId> zone = parseZone(ctx.queryParam("zone"));
    Optional<Edition> e = site.currentEdition();
    if (zone.isEmpty() || e.isEmpty() || e.get().date().isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no window for this zone"));
      return;
    }
    Window w = Schedule.of(e.get()).windowIn(zone.get());
    ObjectNode n = JSON.createObjectNode();
    n.put("zone", zone.get().getId());
    n.put("start", w.start().toString());
    n.put("end", w.end().toString());
    n.put("startLocal", WHEN.format(w.start().atZone(zone.get())));
    n.put("endLocal", WHEN.format(w.end().atZone(zone.get())));
    ctx.contentType("application/json").result(n.toString());
  }

  static String countdown(Window w, Instant now) {
    if (w.contains(now)) {
      return "Your 24 hours are under way: tweet now!";
    }
    if (!now.isBefore(w.end())) {
      return "Your 24 hours are over. Thank you for taking part.";
    }
    Duration d = Duration.between(now, w.start());
    return String.format(Locale.ROOT, "Starts in %d days, %d hours, %d minutes", d.toDays(), d.toHoursPart(),
        d.toMinutesPart());
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

  static Html zoneSelect(String id, String name, String selected) {
    Html h = Html.of().open("select", "id", id, "name", name);
    boolean found = false;
    for (Forms.Option o : ZONES) {
      boolean sel = o.value().equals(selected);
      found |= sel;
      h.tag("option", o.label(), "value", o.value(), "selected", sel ? "" : null);
    }
    if (!found && selected != null && !selected.isEmpty()) {
      h.tag("option", selected, "value", selected, "selected", "");
    }
    return h.close("select");
  }

  // ---- sign-up ------------------------------------------------------------------------------

  private static final String[] FIELDS = {"handle", "officerName", "officerNameOnMap", "agencyName", "agencyLevel",
      "email", "country", "zone", "participationModel", "street", "city", "region", "postalCode", "latitude",
      "longitude"};

  private void signup(Context ctx, Forms.State submitted, Html summary) {
    Optional<Edition> current = site.currentEdition().filter(e -> e.status() == EditionStatus.SCHEDULED
        || e.status() == EditionStatus.DATE_TBD);
    Html main = Html.of();
    if (current.isEmpty()) {
      main.tag("h1", "Sign-up is closed").tag("p", "No edition is open for sign-up right now.");
      Layout.render(ctx, "Sign up", main);
      return;
    }
    Edition e = current.get();
    Forms.State officer = submitted != null && submitted.form().equals("officer") ? submitted
        : new Forms.State("officer", Map.of(), Map.of());
    Forms.State agency = submitted != null && submitted.form().equals("agency") ? submitted
        : new Forms.State("agency", Map.of(), Map.of());
    main.tag("h1", "Sign up for #" + e.hashtag() + " edition " + e.number())
        .tag("p", "Officers sign up on the left, agencies on the right. You need a government email address: we "
            + "send a link to it to confirm the sign-up. An address puts you on the official map.");
    if (summary != null) {
      main.add(summary);
    }
    main.open("div", "class", "columns")
        .add(signupForm(ctx, e, officer, true))
        .add(signupForm(ctx, e, agency, false))
        .close("div");
    Layout.render(ctx, "Sign up", main, "/assets/signup.js");
  }

  private Html signupForm(Context ctx, Edition e, Forms.State s, boolean officer) {
    String heading = officer ? "Officer sign-up" : "Agency sign-up";
    Html f = Html.of()
        .open("input", "type", "hidden", "name", "form", "value", s.form())
        .open("input", "type", "hidden", "name", "edition", "value", Integer.toString(e.number()))
        .add(Forms.input(s, "handle", "Twitter handle", "text", officer ? "Your own account, e.g. @PCJaneDoe"
            : "The agency's account, e.g. @PoliciaMadrid", true, "off", "maxlength", "16", "spellcheck", "false"));
    if (officer) {
      f.add(Forms.input(s, "officerName", "Your name", "text", null, true, "name", "maxlength", "200"))
          .add(Forms.checkbox(s, "officerNameOnMap", "Show my name on the map", "Otherwise the map shows your "
              + "agency and handle only."));
    }
    f.add(Forms.input(s, "agencyName", officer ? "Your agency" : "Agency name", "text", null, true, "organization",
            "maxlength", "200"))
        .add(Forms.select(s, "agencyLevel", "Agency level", null, LEVELS, true))
        .add(Forms.input(s, "email", "Government email address", "email", "We send the confirmation link here. "
            + "It is never shown on the site.", true, "email", "maxlength", "254"))
        .add(Forms.select(s, "country", "Country", null, COUNTRIES, true))
        .add(Forms.select(s, "zone", "Time zone", "Your 24 hours start at the edition's local time in this zone.",
            ZONES, true, "data-browser-zone", s.value("zone").isEmpty() ? "true" : "false"))
        .add(Forms.radios(s, "participationModel", "How will you take part?", MODELS))
        .open("fieldset", "class", "address")
        .tag("legend", "Address for the map (optional)")
        .add(Forms.input(s, "street", "Street and number", "text", null, false, "street-address", "maxlength", "200"))
        .add(Forms.input(s, "city", "City", "text", null, false, "address-level2", "maxlength", "200"))
        .add(Forms.input(s, "region", "Region or state", "text", null, false, "address-level1", "maxlength", "200"))
        .add(Forms.input(s, "postalCode", "Postal code", "text", null, false, "postal-code", "maxlength", "200"))
        .add(Forms.input(s, "latitude", "Latitude", "text", "Optional: place the marker exactly, e.g. 40.4168",
            false, "off", "inputmode", "decimal", "maxlength", "20"))
        .add(Forms.input(s, "longitude", "Longitude", "text", "e.g. -3.7038", false, "off", "inputmode", "decimal",
            "maxlength", "20"))
        .close("fieldset")
        .tag("button", officer ? "Sign up as an officer" : "Sign up the agency", "type", "submit");
    String id = s.form() + "-heading";
    return Html.of().open("section", "class", "column", "aria-labelledby", id)
        .tag("h2", heading, "id", id)
        .add(Layout.postForm(ctx, "/signup", f, "id", s.form() + "-form", "novalidate", ""))
        .close("section");
  }

  private void register(Context ctx) {
    site.rateLimit(ctx, "signup");
    String form = "agency".equals(ctx.formParam("form")) ? "agency" : "officer";
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS) {
      String v = ctx.formParam(name);
      values.put(name, v == null ? "" : v);
    }
    if (form.equals("agency")) {
      values.remove("officerName");
      values.remove("officerNameOnMap");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    int edition = site.currentEdition().map(Edition::number).orElse(0);
    RegistrationRequest.Builder b = RegistrationRequest.builder()
        .edition(parseEdition(ctx.formParam("edition"), edition))
        .handle(values.get("handle"))
        .email(values.get("email"))
        .country(values.get("country"))
        .zone(values.get("zone"))
        .address(values.get("street"), values.get("city"), values.get("region"), values.get("postalCode"));
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
      for (InvalidRegistrationException.FieldError fe : e.errors()) {
        errors.putIfAbsent(fieldOf(fe.field()), message(fe));
      }
    } catch (DuplicateRegistrationException e) {
      errors.putIfAbsent("handle", "this account is already signed up for edition " + e.edition()
          + ". Use \u201cWhich email did I use?\u201d to find the address it was registered with.");
    }
    if (registered == null) {
      if (errors.isEmpty()) {
        errors.put("handle", "the sign-up could not be saved; please try again");
      }
      Forms.State state = new Forms.State(form, values, errors);
      ctx.status(422);
      signup(ctx, state, summary(state));
      return;
    }
    ctx.redirect("/signup/sent?handle=" + registered.handle().value(), HttpStatus.SEE_OTHER);
  }

  private static Html summary(Forms.State s) {
    Html list = Html.of().open("ul");
    for (Map.Entry<String, String> e : s.errors().entrySet()) {
      list.open("li").tag("a", label(e.getKey()) + ": " + e.getValue(), "href", "#" + s.id(e.getKey())).close("li");
    }
    list.close("ul");
    return Html.of().open("div", "class", "notice error-summary", "role", "alert", "tabindex", "-1",
            "id", "error-summary")
        .tag("h2", "Please correct " + (s.errors().size() == 1 ? "this field" : "these " + s.errors().size()
            + " fields") + (s.form().equals("officer") ? " in the officer sign-up" : " in the agency sign-up"))
        .add(list).close("div");
  }

  private static String label(String field) {
    switch (field) {
      case "handle":
        return "Twitter handle";
      case "officerName":
        return "Your name";
      case "agencyName":
        return "Agency name";
      case "agencyLevel":
        return "Agency level";
      case "email":
        return "Email";
      case "participationModel":
        return "How will you take part";
      case "postalCode":
        return "Postal code";
      default:
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
  }

  private static String fieldOf(String field) {
    switch (field) {
      case "accountType":
        return "handle";
      case "edition":
        return "handle";
      default:
        return field.startsWith("address.") ? field.substring(8) : field;
    }
  }

  private static String message(InvalidRegistrationException.FieldError e) {
    String reason = e.reason();
    if (reason.equals("must not be null")) {
      return "is required";
    }
    if (e.field().equals("edition")) {
      return "edition: " + reason;
    }
    return reason;
  }

  private static int parseEdition(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Double number(String value, String field, Map<String, String> errors) {
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
      errors.put(field, "must be a number in decimal degrees, such as 40.4168");
      return null;
    }
  }

  private void sent(Context ctx) {
    String handle = ctx.queryParam("handle");
    Optional<Edition> e = site.currentEdition();
    Optional<String> masked = Optional.empty();
    if (handle != null && TwitterHandle.isValid(handle) && e.isPresent()) {
      masked = site.registration.registeredEmail(e.get().number(), handle);
    }
    Html main = Html.of().tag("h1", "Check your email");
    if (masked.isPresent()) {
      main.tag("p", Html.of().text("Thank you! We sent a verification email for ")
          .tag("strong", "@" + TwitterHandle.of(handle).value()).text(" to ")
          .tag("strong", masked.get(), "class", "masked").text(". Open the link in it to confirm your sign-up."));
      main.tag("p", "The link works once and expires in 48 hours.", "class", "hint");
    } else {
      main.tag("p", "If the sign-up went through, we sent a verification email. Open the link in it to confirm.");
    }
    if (site.mailFolder.isPresent()) {
      main.add(Layout.notice("info", Html.of().text("This demo has no mail server: mail goes to the ")
          .tag("a", "mail outbox", "href", "/outbox").text(".")));
    }
    Layout.render(ctx, "Check your email", main);
  }

  // ---- verification -------------------------------------------------------------------------

  private void verifyForm(Context ctx) {
    site.rateLimit(ctx, "verify");
    String token = ctx.queryParam("token");
    Html main = Html.of().tag("h1", "Confirm your email address");
    if (token == null || token.isBlank() || token.length() > 100) {
      main.tag("p", "This link is incomplete. Open the link from the email again, or copy all of it.");
      ctx.status(400);
    } else {
      main.tag("p", "Press the button to confirm the email address of your #PolTwt sign-up.")
          .add(Layout.postForm(ctx, "/verify", Html.of()
              .open("input", "type", "hidden", "name", "token", "value", token)
              .tag("button", "Confirm my email address", "type", "submit", "id", "confirm")));
    }
    Layout.render(ctx, "Confirm your email", main);
  }

  private void verify(Context ctx) {
    site.rateLimit(ctx, "verify");
    String token = ctx.formParam("token");
    Html main = Html.of();
    try {
      Registration r = site.registration.verify(token == null ? "" : token);
      main.tag("h1", "Email confirmed");
      if (r.status() == RegistrationStatus.VERIFIED) {
        main.tag("p", Html.of().text("Thank you: ").tag("strong", r.handle().toString())
            .text(" is signed up for edition " + r.edition() + ".")
            .text(r.onMap() ? " You are on the map." : ""));
      } else {
        main.tag("p", Html.of().text("Thank you: the email address of ").tag("strong", r.handle().toString())
            .text(" is confirmed. Its domain is not one we recognise as a government domain, so an organiser "
                + "will review the sign-up; you will hear from us."));
      }
      main.open("p").tag("a", "See the map", "href", "/map").close("p");
    } catch (VerificationException.UsedToken e) {
      ctx.status(410);
      main.tag("h1", "Link already used").tag("p", "This link has already confirmed a sign-up; it works only once.");
    } catch (VerificationException.ExpiredToken e) {
      ctx.status(410);
      main.tag("h1", "Link expired").tag("p", "This link has expired. Sign up again, or ask the organisers for a "
          + "new link.");
    } catch (VerificationException e) {
      ctx.status(404);
      main.tag("h1", "Unknown link").tag("p", "This link is not one we sent. Open the link from the email again, or "
          + "copy all of it.");
    } catch (PoltwtException e) {
      ctx.status(409);
      main.tag("h1", "Cannot confirm").tag("p", "This sign-up cannot be confirmed any more (it may have been "
          + "withdrawn).");
    }
    Layout.render(ctx, "Email confirmation", main);
  }

  // ---- which email --------------------------------------------------------------------------

  private void lookup(Context ctx, String handle, String error, Html result) {
    Forms.State s = new Forms.State("lookup", Map.of("handle", handle), error == null ? Map.of()
        : Map.of("handle", error));
    Html main = Html.of().tag("h1", "Which email did I register with?")
        .tag("p", "Enter the Twitter handle you signed up. We show the email address it was registered with, "
            + "partly hidden, so you know which inbox to check.")
        .add(Layout.postForm(ctx, "/lookup", Html.of()
            .add(Forms.input(s, "handle", "Twitter handle", "text", null, true, "off", "maxlength", "16",
                "spellcheck", "false"))
            .tag("button", "Look it up", "type", "submit")));
    if (result != null) {
      main.add(result);
    }
    Layout.render(ctx, "Which email?", main);
  }

  private void lookupPost(Context ctx) {
    site.rateLimit(ctx, "lookup");
    String handle = Optional.ofNullable(ctx.formParam("handle")).orElse("").strip();
    if (!TwitterHandle.isValid(handle)) {
      ctx.status(422);
      lookup(ctx, handle, "a handle is 1 to 15 letters, digits or underscores, such as @PoliciaMadrid", null);
      return;
    }
    Optional<Edition> e = site.currentEdition();
    Optional<String> masked = e.flatMap(ed -> site.registration.registeredEmail(ed.number(), handle));
    String shown = "@" + TwitterHandle.of(handle).value();
    Html result = masked
        .map(m -> Layout.notice("success", Html.of().tag("strong", shown).text(" is registered with ")
            .tag("strong", m, "id", "masked-email").text(".")))
        .orElseGet(() -> Layout.notice("info", Html.of().tag("strong", shown)
            .text(" is not signed up for edition " + e.map(Edition::number).orElse(0) + ".")));
    lookup(ctx, handle, null, result);
  }

  // ---- the map ------------------------------------------------------------------------------

  private ParticipantMap participants(int edition) {
    List<Registration> verified = new ArrayList<>();
    RegistrationQuery q = RegistrationQuery.of(edition).withStatus(RegistrationStatus.VERIFIED);
    for (int offset = 0; ; offset += 500) {
      List<Registration> page = site.stores.registrations().list(q, offset, 500);
      verified.addAll(page);
      if (page.size() < 500) {
        break;
      }
    }
    return ParticipantMap.of(edition, verified).geocode(Gazetteer.bundled(), verified);
  }

  private void map(Context ctx) {
    Optional<Edition> e = site.currentEdition();
    Html main = Html.of();
    if (e.isEmpty()) {
      main.tag("h1", "The map").tag("p", "No edition yet.");
      Layout.render(ctx, "Map", main);
      return;
    }
    ParticipantMap map = participants(e.get().number());
    List<Participant> placed = map.placed();
    main.tag("h1", "Who takes part in edition " + e.get().number())
        .tag("p", placed.size() + " confirmed accounts with an address, in "
            + placed.stream().map(Participant::country).distinct().count() + " countries.")
        .tag("div", "", "id", "map", "class", "map", "role", "region", "aria-label",
            "World map of the participants; the same list follows as a table", "data-edition",
            Integer.toString(e.get().number()))
        .open("p", "class", "downloads").text("Download: ")
        .tag("a", "GeoJSON", "href", "/map/participants.geojson", "download", "poltwt-participants.geojson")
        .text(" \u00b7 ")
        .tag("a", "KML (Google Earth)", "href", "/map/participants.kml", "download", "poltwt-participants.kml")
        .close("p");
    main.open("table", "class", "data", "id", "participants")
        .tag("caption", "Participants on the map")
        .open("thead").open("tr").tag("th", "Account", "scope", "col").tag("th", "Agency", "scope", "col")
        .tag("th", "Type", "scope", "col").tag("th", "City", "scope", "col").tag("th", "Country", "scope", "col")
        .close("tr").close("thead").open("tbody");
    List<Participant> sorted = new ArrayList<>(placed);
    sorted.sort(Comparator.comparing((Participant p) -> countryName(p.country())).thenComparing(Participant::city)
        .thenComparing(p -> p.handle().normalized()));
    for (Participant p : sorted) {
      main.open("tr").tag("td", p.handle().toString()).tag("td", p.agencyName())
          .tag("td", p.accountType() == AccountType.AGENCY ? "agency"
              : "officer" + p.officerName().map(n -> " (" + n + ")").orElse(""))
          .tag("td", p.city()).tag("td", countryName(p.country())).close("tr");
    }
    main.close("tbody").close("table");
    Layout.render(ctx, "Map", main, List.of(Layout.LEAFLET + "leaflet.css"), Layout.LEAFLET + "leaflet.js",
        "/assets/map.js");
  }

  private void geojson(Context ctx) {
    int edition = site.currentEdition().map(Edition::number).orElse(1);
    ctx.contentType("application/geo+json; charset=utf-8").result(participants(edition).toGeoJson());
  }

  private void kml(Context ctx) {
    int edition = site.currentEdition().map(Edition::number).orElse(1);
    ctx.contentType("application/vnd.google-earth.kml+xml; charset=utf-8").result(participants(edition).toKml());
  }

  static String countryName(String code) {
    String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() ? code : name;
  }

  // ---- the outbox ---------------------------------------------------------------------------

  private MailFolder folder() {
    return site.mailFolder.orElseThrow(() -> new Site.SiteError(404, "Mail goes to a mail server here; there is "
        + "no outbox page."));
  }

  private void outbox(Context ctx) {
    MailFolder folder = folder();
    List<MailFolder.Stored> mails = folder.list(200);
    Html main = Html.of().tag("h1", "Mail outbox")
        .add(Layout.notice("info", Html.of().text("This demo has no mail server, so the site writes each email "
            + "as a file into " + folder.folder().toAbsolutePath().normalize() + " and lists the newest here. "
            + "With SMTP configured this page does not exist.")));
    if (mails.isEmpty()) {
      main.tag("p", "No mail yet.");
    } else {
      main.open("table", "class", "data", "id", "outbox").tag("caption", "The newest " + mails.size() + " emails")
          .open("thead").open("tr").tag("th", "Sent (UTC)", "scope", "col").tag("th", "To", "scope", "col")
          .tag("th", "Subject", "scope", "col").close("tr").close("thead").open("tbody");
      for (MailFolder.Stored m : mails) {
        main.open("tr").tag("td", WHEN.format(m.sent().atZone(ZoneOffset.UTC)))
            .tag("td", maskAddress(m.to()))
            .open("td").tag("a", m.subject(), "href", "/outbox/" + m.id()).close("td").close("tr");
      }
      main.close("tbody").close("table");
    }
    Layout.render(ctx, "Mail outbox", main);
  }

  private void outboxMail(Context ctx) {
    MailFolder.Stored m = folder().read(ctx.pathParam("id"))
        .orElseThrow(() -> new Site.SiteError(404, "There is no such email in the outbox."));
    Html body = Html.of();
    Matcher links = LINK.matcher(m.body());
    int from = 0;
    while (links.find()) {
      body.text(m.body().substring(from, links.start()));
      String link = links.group();
      if (link.startsWith(site.url + "/")) {
        body.tag("a", link, "href", link.substring(site.url.length()));
      } else {
        body.text(link);
      }
      from = links.end();
    }
    body.text(m.body().substring(from));
    Html main = Html.of().tag("h1", m.subject())
        .open("dl", "class", "facts")
        .tag("dt", "To").tag("dd", maskAddress(m.to()))
        .tag("dt", "Sent").tag("dd", WHEN.format(m.sent().atZone(ZoneOffset.UTC)) + " UTC")
        .close("dl")
        .tag("pre", body, "class", "mail")
        .open("p").tag("a", "Back to the outbox", "href", "/outbox").close("p");
    Layout.render(ctx, "Email", main);
  }

  /** Hides most of an address: the demo outbox is public. */
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
    Html main = Html.of().tag("h1", "Unsubscribe")
        .tag("p", "Stop receiving announcements about #PolTwt at this address?")
        .add(Layout.postForm(ctx, "/unsubscribe", Html.of()
            .open("input", "type", "hidden", "name", "token", "value", token == null ? "" : token)
            .tag("button", "Unsubscribe", "type", "submit")));
    Layout.render(ctx, "Unsubscribe", main);
  }

  private void unsubscribe(Context ctx) {
    site.rateLimit(ctx, "verify");
    Html main = Html.of();
    try {
      site.announcements.unsubscribe(Optional.ofNullable(ctx.formParam("token")).orElse(""));
      main.tag("h1", "Unsubscribed").tag("p", "You will receive no more announcements at this address.");
    } catch (PoltwtException | IllegalArgumentException e) {
      ctx.status(404);
      main.tag("h1", "Unknown link").tag("p", "This unsubscribe link is not one we sent.");
    }
    Layout.render(ctx, "Unsubscribe", main);
  }

  // ---- option lists -------------------------------------------------------------------------

  private static List<Forms.Option> zones() {
    List<String> ids = new ArrayList<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && !id.startsWith("US/")
          && Character.isUpperCase(id.charAt(0))) {
        ids.add(id);
      }
    }
    ids.add("UTC");
    ids.sort(null);
    List<Forms.Option> out = new ArrayList<>();
    out.add(new Forms.Option("", "Choose a time zone"));
    Instant now = Instant.now();
    for (String id : ids) {
      ZoneId z = ZoneId.of(id);
      String offset = z.getRules().getStandardOffset(now).getId().replace("Z", "+00:00");
      out.add(new Forms.Option(id, id.replace('_', ' ') + " (UTC" + offset + ")"));
    }
    return List.copyOf(out);
  }

  private static List<Forms.Option> countries() {
    List<Forms.Option> out = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      out.add(new Forms.Option(code, countryName(code)));
    }
    out.sort(Comparator.comparing(Forms.Option::label));
    out.add(0, new Forms.Option("", "Choose a country"));
    return List.copyOf(out);
  }
}

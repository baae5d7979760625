package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;

/** The site over HTTP: security, escaping, the organiser password, sign-up and verification. */
class SiteHttpTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(2)>";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:30Z"), ZoneOffset.UTC);

  private static TestSite site;
  private static int edition;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
    edition = site.latestEdition();
    Instant now = CLOCK.instant();
    site.site
        .stores()
        .registrations()
        .insert(
            Registration.builder()
                .edition(edition)
                .handle(TwitterHandle.of("EvilAgency"))
                .accountType(AccountType.AGENCY)
                .agencyName(SCRIPT)
                .agencyLevel(AgencyLevel.LOCAL)
                .email("press@madrid.gob.es")
                .address(PostalAddress.of("Calle 1", IMG))
                .coordinates(new Coordinates(40.4, -3.7))
                .country("ES")
                .zone(ZoneId.of("Europe/Madrid"))
                .participationModel(ParticipationModel.ONE_TOPIC)
                .status(RegistrationStatus.VERIFIED)
                .createdAt(now)
                .build());
    site.site
        .stores()
        .registrations()
        .insert(
            Registration.builder()
                .edition(edition)
                .handle(TwitterHandle.of("EvilOfficer"))
                .accountType(AccountType.OFFICER)
                .agencyName(IMG)
                .officerName(SCRIPT)
                .officerNameOnMap(true)
                .agencyLevel(AgencyLevel.LOCAL)
                .email("x@sfgov.org")
                .country("US")
                .zone(ZoneId.of("America/Los_Angeles"))
                .participationModel(ParticipationModel.ONE_TOPIC)
                .status(RegistrationStatus.PENDING_REVIEW)
                .emailNeedsReview(true)
                .createdAt(now)
                .build());
    site.site
        .stores()
        .registrations()
        .insert(
            Registration.builder()
                .edition(edition)
                .handle(TwitterHandle.of("ReviewMe"))
                .accountType(AccountType.AGENCY)
                .agencyName("San Francisco Police")
                .agencyLevel(AgencyLevel.LOCAL)
                .email("media@sfgov.org")
                .country("US")
                .zone(ZoneId.of("America/Los_Angeles"))
                .participationModel(ParticipationModel.ONE_TOPIC)
                .status(RegistrationStatus.PENDING_REVIEW)
                .emailNeedsReview(true)
                .createdAt(now)
                .build());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Map<String, String> officer(String handle, String email) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("form", "officer");
    f.put("handle", handle);
    f.put("officerName", "Jane Doe");
    f.put("agencyName", "Kent Police");
    f.put("agencyLevel", "COUNTY");
    f.put("email", email);
    f.put("country", "GB");
    f.put("zone", "Europe/London");
    f.put("participationModel", "TWEET_THE_BEAT");
    f.put("street", "1 High Street");
    f.put("city", "Maidstone");
    return f;
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndSecureCookies() {
    WebClient c = site.client();
    WebClient.Response home = c.get("/");

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(home.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(home.headers().allValues("Set-Cookie"))
        .singleElement()
        .asString()
        .startsWith("poltwt_csrf=")
        .contains("HttpOnly")
        // Lax, so that arriving from another site keeps it (see SitePublicSurfacesTest).
        .contains("SameSite=Lax")
        .contains("Secure");
    assertThat(c.get("/assets/site.css").header("Content-Security-Policy")).isNotNull();
  }

  @Test
  void theCountdownScriptTakesItsWordsFromThePage() {
    WebClient c = site.client();
    String home = c.get("/").body();
    String script = c.get("/assets/home.js").body();

    // The words are attributes of the countdown, filled from the bundle: the script needs no
    // inline code (the CSP allows none) and carries no words of its own.
    assertThat(home)
        .contains(" data-live=\"Your 24 hours are under way: tweet now!\"")
        .contains(" data-over=\"Your 24 hours are over. Thank you for taking part.\"")
        .contains(" data-starts-one=\"Starts in {0} day, {1}\"")
        .contains(" data-starts-other=\"Starts in {0} days, {1}\"")
        .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    assertThat(script)
        .contains("dataset.live")
        .doesNotContain("Starts in")
        .doesNotContain("under way")
        .doesNotContain("Thank you");
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    WebClient c = site.client();
    c.get("/signup");
    long before = count();

    WebClient.Response none =
        c.postRaw("/signup", WebClient.encode(officer("NoToken1", "jane.doe@kent.police.uk")));
    Map<String, String> forged = officer("NoToken2", "jane.doe@kent.police.uk");
    forged.put("_csrf", "A".repeat(43));
    WebClient.Response wrong = c.post("/signup", forged);
    WebClient other = site.client();
    other.get("/signup");
    Map<String, String> stolen = officer("NoToken3", "jane.doe@kent.police.uk");
    stolen.put("_csrf", c.csrf);
    WebClient.Response otherCookie = other.post("/signup", stolen);
    WebClient.Response noCookie =
        site.client().postRaw("/lookup", "handle=EvilAgency&_csrf=" + c.csrf);

    assertThat(List.of(none.status(), wrong.status(), otherCookie.status(), noCookie.status()))
        .containsOnly(403);
    assertThat(none.body()).contains("did not come from this site");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aFormFromAnotherOriginIsRefused() {
    WebClient c = site.client();
    c.get("/lookup");
    WebClient.Response r =
        c.postFrom("https://attacker.example", "/lookup", Map.of("handle", "EvilAgency"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("another site");
  }

  @Test
  void scriptInAgencyAndOfficerNamesIsTextOnEveryPage() throws IOException {
    WebClient visitor = site.client();
    WebClient org = site.organiser();
    org.get("/organiser/announcements");
    Map<String, String> preview = new LinkedHashMap<>();
    preview.put("subject", "Hello {agency}");
    preview.put("body", "Dear {agency}, {handle}");
    preview.put("audience", "all");
    preview.put("previewHandle", "EvilAgency");
    preview.put("action", "preview");
    visitor.get("/signup");
    Map<String, String> typed = officer("Typed", "not-an-email");
    typed.put("agencyName", SCRIPT);
    typed.put("officerName", IMG);
    WebClient.Response lookup;
    visitor.get("/lookup");
    lookup = visitor.post("/lookup", Map.of("handle", "EvilAgency"));

    List<WebClient.Response> pages =
        List.of(
            visitor.get("/"),
            visitor.get("/signup"),
            visitor.get("/map"),
            lookup,
            org.get("/organiser/outbox"),
            visitor.post("/signup", typed),
            org.get("/organiser"),
            org.get("/organiser/review"),
            org.get("/organiser/registrations"),
            org.get("/organiser/registrations?status=PENDING_REVIEW"),
            org.post("/organiser/announcements", preview),
            org.get("/organiser/edition"),
            org.get("/organiser/wrapup"));

    for (WebClient.Response page : pages) {
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.body())
          .doesNotContain(SCRIPT)
          .doesNotContain(IMG)
          .doesNotContain("<script>alert");
    }
    assertThat(pages.get(2).body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(pages.get(5).body()).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
    assertThat(pages.get(7).body()).contains("&lt;img src=x onerror=alert(2)&gt;");
    assertThat(pages.get(10).body())
        .contains("Dear &lt;script&gt;alert(1)&lt;/script&gt;, @EvilAgency");
    WebClient.Response geo = visitor.get("/map/participants.geojson");
    assertThat(geo.header("Content-Type")).startsWith("application/geo+json");
    assertThat(geo.body()).contains("\"agency\":\"" + SCRIPT.replace("/", "/") + "\"");
    assertThat(visitor.get("/map/participants.kml").body())
        .contains("&lt;script&gt;")
        .doesNotContain(SCRIPT);
    assertThat(org.get("/organiser/registrations.csv").header("Content-Type"))
        .startsWith("text/csv");
  }

  @Test
  void theOrganiserPagesNeedThePassword() {
    WebClient c = site.client();
    WebClient.Response anonymous = c.get("/organiser/review");
    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.header("Location")).isEqualTo("/organiser/login");
    assertThat(c.get("/organiser/registrations.csv").status()).isEqualTo(303);

    c.get("/organiser/login");
    WebClient.Response wrong = c.post("/organiser/login", Map.of("password", "guess-guess"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("the password is not right");
    assertThat(c.cookies).doesNotContainKey(Guards.SESSION_COOKIE);
    UUID id = idOf("EvilOfficer");
    assertThat(c.post("/organiser/review/" + id + "/approve", Map.of()).status()).isEqualTo(401);
    c.cookies.put(Guards.SESSION_COOKIE, "B".repeat(43));
    assertThat(c.get("/organiser").status()).isEqualTo(303);

    WebClient.Response right = c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
    assertThat(right.status()).isEqualTo(303);
    assertThat(right.header("Set-Cookie"))
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/organiser");
    WebClient.Response dashboard = c.get("/organiser");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Registrations by status");
    assertThat(dashboard.header("Cache-Control")).isEqualTo("no-store");

    c.post("/organiser/logout", Map.of());
    assertThat(c.get("/organiser").status()).isEqualTo(303);
  }

  @Test
  void signUpKeepsWhatWasTypedAndShowsEachErrorBesideItsField() {
    WebClient c = site.client();
    c.get("/signup");
    Map<String, String> form = officer("Jane_Doe_Kent", "not-an-email");
    form.put("zone", "Mars/Olympus");
    form.put("latitude", "north");
    form.remove("participationModel");

    WebClient.Response r = c.post("/signup", form);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("id=\"officer-handle\" name=\"handle\" value=\"Jane_Doe_Kent\"")
        .contains("value=\"Jane Doe\"")
        .containsPattern("id=\"officer-email-error\">Error: [^<]+<")
        .containsPattern("id=\"officer-zone-error\">Error: [^<]+<")
        .contains("id=\"officer-latitude-error\">Error: must be a number")
        .contains("id=\"officer-participationModel-error\"")
        .contains("aria-invalid=\"true\"")
        .contains("href=\"#officer-email\"")
        .doesNotContain("id=\"agency-email-error\"");
    assertThat(
            site.site
                .stores()
                .registrations()
                .findByHandle(edition, TwitterHandle.of("Jane_Doe_Kent")))
        .isEmpty();
  }

  @Test
  void signUpThenVerifyOnceFromTheOutbox() throws IOException {
    WebClient c = site.client();
    c.get("/signup");
    WebClient.Response r = c.post("/signup", officer("PCVerifyOnce", "verify.once@kent.police.uk"));
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).isEqualTo("/signup/sent?handle=PCVerifyOnce");
    WebClient.Response sent = c.get(r.header("Location"));
    assertThat(sent.body()).contains("v\u2022\u2022\u2022@").contains("verification email");

    String link = site.verificationLink("PCVerifyOnce");
    WebClient.Response confirm = c.get(link);
    assertThat(confirm.body()).contains("Confirm my email address");
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(confirm.body());
    assertThat(token.find()).isTrue();
    WebClient.Response first = c.post("/verify", Map.of("token", token.group(1)));
    WebClient.Response again = c.post("/verify", Map.of("token", token.group(1)));
    WebClient.Response unknown = c.post("/verify", Map.of("token", "nope"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .contains("Email confirmed")
        .contains("@PCVerifyOnce")
        .contains("You are on the map.")
        .doesNotContain("not on the map");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("already used");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(c.get("/map").body()).contains("@PCVerifyOnce");
    c.get("/lookup");
    assertThat(c.post("/lookup", Map.of("handle", "@pcverifyonce")).body())
        .contains("v\u2022\u2022\u2022@")
        .doesNotContain("verify.once@");
  }

  @Test
  void aCityTheMapCannotPlaceIsToldSoAndListedForOrganisers() {
    Map<String, String> nowhere = officer("PCNowhere", "nowhere@kent.police.uk");
    nowhere.put("city", "Little Snoring on the Marsh");
    Map<String, String> noAddress = officer("PCNoAddress", "noaddress@kent.police.uk");
    noAddress.remove("street");
    noAddress.remove("city");

    String unplaced = signUpAndVerify(nowhere);
    String placed = signUpAndVerify(officer("PCPlaced", "placed@kent.police.uk"));
    String withoutMap = signUpAndVerify(noAddress);

    assertThat(unplaced)
        .contains("@PCNowhere")
        .contains("could not find your city")
        .contains("contact the #PolTwt organisers")
        .doesNotContain("You are on the map");
    assertThat(placed).contains("You are on the map.").doesNotContain("could not find");
    assertThat(withoutMap)
        .contains("@PCNoAddress")
        .doesNotContain("You are on the map")
        .doesNotContain("could not find")
        .doesNotContain("id=\"map-status\"");
    assertThat(site.client().get("/map").body()).doesNotContain("@PCNowhere");

    String page = site.organiser().get("/organiser/registrations").body();
    Matcher section =
        Pattern.compile("<table class=\"data\" id=\"unplaced\".*?</table>", Pattern.DOTALL)
            .matcher(page);
    assertThat(section.find()).as("the unplaced section").isTrue();
    assertThat(section.group())
        .contains("<th scope=\"row\">@PCNowhere</th><td>GB</td>")
        .doesNotContain("@PCPlaced")
        .doesNotContain("@PCNoAddress")
        .doesNotContain("nowhere@")
        .doesNotContain("Little Snoring");
    assertThat(page).contains("Verified but not on the map");
  }

  private static String signUpAndVerify(Map<String, String> form) {
    WebClient c = site.client();
    c.get("/signup");
    WebClient.Response r = c.post("/signup", form);
    assertThat(r.status()).as("sign-up of @" + form.get("handle")).isEqualTo(303);
    WebClient.Response confirm = c.get(site.verificationLink(form.get("handle")));
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(confirm.body());
    assertThat(token.find()).isTrue();
    WebClient.Response verified = c.post("/verify", Map.of("token", token.group(1)));
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body()).contains("Email confirmed");
    return verified.body();
  }

  @Test
  void aDuplicateHandleIsAnErrorOnTheHandle() {
    WebClient c = site.client();
    c.get("/signup");
    c.post("/signup", officer("PCTwice", "twice@kent.police.uk"));
    c.get("/signup");
    WebClient.Response again = c.post("/signup", officer("pctwice", "twice2@kent.police.uk"));

    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body())
        .contains("id=\"officer-handle-error\">Error: this account is already signed up");
  }

  @Test
  void theWrapUpPageShowsTheDemoTweetsWithCharts() {
    WebClient c = site.organiser();
    WebClient.Response r = c.get("/organiser/wrapup");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("demo-edition-" + edition + ".jsonl")
        .contains("<svg")
        .contains("Tweets per hour (UTC)")
        .contains("Missing hashtag");
    assertThat(c.get("/organiser/wrapup?file=..%2Foutbox").status()).isEqualTo(404);
    assertThat(site.client().get("/organiser/wrapup").status()).isEqualTo(303);
  }

  @Test
  void theCsvHasNoEmailsUnlessAsked() {
    WebClient c = site.organiser();
    String plain = c.get("/organiser/registrations.csv").body();
    String withEmails = c.get("/organiser/registrations.csv?emails=on").body();

    assertThat(plain.lines().findFirst().orElseThrow())
        .doesNotContain("email,")
        .endsWith("created_at");
    assertThat(plain).doesNotContain("@");
    assertThat(withEmails.lines().findFirst().orElseThrow()).endsWith(",email");
    assertThat(withEmails).contains("@met.police.uk");
    assertThat(plain.lines().count()).isGreaterThan(300);
  }

  @Test
  void anOrganiserApprovesFromTheReviewQueue() {
    WebClient c = site.organiser();
    UUID id = idOf("ReviewMe");
    c.get("/organiser/review");
    WebClient.Response r = c.post("/organiser/review/" + id + "/approve", Map.of());

    assertThat(r.status()).isEqualTo(303);
    assertThat(site.site.stores().registrations().find(id).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(c.get(r.header("Location")).body()).contains("Approved @ReviewMe");
    c.get("/organiser/review");
    assertThat(c.post("/organiser/review/" + id + "/reject", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void announcementsPreviewAndSendWithDeliveryStatus() {
    WebClient c = site.organiser();
    c.get("/organiser/announcements");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("subject", "{hashtag} edition {edition}: the theme");
    form.put("body", "Hello {handle}, your 24 hours start {windowStart}.");
    form.put("audience", "verified");
    form.put("previewHandle", "EvilAgency");
    form.put("action", "preview");
    WebClient.Response preview = c.post("/organiser/announcements", form);
    assertThat(preview.body())
        .contains("Preview for @EvilAgency")
        .contains("Hello @EvilAgency, your 24 hours start")
        .contains("(Europe/Madrid)");

    form.put("body", "Hello {nobody}");
    assertThat(c.post("/organiser/announcements", form).body())
        .contains("{nobody} is not a placeholder");

    form.put("body", "Hello {handle}");
    form.put("action", "send");
    WebClient.Response sent = TestSite.confirm(c, c.post("/organiser/announcements", form));
    assertThat(sent.body()).containsPattern("Sent to \\d{3} of \\d{3} recipients");
    assertThat(c.get("/organiser/announcements").body()).contains("Delivery status");
  }

  @Test
  void requestsOverTheSizeLimitAreRefused() {
    WebClient c = site.client();
    // Announced and never sent: the refusal must come from the announced size alone. (A client
    // still writing 100 KB when the server closes the connection may see no answer at all.)
    WebClient.Response r = c.announcePost("/signup", 100_000);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void errorsShowNoStackTraces() {
    WebClient c = site.client();
    WebClient.Response missing = c.get("/no/such/page");
    c.get("/signup");
    WebClient.Response malformed = c.postRaw("/signup", "_csrf=" + c.csrf + "&handle=%zz%");
    WebClient.Response badId = site.organiser().get("/organiser/outbox/..%2F..%2Fetc%2Fpasswd");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("There is no page at this address");
    for (WebClient.Response r : List.of(missing, malformed, badId)) {
      assertThat(r.body())
          .doesNotContain("Exception")
          .doesNotContain("at org.")
          .doesNotContain("at io.javalin");
    }
    assertThat(badId.status()).isEqualTo(404);
  }

  private static long count() {
    return site.site.stores().registrations().count(org.poltwt.spi.RegistrationQuery.of(edition));
  }

  private static UUID idOf(String handle) {
    return site.site
        .stores()
        .registrations()
        .findByHandle(edition, TwitterHandle.of(handle))
        .orElseThrow()
        .id();
  }

  @Test
  void anAddressOfCityAndCountryAloneSignsUpAndIsOnTheMap() {
    Map<String, String> cityOnly = officer("PCCityOnly", "cityonly@kent.police.uk");
    cityOnly.remove("street");
    cityOnly.put("city", "Canterbury");

    assertThat(signUpAndVerify(cityOnly)).contains("You are on the map.");
    assertThat(site.client().get("/map").body()).contains("@PCCityOnly");
    assertThat(pointOf("PCCityOnly")).isPresent();
  }

  @Test
  void anOrganiserPlacesAnUnplacedRegistrantByCityAndTheMapShowsThem() {
    Map<String, String> form = officer("PCByCity", "bycity@kent.police.uk");
    form.put("city", "Little Snoring by the Sea");
    signUpAndVerify(form);
    WebClient organiser = site.organiser();
    assertThat(site.client().get("/map").body()).doesNotContain("@PCByCity");

    WebClient.Response unknown =
        organiser.post(placeAction(organiser, "PCByCity"), place("Atlantis", "", ""));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body())
        .contains("This city is not in the list of places for United Kingdom")
        .contains("value=\"Atlantis\"");
    assertThat(pointOf("PCByCity")).isEmpty();

    WebClient.Response placed =
        organiser.post(placeAction(organiser, "PCByCity"), place("st albans", "", ""));
    assertThat(placed.status()).isEqualTo(303);
    assertThat(organiser.get("/organiser/registrations?placed=PCByCity").body())
        .contains("@PCByCity is now on the map.");
    assertThat(site.client().get("/map").body()).contains("@PCByCity");
    double[] point = pointOf("PCByCity").orElseThrow();
    assertThat(point[0]).isCloseTo(-0.34, org.assertj.core.data.Offset.offset(0.05));
    assertThat(point[1]).isCloseTo(51.75, org.assertj.core.data.Offset.offset(0.05));
    assertThat(unplacedSection(organiser.get("/organiser/registrations").body()))
        .doesNotContain("@PCByCity");
  }

  @Test
  void anOrganiserPlacesAnUnplacedRegistrantByCoordinatesAndBadOnesChangeNothing() {
    Map<String, String> form = officer("PCByPoint", "bypoint@kent.police.uk");
    form.put("city", "Nether Wallop Parva");
    signUpAndVerify(form);
    WebClient organiser = site.organiser();

    WebClient.Response outOfRange =
        organiser.post(placeAction(organiser, "PCByPoint"), place("", "91", "abc"));
    assertThat(outOfRange.status()).isEqualTo(422);
    assertThat(outOfRange.body())
        .contains("Latitude must be a number of degrees between -90 and 90")
        .contains("Longitude must be a number of degrees between -180 and 180");
    WebClient.Response nothing =
        organiser.post(placeAction(organiser, "PCByPoint"), place("", "", ""));
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(nothing.body()).contains("Give a city, or a latitude and a longitude.");
    assertThat(pointOf("PCByPoint")).isEmpty();

    String action = placeAction(organiser, "PCByPoint");
    WebClient.Response placed = organiser.post(action, place("", "51,1457", "-1.5708"));
    assertThat(placed.status()).isEqualTo(303);
    assertThat(pointOf("PCByPoint"))
        .hasValueSatisfying(p -> assertThat(p).containsExactly(-1.5708, 51.1457));
    assertThat(site.client().get("/map").body()).contains("@PCByPoint");
  }

  @Test
  void placingNeedsTheOrganiserSessionAndItsCsrfToken() {
    Map<String, String> form = officer("PCNoCsrf", "nocsrf@kent.police.uk");
    form.put("city", "Great Snoring under Hill");
    signUpAndVerify(form);
    WebClient organiser = site.organiser();
    String action = placeAction(organiser, "PCNoCsrf");

    WebClient stranger = site.client();
    stranger.get("/");
    // Whichever guard answers first (the CSRF check or the session), a stranger is refused.
    assertThat(stranger.post(action, place("Maidstone", "", "")).status()).isIn(401, 403);
    Map<String, String> forged = new LinkedHashMap<>(place("Maidstone", "", ""));
    forged.put("_csrf", "forged");
    assertThat(organiser.post(action, forged).status()).isEqualTo(403);
    assertThat(pointOf("PCNoCsrf")).isEmpty();
  }

  private static Map<String, String> place(String city, String latitude, String longitude) {
    return Map.of("city", city, "latitude", latitude, "longitude", longitude);
  }

  /** The action of the placing form in a handle's row of the unplaced list. */
  private static String placeAction(WebClient organiser, String handle) {
    String section = unplacedSection(organiser.get("/organiser/registrations").body());
    Matcher action =
        Pattern.compile(
                "<th scope=\"row\">@"
                    + handle
                    + "</th>.*?action=\"(/organiser/registrations/[0-9a-f-]+/place)\"",
                Pattern.DOTALL)
            .matcher(section);
    assertThat(action.find()).as("a placing form for @" + handle).isTrue();
    return action.group(1);
  }

  private static String unplacedSection(String page) {
    Matcher section =
        Pattern.compile("<table class=\"data\" id=\"unplaced\".*?</table>", Pattern.DOTALL)
            .matcher(page);
    return section.find() ? section.group() : "";
  }

  /** Longitude and latitude of a handle's point in the map's GeoJSON, if it is there. */
  private static java.util.Optional<double[]> pointOf(String handle) {
    String geojson = site.client().get("/map/participants.geojson").body();
    Matcher m =
        Pattern.compile(
                "\"coordinates\":\\[(-?[0-9.]+),(-?[0-9.]+)\\][^\\[\\]]*?\"handle\":\""
                    + handle
                    + "\"")
            .matcher(geojson);
    return m.find()
        ? java.util.Optional.of(
            new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))})
        : java.util.Optional.empty();
  }
}

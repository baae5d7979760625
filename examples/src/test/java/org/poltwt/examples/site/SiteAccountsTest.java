package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.test.MutableClock;

/**
 * Organiser accounts over HTTP: an administrator invites a reviewer, who sets a password through
 * the link, logs in, reviews, and is refused every administrator's page; log-ins slow down after
 * failures; one-time codes guard an account that turned them on.
 */
class SiteAccountsTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:30Z"));
  private static final Pattern MAIL = Pattern.compile("href=\"(/organiser/outbox/[^\"]+)\"");
  private static final Pattern INVITATION =
      Pattern.compile("(/organiser/invitation\\?token=[A-Za-z0-9_-]{43})");
  private static final String REVIEWER_PASSWORD = "a long reviewer passphrase";

  private static TestSite site;
  private static int edition;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
    edition = site.latestEdition();
    site.waitingForReview(edition, "ReviewedByRev", "desk@sfgov.org");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static WebClient admin() {
    WebClient c = site.client();
    c.get("/organiser/login");
    assertThat(c.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .isEqualTo(303);
    return c;
  }

  static WebClient logIn(String name, String password) {
    WebClient c = site.client();
    c.get("/organiser/login");
    WebClient.Response r = c.post("/organiser/login", Map.of("name", name, "password", password));
    assertThat(r.status()).as("log-in of " + name).isEqualTo(303);
    return c;
  }

  /** Invites an account and returns the link of its invitation mail. */
  static String invite(WebClient admin, String name, String email, String role) {
    admin.get("/organiser/accounts");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("email", email);
    form.put("role", role);
    WebClient.Response r = admin.post("/organiser/accounts", form);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("An invitation has been sent for " + name);
    // The demo outbox is for organisers only.
    WebClient c = site.organiser();
    String outbox = c.get("/organiser/outbox").body();
    Matcher mails = MAIL.matcher(outbox);
    String link = null;
    while (mails.find()) {
      String mail = c.get(mails.group(1)).body();
      Matcher m = INVITATION.matcher(mail);
      if (mail.contains(name) && m.find()) {
        link = m.group(1);
      }
    }
    assertThat(link).as("the invitation link in the mail to " + name).isNotNull();
    return link;
  }

  static void setPassword(String link, String password) {
    WebClient c = site.client();
    WebClient.Response page = c.get(link);
    assertThat(page.status()).isEqualTo(200);
    String token = link.substring(link.indexOf('=') + 1);
    assertThat(
            c.post(
                    "/organiser/invitation",
                    Map.of("token", token, "password", "short", "repeat", "short"))
                .status())
        .isEqualTo(422);
    WebClient.Response set =
        c.post(
            "/organiser/invitation",
            Map.of("token", token, "password", password, "repeat", password));
    assertThat(set.status()).isEqualTo(303);
    assertThat(set.header("Location")).isEqualTo("/organiser/login?set=1");
  }

  private static boolean logged(String actor, String action, String target) {
    return site.site.stores().auditLog().list(0, 1000).stream()
        .anyMatch(
            (AuditEntry e) ->
                e.actor().equals(actor) && e.action().equals(action) && e.target().equals(target));
  }

  @Test
  void anAdminInvitesAReviewerWhoReviewsAndIsRefusedAdminPages() {
    WebClient admin = admin();
    String link = invite(admin, "reviewer.one", "rev.one@organisers.example", "REVIEWER");
    setPassword(link, REVIEWER_PASSWORD);
    // The link works once.
    assertThat(site.client().get(link).status()).isEqualTo(404);

    WebClient reviewer = logIn("reviewer.one", REVIEWER_PASSWORD);
    assertThat(reviewer.get("/organiser").header("Location")).isEqualTo("/organiser/review");
    String queue = reviewer.get("/organiser/review").body();
    assertThat(queue)
        .contains("@ReviewedByRev")
        .contains("href=\"/organiser/account\"")
        .doesNotContain("href=\"/organiser/audit\"")
        .doesNotContain("href=\"/organiser/edition\"");
    UUID id =
        site.site
            .stores()
            .registrations()
            .findByHandle(edition, TwitterHandle.of("ReviewedByRev"))
            .orElseThrow()
            .id();
    assertThat(reviewer.post("/organiser/review/" + id + "/approve", Map.of()).status())
        .isEqualTo(303);
    assertThat(site.site.stores().registrations().find(id).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);

    for (String page :
        new String[] {
          "/organiser/announcements",
          "/organiser/edition",
          "/organiser/audit",
          "/organiser/audit.csv",
          "/organiser/accounts",
          "/organiser/registrations",
          "/organiser/registrations.csv?emails=on",
          "/organiser/harvest",
          "/organiser/wrapup"
        }) {
      WebClient.Response r = reviewer.get(page);
      assertThat(r.status()).as(page).isEqualTo(403);
      assertThat(r.body()).as(page).contains("This page is for administrators");
    }
    assertThat(
            reviewer
                .post(
                    "/organiser/edition",
                    Map.of("date", "", "start", "08:00", "action", "postpone"))
                .status())
        .isEqualTo(403);
    assertThat(reviewer.get("/organiser/account").status()).isEqualTo(200);

    assertThat(logged("admin", "account.invite", "reviewer.one/reviewer")).isTrue();
    assertThat(logged("reviewer.one", "account.password_set", "reviewer.one")).isTrue();
    assertThat(logged("reviewer.one", "login.success", "")).isTrue();
    assertThat(logged("reviewer.one", "registration.approve", id.toString())).isTrue();
    String audit = admin.get("/organiser/audit").body();
    assertThat(audit).contains("reviewer.one").contains("account.invite").contains(id.toString());
    assertThat(audit).doesNotContain("rev.one@organisers.example");

    // Disabled: the session ends and the password no longer opens it.
    admin.get("/organiser/accounts");
    assertThat(admin.post("/organiser/accounts/reviewer.one/disable", Map.of()).status())
        .isEqualTo(200);
    assertThat(reviewer.get("/organiser/review").status()).isEqualTo(303);
    WebClient again = site.client();
    again.get("/organiser/login");
    assertThat(
            again
                .post(
                    "/organiser/login",
                    Map.of("name", "reviewer.one", "password", REVIEWER_PASSWORD))
                .status())
        .isEqualTo(401);
    assertThat(logged("admin", "account.disable", "reviewer.one")).isTrue();
    assertThat(site.site.stores().organiserAccounts().find("reviewer.one"))
        .map(OrganiserAccount::disabled)
        .contains(true);
  }

  @Test
  void theAccountsPageRefusesABadNameAnEmailAndATakenName() {
    WebClient admin = admin();
    admin.get("/organiser/accounts");
    WebClient.Response bad =
        admin.post(
            "/organiser/accounts",
            Map.of("name", "Bad Name", "email", "x@y.example", "role", "ADMIN"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("is not a valid account name");
    WebClient.Response taken =
        admin.post(
            "/organiser/accounts",
            Map.of("name", "admin", "email", "x@y.example", "role", "ADMIN"));
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.body()).contains("is taken by another account");
    WebClient.Response reserved =
        admin.post(
            "/organiser/accounts",
            Map.of("name", "unknown", "email", "x@y.example", "role", "REVIEWER"));
    assertThat(reserved.status()).isEqualTo(422);
    assertThat(site.site.stores().organiserAccounts().find("unknown")).isEmpty();
    assertThat(admin.post("/organiser/accounts/admin/disable", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void oneTimeCodesGuardAnAccountThatTurnedThemOn() {
    WebClient admin = admin();
    String link = invite(admin, "second.factor", "sf@organisers.example", "ADMIN");
    setPassword(link, "another long passphrase");
    WebClient me = logIn("second.factor", "another long passphrase");
    me.get("/organiser/account");
    String started = me.post("/organiser/account/totp", Map.of("action", "start")).body();
    Matcher uri =
        Pattern.compile("otpauth://totp/PolTwt%3Asecond.factor\\?secret=([A-Z2-7]{32})")
            .matcher(started);
    assertThat(uri.find()).isTrue();
    String secret = uri.group(1);
    assertThat(
            me.post(
                    "/organiser/account/totp",
                    Map.of("action", "confirm", "secret", secret, "code", "000000"))
                .status())
        .isIn(422, 303);
    String code = code(secret);
    me.post("/organiser/account/totp", Map.of("action", "confirm", "secret", secret, "code", code));
    assertThat(
            site.site.stores().organiserAccounts().find("second.factor").orElseThrow().totpSecret())
        .contains(secret);
    assertThat(logged("second.factor", "account.totp_on", "second.factor")).isTrue();

    WebClient without = site.client();
    without.get("/organiser/login");
    assertThat(
            without
                .post(
                    "/organiser/login",
                    Map.of("name", "second.factor", "password", "another long passphrase"))
                .status())
        .isEqualTo(401);
    assertThat(logged("second.factor", "login.failure", "code")).isTrue();
    // The code that turned them on is used up: the log-in waits for the app's next one.
    assertThat(logInWithCode("second.factor", "another long passphrase", code)).isEqualTo(401);
    CLOCK.advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
    String next = code(secret);
    assertThat(logInWithCode("second.factor", "another long passphrase", next)).isEqualTo(303);

    // A code seen once (over a shoulder, in a proxy's log) does not open the account again while
    // it would still be accepted, even with the password; the next step's code does.
    assertThat(logInWithCode("second.factor", "another long passphrase", next)).isEqualTo(401);
    CLOCK.advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(logInWithCode("second.factor", "another long passphrase", next))
        .as("a step later the used code would still be in the window: still refused")
        .isEqualTo(401);
    assertThat(logInWithCode("second.factor", "another long passphrase", code(secret)))
        .isEqualTo(303);
  }

  @Test
  void anOrganiserChangesTheirPasswordAndTheirOtherSessionsEnd() {
    WebClient admin = admin();
    setPassword(
        invite(admin, "pw.changer", "pw@organisers.example", "REVIEWER"), "the first passphrase");
    WebClient here = logIn("pw.changer", "the first passphrase");
    WebClient elsewhere = logIn("pw.changer", "the first passphrase");
    assertThat(here.get("/organiser/account").body())
        .contains("href=\"/organiser/account/password\"");
    assertThat(here.get("/organiser/account/password").status()).isEqualTo(200);

    WebClient.Response wrong =
        here.post(
            "/organiser/account/password",
            Map.of("current", "not the passphrase", "password", "x".repeat(20), "repeat", "x"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("id=\"password-current-error\"")
        .contains("the current password is not right");
    assertThat(logged("pw.changer", "account.password.failure", "pw.changer")).isTrue();
    WebClient.Response tooShort =
        here.post(
            "/organiser/account/password",
            Map.of("current", "the first passphrase", "password", "short", "repeat", "short"));
    assertThat(tooShort.status()).isEqualTo(422);
    assertThat(tooShort.body())
        .contains("id=\"password-password-error\"")
        .contains("must be at least 12 characters");
    WebClient.Response different =
        here.post(
            "/organiser/account/password",
            Map.of(
                "current",
                "the first passphrase",
                "password",
                "the second passphrase",
                "repeat",
                "the second passphrase!"));
    assertThat(different.status()).isEqualTo(422);
    assertThat(different.body()).contains("id=\"password-repeat-error\"");
    assertThat(logInStatus("pw.changer", "the first passphrase")).isEqualTo(303);

    WebClient.Response changed =
        here.post(
            "/organiser/account/password",
            Map.of(
                "current",
                "the first passphrase",
                "password",
                "the second passphrase",
                "repeat",
                "the second passphrase"));
    assertThat(changed.status()).isEqualTo(303);
    assertThat(changed.header("Location")).isEqualTo("/organiser/account?changed=password");
    // This browser stays in with a new session; the other one is out.
    WebClient.Response after = here.get("/organiser/account?changed=password");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).contains("Your password is changed");
    assertThat(here.get("/organiser/review").status()).isEqualTo(200);
    assertThat(elsewhere.get("/organiser/review").status()).isEqualTo(303);
    assertThat(logInStatus("pw.changer", "the first passphrase")).isEqualTo(401);
    assertThat(logInStatus("pw.changer", "the second passphrase")).isEqualTo(303);
    assertThat(logged("pw.changer", "account.password", "pw.changer")).isTrue();
  }

  @Test
  void anAdminChangesARoleWhichAppliesAtOnce() {
    WebClient admin = admin();
    setPassword(
        invite(admin, "role.changer", "role@organisers.example", "REVIEWER"),
        "a role changer passphrase");
    WebClient changer = logIn("role.changer", "a role changer passphrase");
    assertThat(changer.get("/organiser/accounts").status()).isEqualTo(403);

    admin.get("/organiser/accounts");
    WebClient.Response promoted =
        admin.post("/organiser/accounts/role", Map.of("account", "role.changer", "role", "ADMIN"));
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.body()).contains("role.changer is now an administrator");
    // The session of the old role is gone; a new log-in has the new one.
    assertThat(changer.get("/organiser/review").status()).isEqualTo(303);
    WebClient again = logIn("role.changer", "a role changer passphrase");
    assertThat(again.get("/organiser/accounts").status()).isEqualTo(200);
    assertThat(logged("admin", "account.role", "role.changer/admin")).isTrue();

    WebClient.Response unknown =
        admin.post("/organiser/accounts/role", Map.of("account", "nobody", "role", "ADMIN"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("id=\"role-account-error\"");
    WebClient.Response badRole =
        admin.post("/organiser/accounts/role", Map.of("account", "role.changer", "role", "OWNER"));
    assertThat(badRole.status()).isEqualTo(422);
    assertThat(badRole.body()).contains("id=\"role-role-error\"");
    assertThat(site.site.stores().organiserAccounts().find("role.changer").orElseThrow().role())
        .isEqualTo(OrganiserAccount.Role.ADMIN);
  }

  @Test
  void theLastEnabledAdminCannotBecomeAReviewer() {
    try (TestSite alone = TestSite.start(CLOCK, 1000)) {
      WebClient admin = alone.organiser();
      admin.get("/organiser/accounts");
      WebClient.Response refused =
          admin.post("/organiser/accounts/role", Map.of("account", "admin", "role", "REVIEWER"));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("id=\"role-role-error\"")
          .contains("the last enabled administrator cannot become a reviewer");
      // A disabled administrator does not count: nobody could log in with it.
      Instant now = CLOCK.instant();
      alone
          .site
          .stores()
          .organiserAccounts()
          .insert(
              OrganiserAccount.invited(
                      "deputy",
                      "deputy@organisers.example",
                      OrganiserAccount.Role.ADMIN,
                      "0".repeat(64),
                      now.plusSeconds(3600),
                      now)
                  .withPassword(Passwords.hash("the deputy's passphrase"))
                  .withDisabled(true));
      assertThat(
              admin
                  .post("/organiser/accounts/role", Map.of("account", "admin", "role", "REVIEWER"))
                  .status())
          .isEqualTo(422);
      assertThat(admin.post("/organiser/accounts/deputy/enable", Map.of()).status()).isEqualTo(200);

      WebClient.Response demoted =
          admin.post("/organiser/accounts/role", Map.of("account", "admin", "role", "REVIEWER"));
      assertThat(demoted.status()).isEqualTo(303);
      // This browser goes on with the new role: the review queue, no longer the accounts.
      assertThat(admin.get("/organiser").header("Location")).isEqualTo("/organiser/review");
      assertThat(admin.get("/organiser/accounts").status()).isEqualTo(403);
      assertThat(alone.site.stores().organiserAccounts().find("admin").orElseThrow().role())
          .isEqualTo(OrganiserAccount.Role.REVIEWER);
    }
  }

  private static int logInStatus(String name, String password) {
    WebClient c = site.client();
    c.get("/organiser/login");
    return c.post("/organiser/login", Map.of("name", name, "password", password)).status();
  }

  private static int logInWithCode(String name, String password, String code) {
    WebClient c = site.client();
    c.get("/organiser/login");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("password", password);
    form.put("code", code);
    return c.post("/organiser/login", form).status();
  }

  private static String code(String secret) {
    int c =
        Totp.code(
            Totp.decodeBase32(secret),
            CLOCK.instant().getEpochSecond() / Totp.STEP_SECONDS,
            Totp.DIGITS,
            "HmacSHA1");
    return String.format("%06d", c);
  }
}

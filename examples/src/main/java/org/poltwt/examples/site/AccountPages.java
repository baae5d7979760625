package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.poltwt.examples.site.view.AccountRow;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Messages;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.spi.Mail;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.OrganiserAccountStore;

/**
 * The organisers' accounts: logging in by name, password and (when on) a one-time code; the
 * accounts page where administrators invite organisers and disable accounts; the invitation link
 * that sets a password; and one's own account, where the second factor is turned on or off.
 */
final class AccountPages {
  /** The account the organiser password of the configuration sets up at the first start. */
  static final String FIRST_ADMIN = "admin";

  static final Duration INVITATION_TTL = Duration.ofHours(72);

  /** Names the audit log uses for actors without an account. */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of(AuditTrail.UNKNOWN, "system", "registrant");

  /**
   * A hash checked when the account does not exist, so a wrong name takes as long as a wrong
   * password.
   */
  private static final String DECOY = Passwords.hash("decoy password, never anyone's");

  private final Site site;
  private final LoginThrottle throttle;

  AccountPages(Site site) {
    this.site = site;
    this.throttle = new LoginThrottle(site.stores.rateLimits(), site.clock);
  }

  private OrganiserAccountStore accounts() {
    return site.stores.organiserAccounts();
  }

  /**
   * Sets up the first administrator from the configured password unless that account exists: the
   * password set on the site since (through an invitation) is not overwritten by a restart.
   *
   * @return true if the account was made now
   */
  static boolean firstAdmin(OrganiserAccountStore accounts, String password, Instant now) {
    if (accounts.find(FIRST_ADMIN).isPresent()) {
      return false;
    }
    return accounts.insert(
        new OrganiserAccount(
            FIRST_ADMIN,
            "admin@localhost",
            OrganiserAccount.Role.ADMIN,
            Optional.of(Passwords.hash(password)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            now,
            false));
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/login", ctx -> login(ctx, FormState.empty("login")));
    cfg.routes.post("/organiser/login", this::loginPost);
    cfg.routes.get(
        "/organiser/accounts", ctx -> accountsPage(ctx, FormState.empty("invite"), null));
    cfg.routes.post("/organiser/accounts", this::invite);
    cfg.routes.post("/organiser/accounts/role", this::changeRole);
    cfg.routes.post("/organiser/accounts/{name}/{change}", this::change);
    cfg.routes.get("/organiser/invitation", this::invitation);
    cfg.routes.post("/organiser/invitation", this::setPassword);
    cfg.routes.get("/organiser/account", ctx -> ownAccount(ctx, null, null));
    cfg.routes.post("/organiser/account/totp", this::totp);
    new PasswordPages(site, throttle).routes(cfg);
  }

  // ---- logging in ---------------------------------------------------------------------------

  private void login(Context ctx, FormState s) {
    Views.page(ctx, "organiser/login", "s", s, "passwordSet", "1".equals(ctx.queryParam("set")));
  }

  private void loginPost(Context ctx) {
    String typed = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    // The configured password logs in as the first administrator when no name is given, as it
    // did before there were accounts.
    String name = typed.isEmpty() ? FIRST_ADMIN : typed.toLowerCase(Locale.ROOT);
    site.rateLimit(ctx, "login", RateLimits.account(name));
    String address = ClientAddress.of(ctx);
    Duration wait = throttle.wait(name, address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
      ctx.header("Retry-After", Long.toString(seconds));
      ctx.status(429);
      login(ctx, loginForm(typed, "password", Msg.of("login.error.wait", seconds)));
      return;
    }
    Optional<OrganiserAccount> found =
        name.length() <= OrganiserAccount.MAX_NAME_LENGTH
            ? accounts().find(name)
            : Optional.empty();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    boolean passwordOk =
        Passwords.matches(password, found.flatMap(OrganiserAccount::passwordHash).orElse(DECOY))
            && found.isPresent()
            && found.get().passwordHash().isPresent()
            && !found.get().disabled();
    boolean codeOk =
        passwordOk
            && found
                .get()
                .totpSecret()
                .map(secret -> useCode(found.get().name(), secret, ctx.formParam("code")))
                .orElse(true);
    if (!codeOk) {
      throttle.failed(name, address);
      // An unknown name is not kept: it may be a password typed in the wrong field.
      AuditTrail.record(
          site,
          ctx,
          found.map(OrganiserAccount::name).orElse(AuditTrail.UNKNOWN),
          "login.failure",
          passwordOk ? "code" : "");
      ctx.status(401);
      login(ctx, loginForm(typed, "password", Msg.of("login.error.password")));
      return;
    }
    OrganiserAccount a = found.get();
    throttle.succeeded(name, address);
    site.logIn(ctx, a.name(), a.role());
    AuditTrail.record(site, ctx, a.name(), "login.success", "");
    ctx.redirect(
        a.role() == OrganiserAccount.Role.ADMIN ? "/organiser" : "/organiser/review",
        HttpStatus.SEE_OTHER);
  }

  private static FormState loginForm(String name, String field, Msg error) {
    return new FormState("login", Map.of("name", name), Map.of(field, error));
  }

  // ---- the accounts page --------------------------------------------------------------------

  private static final List<Option> ROLES =
      List.of(
          Option.message("REVIEWER", "accounts.role.REVIEWER"),
          Option.message("ADMIN", "accounts.role.ADMIN"));

  private void accountsPage(Context ctx, FormState s, Msg done) {
    accountsPage(ctx, s, FormState.empty("role"), done);
  }

  private void accountsPage(Context ctx, FormState s, FormState roleForm, Msg done) {
    String me = AuditTrail.session(ctx).account();
    List<Option> names = new ArrayList<>();
    Instant now = site.clock.instant();
    List<AccountRow> rows = new ArrayList<>();
    for (OrganiserAccount a : accounts().all()) {
      names.add(Option.text(a.name(), a.name()));
      Msg state =
          a.disabled()
              ? Msg.of("accounts.state.disabled")
              : a.passwordHash().isPresent()
                  ? Msg.of("accounts.state.active")
                  : a.invitationExpires().filter(now::isBefore).isPresent()
                      ? Msg.of("accounts.state.invited")
                      : Msg.of("accounts.state.expired");
      rows.add(
          new AccountRow(
              a.name(),
              roleName(a.role()),
              state,
              a.totpSecret().isPresent() ? Msg.of("accounts.totp.on") : Msg.of("accounts.totp.off"),
              a.disabled(),
              a.name().equals(me)));
    }
    Views.page(
        ctx,
        "organiser/accounts",
        "rows",
        rows,
        "s",
        s,
        "roles",
        ROLES,
        "done",
        done,
        "names",
        names,
        "roleForm",
        roleForm);
  }

  /**
   * Makes an account an administrator or a reviewer. Its sessions end, so the new role applies at
   * its next request rather than when a session of the old one runs out; an administrator changing
   * their own role gets a new session here. The last enabled administrator cannot stop being one:
   * nobody could then manage the accounts.
   */
  private void changeRole(Context ctx) {
    String name = Optional.ofNullable(ctx.formParam("account")).orElse("").strip();
    String wanted = Optional.ofNullable(ctx.formParam("role")).orElse("");
    Map<String, String> values = Map.of("account", name, "role", wanted);
    Optional<OrganiserAccount> found =
        name.length() <= OrganiserAccount.MAX_NAME_LENGTH
            ? accounts().find(name.toLowerCase(Locale.ROOT))
            : Optional.empty();
    Map<String, Msg> errors = new LinkedHashMap<>();
    OrganiserAccount.Role role = null;
    if (found.isEmpty()) {
      errors.put("account", Msg.of("accounts.error.none"));
    }
    if (wanted.equals("ADMIN") || wanted.equals("REVIEWER")) {
      role = OrganiserAccount.Role.valueOf(wanted);
    } else {
      errors.put("role", Msg.of("accounts.role.error.unknown"));
    }
    if (errors.isEmpty()
        && role == OrganiserAccount.Role.REVIEWER
        && found.get().role() == OrganiserAccount.Role.ADMIN
        && !found.get().disabled()
        && accounts().all().stream()
            .noneMatch(
                a ->
                    a.role() == OrganiserAccount.Role.ADMIN
                        && !a.disabled()
                        && !a.name().equals(found.get().name()))) {
      errors.put("role", Msg.of("accounts.role.error.lastAdmin"));
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      accountsPage(ctx, FormState.empty("invite"), new FormState("role", values, errors), null);
      return;
    }
    OrganiserAccount a = found.get();
    if (a.role() == role) {
      accountsPage(ctx, FormState.empty("invite"), Msg.of("accounts.role.unchanged", a.name()));
      return;
    }
    accounts()
        .update(
            new OrganiserAccount(
                a.name(),
                a.email(),
                role,
                a.passwordHash(),
                a.totpSecret(),
                a.invitationHash(),
                a.invitationExpires(),
                a.created(),
                a.disabled()));
    site.guards.closeSessionsOf(a.name());
    AuditTrail.record(
        site, ctx, "account.role", a.name() + "/" + role.name().toLowerCase(Locale.ROOT));
    if (a.name().equals(AuditTrail.session(ctx).account())) {
      site.logIn(ctx, a.name(), role);
      ctx.redirect("/organiser", HttpStatus.SEE_OTHER);
      return;
    }
    accountsPage(
        ctx,
        FormState.empty("invite"),
        role == OrganiserAccount.Role.ADMIN
            ? Msg.of("accounts.role.changed.ADMIN", a.name())
            : Msg.of("accounts.role.changed.REVIEWER", a.name()));
  }

  private void invite(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : new String[] {"name", "email", "role"}) {
      values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
    }
    String name = values.get("name").toLowerCase(Locale.ROOT);
    OrganiserAccount.Role role =
        "ADMIN".equals(values.get("role"))
            ? OrganiserAccount.Role.ADMIN
            : OrganiserAccount.Role.REVIEWER;
    Map<String, Msg> errors = new LinkedHashMap<>();
    String token = site.guards.newSecret();
    Instant now = site.clock.instant();
    OrganiserAccount a = null;
    try {
      a =
          OrganiserAccount.invited(
              name, values.get("email"), role, sha256(token), now.plus(INVITATION_TTL), now);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("email")) {
        errors.put("email", Msg.of("accounts.error.email"));
      } else {
        errors.put("name", Msg.of("accounts.error.name"));
      }
    }
    // The audit log's words for those without an account are never an account's name.
    if (a != null && (RESERVED.contains(a.name()) || !accounts().insert(a))) {
      errors.put("name", Msg.of("accounts.error.taken"));
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      accountsPage(ctx, new FormState("invite", values, errors), null);
      return;
    }
    sendInvitation(ctx, a, token);
    AuditTrail.record(
        site, ctx, "account.invite", a.name() + "/" + role.name().toLowerCase(Locale.ROOT));
    accountsPage(ctx, FormState.empty("invite"), Msg.of("accounts.invited", a.name()));
  }

  private void sendInvitation(Context ctx, OrganiserAccount a, String token) {
    Messages t = Views.messages(ctx);
    String link = site.url + "/organiser/invitation?token=" + token;
    site.mailer.send(
        new Mail(
            a.email(),
            t.get(Msg.of("invitation.mail.subject")),
            t.get(Msg.of("invitation.mail.body", a.name(), link, INVITATION_TTL.toHours()))));
  }

  /** Disables or enables an account, or sends it a new invitation (a forgotten password). */
  private void change(Context ctx) {
    String change = ctx.pathParam("change");
    OrganiserAccount a =
        accounts()
            .find(ctx.pathParam("name"))
            .orElseThrow(() -> new Site.SiteError(404, Msg.of("accounts.error.none")));
    String me = AuditTrail.session(ctx).account();
    Msg done;
    switch (change) {
      case "disable":
        if (a.name().equals(me)) {
          throw new Site.SiteError(409, Msg.of("accounts.error.self"));
        }
        accounts().update(a.withDisabled(true));
        site.guards.closeSessionsOf(a.name());
        done = Msg.of("accounts.disabled", a.name());
        break;
      case "enable":
        accounts().update(a.withDisabled(false));
        done = Msg.of("accounts.enabled", a.name());
        break;
      case "reinvite":
        String token = site.guards.newSecret();
        OrganiserAccount again =
            a.withInvitation(sha256(token), site.clock.instant().plus(INVITATION_TTL));
        accounts().update(again);
        sendInvitation(ctx, again, token);
        done = Msg.of("accounts.invited", a.name());
        break;
      default:
        throw new Site.SiteError(404, Msg.of("accounts.error.none"));
    }
    AuditTrail.record(site, ctx, "account." + change, a.name());
    accountsPage(ctx, FormState.empty("invite"), done);
  }

  // ---- the invitation link ------------------------------------------------------------------

  /** The account an invitation token opens, while it is open; empty for anything else. */
  private Optional<OrganiserAccount> invited(String token) {
    if (!Guards.wellFormed(token)) {
      return Optional.empty();
    }
    Instant now = site.clock.instant();
    return accounts()
        .findByInvitation(sha256(token))
        .filter(a -> !a.disabled() && a.invitationExpires().filter(now::isBefore).isPresent());
  }

  private void invitation(Context ctx) {
    String token = ctx.queryParam("token");
    ctx.header("Referrer-Policy", "no-referrer");
    OrganiserAccount a =
        invited(token).orElseThrow(() -> new Site.SiteError(404, Msg.of("invitation.invalid")));
    invitationPage(ctx, a, token, FormState.empty("invitation"));
  }

  private void invitationPage(Context ctx, OrganiserAccount a, String token, FormState s) {
    Views.page(
        ctx,
        "organiser/invitation",
        "name",
        a.name(),
        "token",
        token,
        "s",
        s,
        "minLength",
        Passwords.MIN_LENGTH);
  }

  private void setPassword(Context ctx) {
    site.rateLimit(ctx, "invitation", RateLimits.token(ctx.formParam("token")));
    String token = ctx.formParam("token");
    OrganiserAccount a =
        invited(token).orElseThrow(() -> new Site.SiteError(404, Msg.of("invitation.invalid")));
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String repeat = Optional.ofNullable(ctx.formParam("repeat")).orElse("");
    Map<String, Msg> errors = PasswordPages.refusals(password, repeat);
    if (!errors.isEmpty()) {
      ctx.status(422);
      invitationPage(ctx, a, token, new FormState("invitation", Map.of(), errors));
      return;
    }
    accounts().update(a.withPassword(Passwords.hash(password)));
    site.guards.closeSessionsOf(a.name());
    AuditTrail.record(site, ctx, a.name(), "account.password_set", a.name());
    ctx.redirect("/organiser/login?set=1", HttpStatus.SEE_OTHER);
  }

  // ---- one's own account: the second factor -------------------------------------------------

  private void ownAccount(Context ctx, String newSecret, Msg message) {
    Guards.Session me = AuditTrail.session(ctx);
    OrganiserAccount a =
        accounts()
            .find(me.account())
            .orElseThrow(() -> new Site.SiteError(404, Msg.of("accounts.error.none")));
    Views.page(
        ctx,
        "organiser/account",
        "name",
        a.name(),
        "role",
        roleName(a.role()),
        "totpOn",
        a.totpSecret().isPresent(),
        "secret",
        newSecret,
        "uri",
        newSecret == null ? null : Totp.uri(newSecret, a.name()),
        "admin",
        a.role() == OrganiserAccount.Role.ADMIN,
        "passwordChanged",
        "password".equals(ctx.queryParam("changed")),
        "s",
        message == null
            ? FormState.empty("totp")
            : new FormState("totp", Map.of(), Map.of("code", message)));
  }

  /**
   * Starts (a new secret shown once), confirms (the first code from the app) or turns off (a
   * current code) the second factor.
   */
  private void totp(Context ctx) {
    Guards.Session me = AuditTrail.session(ctx);
    OrganiserAccount a =
        accounts()
            .find(me.account())
            .orElseThrow(() -> new Site.SiteError(404, Msg.of("accounts.error.none")));
    String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
    String code = ctx.formParam("code");
    switch (action) {
      case "start":
        ownAccount(ctx, Totp.newSecret(), null);
        return;
      case "confirm":
        String secret = Optional.ofNullable(ctx.formParam("secret")).orElse("");
        if (!secret.matches("[A-Z2-7]{32}") || !useCode(a.name(), secret, code)) {
          ctx.status(422);
          ownAccount(
              ctx,
              secret.matches("[A-Z2-7]{32}") ? secret : Totp.newSecret(),
              Msg.of("account.totp.error"));
          return;
        }
        accounts().update(a.withTotpSecret(Optional.of(secret)));
        AuditTrail.record(site, ctx, "account.totp_on", a.name());
        break;
      case "off":
        if (a.totpSecret().isPresent() && !useCode(a.name(), a.totpSecret().get(), code)) {
          ctx.status(422);
          ownAccount(ctx, null, Msg.of("account.totp.error"));
          return;
        }
        accounts().update(a.withTotpSecret(Optional.empty()));
        AuditTrail.record(site, ctx, "account.totp_off", a.name());
        break;
      default:
        throw new Site.SiteError(404, Msg.of("accounts.error.none"));
    }
    ctx.redirect("/organiser/account", HttpStatus.SEE_OTHER);
  }

  /**
   * Whether a one-time code is right for an account now and not used before: the first use of a
   * code takes a lease named after the account and the code's time step, which outlives the time
   * the code is accepted, so the same code presented again (a replay, here or on another instance
   * sharing the lease store) is refused while the next step's code is not.
   */
  boolean useCode(String account, String secret, String code) {
    Instant now = site.clock.instant();
    java.util.OptionalLong step = Totp.matchedStep(secret, code, now.getEpochSecond());
    return step.isPresent()
        && site.stores
            .leases()
            .acquire(
                "totp:" + account + ":" + step.getAsLong(),
                site.guards.newSecret(),
                now,
                Totp.REMEMBER_USED)
            .isPresent();
  }

  static Msg roleName(OrganiserAccount.Role role) {
    return role == OrganiserAccount.Role.ADMIN
        ? Msg.of("accounts.role.ADMIN")
        : Msg.of("accounts.role.REVIEWER");
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}

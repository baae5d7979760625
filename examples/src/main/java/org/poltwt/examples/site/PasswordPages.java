package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.spi.OrganiserAccount;

/**
 * Changing one's own password, for every logged-in organiser: the current password, then the new
 * one twice, under the rules of an invitation. A change ends the account's other sessions (a
 * password that leaked may have opened them) and keeps this browser logged in.
 *
 * <p>A wrong current password counts as a failed log-in of the account and address: a session left
 * open on a shared computer must not guess the password faster than the log-in form allows.
 */
final class PasswordPages {
  static final String FORM = "password";

  private final Site site;
  private final LoginThrottle throttle;

  PasswordPages(Site site, LoginThrottle throttle) {
    this.site = site;
    this.throttle = throttle;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/account/password", ctx -> page(ctx, FormState.empty(FORM)));
    cfg.routes.post("/organiser/account/password", this::change);
  }

  private OrganiserAccount me(Context ctx) {
    return site.stores
        .organiserAccounts()
        .find(AuditTrail.session(ctx).account())
        .orElseThrow(() -> new Site.SiteError(404, Msg.of("accounts.error.none")));
  }

  private void page(Context ctx, FormState s) {
    OrganiserAccount a = me(ctx);
    Views.page(
        ctx,
        "organiser/password",
        "name",
        a.name(),
        "s",
        s,
        "minLength",
        Passwords.MIN_LENGTH,
        "admin",
        a.role() == OrganiserAccount.Role.ADMIN);
  }

  /**
   * Why a new password is refused, by field: the rules of an invitation.
   *
   * @return empty when it is acceptable
   */
  static Map<String, Msg> refusals(String password, String repeat) {
    Map<String, Msg> errors = new LinkedHashMap<>();
    if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
      errors.put("password", Msg.of("invitation.error.length", Passwords.MIN_LENGTH));
    } else if (!password.equals(repeat)) {
      errors.put("repeat", Msg.of("invitation.error.different"));
    }
    return errors;
  }

  private void change(Context ctx) {
    site.rateLimit(ctx, "password");
    OrganiserAccount a = me(ctx);
    String address = AuditTrail.address(ctx);
    Duration wait = throttle.wait(a.name(), address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
      ctx.header("Retry-After", Long.toString(seconds));
      ctx.status(429);
      page(ctx, refused("current", Msg.of("login.error.wait", seconds)));
      return;
    }
    String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String repeat = Optional.ofNullable(ctx.formParam("repeat")).orElse("");
    if (a.disabled()
        || a.passwordHash().isEmpty()
        || !Passwords.matches(current, a.passwordHash().get())) {
      throttle.failed(a.name(), address);
      AuditTrail.record(site, ctx, "account.password.failure", a.name());
      ctx.status(422);
      page(ctx, refused("current", Msg.of("password.error.current")));
      return;
    }
    Map<String, Msg> errors = refusals(password, repeat);
    if (!errors.isEmpty()) {
      ctx.status(422);
      page(ctx, new FormState(FORM, Map.of(), errors));
      return;
    }
    throttle.succeeded(a.name(), address);
    site.stores.organiserAccounts().update(a.withPassword(Passwords.hash(password)));
    site.guards.closeSessionsOf(a.name());
    site.logIn(ctx, a.name(), a.role());
    AuditTrail.record(site, ctx, "account.password", a.name());
    ctx.redirect("/organiser/account?changed=password", HttpStatus.SEE_OTHER);
  }

  private static FormState refused(String field, Msg error) {
    return new FormState(FORM, Map.of(), Map.of(field, error));
  }
}

package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.PageData;
import org.poltwt.examples.site.view.TrustData;
import org.poltwt.registration.Registration;
import org.poltwt.registration.email.TrustedDomains;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TrustedDomainStore;

/**
 * The organisers' trusted email domains (issue 21): the page that lists the bundled police domains
 * and the organisers' own, with forms to add and remove one, and the grouping of the review queue
 * by domain with its "approve all and trust" action.
 */
final class TrustedDomainPages {
  /** Who decides, in the stored decision: the site has one shared organiser password. */
  static final String BY = "organiser";

  /** Who decides: the logged-in organiser's account, as the audit log names them. */
  static String by(Context ctx) {
    Guards.Session session = AuditTrail.session(ctx);
    return session == null ? BY : session.account();
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A normalised domain, as a redirect carries it. */
  static final String DOMAIN = "[a-z0-9.-]{1,253}";

  private final Site site;

  TrustedDomainPages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/trusted", ctx -> page(ctx, FormState.empty("trusted"), done(ctx)));
    cfg.routes.post("/organiser/trusted", this::add);
    cfg.routes.post("/organiser/trusted/remove", this::remove);
  }

  private TrustedDomainStore store() {
    return site.stores.trustedDomains();
  }

  /** The review queue by email domain, the largest groups first, then by domain. */
  static List<TrustData.ReviewGroup> groups(
      List<Registration> queue, List<PageData.ReviewRow> rows) {
    Map<String, List<PageData.ReviewRow>> byDomain = new TreeMap<>();
    Map<String, String> first = new LinkedHashMap<>();
    for (int i = 0; i < queue.size(); i++) {
      String email = queue.get(i).email();
      String domain =
          email == null ? "" : email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
      byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(rows.get(i));
      first.putIfAbsent(domain, queue.get(i).id().toString());
    }
    List<TrustData.ReviewGroup> groups = new ArrayList<>();
    for (Map.Entry<String, List<PageData.ReviewRow>> g : byDomain.entrySet()) {
      boolean trustable = TrustedDomains.check(g.getKey()).problem() == null;
      groups.add(
          new TrustData.ReviewGroup(
              g.getKey(), first.get(g.getKey()), trustable, List.copyOf(g.getValue())));
    }
    groups.sort((a, b) -> Integer.compare(b.rows().size(), a.rows().size()));
    return groups;
  }

  private void page(Context ctx, FormState form, Msg done) {
    Map<String, TrustData.TrustedRow> rows = new TreeMap<>();
    for (TrustedDomains.PoliceDomain p : TrustedDomains.bundled()) {
      rows.put(
          p.domain(),
          new TrustData.TrustedRow(p.domain(), true, true, p.force(), p.source(), null, null));
    }
    for (TrustedDomain d : store().list()) {
      Optional<TrustedDomains.PoliceDomain> bundled = TrustedDomains.bundled(d.domain());
      rows.put(
          d.domain(),
          new TrustData.TrustedRow(
              d.domain(),
              bundled.isPresent(),
              d.trusted(),
              d.note().isEmpty()
                  ? bundled.map(TrustedDomains.PoliceDomain::force).orElse("")
                  : d.note(),
              bundled.map(TrustedDomains.PoliceDomain::source).orElse(null),
              d.by(),
              WHEN.format(d.at())));
    }
    Views.page(
        ctx, "organiser/trusted", "rows", List.copyOf(rows.values()), "s", form, "done", done);
  }

  private void add(Context ctx) {
    String typed = Optional.ofNullable(ctx.formParam("domain")).orElse("");
    String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("domain", typed);
    values.put("note", note);
    Map<String, Msg> errors = new LinkedHashMap<>();
    TrustedDomains.Checked checked = TrustedDomains.check(typed);
    if (checked.problem() != null) {
      errors.put("domain", problem(checked.problem()));
    }
    if (note.length() > TrustedDomain.MAX_NOTE) {
      errors.put("note", Msg.of("trusted.error.note", TrustedDomain.MAX_NOTE));
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      page(ctx, new FormState("trusted", values, errors), null);
      return;
    }
    store().save(new TrustedDomain(checked.domain(), true, note, by(ctx), site.clock.instant()));
    AuditTrail.record(site, ctx, "domain.trust", checked.domain());
    redirect(ctx, "added", checked.domain());
  }

  private static Msg problem(TrustedDomains.Problem problem) {
    switch (problem) {
      case WEBMAIL:
        return Msg.of("trusted.error.webmail");
      case PUBLIC_SUFFIX:
        return Msg.of("trusted.error.publicSuffix");
      default:
        return Msg.of("trusted.error.syntax");
    }
  }

  private void remove(Context ctx) {
    TrustedDomains.Checked checked = TrustedDomains.check(ctx.formParam("domain"));
    if (checked.problem() != null) {
      throw new Site.SiteError(400, Msg.of("trusted.error.syntax"));
    }
    // Saved as a revocation, not deleted, so that removing a bundled domain sticks.
    store().save(new TrustedDomain(checked.domain(), false, "", by(ctx), site.clock.instant()));
    AuditTrail.record(site, ctx, "domain.revoke", checked.domain());
    redirect(ctx, "removed", checked.domain());
  }

  private static void redirect(Context ctx, String what, String domain) {
    ctx.redirect(
        "/organiser/trusted?" + what + "=" + URLEncoder.encode(domain, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  /** The notice after a redirect, when its parameter holds a plain domain. */
  static Msg done(Context ctx) {
    String added = ctx.queryParam("added");
    if (added != null && added.matches(DOMAIN)) {
      return Msg.of("trusted.added", added);
    }
    String removed = ctx.queryParam("removed");
    if (removed != null && removed.matches(DOMAIN)) {
      return Msg.of("trusted.removed", removed);
    }
    return null;
  }
}

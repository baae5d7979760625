package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.event.Edition;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.examples.site.view.RetentionRows.EditionRow;
import org.poltwt.examples.site.view.RetentionRows.HoldRow;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStateException;
import org.poltwt.registration.RetentionDue;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.LegalHold;

/**
 * The organisers' Retention page: for each edition, when its registrations' personal data is erased
 * and how many registrations that is; its own period; the legal holds, set and cleared with a
 * reason. Every change answers with a redirect (post/redirect/get), so a refresh repeats nothing.
 */
final class RetentionPages {
  private static final int MAX_DAYS = 36_500;
  private static final String HOLD_FORM = "hold";

  private final Site site;

  RetentionPages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/retention", ctx -> page(ctx, null, null));
    cfg.routes.post("/organiser/retention/period/{edition}", this::setPeriod);
    cfg.routes.post("/organiser/retention/holds", this::hold);
    cfg.routes.post("/organiser/retention/holds/{id}/clear", this::clear);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  private static String periodForm(int edition) {
    return "period-" + edition;
  }

  private void page(Context ctx, FormState holdForm, FormState periodForm) {
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Views.messages(ctx).locale())
            .withZone(ZoneOffset.UTC);
    List<EditionRow> editions = new ArrayList<>();
    List<HoldRow> holds = new ArrayList<>();
    List<Option> numbers = new ArrayList<>();
    for (RetentionDue d : site.retention.due(site.clock.instant())) {
      FormState pf =
          periodForm != null && periodForm.form().equals(periodForm(d.edition()))
              ? periodForm
              : d.ownPeriod()
                  ? FormState.of(
                      periodForm(d.edition()), "days", Long.toString(d.period().toDays()))
                  : FormState.empty(periodForm(d.edition()));
      editions.add(
          new EditionRow(
              d.edition(),
              when.format(d.spanEnd()),
              d.ownPeriod()
                  ? Msg.of("retention.period.own", d.period().toDays())
                  : Msg.of("retention.period.default", d.period().toDays()),
              when.format(d.erasesAt()),
              d.passed(),
              d.toErase(),
              d.erased(),
              d.holds().size(),
              pf));
      numbers.add(Option.text(Integer.toString(d.edition()), Integer.toString(d.edition())));
      for (LegalHold h : d.holds()) {
        String handle =
            site.stores
                .registrations()
                .find(h.registrationId())
                .map(r -> r.handle().value())
                .orElse("");
        holds.add(
            new HoldRow(
                h.registrationId().toString(),
                h.edition(),
                handle,
                h.reason(),
                when.format(h.since())));
      }
    }
    Msg notice = null;
    if (ctx.queryParam("held") != null) {
      notice = Msg.of("retention.hold.done", text(ctx.queryParam("held")));
    } else if (ctx.queryParam("cleared") != null) {
      notice = Msg.of("retention.clear.done", text(ctx.queryParam("cleared")));
    } else if (ctx.queryParam("period") != null) {
      notice = Msg.of("retention.period.done", text(ctx.queryParam("period")));
    }
    FormState hf = holdForm;
    if (hf == null) {
      hf =
          site.currentEdition()
              .map(e -> FormState.of(HOLD_FORM, "edition", Integer.toString(e.number())))
              .orElse(FormState.empty(HOLD_FORM));
    }
    Views.page(
        ctx,
        "organiser/retention",
        "defaultDays",
        site.retention.defaultPeriod().toDays(),
        "editions",
        editions,
        "holds",
        holds,
        "numbers",
        numbers,
        "holdForm",
        hf,
        "notice",
        notice);
  }

  private int editionParam(Context ctx) {
    try {
      int n = Integer.parseInt(ctx.pathParam("edition"));
      if (site.stores.editions().find(n).isPresent()) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, like an unknown edition
    }
    throw new Site.SiteError(404, Msg.of("error.notFound"));
  }

  private void setPeriod(Context ctx) {
    int edition = editionParam(ctx);
    String days = text(ctx.formParam("days"));
    if (days.isEmpty()) {
      site.stores.retention().clearPeriod(edition);
    } else {
      int n = -1;
      if (days.matches("[0-9]{1,5}")) {
        n = Integer.parseInt(days);
      }
      if (n < 0 || n > MAX_DAYS) {
        ctx.status(422);
        page(
            ctx,
            null,
            new FormState(
                periodForm(edition),
                Map.of("days", days),
                Map.of("days", Msg.of("retention.period.invalid", MAX_DAYS))));
        return;
      }
      site.stores.retention().setPeriod(edition, Duration.ofDays(n));
    }
    AuditTrail.record(site, ctx, "retention.period", Integer.toString(edition));
    ctx.redirect("/organiser/retention?period=" + edition, HttpStatus.SEE_OTHER);
  }

  private void hold(Context ctx) {
    String editionText = text(ctx.formParam("edition"));
    String handleText = text(ctx.formParam("handle"));
    String reason = text(ctx.formParam("reason"));
    Map<String, Msg> errors = new LinkedHashMap<>();
    Optional<Edition> edition = Optional.empty();
    if (editionText.matches("[0-9]{1,6}")) {
      edition = site.stores.editions().find(Integer.parseInt(editionText));
    }
    if (edition.isEmpty()) {
      errors.put("edition", Msg.of("retention.hold.edition.unknown"));
    }
    Optional<Registration> r = Optional.empty();
    if (handleText.isEmpty()) {
      errors.put("handle", Msg.of("retention.hold.handle.missing"));
    } else if (edition.isPresent()) {
      try {
        String bare = handleText.startsWith("@") ? handleText.substring(1) : handleText;
        r =
            site.stores
                .registrations()
                .findByHandle(edition.get().number(), TwitterHandle.of(bare));
      } catch (RuntimeException e) {
        r = Optional.empty();
      }
      if (r.isEmpty()) {
        errors.put("handle", Msg.of("retention.hold.handle.unknown"));
      }
    }
    if (reason.isEmpty()) {
      errors.put("reason", Msg.of("retention.hold.reason.missing"));
    } else if (reason.length() > LegalHold.MAX_REASON_LENGTH) {
      errors.put("reason", Msg.of("retention.hold.reason.long", LegalHold.MAX_REASON_LENGTH));
    }
    if (errors.isEmpty()) {
      try {
        site.retention.hold(r.get().id(), reason);
        AuditTrail.record(site, ctx, "retention.hold", r.get().id().toString());
        ctx.redirect(
            "/organiser/retention?held=" + r.get().handle().value() + "#holds-heading",
            HttpStatus.SEE_OTHER);
        return;
      } catch (RegistrationStateException e) {
        errors.put("handle", Msg.of("retention.hold.handle.erased"));
      }
    }
    ctx.status(422);
    page(
        ctx,
        new FormState(
            HOLD_FORM,
            Map.of("edition", editionText, "handle", handleText, "reason", reason),
            errors),
        null);
  }

  private void clear(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new Site.SiteError(404, Msg.of("error.notFound"));
    }
    String handle = site.stores.registrations().find(id).map(r -> r.handle().value()).orElse("");
    // Clearing twice (a refresh, two organisers) lands on the same page: the hold is gone either
    // way.
    site.retention.release(id);
    AuditTrail.record(site, ctx, "retention.release", id.toString());
    ctx.redirect("/organiser/retention?cleared=" + handle + "#holds-heading", HttpStatus.SEE_OTHER);
  }
}

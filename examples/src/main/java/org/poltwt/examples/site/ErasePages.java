package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStateException;
import org.poltwt.spi.LegalHold;

/**
 * Erasure on request: a registrant asks, under data-protection law, for their personal data to go
 * now rather than when the edition's retention period ends, and an administrator erases it from the
 * registrations page. A confirmation page says what goes and what the wrap-up keeps; the erasure is
 * what the retention job does to one registration (its personal data, tokens and outbox rows), plus
 * its mails in the demo outbox folder. A registration on legal hold is refused: the hold is cleared
 * on the Retention page first, on purpose.
 *
 * <p>The form answers with a redirect to the page it came from, which then says the data is erased:
 * a second submit (a refresh, a replay) finds it erased, changes nothing and says so. Reviewers
 * never reach these pages (see {@link OrganiserPages#reviewerMay}).
 */
final class ErasePages {
  private final Site site;

  ErasePages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/registrations/{id}/erase", this::page);
    cfg.routes.post("/organiser/registrations/{id}/erase", this::erase);
  }

  private Registration registration(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new Site.SiteError(404, Msg.of("error.noRegistration"));
    }
    return site.stores
        .registrations()
        .find(id)
        .orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noRegistration")));
  }

  private void page(Context ctx) {
    Registration r = registration(ctx);
    Optional<LegalHold> hold =
        r.isErased() ? Optional.empty() : site.stores.retention().findHold(r.id());
    Msg erased =
        r.erasedAt()
            .map(
                at ->
                    Msg.of(
                        "erase.done",
                        r.handle().toString(),
                        PublicPages.WHEN.format(at.atZone(ZoneOffset.UTC))))
            .orElse(null);
    Views.page(
        ctx,
        "organiser/erase",
        "id",
        r.id().toString(),
        "handle",
        r.handle().toString(),
        "edition",
        r.edition(),
        "status",
        OrganiserPages.statusName(r.status()),
        "hold",
        hold.map(LegalHold::reason).orElse(null),
        "erased",
        erased);
  }

  private void erase(Context ctx) {
    Registration r = registration(ctx);
    String back = "/organiser/registrations/" + r.id() + "/erase";
    if (r.isErased()) {
      // A replay: nothing is left to erase, and the page says it is erased already.
      ctx.redirect(back, HttpStatus.SEE_OTHER);
      return;
    }
    if (site.stores.retention().findHold(r.id()).isPresent()) {
      throw new Site.SiteError(409, Msg.of("erase.held"));
    }
    // What the retention job deletes besides the registration, which erase() leaves, and in its
    // order: should the erasure fail after this, the retried form deletes again (nothing), then
    // erases.
    site.stores.outbox().deleteFor(r.id());
    try {
      site.registration.erase(r.id());
    } catch (RegistrationStateException e) {
      throw new Site.SiteError(404, Msg.of("error.noRegistration"));
    }
    site.mailFolder.ifPresent(folder -> folder.deleteFor(r.id()));
    AuditTrail.record(site, ctx, "registration.erase", r.id().toString());
    ctx.redirect(back, HttpStatus.SEE_OTHER);
  }
}

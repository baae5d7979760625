package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.event.Edition;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.PageData;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.Mail;
import org.poltwt.spi.RegistrationQuery;

/**
 * The step between an organiser's "send" and the mails: every action that mails registrants (an
 * announcement, a new date, a postponement) is first held here and shown on a confirmation page
 * with its recipients per status and a sample mail; only the confirmation runs it.
 *
 * <p>The confirmation form carries the held action's key, so a second submit of the same
 * confirmation (a refresh, a double click, a replay) finds the first result and sends nothing. For
 * an announcement the key is its id, and the announcement is stored only when it is sent, so even
 * after a restart the key shows it was sent. An action held while the edition was different (it was
 * changed since, by another organiser or another tab) is refused as stale.
 */
final class MailConfirmations {
  /** How long a held action waits for its confirmation, and a result stays to be shown again. */
  static final Duration TTL = Duration.ofHours(2);

  private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

  /** What a confirmation runs: sends the mails and says how it went. */
  interface Action {
    /**
     * Runs the action.
     *
     * @return the message of the result page
     */
    Msg run();
  }

  /**
   * An action waiting for its confirmation.
   *
   * @param title what the confirmation page asks
   * @param edition the edition as it was when the action was held
   * @param sample an unstored announcement to render the sample mail from
   * @param back the page to go back to without sending
   * @param action what the confirmation runs
   * @param held when it was held
   * @param auditAction the audit log's name for the action, recorded when it is confirmed
   * @param auditTarget what it acts on, for the audit log (an edition, an announcement)
   */
  record Held(
      Msg title,
      Edition edition,
      Announcement sample,
      String back,
      Action action,
      Instant held,
      String auditAction,
      String auditTarget) {}

  private record Done(Msg message, String back, Instant at) {}

  private final Site site;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Map<String, Done> done = new ConcurrentHashMap<>();

  MailConfirmations(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/confirm/{key}", this::page);
    cfg.routes.post("/organiser/confirm/{key}", this::confirm);
    cfg.routes.get("/organiser/confirm/{key}/result", this::result);
  }

  /**
   * Holds an action and sends the organiser to its confirmation page.
   *
   * @param key the idempotency key (an announcement's id, else a random UUID)
   */
  void hold(Context ctx, String key, Held action) {
    Instant now = site.clock.instant();
    held.values().removeIf(h -> h.held().plus(TTL).isBefore(now));
    done.values().removeIf(d -> d.at().plus(TTL).isBefore(now));
    held.put(key, action);
    ctx.redirect("/organiser/confirm/" + key, HttpStatus.SEE_OTHER);
  }

  /** A fresh key for an action that has no id of its own. */
  static String newKey() {
    return UUID.randomUUID().toString();
  }

  private String key(Context ctx) {
    String key = ctx.pathParam("key");
    if (!KEY.matcher(key).matches()) {
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
    return key;
  }

  private void page(Context ctx) {
    String key = key(ctx);
    if (done.containsKey(key) || sentAnnouncement(key)) {
      ctx.redirect("/organiser/confirm/" + key + "/result", HttpStatus.SEE_OTHER);
      return;
    }
    Held h = held.get(key);
    if (h == null) {
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
    Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
    Registration sampleTo = null;
    RegistrationQuery q = RegistrationQuery.of(h.edition().number());
    for (int offset = 0; ; offset += 500) {
      List<Registration> page = site.stores.registrations().list(q, offset, 500);
      for (Registration r : page) {
        if (recipient(h.sample().audience(), r)) {
          counts.merge(r.status(), 1L, Long::sum);
          // The sample goes to a verified registrant when there is one: the usual reader.
          if (sampleTo == null
              || sampleTo.status() != RegistrationStatus.VERIFIED
                  && r.status() == RegistrationStatus.VERIFIED) {
            sampleTo = r;
          }
        }
      }
      if (page.size() < 500) {
        break;
      }
    }
    List<PageData.StatusCount> rows = new ArrayList<>();
    long total = 0;
    for (RegistrationStatus s : RegistrationStatus.values()) {
      long n = counts.getOrDefault(s, 0L);
      if (n > 0) {
        rows.add(new PageData.StatusCount(OrganiserPages.statusName(s), n));
        total += n;
      }
    }
    PageData.Preview sample = null;
    if (sampleTo != null) {
      Mail m = site.announcements.preview(h.sample(), sampleTo);
      sample = new PageData.Preview(sampleTo.handle().toString(), m.subject(), m.body());
    }
    Views.page(
        ctx,
        "organiser/confirm",
        "key",
        key,
        "title",
        h.title(),
        "counts",
        rows,
        "total",
        total,
        "sample",
        sample,
        "back",
        h.back());
  }

  /** Whom a send reaches: the audience, less the withdrawn, the erased and the unsubscribed. */
  private boolean recipient(Audience audience, Registration r) {
    return audience.includes(r)
        && r.status() != RegistrationStatus.WITHDRAWN
        && !r.isErased()
        && !site.stores.outbox().isUnsubscribed(r.id());
  }

  /** Whether the key is an announcement already stored, that is sent (maybe before a restart). */
  private boolean sentAnnouncement(String key) {
    try {
      return site.stores.outbox().findAnnouncement(UUID.fromString(key)).isPresent();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void confirm(Context ctx) {
    String key = key(ctx);
    Held h;
    // One confirmation at a time: a double click's second request waits, then finds the result.
    synchronized (this) {
      if (done.containsKey(key) || sentAnnouncement(key)) {
        ctx.redirect("/organiser/confirm/" + key + "/result", HttpStatus.SEE_OTHER);
        return;
      }
      h = held.remove(key);
      if (h == null) {
        throw new Site.SiteError(404, Msg.of("confirm.gone"));
      }
      Optional<Edition> now = site.stores.editions().find(h.edition().number());
      if (now.isEmpty() || !now.get().equals(h.edition())) {
        throw new Site.SiteError(409, Msg.of("confirm.stale"));
      }
      done.put(key, new Done(h.action().run(), h.back(), site.clock.instant()));
      // Recorded for the organiser who confirmed, from where they confirmed: the mail went then.
      AuditTrail.record(site, ctx, h.auditAction(), h.auditTarget());
    }
    ctx.redirect("/organiser/confirm/" + key + "/result", HttpStatus.SEE_OTHER);
  }

  private void result(Context ctx) {
    String key = key(ctx);
    Done d = done.get(key);
    if (d == null && sentAnnouncement(key)) {
      // Sent before a restart: the report still says how it went.
      d =
          new Done(
              OrganiserPages.sentMessage(site.announcements.report(UUID.fromString(key))),
              "/organiser/announcements",
              site.clock.instant());
    }
    if (d == null) {
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
    Views.page(ctx, "organiser/confirmed", "message", d.message(), "back", d.back());
  }
}

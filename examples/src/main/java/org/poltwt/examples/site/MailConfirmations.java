package org.poltwt.examples.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionDateInPastException;
import org.poltwt.event.EditionStatus;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.PageData;
import org.poltwt.json.PoltwtModule;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.HeldAction;
import org.poltwt.spi.HeldActionStore;
import org.poltwt.spi.Mail;
import org.poltwt.spi.RegistrationQuery;

/**
 * The step between an organiser's "send" and the mails: every action that mails registrants (an
 * announcement, a new date, a postponement, a cancellation) is first held here and shown on a
 * confirmation page with its recipients per status and a sample mail; only the confirmation runs
 * it.
 *
 * <p>The confirmation form carries the held action's key, so a second submit of the same
 * confirmation (a refresh, a double click, a replay) finds the first result and sends nothing. For
 * an announcement the key is its id, and the announcement is stored only when it is sent, so the
 * key shows it was sent even once the held action is forgotten. An action held while the edition
 * was different (it was changed since, by another organiser or another tab) is refused as stale.
 *
 * <p>Held actions and their results are in the shared {@link HeldActionStore}, not in this process:
 * the action is stored as its kind and parameters (JSON) and rebuilt from them, so its confirmation
 * may reach any instance of the site; the store's claim lets exactly one confirmation run it,
 * whichever instance each submit lands on. Any administrator may confirm an action (reviewers never
 * reach these pages); the audit log names who confirmed it.
 */
final class MailConfirmations {
  /** How long a held action waits for its confirmation, and its result stays to be shown again. */
  static final Duration TTL = Duration.ofHours(2);

  /** How often this instance deletes forgotten actions: now and then, not on every hold. */
  static final Duration PURGE = Duration.ofMinutes(15);

  /** How long a second confirmation waits for the first one's result, sent on any instance. */
  private static final Duration RESULT_WAIT = Duration.ofSeconds(10);

  static final String ANNOUNCEMENT = "site-announcement";
  static final String SCHEDULE_CHANGE = "site-schedule-change";

  private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new PoltwtModule());

  /**
   * An action waiting for its confirmation, as rebuilt from the store.
   *
   * @param title what the confirmation page asks
   * @param edition the edition as it was when the action was held
   * @param sample an unstored announcement to render the sample mail from
   * @param back the page to go back to without sending
   * @param action what the confirmation runs: sends the mails and says how it went
   * @param auditAction the audit log's name for the action, recorded when it is confirmed
   * @param auditTarget what it acts on, for the audit log (an edition, an announcement)
   */
  private record Held(
      Msg title,
      Edition edition,
      Announcement sample,
      String back,
      Supplier<Msg> action,
      String auditAction,
      String auditTarget) {}

  /** How a confirmed action went: the result page's message and its way back. */
  private record Done(Msg message, String back) {}

  private final Site site;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

  MailConfirmations(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/confirm/{key}", this::page);
    cfg.routes.post("/organiser/confirm/{key}", this::confirm);
    cfg.routes.get("/organiser/confirm/{key}/result", this::result);
  }

  /**
   * Holds an announcement and sends the organiser to its confirmation page; its key is its id.
   *
   * @param edition the edition as it is now
   * @param draft the announcement, not stored
   */
  void holdAnnouncement(Context ctx, Edition edition, Announcement draft) {
    ObjectNode p = JSON.createObjectNode();
    p.set("edition", JSON.valueToTree(edition));
    p.put("id", draft.id().toString());
    p.put("subject", draft.subject());
    p.put("body", draft.body());
    p.put("createdAt", draft.createdAt().toString());
    Audience a = draft.audience();
    ArrayNode statuses = p.putObject("audience").putArray("statuses");
    a.statuses().stream().map(Enum::name).sorted().forEach(statuses::add);
    ObjectNode audience = (ObjectNode) p.get("audience");
    a.accountType().ifPresent(t -> audience.put("accountType", t.name()));
    a.country().ifPresent(c -> audience.put("country", c));
    a.zone().ifPresent(z -> audience.put("zone", z.getId()));
    a.participationModel().ifPresent(m -> audience.put("participationModel", m.name()));
    hold(ctx, draft.id().toString(), ANNOUNCEMENT, p);
  }

  /**
   * Holds a new date, or a postponement, and sends the organiser to its confirmation page.
   *
   * @param edition the edition as it is now
   * @param postpone whether it is postponed to a date to be decided
   * @param target the edition as the change makes it (its date and start for a new date)
   */
  void holdScheduleChange(Context ctx, Edition edition, boolean postpone, Edition target) {
    ObjectNode p = JSON.createObjectNode();
    p.set("edition", JSON.valueToTree(edition));
    p.put("postpone", postpone);
    if (!postpone) {
      p.put("date", target.date().orElseThrow().toString());
      p.put("start", target.localStart().toString());
    }
    hold(ctx, newKey(), SCHEDULE_CHANGE, p);
  }

  /**
   * Holds the cancelling of an edition and sends the organiser to its confirmation page.
   *
   * @param edition the edition as it is now
   */
  void holdCancel(Context ctx, Edition edition) {
    ObjectNode p = JSON.createObjectNode();
    p.set("edition", JSON.valueToTree(edition));
    p.put("postpone", false);
    p.put("cancel", true);
    hold(ctx, newKey(), SCHEDULE_CHANGE, p);
  }

  private void hold(Context ctx, String key, String kind, ObjectNode payload) {
    Instant now = site.clock.instant();
    Instant last = lastPurge.get();
    if (last.plus(PURGE).isBefore(now) && lastPurge.compareAndSet(last, now)) {
      site.stores.heldActions().purgeExpired(now);
    }
    site.stores
        .heldActions()
        .hold(
            HeldAction.waiting(
                key,
                AuditTrail.session(ctx).account(),
                kind,
                payload.toString(),
                now,
                now.plus(TTL)));
    ctx.redirect("/organiser/confirm/" + key, HttpStatus.SEE_OTHER);
  }

  /** Rebuilds a held action from its kind and parameters, on whichever instance confirms it. */
  private Held rebuild(HeldAction stored) {
    JsonNode p;
    Edition edition;
    try {
      p = JSON.readTree(stored.payload());
      edition = JSON.treeToValue(p.get("edition"), Edition.class);
    } catch (IOException e) {
      // Written by this class: unreadable only if another version of the site held it.
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
    if (stored.kind().equals(ANNOUNCEMENT)) {
      JsonNode a = p.get("audience");
      Set<RegistrationStatus> statuses = EnumSet.noneOf(RegistrationStatus.class);
      a.get("statuses").forEach(n -> statuses.add(RegistrationStatus.valueOf(n.asText())));
      Audience audience =
          new Audience(
              statuses,
              Optional.ofNullable(a.get("accountType")).map(n -> AccountType.valueOf(n.asText())),
              Optional.ofNullable(a.get("country")).map(JsonNode::asText),
              Optional.ofNullable(a.get("zone")).map(n -> ZoneId.of(n.asText())),
              Optional.ofNullable(a.get("participationModel"))
                  .map(n -> ParticipationModel.valueOf(n.asText())));
      Announcement announcement =
          new Announcement(
              UUID.fromString(p.get("id").asText()),
              edition,
              Optional.empty(),
              p.get("subject").asText(),
              p.get("body").asText(),
              audience,
              Instant.parse(p.get("createdAt").asText()));
      return new Held(
          Msg.of("confirm.announce", announcement.subject()),
          edition,
          announcement,
          "/organiser/announcements",
          () -> OrganiserPages.sentMessage(site.announcements.send(announcement)),
          "announcement.send",
          edition.number() + "/" + announcement.id());
    }
    boolean postpone = p.get("postpone").asBoolean();
    // Absent from actions held before cancelling was offered: those are no cancellations.
    boolean cancel = p.path("cancel").asBoolean(false);
    Edition target;
    Msg title;
    if (cancel) {
      target = edition.toBuilder().status(EditionStatus.CANCELLED).build();
      title = Msg.of("confirm.cancel", edition.number());
    } else if (postpone) {
      target = edition.toBuilder().status(EditionStatus.DATE_TBD).date(null).build();
      title = Msg.of("confirm.postpone", edition.number());
    } else {
      LocalDate date = LocalDate.parse(p.get("date").asText());
      LocalTime start = LocalTime.parse(p.get("start").asText());
      target =
          edition.toBuilder().status(EditionStatus.SCHEDULED).date(date).localStart(start).build();
      title = Msg.of("confirm.reschedule", edition.number(), date.toString(), start.toString());
    }
    return new Held(
        title,
        edition,
        // Only rendered, for the sample: the schedule-change words are the service's own.
        new Announcement(
            UUID.randomUUID(),
            target,
            Optional.of(edition),
            title.key(),
            title.key(),
            Audience.allRegistrants(),
            site.clock.instant()),
        "/organiser/edition",
        () -> {
          try {
            Optional<Announcement> announced =
                cancel
                    ? site.editionService.cancel(edition.number())
                    : postpone
                        ? site.editionService.postpone(edition.number())
                        : site.editionService.reschedule(
                            edition.number(), target.date().get(), target.localStart());
            return announced
                .map(x -> Msg.of("edition.changed", site.announcements.report(x.id()).sent()))
                .orElse(Msg.of("edition.unchanged"));
          } catch (EditionDateInPastException ex) {
            // Confirmed too late: the new start has passed meanwhile.
            throw new Site.SiteError(409, Msg.of("edition.error.past"));
          }
        },
        cancel ? "edition.cancel" : postpone ? "edition.postpone" : "edition.reschedule",
        Integer.toString(edition.number()));
  }

  /** The result as the store keeps it: the message's key and arguments, and the way back. */
  private static String encode(Done done) {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", done.message().key());
    n.set("args", JSON.valueToTree(done.message().args()));
    n.put("back", done.back());
    return n.toString();
  }

  private static Done decode(String result) {
    try {
      JsonNode n = JSON.readTree(result);
      List<Object> args = new ArrayList<>();
      for (JsonNode a : n.get("args")) {
        args.add(a.isNumber() ? a.numberValue() : a.asText());
      }
      return new Done(new Msg(n.get("key").asText(), args), n.get("back").asText());
    } catch (IOException e) {
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
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
    Optional<Held> waiting = waiting(ctx, key);
    if (waiting.isEmpty()) {
      return;
    }
    Held h = waiting.get();
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

  /**
   * The action a key holds while it waits for its confirmation; empty, with a redirect to the
   * result, once a confirmation has claimed it (here or on another instance) or sent it.
   */
  private Optional<Held> waiting(Context ctx, String key) {
    Optional<HeldAction> stored = site.stores.heldActions().find(key, site.clock.instant());
    if (stored.map(HeldAction::claimed).orElse(false) || sentAnnouncement(key)) {
      ctx.redirect("/organiser/confirm/" + key + "/result", HttpStatus.SEE_OTHER);
      return Optional.empty();
    }
    if (stored.isEmpty()) {
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
    return Optional.of(rebuild(stored.get()));
  }

  private void confirm(Context ctx) {
    String key = key(ctx);
    Optional<Held> waiting = waiting(ctx, key);
    if (waiting.isEmpty()) {
      return;
    }
    Held h = waiting.get();
    Optional<Edition> now = site.stores.editions().find(h.edition().number());
    if (now.isEmpty() || !now.get().equals(h.edition())) {
      throw new Site.SiteError(409, Msg.of("confirm.stale"));
    }
    // Of concurrent confirmations, on this instance or another, only the one that claims it runs
    // it; the others go to the result page, which waits for the result.
    if (!site.stores.heldActions().claim(key, site.clock.instant())) {
      ctx.redirect("/organiser/confirm/" + key + "/result", HttpStatus.SEE_OTHER);
      return;
    }
    Msg message;
    try {
      message = h.action().get();
    } catch (Site.SiteError e) {
      // Refused as it ran (a new date that has begun meanwhile): a resubmit shows the refusal.
      site.stores.heldActions().complete(key, encode(new Done(e.text, h.back())));
      throw e;
    } catch (RuntimeException e) {
      site.stores.heldActions().complete(key, encode(new Done(Msg.of("error.server"), h.back())));
      throw e;
    }
    site.stores.heldActions().complete(key, encode(new Done(message, h.back())));
    // Recorded for the organiser who confirmed, from where they confirmed: the mail went then.
    AuditTrail.record(site, ctx, h.auditAction(), h.auditTarget());
    ctx.redirect("/organiser/confirm/" + key + "/result", HttpStatus.SEE_OTHER);
  }

  private void result(Context ctx) throws InterruptedException {
    String key = key(ctx);
    Optional<HeldAction> stored = site.stores.heldActions().find(key, site.clock.instant());
    // A second confirmation that lost the claim waits for the first one's result, as a double
    // click's second request did when both ran in one process.
    for (long waited = 0;
        stored.isPresent()
            && stored.get().claimed()
            && stored.get().result().isEmpty()
            && waited < RESULT_WAIT.toMillis();
        waited += 50) {
      Thread.sleep(50);
      stored = site.stores.heldActions().find(key, site.clock.instant());
    }
    Done d = stored.flatMap(HeldAction::result).map(MailConfirmations::decode).orElse(null);
    if (d == null && sentAnnouncement(key)) {
      // Sent, and its held action forgotten since: the report still says how it went.
      d =
          new Done(
              OrganiserPages.sentMessage(site.announcements.report(UUID.fromString(key))),
              "/organiser/announcements");
    }
    if (d == null && stored.isPresent() && stored.get().claimed()) {
      throw new Site.SiteError(409, Msg.of("confirm.running"));
    }
    if (d == null) {
      throw new Site.SiteError(404, Msg.of("confirm.gone"));
    }
    Views.page(ctx, "organiser/confirmed", "message", d.message(), "back", d.back());
  }
}

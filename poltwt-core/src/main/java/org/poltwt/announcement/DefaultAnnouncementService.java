package org.poltwt.announcement;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.internal.Bundles;
import org.poltwt.internal.SecretTokens;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AnnouncementService} behind {@link AnnouncementService#builder()}. */
final class DefaultAnnouncementService implements AnnouncementService {
  private static final Logger LOG = LoggerFactory.getLogger(AnnouncementService.class);
  private static final int PAGE = 500;
  private static final String PREVIEW_TOKEN = "<unsubscribe-token>";

  /** The bundle of the announcement mails' own words; see {@link #WORDS}. */
  static final String BUNDLE = "org.poltwt.announcement.mails";

  /**
   * The words the service itself writes (the footer, the schedule-change mails) by language: each
   * recipient reads them in their registration's language, English when poltwt has no translation.
   */
  private static final Map<Locale, ResourceBundle> WORDS = new ConcurrentHashMap<>();

  private static ResourceBundle words(Locale language) {
    return WORDS.computeIfAbsent(language, l -> Bundles.load(BUNDLE, l));
  }

  private final RegistrationStore registrations;
  private final OutboxStore outbox;
  private final Mailer mailer;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration claimLease;
  private final Function<String, String> unsubscribeLink;
  private final Function<Registration, Optional<String>> manageLink;
  private final CalendarInvites invites;

  DefaultAnnouncementService(AnnouncementService.Builder b) {
    this.registrations = b.registrations;
    this.outbox = b.outbox;
    this.mailer = b.mailer;
    this.clock = b.clock;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.claimLease = b.claimLease;
    this.unsubscribeLink = b.unsubscribeLink;
    this.manageLink = b.manageLink;
    this.invites = b.invites;
  }

  @Override
  public Announcement draft(Edition edition, String subject, String body, Audience audience) {
    Announcement a =
        new Announcement(
            UUID.randomUUID(), edition, Optional.empty(), subject, body, audience, clock.instant());
    outbox.saveAnnouncement(a);
    return a;
  }

  @Override
  public Announcement draftScheduleChange(Edition before, Edition after) {
    // Stored in English for the organisers' list; each recipient's mail is rendered again in the
    // recipient's language (see render).
    String[] text = scheduleChange(before, after, words(Locale.ENGLISH), false);
    Announcement a =
        new Announcement(
            UUID.randomUUID(),
            after,
            Optional.of(before),
            text[0],
            text[1],
            Audience.allRegistrants(),
            clock.instant());
    outbox.saveAnnouncement(a);
    return a;
  }

  /**
   * The subject and body templates of a schedule change, in the bundle's language. A registrant who
   * has not confirmed their address yet is asked to confirm it, and never told it is verified.
   */
  private static String[] scheduleChange(
      Edition before, Edition after, ResourceBundle words, boolean unverified) {
    String subject;
    String change;
    if (after.status() == EditionStatus.CANCELLED) {
      subject = words.getString("schedule.cancelled.subject");
      change = words.getString("schedule.cancelled.change");
    } else if (after.date().isEmpty()) {
      subject = words.getString("schedule.tbd.subject");
      change = words.getString("schedule.tbd.change");
    } else {
      subject = words.getString("schedule.moved.subject");
      change =
          words.getString("schedule.moved.change")
              + words.getString(
                  before.date().isPresent() ? "schedule.moved.was" : "schedule.moved.undated")
              + " "
              + words.getString("schedule.moved.countdown");
    }
    String body =
        words.getString("schedule.greeting")
            + "\n\n"
            + words.getString("schedule.intro")
            + " "
            + change
            + "\n\n"
            + words.getString(unverified ? "schedule.closing.unverified" : "schedule.closing")
            + "\n";
    return new String[] {subject, body};
  }

  @Override
  public Mail preview(Announcement announcement, Registration registration) {
    return render(announcement, registration, PREVIEW_TOKEN, clock.instant());
  }

  private Mail render(Announcement a, Registration r, String token, Instant now) {
    ResourceBundle words = words(r.language());
    String subject = a.subject();
    String text = a.body();
    Optional<Mail.Attachment> calendar = Optional.empty();
    if (a.previousEdition().isPresent()) {
      String[] own =
          scheduleChange(
              a.previousEdition().get(),
              a.edition(),
              words,
              r.status() == RegistrationStatus.PENDING_VERIFICATION);
      subject = own[0];
      text = own[1];
      calendar = calendarFile(a.edition(), r, now);
      if (calendar.isPresent()) {
        text +=
            "\n"
                + words.getString(
                    a.edition().date().isPresent()
                            && a.edition().status() != EditionStatus.CANCELLED
                        ? "schedule.invite"
                        : "schedule.cancelled.invite")
                + "\n";
      }
    }
    String link = unsubscribeLink.apply(token);
    StringBuilder body =
        new StringBuilder(AnnouncementText.render(text, a, r, now)).append("\n--\n");
    Optional<String> manage = manageLink.apply(r);
    if (manage.isPresent()) {
      body.append(words.getString("manage")).append(' ').append(manage.get()).append("\n\n");
    }
    body.append(AnnouncementText.render(words.getString("footer"), a, r, now))
        .append(' ')
        .append(link)
        .append('\n');
    Mail mail =
        new Mail(r.email(), AnnouncementText.render(subject, a, r, now), body.toString())
            .withKind(
                a.previousEdition().isPresent() ? Mail.Kind.RESCHEDULE : Mail.Kind.ANNOUNCEMENT)
            // The same for every attempt: a retry keeps its Message-ID.
            .withKey("announcement-" + a.id() + "-" + r.id());
    if (calendar.isPresent()) {
      mail = mail.withAttachment(calendar.get());
    }
    return oneClick(link).map(mail::withUnsubscribe).orElse(mail);
  }

  /**
   * The invite that moves a registrant's event to the edition's new date, or the cancellation that
   * removes it when the edition is cancelled or has no date any more.
   */
  private Optional<Mail.Attachment> calendarFile(Edition edition, Registration r, Instant now) {
    if (invites == null) {
      return Optional.empty();
    }
    int sequence = CalendarInvites.sequenceAt(now);
    try {
      return edition.date().isPresent() && edition.status() != EditionStatus.CANCELLED
          ? invites.invite(r, edition, sequence)
          : invites.cancellation(r, edition, sequence);
    } catch (RuntimeException e) {
      // The news matters more than the file: the mail goes without it.
      LOG.warn("no calendar file for registration {} ({})", r.id(), e.getClass().getName());
      return Optional.empty();
    }
  }

  /**
   * The link as a one-click unsubscribe URI (RFC 8058) when it is an absolute http(s) URI; a bare
   * token or a relative link stays in the body only.
   */
  private static Optional<URI> oneClick(String link) {
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.isAbsolute()
          && uri.getHost() != null
          && (scheme.equals("https") || scheme.equals("http"))
          && link.indexOf('<') < 0
          && link.indexOf('>') < 0
          && link.indexOf(',') < 0) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // Not a URI: the body still shows it.
    }
    return Optional.empty();
  }

  @Override
  public DeliveryReport send(Announcement announcement) {
    if (outbox.findAnnouncement(announcement.id()).isEmpty()) {
      outbox.saveAnnouncement(announcement);
    }
    List<UUID> recipients = new ArrayList<>();
    RegistrationQuery query = RegistrationQuery.of(announcement.edition().number());
    for (int offset = 0; ; offset += PAGE) {
      List<Registration> page = registrations.list(query, offset, PAGE);
      for (Registration r : page) {
        if (announcement.audience().includes(r) && !outbox.isUnsubscribed(r.id())) {
          recipients.add(r.id());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    int added = outbox.enqueue(announcement.id(), recipients, clock.instant());
    LOG.info(
        "announcement {}: {} recipients, {} newly enqueued",
        announcement.id(),
        recipients.size(),
        added);
    return deliver(announcement);
  }

  @Override
  public List<DeliveryReport> deliverDue(int edition) {
    List<DeliveryReport> reports = new ArrayList<>();
    for (Announcement a : outbox.announcements(edition)) {
      reports.add(deliver(a));
    }
    return reports;
  }

  private DeliveryReport deliver(Announcement a) {
    while (true) {
      List<OutboxEntry> due = outbox.due(a.id(), clock.instant(), 100);
      if (due.isEmpty()) {
        break;
      }
      for (OutboxEntry entry : due) {
        deliverOne(a, entry);
      }
    }
    return report(a.id());
  }

  private void deliverOne(Announcement a, OutboxEntry entry) {
    Instant now = clock.instant();
    Optional<Registration> recipient =
        registrations
            .find(entry.registrationId())
            .filter(r -> !r.isErased() && r.status() != RegistrationStatus.WITHDRAWN)
            .filter(r -> !outbox.isUnsubscribed(r.id()));
    if (recipient.isEmpty()) {
      outbox.transition(
          entry,
          new OutboxEntry(
              entry.announcementId(),
              entry.registrationId(),
              OutboxEntry.Status.SKIPPED,
              entry.attempts(),
              entry.nextAttemptAt(),
              Optional.empty(),
              entry.lastError()));
      return;
    }
    int attempt = entry.attempts() + 1;
    // The claim is the attempt: pushing the due time away keeps other instances off this entry.
    OutboxEntry claimed =
        new OutboxEntry(
            entry.announcementId(),
            entry.registrationId(),
            OutboxEntry.Status.PENDING,
            attempt,
            now.plus(claimLease),
            Optional.empty(),
            entry.lastError());
    if (!outbox.transition(entry, claimed)) {
      return;
    }
    String token = SecretTokens.newToken();
    outbox.saveUnsubscribeToken(SecretTokens.hash(token), entry.registrationId());
    try {
      mailer.send(render(a, recipient.get(), token, now));
    } catch (RuntimeException e) {
      // Whatever a Mailer throws (an SMTP library's own unchecked exceptions included) fails this
      // recipient's attempt only, with the backoff; the batch goes on. Only a code is kept: mail
      // errors often quote the address.
      String code = e instanceof PoltwtException ? ((PoltwtException) e).code() : Mailer.FAILED;
      boolean last = attempt >= maxAttempts;
      Instant retryAt = now.plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
      outbox.transition(
          claimed,
          new OutboxEntry(
              entry.announcementId(),
              entry.registrationId(),
              last ? OutboxEntry.Status.FAILED : OutboxEntry.Status.PENDING,
              attempt,
              last ? now : retryAt,
              Optional.empty(),
              Optional.of(code)));
      LOG.warn(
          "announcement {} to registration {}: attempt {} of {} failed ({}){}",
          a.id(),
          entry.registrationId(),
          attempt,
          maxAttempts,
          e instanceof PoltwtException ? code : code + ", " + e.getClass().getName(),
          last ? "; giving up" : "; will retry");
      return;
    }
    outbox.transition(
        claimed,
        new OutboxEntry(
            entry.announcementId(),
            entry.registrationId(),
            OutboxEntry.Status.SENT,
            attempt,
            now,
            Optional.of(now),
            Optional.empty()));
  }

  @Override
  public DeliveryReport report(UUID announcementId) {
    if (outbox.findAnnouncement(announcementId).isEmpty()) {
      throw new InvalidInputException(
          Announcement.INVALID, "announcementId", "no announcement has this id");
    }
    int sent = 0;
    int skipped = 0;
    List<UUID> pending = new ArrayList<>();
    List<UUID> failed = new ArrayList<>();
    Instant next = null;
    for (OutboxEntry e : outbox.entries(announcementId)) {
      switch (e.status()) {
        case SENT:
          sent++;
          break;
        case SKIPPED:
          skipped++;
          break;
        case FAILED:
          failed.add(e.registrationId());
          break;
        default:
          pending.add(e.registrationId());
          if (next == null || e.nextAttemptAt().isBefore(next)) {
            next = e.nextAttemptAt();
          }
      }
    }
    return new DeliveryReport(
        announcementId, sent, pending, failed, skipped, Optional.ofNullable(next));
  }

  @Override
  public void unsubscribe(String token) {
    if (!SecretTokens.looksLikeToken(token)) {
      throw unknownToken();
    }
    UUID registration =
        outbox
            .findUnsubscribeToken(SecretTokens.hash(token))
            .orElseThrow(DefaultAnnouncementService::unknownToken);
    outbox.unsubscribe(registration, clock.instant());
    LOG.info("registration {} unsubscribed from announcements", registration);
  }

  private static InvalidInputException unknownToken() {
    return new InvalidInputException("unsubscribe.unknown-token", "token", "unknown");
  }
}

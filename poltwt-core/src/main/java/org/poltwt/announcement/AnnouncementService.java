package org.poltwt.announcement;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationStore;

/**
 * Tells an edition's registrants by email, each in terms of their own day, exactly once each.
 *
 * <p>{@link #send(Announcement)} first writes one outbox entry per recipient, then delivers the
 * entries that are due and records each one sent. Calling it again (after a crash, or later to
 * retry) delivers only what is not yet sent. A {@link Mailer} failure is retried with doubling
 * backoff up to a bounded number of attempts, then reported per recipient in the {@link
 * DeliveryReport}. Every message goes to one recipient only.
 *
 * <p>Delivery claims an entry before handing the mail over, so instances sharing one store never
 * send it twice. If a process dies between handing a mail to the mailer and recording it, that one
 * entry becomes due again when its claim lapses (see {@link Builder#claimLease(Duration)}).
 */
public interface AnnouncementService {
  /**
   * Drafts and stores an announcement of an edition.
   *
   * @param edition the edition, as it is to be announced
   * @param subject the subject template (one line; placeholders allowed)
   * @param body the body template (placeholders allowed)
   * @param audience who receives it
   * @return the stored announcement
   * @throws InvalidInputException naming the field when the subject or body is blank, too long or
   *     has an unknown placeholder
   */
  Announcement draft(Edition edition, String subject, String body, Audience audience);

  /**
   * Drafts and stores the announcement of a schedule change, with the recipients' old and new
   * windows.
   *
   * @param before the edition before the change
   * @param after the edition after it
   * @return the stored announcement, to {@link Audience#allRegistrants()}
   */
  Announcement draftScheduleChange(Edition before, Edition after);

  /**
   * Renders the mail one recipient would get, without sending it. Only the unsubscribe link, which
   * carries a fresh token in each delivered mail, shows a stand-in. Stores nothing: no
   * announcement, no delivery entry. An announcement that may never be sent (a preview, a send
   * still to be confirmed) is best built as an {@link Announcement} record rather than with {@link
   * #draft}, which stores it.
   *
   * @param announcement the announcement
   * @param registration the recipient
   * @return the mail
   */
  Mail preview(Announcement announcement, Registration registration);

  /**
   * Sends an announcement: enqueues every recipient of its audience not yet enqueued, then delivers
   * every entry that is due. Idempotent and resumable.
   *
   * @param announcement the announcement (stored if it was not)
   * @return where delivery stands
   */
  DeliveryReport send(Announcement announcement);

  /**
   * Delivers the due entries of every announcement of an edition: what a scheduler calls to retry.
   *
   * @param edition the edition's number
   * @return one report per announcement, oldest first
   */
  List<DeliveryReport> deliverDue(int edition);

  /**
   * Reports where an announcement's delivery stands, without sending anything.
   *
   * @param announcementId the announcement
   * @return the report
   * @throws InvalidInputException (field {@code announcementId}) if no such announcement exists
   */
  DeliveryReport report(UUID announcementId);

  /**
   * Stops announcements to the registrant whose mail carried this unsubscribe token. The
   * registration itself stays as it is. Repeating it is harmless.
   *
   * @param token the token from the mail's unsubscribe link
   * @throws InvalidInputException (code {@code unsubscribe.unknown-token}, field {@code token}) if
   *     no mail carried this token
   */
  void unsubscribe(String token);

  /**
   * Starts configuring a service. The registration store, the outbox store and the mailer are
   * required.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link AnnouncementService}; each setter checks its argument at once. */
  final class Builder {
    RegistrationStore registrations;
    OutboxStore outbox;
    Mailer mailer;
    Clock clock = Clock.systemUTC();
    int maxAttempts = 5;
    Duration backoff = Duration.ofMinutes(1);
    Duration claimLease = Duration.ofMinutes(10);
    Function<String, String> unsubscribeLink = token -> token;
    Function<Registration, Optional<String>> manageLink = r -> Optional.empty();
    CalendarInvites invites;

    Builder() {}

    /**
     * Puts each registrant's "manage my registration" link under every announcement, usually {@code
     * registrationService::manageLink}. Unless set, announcements carry none.
     *
     * @param manageLink gives a registration's current manage link, or empty; it is given the
     *     recipient's registration as the outbox read it, so it need not read it again
     * @return this builder
     */
    public Builder manageLinks(Function<Registration, Optional<String>> manageLink) {
      this.manageLink = requireNonNull(manageLink, "manageLink");
      return this;
    }

    /**
     * Attaches calendar files to schedule-change mails: an invite that moves each registrant's
     * event to the new date (a higher {@code SEQUENCE}), or its cancellation when the edition is
     * cancelled or postponed. Unless set, schedule changes carry none.
     *
     * @param invites writes the files, for example {@code Invites.of(clock).attachments()}
     * @return this builder
     */
    public Builder calendarInvites(CalendarInvites invites) {
      this.invites = requireNonNull(invites, "invites");
      return this;
    }

    /**
     * Sets where registrations are read from.
     *
     * @param registrations the store
     * @return this builder
     */
    public Builder registrationStore(RegistrationStore registrations) {
      this.registrations = requireNonNull(registrations, "registrations");
      return this;
    }

    /**
     * Sets where announcements and their outbox are kept.
     *
     * @param outbox the store
     * @return this builder
     */
    public Builder outboxStore(OutboxStore outbox) {
      this.outbox = requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Sets how mail is sent.
     *
     * @param mailer the mailer
     * @return this builder
     */
    public Builder mailer(Mailer mailer) {
      this.mailer = requireNonNull(mailer, "mailer");
      return this;
    }

    /**
     * Sets the clock; {@link Clock#systemUTC()} unless set.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many times a recipient's delivery is tried before it is reported failed; 5 unless
     * set.
     *
     * @param maxAttempts between 1 and 20
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts: must be between 1 and 20");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait after the first failure; it doubles after each further one. One minute unless
     * set.
     *
     * @param backoff a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder backoff(Duration backoff) {
      requireNonNull(backoff, "backoff");
      if (backoff.isNegative() || backoff.isZero()) {
        throw new IllegalArgumentException("backoff: must be positive");
      }
      this.backoff = backoff;
      return this;
    }

    /**
     * Sets how long a delivery claim lasts: if the process dies after claiming an entry, the entry
     * is due again after this long. Ten minutes unless set.
     *
     * @param claimLease a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder claimLease(Duration claimLease) {
      requireNonNull(claimLease, "claimLease");
      if (claimLease.isNegative() || claimLease.isZero()) {
        throw new IllegalArgumentException("claimLease: must be positive");
      }
      this.claimLease = claimLease;
      return this;
    }

    /**
     * Sets how an unsubscribe token becomes the link at the foot of each mail, for example {@code t
     * -> "https://example.org/unsubscribe?token=" + t}. Unless set, the mail shows the bare token.
     *
     * @param unsubscribeLink maps a token to the text the mail shows
     * @return this builder
     */
    public Builder unsubscribeLink(Function<String, String> unsubscribeLink) {
      this.unsubscribeLink = requireNonNull(unsubscribeLink, "unsubscribeLink");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalStateException if a store or the mailer is missing
     */
    public AnnouncementService build() {
      if (registrations == null || outbox == null || mailer == null) {
        throw new IllegalStateException("registrationStore, outboxStore and mailer: are required");
      }
      return new DefaultAnnouncementService(this);
    }
  }
}

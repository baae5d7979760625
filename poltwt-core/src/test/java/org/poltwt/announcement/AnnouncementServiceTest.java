package org.poltwt.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryOutboxStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.MutableClock;
import org.poltwt.test.Registrations;

class AnnouncementServiceTest {
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("unsubscribe\\?token=([A-Za-z0-9_-]{43})");

  private final MutableClock clock = new MutableClock(Instant.parse("2015-06-01T00:00:00Z"));
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final AnnouncementService service =
      AnnouncementService.builder()
          .registrationStore(registrations)
          .outboxStore(outbox)
          .mailer(mailer)
          .clock(clock)
          .unsubscribeLink(t -> "https://poltwt.example/unsubscribe?token=" + t)
          .build();
  private final Edition fifth =
      Edition.builder()
          .number(5)
          .date(LocalDate.of(2015, 6, 5))
          .localStart(LocalTime.of(8, 0))
          .themes("TimeToUnify")
          .build();

  AnnouncementServiceTest() {
    editions.save(fifth);
  }

  private Registration verified(String handle, String zone) {
    Registration r =
        Registrations.agencyBuilder(5, handle)
            .zone(ZoneId.of(zone))
            .status(RegistrationStatus.VERIFIED)
            .build();
    registrations.insert(r);
    return r;
  }

  private Registration withStatus(String handle, RegistrationStatus status) {
    Registration r =
        Registrations.agencyBuilder(5, handle)
            .zone(ZoneId.of("Europe/Madrid"))
            .status(status)
            .build();
    registrations.insert(r);
    return r;
  }

  private Announcement windows() {
    return service.draft(
        fifth,
        "{hashtag} {edition}: your window",
        "Hello {handle} of {agency}. Your 24 hours: {windowStart} to {windowEnd} ({windowStartIso} / {windowEndIso},"
            + " zone {zone}), opening {countdown}.",
        Audience.verified());
  }

  private String bodyTo(Registration r) {
    List<Mail> mails = mailer.sentTo(r.email());
    assertThat(mails).hasSize(1);
    return mails.get(0).body();
  }

  @Test
  void placeholdersAreFilledInEachRecipientsOwnZone() {
    Registration kiritimati = verified("Kiritimati", "Pacific/Kiritimati");
    Registration kathmandu = verified("Kathmandu", "Asia/Kathmandu");
    Registration stJohns = verified("StJohns", "America/St_Johns");

    DeliveryReport report = service.send(windows());

    assertThat(report.sent()).isEqualTo(3);
    assertThat(report.finished()).isTrue();
    assertThat(bodyTo(kiritimati))
        .startsWith("Hello @Kiritimati of ")
        .contains(
            "Friday 5 June 2015 at 08:00 (Pacific/Kiritimati) to Saturday 6 June 2015 at 08:00 (Pacific/Kiritimati)")
        .contains("2015-06-05T08:00:00+14:00 / 2015-06-06T08:00:00+14:00")
        .contains("zone Pacific/Kiritimati")
        // 08:00+14:00 is 2015-06-04T18:00Z: 3 days and 18 hours after the clock.
        .contains("opening in 3 days, 18 hours and 0 minutes");
    assertThat(bodyTo(kathmandu))
        .contains("2015-06-05T08:00:00+05:45 / 2015-06-06T08:00:00+05:45")
        .contains("opening in 4 days, 2 hours and 15 minutes");
    assertThat(bodyTo(stJohns))
        .contains("Friday 5 June 2015 at 08:00 (America/St_Johns)")
        .contains("2015-06-05T08:00:00-02:30 / 2015-06-06T08:00:00-02:30")
        .contains("opening in 4 days, 10 hours and 30 minutes");
    assertThat(mailer.sentTo(kathmandu.email()).get(0).subject())
        .isEqualTo("#PolTwt 5: your window");
  }

  @Test
  void previewIsTheMailOneRecipientWouldGet() {
    Registration madrid = verified("Madrid", "Europe/Madrid");
    Announcement a = windows();

    Mail preview = service.preview(a, madrid);
    service.send(a);
    Mail sent = mailer.sentTo(madrid.email()).get(0);

    assertThat(preview.to()).isEqualTo(sent.to());
    assertThat(preview.subject()).isEqualTo(sent.subject());
    assertThat(preview.body().replace("<unsubscribe-token>", "T"))
        .isEqualTo(UNSUBSCRIBE.matcher(sent.body()).replaceAll("unsubscribe?token=T"));
  }

  @Test
  void sendingTwiceSendsNothingTwice() {
    verified("One", "Europe/Madrid");
    verified("Two", "Asia/Kathmandu");
    Announcement a = windows();

    service.send(a);
    DeliveryReport again = service.send(a);

    assertThat(mailer.sent()).hasSize(2);
    assertThat(again.sent()).isEqualTo(2);
  }

  @Test
  void withdrawnErasedUnsubscribedAndUnverifiedGetNothing() {
    Registration ok = verified("Verified", "Europe/Madrid");
    withStatus("Withdrawn", RegistrationStatus.WITHDRAWN);
    withStatus("Pending", RegistrationStatus.PENDING_VERIFICATION);
    Registration erased = verified("Erased", "Europe/Madrid");
    registrations.erase(erased.id(), clock.instant());
    Registration leaving = verified("Leaving", "Europe/Madrid");
    service.send(service.draft(fifth, "First", "Hello {handle}", Audience.verified()));
    Matcher m = UNSUBSCRIBE.matcher(mailer.sentTo(leaving.email()).get(0).body());
    assertThat(m.find()).isTrue();
    service.unsubscribe(m.group(1));
    mailer.clear();

    service.send(service.draft(fifth, "Second", "Hello {handle}", Audience.verified()));

    assertThat(mailer.sent()).extracting(Mail::to).containsExactly(ok.email());
  }

  @Test
  void aRecipientWhoWithdrawsBeforeDeliveryIsSkipped() {
    Registration a = verified("Early", "Europe/Madrid");
    Registration b = verified("Late", "Europe/Madrid");
    Announcement announcement = windows();
    mailer.failNext(2);
    service.send(announcement);
    registrations.update(b.withStatus(RegistrationStatus.WITHDRAWN, b.createdAt().plusSeconds(1)));
    clock.advance(Duration.ofMinutes(5));

    DeliveryReport report = service.send(announcement);

    assertThat(mailer.sent()).extracting(Mail::to).containsExactly(a.email());
    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void theAudienceFilters() {
    Registration agency = verified("Agency", "Europe/Madrid");
    Registration officer =
        Registrations.officerBuilder(5, "Officer")
            .zone(ZoneId.of("Europe/Madrid"))
            .status(RegistrationStatus.VERIFIED)
            .build();
    registrations.insert(officer);

    service.send(
        service.draft(
            fifth,
            "Officers",
            "Hello {handle}",
            Audience.verified().withAccountType(AccountType.OFFICER)));

    assertThat(mailer.sent()).extracting(Mail::to).containsExactly(officer.email());
    assertThat(agency.email()).isNotEqualTo(officer.email());
  }

  @Test
  void failuresAreRetriedWithBackoffThenReportedPerRecipient() {
    Registration r = verified("Unlucky", "Europe/Madrid");
    AnnouncementService twice =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(outbox)
            .mailer(mailer)
            .clock(clock)
            .maxAttempts(2)
            .backoff(Duration.ofMinutes(1))
            .build();
    Announcement a = windows();
    mailer.failNext(5);

    DeliveryReport first = twice.send(a);
    assertThat(first.pending()).containsExactly(r.id());
    assertThat(first.nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(twice.send(a).pending()).containsExactly(r.id());

    clock.advance(Duration.ofMinutes(1));
    DeliveryReport last = twice.send(a);

    assertThat(last.failed()).containsExactly(r.id());
    assertThat(last.finished()).isTrue();
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void anyExceptionFromTheMailerFailsOneRecipientAndTheBatchGoesOn() {
    Registration first = verified("First", "Europe/Madrid");
    Registration second = verified("Second", "Europe/Madrid");
    Registration third = verified("Third", "Europe/Madrid");
    // An SMTP library's own unchecked exception, thrown for one recipient only.
    Mailer flaky =
        mail -> {
          if (mail.to().equals(second.email())) {
            throw new UncheckedIOException(new IOException("connection reset by " + mail.to()));
          }
          mailer.send(mail);
        };
    AnnouncementService withFlaky =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(outbox)
            .mailer(flaky)
            .clock(clock)
            .backoff(Duration.ofMinutes(1))
            .build();

    DeliveryReport report = withFlaky.send(windows());

    assertThat(mailer.sentTo(first.email())).hasSize(1);
    assertThat(mailer.sentTo(third.email())).hasSize(1);
    assertThat(report.sent()).isEqualTo(2);
    assertThat(report.pending()).containsExactly(second.id());
    // The backoff, not the ten-minute claim, decides when it is tried again.
    assertThat(report.nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(outbox.entries(report.announcementId()))
        .filteredOn(e -> e.registrationId().equals(second.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.lastError()).contains(Mailer.FAILED));
  }

  @Test
  void noRecipientSeesAnotherRecipientsAddress() {
    List<Registration> all =
        List.of(
            verified("A1", "Europe/Madrid"),
            verified("B2", "Asia/Tokyo"),
            verified("C3", "America/New_York"));

    service.send(windows());

    for (Mail m : mailer.sent()) {
      for (Registration other : all) {
        if (!other.email().equals(m.to())) {
          assertThat(m.body() + m.subject()).doesNotContain(other.email());
        }
      }
      assertThat(m.toString()).doesNotContain("@police.gov");
    }
  }

  @Test
  void unknownPlaceholdersAndBadTextAreRejectedWhenDrafting() {
    assertThatThrownBy(() -> service.draft(fifth, "Hi", "Hello {name}", Audience.verified()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("body: has an unknown placeholder {name}");
    assertThatThrownBy(() -> service.draft(fifth, "Two\nlines", "Hello", Audience.verified()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("subject:");
    assertThatThrownBy(() -> service.draft(fifth, "Hi", " ", Audience.verified()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("body:");
    assertThat(
            service
                .draft(fifth, "Hi", "Braces {like this} and {} stay", Audience.verified())
                .body())
        .contains("{like this}");
  }

  @Test
  void anUnknownUnsubscribeTokenIsATypedError() {
    assertThatThrownBy(() -> service.unsubscribe("x".repeat(43)))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "unsubscribe.unknown-token");
    assertThatThrownBy(() -> service.unsubscribe(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rescheduleToDateTbdThenToANewDateSendsTwoAnnouncementsWithTheRightWindows() {
    Registration madrid = verified("Madrid", "Europe/Madrid");
    Registration pending = withStatus("Pending", RegistrationStatus.PENDING_VERIFICATION);
    EditionService editionService = EditionService.of(editions, service, clock);

    Announcement postponed = editionService.postpone(5).orElseThrow();
    Announcement moved = editionService.reschedule(5, LocalDate.of(2015, 8, 14)).orElseThrow();

    List<Mail> toMadrid = mailer.sentTo(madrid.email());
    assertThat(toMadrid).hasSize(2);
    assertThat(toMadrid.get(0).subject()).isEqualTo("#PolTwt edition 5: new date to be decided");
    assertThat(toMadrid.get(0).body())
        .contains("postponed")
        .contains("were to start Friday 5 June 2015 at 08:00 (Europe/Madrid)");
    assertThat(toMadrid.get(1).subject())
        .isEqualTo(
            "#PolTwt edition 5: your 24 hours now start Friday 14 August 2015 at 08:00 (Europe/Madrid)");
    assertThat(toMadrid.get(1).body())
        .contains("end Saturday 15 August 2015 at 08:00 (Europe/Madrid)")
        .contains("2015-08-14T08:00:00+02:00 to 2015-08-15T08:00:00+02:00");
    assertThat(mailer.sentTo(pending.email())).hasSize(2);
    assertThat(editions.find(5).orElseThrow().date()).contains(LocalDate.of(2015, 8, 14));
    assertThat(outbox.announcements(5)).containsExactly(postponed, moved);
  }

  @Test
  void everyScheduleChangeMailIsOfKindRescheduleWithEveryPlaceholderFilled() {
    Registration madrid = verified("Madrid", "Europe/Madrid");
    EditionService editionService = EditionService.of(editions, service, clock);

    editionService.reschedule(5, LocalDate.of(2015, 7, 3));
    editionService.postpone(5);
    editionService.reschedule(5, LocalDate.of(2015, 8, 14));
    editionService.cancel(5);

    List<Mail> mails = mailer.sentTo(madrid.email());
    assertThat(mails).hasSize(4);
    for (Mail m : mails) {
      assertThat(m.kind()).isEqualTo(Mail.Kind.RESCHEDULE);
      assertThat(m.subject()).doesNotContain("{").doesNotContain("}");
      assertThat(m.body()).doesNotContain("{").doesNotContain("}").contains("Hello @Madrid");
      assertThat(m.unsubscribe()).isPresent();
    }
    assertThat(mails.get(2).body()).contains("They open in ").doesNotContain("were to start");
  }

  @Test
  void eachRecipientReadsAScheduleChangeInTheirLanguageWithTheFileThatMovesOrCancelsTheEvent() {
    List<String> files = new java.util.ArrayList<>();
    org.poltwt.spi.CalendarInvites invites =
        new org.poltwt.spi.CalendarInvites() {
          @Override
          public java.util.Optional<Mail.Attachment> invite(
              Registration r, Edition edition, int sequence) {
            files.add("REQUEST " + sequence);
            return java.util.Optional.of(
                new Mail.Attachment("poltwt-5.ics", "text/calendar; method=REQUEST", "x"));
          }

          @Override
          public java.util.Optional<Mail.Attachment> cancellation(
              Registration r, Edition edition, int sequence) {
            files.add("CANCEL " + sequence);
            return java.util.Optional.of(
                new Mail.Attachment("poltwt-5.ics", "text/calendar; method=CANCEL", "x"));
          }
        };
    AnnouncementService withFiles =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(outbox)
            .mailer(mailer)
            .clock(clock)
            .unsubscribeLink(t -> "https://poltwt.example/unsubscribe?token=" + t)
            .manageLinks(r -> java.util.Optional.of("https://poltwt.example/manage/" + r.id()))
            .calendarInvites(invites)
            .build();
    Registration spanish =
        Registrations.agencyBuilder(5, "Sevilla")
            .zone(ZoneId.of("Europe/Madrid"))
            .language(java.util.Locale.forLanguageTag("es"))
            .status(RegistrationStatus.VERIFIED)
            .build();
    registrations.insert(spanish);
    Registration english = verified("Kent", "Europe/London");
    EditionService editionService = EditionService.of(editions, withFiles, clock);

    editionService.reschedule(5, LocalDate.of(2015, 7, 3));
    clock.advance(java.time.Duration.ofMinutes(3));
    editionService.cancel(5);

    List<Mail> toSevilla = mailer.sentTo(spanish.email());
    assertThat(toSevilla).hasSize(2);
    assertThat(toSevilla.get(0).subject()).contains("viernes 3 de julio de 2015");
    assertThat(toSevilla.get(0).body())
        .contains("Hola, @Sevilla")
        .contains("https://poltwt.example/manage/" + spanish.id())
        .doesNotContain("Hello");
    assertThat(toSevilla.get(0).attachments())
        .extracting(Mail.Attachment::contentType)
        .containsExactly("text/calendar; method=REQUEST");
    assertThat(toSevilla.get(1).attachments())
        .extracting(Mail.Attachment::contentType)
        .containsExactly("text/calendar; method=CANCEL");
    assertThat(mailer.sentTo(english.email()).get(0).body())
        .contains("Hello @Kent")
        .contains("moves the event in your calendar");
    int moved = Integer.parseInt(files.get(0).split(" ")[1]);
    int cancelled = Integer.parseInt(files.get(files.size() - 1).split(" ")[1]);
    assertThat(cancelled).as("the cancellation's SEQUENCE").isGreaterThan(moved);
  }

  @Test
  void everyKeyOfTheAnnouncementBundleIsUsedByTheService() throws Exception {
    ResourceBundle bundle =
        ResourceBundle.getBundle(DefaultAnnouncementService.BUNDLE, java.util.Locale.ENGLISH);
    String source =
        java.nio.file.Files.readString(
            java.nio.file.Path.of(
                "src/main/java/org/poltwt/announcement/DefaultAnnouncementService.java"));
    java.util.Set<String> used = new java.util.TreeSet<>();
    Matcher m = Pattern.compile("words\\.getString\\(\\s*\"([^\"]+)\"").matcher(source);
    while (m.find()) {
      used.add(m.group(1));
    }
    Matcher chosen =
        Pattern.compile("\\?\\s*\"(schedule\\.[^\"]+)\"\\s*:\\s*\"(schedule\\.[^\"]+)\"")
            .matcher(source);
    while (chosen.find()) {
      used.add(chosen.group(1));
      used.add(chosen.group(2));
    }

    // Keys for the management link and the calendar attachments, which the service does not write
    // yet; once it reads one, this fails until the key is taken off the list.
    assertThat(used).containsExactlyInAnyOrderElementsOf(bundle.keySet());
  }

  @Test
  void anAnnouncementCarriesItsOneClickLinkAndAKeyThatARetryKeeps() {
    Registration r = verified("Madrid", "Europe/Madrid");
    Announcement a = windows();
    List<Mail> attempts = new java.util.ArrayList<>();
    AnnouncementService flaky =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(outbox)
            .clock(clock)
            .backoff(Duration.ofMinutes(1))
            .unsubscribeLink(t -> "https://poltwt.example/unsubscribe?token=" + t)
            .mailer(
                mail -> {
                  attempts.add(mail);
                  if (attempts.size() == 1) {
                    throw new IllegalStateException("connection reset");
                  }
                })
            .build();

    flaky.send(a);
    clock.advance(Duration.ofMinutes(1));
    flaky.send(a);

    assertThat(attempts).hasSize(2);
    assertThat(attempts).extracting(Mail::kind).containsOnly(Mail.Kind.ANNOUNCEMENT);
    assertThat(attempts.get(1).key())
        .isEqualTo(attempts.get(0).key())
        .contains("announcement-" + a.id() + "-" + r.id());
    Matcher token = UNSUBSCRIBE.matcher(attempts.get(1).body());
    assertThat(token.find()).isTrue();
    assertThat(attempts.get(1).unsubscribe())
        .contains(
            java.net.URI.create("https://poltwt.example/unsubscribe?token=" + token.group(1)));
    assertThat(attempts.get(1).toString()).doesNotContain(token.group(1)).doesNotContain(r.email());
  }

  @Test
  void aLinkThatIsNotAnAbsoluteWebAddressStaysInTheBodyOnly() {
    Registration r = verified("Madrid", "Europe/Madrid");

    Mail preview = service.preview(windows(), r);
    AnnouncementService bare =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(outbox)
            .mailer(mailer)
            .clock(clock)
            .build();
    bare.send(windows());

    assertThat(preview.unsubscribe()).isEmpty();
    assertThat(mailer.sentTo(r.email()).get(0).unsubscribe()).isEmpty();
  }

  @Test
  void cancellingAPostponedEditionIsAnnouncedToo() {
    verified("Madrid", "Europe/Madrid");
    EditionService editionService = EditionService.of(editions, service, clock);
    editionService.postpone(5);

    Announcement cancelled = editionService.cancel(5).orElseThrow();

    assertThat(cancelled.edition().status()).isEqualTo(org.poltwt.event.EditionStatus.CANCELLED);
    assertThat(mailer.sent()).hasSize(2);
    assertThat(mailer.sent().get(1).subject()).isEqualTo("#PolTwt edition 5 is cancelled");
  }

  @Test
  void changesThatLeaveTheScheduleAloneAnnounceNothing() {
    verified("Madrid", "Europe/Madrid");
    EditionService editionService = EditionService.of(editions, service, clock);

    assertThat(editionService.change(fifth.toBuilder().themes("NewTheme").build())).isEmpty();
    assertThat(editionService.reschedule(5, LocalDate.of(2015, 6, 5))).isEmpty();
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void aDateThatHasBegunInTheEarliestZoneIsRefusedNamingTheDateAndNothingIsStoredOrMailed() {
    verified("Madrid", "Europe/Madrid");
    EditionService editionService = EditionService.of(editions, service, clock);

    // Now is 2015-06-01T00:00Z: 1 June at 08:00 has already begun at UTC+14 (31 May, 18:00Z).
    assertThatThrownBy(() -> editionService.reschedule(5, LocalDate.of(2015, 6, 1)))
        .isInstanceOf(org.poltwt.event.EditionDateInPastException.class)
        .hasFieldOrPropertyWithValue("field", "date")
        .hasFieldOrPropertyWithValue("code", "edition.date-in-past");
    assertThatThrownBy(() -> editionService.reschedule(5, LocalDate.of(1999, 1, 1)))
        .isInstanceOf(org.poltwt.event.EditionDateInPastException.class);
    assertThat(editions.find(5).orElseThrow()).isEqualTo(fifth);
    assertThat(mailer.sent()).isEmpty();
    assertThat(outbox.announcements(5)).isEmpty();

    // A day later it has begun nowhere yet; postponing and cancelling have no date to check.
    assertThat(editionService.reschedule(5, LocalDate.of(2015, 6, 2))).isPresent();
    assertThat(editionService.postpone(5)).isPresent();
  }

  @Test
  void aRegistrantWhoHasNotConfirmedTheirAddressIsAskedToAndNeverToldItIsVerified() {
    Registration madrid = verified("Madrid", "Europe/Madrid");
    Registration waiting = withStatus("Waiting", RegistrationStatus.PENDING_VERIFICATION);
    Registration review = withStatus("Review", RegistrationStatus.PENDING_REVIEW);
    EditionService editionService = EditionService.of(editions, service, clock);

    editionService.reschedule(5, LocalDate.of(2015, 8, 14));

    assertThat(mailer.sentTo(waiting.email()).get(0).body())
        .contains("Friday 14 August 2015")
        .contains("not confirmed yet")
        .doesNotContain("verified");
    assertThat(mailer.sentTo(madrid.email()).get(0).body())
        .contains("your verified email stay as they are");
    assertThat(mailer.sentTo(review.email()).get(0).body())
        .contains("your verified email stay as they are");
  }
}

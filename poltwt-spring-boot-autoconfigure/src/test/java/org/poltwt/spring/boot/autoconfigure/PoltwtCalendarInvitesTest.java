package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.EditionService;
import org.poltwt.calendar.Invites;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.test.Editions;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@link CalendarInvites} of poltwt-calendar and a {@link Geocoder} of the application. */
class PoltwtCalendarInvitesTest {
  private final InMemoryMailer mailer = new InMemoryMailer();

  /** A database, a mailer, the in-memory directory and a fixed clock. */
  private ApplicationContextRunner complete() {
    return Contexts.withDatabase()
        .withBean(Mailer.class, () -> mailer)
        .withBean(
            Clock.class, () -> Clock.fixed(Instant.parse("2015-05-01T00:00:00Z"), ZoneOffset.UTC))
        .withPropertyValues("poltwt.x.directory=in-memory");
  }

  /** The one verification mail of a sign-up for edition 5. */
  private Mail verificationMail(RegistrationService registrations, RegistrationRequest request) {
    registrations.register(request);
    List<Mail> mails = mailer.sentTo("prensa@madrid.gob.es");
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  @Test
  void theVerificationMailCarriesTheRegistrantsInvite() {
    complete()
        .run(
            context -> {
              assertThat(context).hasSingleBean(CalendarInvites.class);
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              Mail mail =
                  verificationMail(
                      context.getBean(RegistrationService.class),
                      PoltwtManageLinksTest.agency("MadridPolice"));

              assertThat(mail.attachments()).hasSize(1);
              Mail.Attachment invite = mail.attachments().get(0);
              assertThat(invite.contentType()).startsWith("text/calendar");
              assertThat(invite.filename()).isEqualTo("poltwt-5.ics");
              assertThat(invite.content()).contains("BEGIN:VCALENDAR").contains(Invites.PRODUCT_ID);
            });
  }

  @Test
  void theApplicationsOwnInvitesWin() {
    CalendarInvites own = new OwnInvites();
    complete()
        .withBean(CalendarInvites.class, () -> own)
        .run(
            context -> {
              assertThat(context).getBeanNames(CalendarInvites.class).hasSize(1);
              assertThat(context.getBean(CalendarInvites.class)).isSameAs(own);
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              Mail mail =
                  verificationMail(
                      context.getBean(RegistrationService.class),
                      PoltwtManageLinksTest.agency("MadridPolice"));

              assertThat(mail.attachments())
                  .extracting(Mail.Attachment::filename)
                  .containsExactly("own.ics");
            });
  }

  @Test
  void scheduleChangesCarryTheInvitesOfTheBean() {
    complete()
        .withBean(CalendarInvites.class, OwnInvites::new)
        .run(
            context -> {
              EditionService editions = context.getBean(EditionService.class);
              Edition before = editions.create(Editions.scheduled(5));
              Registration registration =
                  context
                      .getBean(RegistrationService.class)
                      .register(PoltwtManageLinksTest.agency("MadridPolice"));
              AnnouncementService announcements = context.getBean(AnnouncementService.class);
              Edition after =
                  Editions.scheduledBuilder(5).date(before.date().get().plusDays(7)).build();

              Mail preview =
                  announcements.preview(
                      announcements.draftScheduleChange(before, after), registration);
              assertThat(preview.attachments())
                  .extracting(Mail.Attachment::filename)
                  .containsExactly("own.ics");
            });
  }

  @Test
  void withoutPoltwtCalendarThereAreNoInvites() {
    complete()
        .withClassLoader(new FilteredClassLoader(Invites.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(CalendarInvites.class);
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              Mail mail =
                  verificationMail(
                      context.getBean(RegistrationService.class),
                      PoltwtManageLinksTest.agency("MadridPolice"));
              assertThat(mail.attachments()).isEmpty();
            });
  }

  @Test
  void anApplicationsGeocoderTellsTheRegistrantWhenTheMapCannotPlaceThem() {
    RegistrationRequest somewhere =
        PoltwtManageLinksTest.agencyBuilder("MadridPolice")
            .address("", "Villarriba", "", "")
            .build();
    complete()
        .withBean(Geocoder.class, () -> (address, country) -> Optional.empty())
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              assertThat(
                      verificationMail(context.getBean(RegistrationService.class), somewhere)
                          .body())
                  .contains("Villarriba")
                  .contains("not on the map yet");
            });
    mailer.clear();
    complete()
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              assertThat(
                      verificationMail(context.getBean(RegistrationService.class), somewhere)
                          .body())
                  .doesNotContain("not on the map yet");
            });
  }

  /** Invites of the application's own: one file named {@code own.ics}. */
  static final class OwnInvites implements CalendarInvites {
    @Override
    public Optional<Mail.Attachment> invite(
        Registration registration, Edition edition, int sequence) {
      return Optional.of(file());
    }

    @Override
    public Optional<Mail.Attachment> cancellation(
        Registration registration, Edition edition, int sequence) {
      return Optional.of(file());
    }

    private static Mail.Attachment file() {
      return new Mail.Attachment(
          "own.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }
  }
}

package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.Audience;
import org.poltwt.registration.Registration;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OutboxDeliveryScheduleTest {
  /** Counts the mails handed over, so the test waits for the schedule and no longer. */
  static final class CountingMailer implements Mailer {
    final InMemoryMailer sent = new InMemoryMailer();
    final CountDownLatch first = new CountDownLatch(1);

    @Override
    public void send(Mail mail) {
      sent.send(mail);
      first.countDown();
    }
  }

  private final CountingMailer mailer = new CountingMailer();

  private ApplicationContextRunner withMailer() {
    return Contexts.withDatabase().withBean(Mailer.class, () -> mailer);
  }

  @Test
  void dueEntriesAreDeliveredOnTheSchedule() {
    withMailer()
        .withPropertyValues("poltwt.announcements.delivery-interval=100ms")
        .run(
            context -> {
              assertThat(context.getBean(OutboxDelivery.class).interval())
                  .isEqualTo(Duration.ofMillis(100));
              context.getBean(EditionStore.class).save(Editions.scheduled(5));
              Registration registrant = Registrations.complete(5, "KathmanduCop");
              context.getBean(RegistrationStore.class).insert(registrant);
              Announcement announcement =
                  context
                      .getBean(AnnouncementService.class)
                      .draft(
                          Editions.scheduled(5),
                          "The theme",
                          "This edition's theme is #TimeToUnify.",
                          Audience.allRegistrants());
              // Enqueued only, as an instance that crashed before delivering leaves it: nobody
              // but the schedule delivers it.
              context
                  .getBean(OutboxStore.class)
                  .enqueue(
                      announcement.id(),
                      List.of(registrant.id()),
                      context.getBean(Clock.class).instant());

              assertThat(mailer.first.await(5, TimeUnit.SECONDS))
                  .as("delivered by the schedule within 5 s")
                  .isTrue();
              assertThat(mailer.sent.sentTo(registrant.email())).hasSize(1);
            });
  }

  @Test
  void aZeroIntervalTurnsDeliveryOff() {
    withMailer()
        .withPropertyValues("poltwt.announcements.delivery-interval=0")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(AnnouncementService.class)
                    .doesNotHaveBean(OutboxDelivery.class));
  }

  @Test
  void theScheduleStopsWithTheContext() {
    OutboxDelivery[] seen = new OutboxDelivery[1];
    withMailer()
        .run(
            context -> {
              seen[0] = context.getBean(OutboxDelivery.class);
              assertThat(seen[0].isRunning()).isTrue();
              assertThat(seen[0].interval()).isEqualTo(Duration.ofMinutes(1));
            });
    assertThat(seen[0].isRunning()).isFalse();
  }

  @Test
  void theApplicationsOwnDeliveryWins() {
    withMailer()
        .withBean(
            "ownDelivery",
            OutboxDelivery.class,
            () ->
                new OutboxDelivery(
                    AnnouncementService.builder()
                        .registrationStore(new org.poltwt.spi.memory.InMemoryRegistrationStore())
                        .outboxStore(new org.poltwt.spi.memory.InMemoryOutboxStore())
                        .mailer(mailer)
                        .build(),
                    new org.poltwt.spi.memory.InMemoryEditionStore(),
                    Duration.ofHours(1)))
        .run(
            context ->
                assertThat(context).getBeanNames(OutboxDelivery.class).containsOnly("ownDelivery"));
  }

  @Test
  void aNegativeIntervalFailsStartUpNamingTheProperty() {
    withMailer()
        .withPropertyValues("poltwt.announcements.delivery-interval=-5s")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.announcements.delivery-interval")
                    .contains("must not be negative"));
  }
}

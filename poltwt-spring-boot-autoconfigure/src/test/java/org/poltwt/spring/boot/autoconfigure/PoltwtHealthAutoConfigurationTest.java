package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.Audience;
import org.poltwt.registration.Registration;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PoltwtHealthAutoConfigurationTest {
  private ApplicationContextRunner withHealth() {
    return Contexts.withDatabase()
        .withConfiguration(AutoConfigurations.of(PoltwtHealthAutoConfiguration.class))
        .withBean(Mailer.class, InMemoryMailer::new)
        .withPropertyValues("poltwt.announcements.delivery-interval=0");
  }

  @Test
  void upWithTheOutboxBacklog() {
    withHealth()
        .run(
            context -> {
              context.getBean(EditionStore.class).save(Editions.scheduled(5));
              Registration registrant = Registrations.complete(5, "KathmanduCop");
              context.getBean(RegistrationStore.class).insert(registrant);
              Announcement announcement =
                  context
                      .getBean(AnnouncementService.class)
                      .draft(Editions.scheduled(5), "Theme", "Body", Audience.allRegistrants());
              context
                  .getBean(OutboxStore.class)
                  .enqueue(
                      announcement.id(),
                      List.of(registrant.id()),
                      java.time.Instant.parse("2015-05-01T00:00:00Z"));

              Health health = context.getBean(PoltwtHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("editions", 1)
                  .containsEntry("outboxDue", 1L)
                  .containsEntry("oldestDue", "2015-05-01T00:00:00Z");
              assertThat(health.getDetails().toString()).doesNotContain(registrant.email());
            });
  }

  @Test
  void downWhenTheSchemaIsNotMigrated() {
    withHealth()
        .withPropertyValues("poltwt.jdbc.migrate-on-start=false")
        .run(
            context -> {
              Health health = context.getBean(PoltwtHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsKey("code");
            });
  }

  @Test
  void offWhenDisabledOrWithoutStores() {
    withHealth()
        .withPropertyValues("management.health.poltwt.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PoltwtHealthIndicator.class));
    Contexts.bare()
        .withConfiguration(AutoConfigurations.of(PoltwtHealthAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(PoltwtHealthIndicator.class));
  }
}

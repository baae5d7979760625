package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.Registration;
import org.poltwt.registration.Retention;
import org.poltwt.registration.RetentionReport;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.test.Editions;
import org.poltwt.test.MutableClock;
import org.poltwt.test.Registrations;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The retention job in a Spring Boot application: opt-in, on poltwt-jdbc's stores. */
class PoltwtRetentionAutoConfigurationTest {
  private final MutableClock clock = new MutableClock(Registrations.BASE_TIME);

  private ApplicationContextRunner runner() {
    return Contexts.withDatabase()
        .withConfiguration(AutoConfigurations.of(PoltwtRetentionAutoConfiguration.class))
        .withBean(Clock.class, () -> clock);
  }

  @Test
  void withoutThePropertyNoJobRuns() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(RetentionStore.class);
              assertThat(context).doesNotHaveBean(Retention.class);
              assertThat(context).doesNotHaveBean(RetentionSchedule.class);
            });
  }

  @Test
  void enabledTheJobErasesAfterTheConfiguredPeriod() {
    runner()
        .withPropertyValues(
            "poltwt.retention.enabled=true",
            "poltwt.retention.period=30d",
            "poltwt.retention.interval=12h")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              RetentionSchedule schedule = context.getBean(RetentionSchedule.class);
              assertThat(schedule.interval()).isEqualTo(Duration.ofHours(12));
              assertThat(schedule.isRunning()).isTrue();
              assertThat(context.getBean(Retention.class).defaultPeriod())
                  .isEqualTo(Duration.ofDays(30));
              context.getBean(EditionStore.class).save(Editions.scheduled(3));
              Registration r = Registrations.complete(3, "KathmanduCops");
              context.getBean(RegistrationStore.class).insert(r);

              clock.advance(Duration.ofDays(29));
              RetentionReport early = schedule.runNow();
              clock.advance(Duration.ofDays(5));
              RetentionReport late = schedule.runNow();

              assertThat(early.registrationsErased()).isZero();
              assertThat(late.registrationsErased()).isEqualTo(1);
              assertThat(
                      context
                          .getBean(RegistrationStore.class)
                          .find(r.id())
                          .orElseThrow()
                          .isErased())
                  .isTrue();
            });
  }

  @Test
  void aNegativePeriodStopsTheStartNamingTheProperty() {
    runner()
        .withPropertyValues("poltwt.retention.enabled=true", "poltwt.retention.period=-1d")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.retention.period"));
  }
}

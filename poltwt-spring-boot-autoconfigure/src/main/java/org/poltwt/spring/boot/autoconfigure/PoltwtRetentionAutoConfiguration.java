package org.poltwt.spring.boot.autoconfigure;

import java.time.Clock;
import org.poltwt.registration.Retention;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.spi.VerificationTokenStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Retention} job and its {@link RetentionSchedule}, when {@code
 * poltwt.retention.enabled=true} and the stores are there (poltwt-jdbc's, or the application's own
 * with a {@link RetentionStore}): personal data is erased {@code poltwt.retention.period} (90 days
 * unless set) after each edition, every {@code poltwt.retention.interval} (an hour unless set).
 */
@AutoConfiguration(after = {PoltwtJdbcAutoConfiguration.class, PoltwtAutoConfiguration.class})
@EnableConfigurationProperties(PoltwtRetentionProperties.class)
@ConditionalOnProperty(prefix = "poltwt.retention", name = "enabled", havingValue = "true")
public final class PoltwtRetentionAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtRetentionAutoConfiguration() {}

  /**
   * The retention job.
   *
   * @param editions the edition store
   * @param registrations the registration store
   * @param tokens the token store
   * @param outbox the outbox store
   * @param retention the retention store
   * @param clock the clock
   * @param properties the {@code poltwt.retention.*} properties
   * @return the job
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({
    EditionStore.class,
    RegistrationStore.class,
    VerificationTokenStore.class,
    OutboxStore.class,
    RetentionStore.class,
    Clock.class
  })
  public Retention poltwtRetention(
      EditionStore editions,
      RegistrationStore registrations,
      VerificationTokenStore tokens,
      OutboxStore outbox,
      RetentionStore retention,
      Clock clock,
      PoltwtRetentionProperties properties) {
    return Retention.builder()
        .editionStore(editions)
        .registrationStore(registrations)
        .tokenStore(tokens)
        .outboxStore(outbox)
        .retentionStore(retention)
        .clock(clock)
        .defaultPeriod(properties.period())
        .build();
  }

  /**
   * The schedule running the job.
   *
   * @param retention the job
   * @param properties the {@code poltwt.retention.*} properties
   * @return the schedule, started and stopped with the context
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(Retention.class)
  public RetentionSchedule poltwtRetentionSchedule(
      Retention retention, PoltwtRetentionProperties properties) {
    return new RetentionSchedule(retention, properties.interval());
  }
}

package org.poltwt.spring.boot.autoconfigure;

import java.time.Clock;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.OutboxStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The actuator's {@code poltwt} health indicator, when Spring Boot's health module is present and
 * {@code management.health.poltwt.enabled} is not false.
 */
@AutoConfiguration(after = {PoltwtJdbcAutoConfiguration.class, PoltwtAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("poltwt")
public final class PoltwtHealthAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtHealthAutoConfiguration() {}

  /**
   * The indicator, named {@code poltwt} in the health endpoint.
   *
   * @param editions the edition store
   * @param outbox the outbox store
   * @param clock the clock
   * @return the indicator
   */
  @Bean(name = "poltwtHealthIndicator")
  @ConditionalOnMissingBean(name = "poltwtHealthIndicator")
  @ConditionalOnBean({EditionStore.class, OutboxStore.class, Clock.class})
  public PoltwtHealthIndicator poltwtHealthIndicator(
      EditionStore editions, OutboxStore outbox, Clock clock) {
    return new PoltwtHealthIndicator(editions, outbox, clock);
  }
}

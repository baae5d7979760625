package org.poltwt.spring.boot.autoconfigure;

import java.time.Clock;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.twitter.XApiClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator's {@code poltwt} health indicator, when Spring Boot's health module is present and
 * {@code management.health.poltwt.enabled} is not false.
 */
@AutoConfiguration(
    after = {
      PoltwtJdbcAutoConfiguration.class,
      PoltwtXApiAutoConfiguration.class,
      PoltwtAutoConfiguration.class
    })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("poltwt")
@EnableConfigurationProperties(PoltwtProperties.class)
public final class PoltwtHealthAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtHealthAutoConfiguration() {}

  /**
   * The indicator, named {@code poltwt} in the health endpoint.
   *
   * @param editions the edition store
   * @param outbox the outbox store
   * @param clock the clock
   * @param xApi the X API's reachability, when the X API is configured
   * @return the indicator
   */
  @Bean(name = "poltwtHealthIndicator")
  @ConditionalOnMissingBean(name = "poltwtHealthIndicator")
  @ConditionalOnBean({EditionStore.class, OutboxStore.class, Clock.class})
  public PoltwtHealthIndicator poltwtHealthIndicator(
      EditionStore editions,
      OutboxStore outbox,
      Clock clock,
      ObjectProvider<XApiReachability> xApi) {
    return new PoltwtHealthIndicator(editions, outbox, clock, xApi.getIfUnique());
  }

  /** The X API's part of the health, when the client exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(XApiClient.class)
  public static class XApi {
    /** Creates the configuration; Spring calls this. */
    public XApi() {}

    /**
     * The cached reachability probe of the X API at {@code poltwt.x.base-uri}.
     *
     * @param client the client, whose rate-limit windows are reported
     * @param properties the {@code poltwt.*} properties
     * @param clock the clock
     * @return the probe; nothing is sent before health is asked
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({XApiClient.class, Clock.class})
    public XApiReachability poltwtXApiReachability(
        XApiClient client, PoltwtProperties properties, Clock clock) {
      return new XApiReachability(
          client, properties.x().baseUri(), XApiReachability.DEFAULT_CACHE, clock);
    }
  }
}

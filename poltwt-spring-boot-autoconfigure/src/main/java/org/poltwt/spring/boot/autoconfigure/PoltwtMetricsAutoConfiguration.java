package org.poltwt.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * poltwt's Micrometer counters ({@link PoltwtMeters}) when Micrometer is present and the
 * application has a {@link MeterRegistry} bean (Spring Boot's actuator makes one). The starter's
 * services report through the {@link PoltwtInstrumentation} bean; the application's own services
 * and mailer beans are left as they are.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class PoltwtMetricsAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtMetricsAutoConfiguration() {}

  /**
   * The counters, on the application's registry.
   *
   * @param registry the registry
   * @return the instrumentation the starter's services report through
   */
  @Bean
  @ConditionalOnMissingBean(PoltwtInstrumentation.class)
  public PoltwtMeters poltwtMeters(MeterRegistry registry) {
    return new PoltwtMeters(registry);
  }
}

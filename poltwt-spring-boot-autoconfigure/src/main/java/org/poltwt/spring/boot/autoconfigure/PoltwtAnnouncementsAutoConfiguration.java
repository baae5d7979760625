package org.poltwt.spring.boot.autoconfigure;

import java.time.Duration;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.EditionService;
import org.poltwt.spi.EditionStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What needs the {@link AnnouncementService}: the {@link EditionService}, whose schedule changes
 * announce themselves, and the {@link OutboxDelivery} every {@code
 * poltwt.announcements.delivery-interval} (one minute unless set; {@code 0} turns it off).
 */
@AutoConfiguration(after = PoltwtAutoConfiguration.class)
@EnableConfigurationProperties(PoltwtProperties.class)
public final class PoltwtAnnouncementsAutoConfiguration {
  static final String INTERVAL = "poltwt.announcements.delivery-interval";

  /** Creates the configuration; Spring calls this. */
  public PoltwtAnnouncementsAutoConfiguration() {}

  /**
   * The edition service.
   *
   * @param editions the edition store
   * @param announcements the announcement service
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({EditionStore.class, AnnouncementService.class})
  public EditionService poltwtEditionService(
      EditionStore editions, AnnouncementService announcements) {
    return EditionService.of(editions, announcements);
  }

  /**
   * The scheduled outbox delivery.
   *
   * @param announcements the announcement service
   * @param editions the edition store
   * @param properties the {@code poltwt.*} properties
   * @return the delivery, started and stopped with the context
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({EditionStore.class, AnnouncementService.class})
  @Conditional(DeliveryScheduled.class)
  public OutboxDelivery poltwtOutboxDelivery(
      AnnouncementService announcements, EditionStore editions, PoltwtProperties properties) {
    return new OutboxDelivery(
        announcements, editions, properties.announcements().deliveryInterval());
  }

  /** Matches unless {@code poltwt.announcements.delivery-interval} is zero. */
  static final class DeliveryScheduled extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      Duration interval;
      try {
        interval =
            Binder.get(context.getEnvironment())
                .bind(INTERVAL, Duration.class)
                .orElse(Duration.ofMinutes(1));
      } catch (RuntimeException e) {
        // Left to the properties' binding, which reports the property by name.
        return ConditionOutcome.match(INTERVAL + " is not a duration yet");
      }
      return interval.isZero()
          ? ConditionOutcome.noMatch(INTERVAL + " is 0: delivery is off")
          : ConditionOutcome.match(INTERVAL + " is " + interval);
    }
  }
}

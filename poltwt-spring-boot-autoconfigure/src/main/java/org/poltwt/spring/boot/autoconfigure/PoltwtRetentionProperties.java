package org.poltwt.spring.boot.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code poltwt.retention.*} properties: whether the retention job runs, the default period and
 * how often it runs. Kept apart from {@link PoltwtProperties} because the job is opt-in: an
 * application turns on the automatic erasure of personal data on purpose.
 *
 * @param enabled whether the retention job runs on a schedule; off unless set
 * @param period how long after an edition's global span its registrations' personal data is kept,
 *     unless the edition has its own period
 * @param interval the delay between the end of one retention run and the start of the next
 */
@ConfigurationProperties(prefix = "poltwt.retention")
public record PoltwtRetentionProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("90d") Duration period,
    @DefaultValue("1h") Duration interval) {

  /**
   * Checks the values.
   *
   * @param enabled whether the job runs
   * @param period the default period, zero or more
   * @param interval the delay between runs, positive
   * @throws IllegalArgumentException naming the property that is out of range
   */
  public PoltwtRetentionProperties {
    if (period == null || period.isNegative()) {
      throw new IllegalArgumentException("poltwt.retention.period: must not be negative");
    }
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("poltwt.retention.interval: must be positive");
    }
  }
}

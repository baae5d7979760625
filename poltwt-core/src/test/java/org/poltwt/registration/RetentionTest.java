package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryOutboxStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryRetentionStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;
import org.poltwt.test.RetentionJobContract;

/** The retention job on the in-memory stores, and its builder's checks. */
class RetentionTest extends RetentionJobContract {
  @Override
  protected Stores newStores() {
    return new Stores(
        new InMemoryEditionStore(),
        new InMemoryRegistrationStore(),
        new InMemoryVerificationTokenStore(),
        new InMemoryOutboxStore(),
        new InMemoryRetentionStore());
  }

  @Test
  void theBuilderNamesTheMissingStoreAndRefusesANegativePeriod() {
    assertThatThrownBy(() -> Retention.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("editionStore");
    assertThatThrownBy(() -> Retention.builder().defaultPeriod(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period");
  }
}

package org.poltwt.examples.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two rate-limit settings: per target, and the generous one per address. */
class SiteConfigRateLimitTest {
  @Test
  void bothLimitsComeFromTheEnvironmentOrTheDefaults() {
    SiteConfig defaults = SiteConfig.builder().build();
    SiteConfig set =
        SiteConfig.fromEnvironment(
                Map.of("POLTWT_RATE_LIMIT", "5", SiteConfig.ADDRESS_RATE_LIMIT, " 1000 "))
            .build();

    assertThat(defaults.rateLimit()).isEqualTo(10);
    assertThat(defaults.addressRateLimit()).isEqualTo(SiteConfig.DEFAULT_ADDRESS_RATE_LIMIT);
    assertThat(set.rateLimit()).isEqualTo(5);
    assertThat(set.addressRateLimit()).isEqualTo(1000);
  }

  @Test
  void aBadAddressLimitIsRefusedNamingTheVariable() {
    assertThatThrownBy(
            () -> SiteConfig.fromEnvironment(Map.of(SiteConfig.ADDRESS_RATE_LIMIT, "many")))
        .hasMessage("POLTWT_ADDRESS_RATE_LIMIT: must be a whole number");
    assertThatThrownBy(() -> SiteConfig.fromEnvironment(Map.of(SiteConfig.ADDRESS_RATE_LIMIT, "0")))
        .hasMessageStartingWith("POLTWT_ADDRESS_RATE_LIMIT: must be between 1 and 100000");
  }
}

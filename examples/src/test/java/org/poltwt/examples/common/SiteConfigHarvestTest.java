package org.poltwt.examples.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The site's harvest read budget, {@value SiteConfig#X_HARVEST_MAX_POSTS}, and the live board's
 * polling interval, {@value SiteConfig#X_LIVE_HARVEST_EVERY}.
 */
class SiteConfigHarvestTest {
  @Test
  void theBudgetComesFromTheEnvironmentOrTheDefault() {
    assertThat(SiteConfig.builder().build().xHarvestMaxPosts())
        .isEqualTo(SiteConfig.DEFAULT_X_HARVEST_MAX_POSTS);
    assertThat(
            SiteConfig.fromEnvironment(Map.of("POLTWT_X_HARVEST_MAX_POSTS", " 5000000000 "))
                .build()
                .xHarvestMaxPosts())
        .isEqualTo(5_000_000_000L);
  }

  @Test
  void aBadBudgetIsRefusedNamingTheVariable() {
    assertThatThrownBy(
            () -> SiteConfig.fromEnvironment(Map.of("POLTWT_X_HARVEST_MAX_POSTS", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("POLTWT_X_HARVEST_MAX_POSTS: must be a whole number");
    assertThatThrownBy(() -> SiteConfig.fromEnvironment(Map.of("POLTWT_X_HARVEST_MAX_POSTS", "9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("POLTWT_X_HARVEST_MAX_POSTS: must be at least 10");
  }

  @Test
  void theLiveIntervalComesFromTheEnvironmentOrTheDefaultAndOffTurnsItOff() {
    assertThat(SiteConfig.builder().build().xLiveHarvestEvery())
        .contains(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY);
    assertThat(
            SiteConfig.fromEnvironment(Map.of("POLTWT_X_LIVE_HARVEST_EVERY", " 60 "))
                .build()
                .xLiveHarvestEvery())
        .contains(Duration.ofSeconds(60));
    assertThat(
            SiteConfig.fromEnvironment(Map.of("POLTWT_X_LIVE_HARVEST_EVERY", "OFF"))
                .build()
                .xLiveHarvestEvery())
        .isEmpty();
  }

  @Test
  void aBadLiveIntervalIsRefusedNamingTheVariable() {
    for (String bad : new String[] {"1", "901", "-5"}) {
      assertThatThrownBy(
              () -> SiteConfig.fromEnvironment(Map.of("POLTWT_X_LIVE_HARVEST_EVERY", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("POLTWT_X_LIVE_HARVEST_EVERY: must be 2 to 900 seconds, or off");
    }
    assertThatThrownBy(
            () -> SiteConfig.fromEnvironment(Map.of("POLTWT_X_LIVE_HARVEST_EVERY", "often")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("POLTWT_X_LIVE_HARVEST_EVERY: must be a whole number");
  }
}

package org.poltwt.examples.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The site's harvest read budget, {@value SiteConfig#X_HARVEST_MAX_POSTS}. */
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
}

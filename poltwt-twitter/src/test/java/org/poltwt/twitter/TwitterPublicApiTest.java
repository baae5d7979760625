package org.poltwt.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.testing.ApiSurface;

class TwitterPublicApiTest {
  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.twitter.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModule() throws ClassNotFoundException {
    // Dependencies flow one way: this adapter builds on core, and core never names an adapter.
    assertThat(Class.forName("org.poltwt.event.Schedule")).isNotNull();
    assertThat(ApiSurface.publicTypesBeside(Class.forName("org.poltwt.event.Schedule")))
        .noneMatch(c -> c.getPackageName().startsWith("org.poltwt.twitter"));
  }
}

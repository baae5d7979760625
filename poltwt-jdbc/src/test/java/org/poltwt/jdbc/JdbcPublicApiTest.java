package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.testing.ApiSurface;
import org.poltwt.testing.ModuleBoundary;

class JdbcPublicApiTest {
  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.jdbc.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModuleNorAnotherAdapter() {
    // Dependencies flow one way: this adapter builds on core (this class compiles against it),
    // core and the test-jar it ships never name it, and it never names another module.
    ModuleBoundary.checkAdapter(
        "org.poltwt.jdbc", "org.poltwt.twitter..", "org.poltwt.mail..", "org.poltwt.examples..");
  }
}

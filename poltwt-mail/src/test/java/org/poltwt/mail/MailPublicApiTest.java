package org.poltwt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.testing.ApiSurface;
import org.poltwt.testing.ModuleBoundary;

class MailPublicApiTest {
  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.mail.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModuleNorAnotherAdapter() {
    // Dependencies flow one way: this adapter builds on core, core and its test-jar never name it,
    // and it never names another module.
    ModuleBoundary.checkAdapter(
        "org.poltwt.mail", "org.poltwt.jdbc..", "org.poltwt.twitter..", "org.poltwt.examples..");
  }
}

package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.testing.ApiSurface;
import org.poltwt.testing.ModuleBoundary;

class CalendarPublicApiTest {
  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.calendar.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModuleNorAnotherAdapter() {
    ModuleBoundary.checkAdapter(
        "org.poltwt.calendar",
        "org.poltwt.jdbc..",
        "org.poltwt.twitter..",
        "org.poltwt.mail..",
        "org.poltwt.examples..");
  }
}

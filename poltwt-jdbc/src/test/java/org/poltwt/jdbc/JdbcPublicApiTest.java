package org.poltwt.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Schedule;
import org.poltwt.spi.RegistrationStoreContract;
import org.poltwt.testing.ApiSurface;
import org.poltwt.testing.ModuleBoundary;

class JdbcPublicApiTest {
  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.jdbc.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModule() {
    // Dependencies flow one way: this adapter builds on core (this class compiles against it), and
    // core, with the test-jar it ships, never names this module.
    assertThat(ModuleBoundary.mentions(Schedule.class, "org.poltwt.jdbc")).isEmpty();
    assertThat(ModuleBoundary.mentions(RegistrationStoreContract.class, "org.poltwt.jdbc"))
        .isEmpty();
  }

  @Test
  void theAdapterReachesNeitherAnotherAdapterNorCoreInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.poltwt.twitter..",
            "org.poltwt.mail..",
            "org.poltwt.examples..",
            "org.poltwt..internal..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.poltwt.jdbc"));
  }
}

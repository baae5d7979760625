package org.poltwt.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The examples are what a user's project would write: they use poltwt's public API only, and the
 * command-line tool and the site share only {@code common} and {@code demo}, so either can be taken
 * alone.
 */
class ExamplesArchitectureTest {
  private static final JavaClasses EXAMPLES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.poltwt.examples");

  @Test
  void theExamplesUseNoInternalPackage() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.poltwt..internal..")
        .check(EXAMPLES);
  }

  @Test
  void theToolAndTheSiteDoNotImportEachOther() {
    noClasses()
        .that()
        .resideInAPackage("org.poltwt.examples.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.poltwt.examples.site..")
        .check(EXAMPLES);
    noClasses()
        .that()
        .resideInAPackage("org.poltwt.examples.site..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.poltwt.examples.cli..")
        .check(EXAMPLES);
  }

  @Test
  void theSharedPiecesNameNeitherTheToolNorTheSite() {
    noClasses()
        .that()
        .resideInAnyPackage("org.poltwt.examples.common..", "org.poltwt.examples.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.poltwt.examples.cli..", "org.poltwt.examples.site..")
        .check(EXAMPLES);
  }
}

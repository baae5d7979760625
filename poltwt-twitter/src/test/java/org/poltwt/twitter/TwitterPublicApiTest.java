package org.poltwt.twitter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.poltwt.testing.ApiSurface;

class TwitterPublicApiTest {
  @Test
  void noPublicSignatureExposesAnInternalType() throws ClassNotFoundException {
    Class<?> anchor = Class.forName("org.poltwt.twitter.package-info");
    assertThat(ApiSurface.internalLeaks(ApiSurface.publicTypesBeside(anchor))).isEmpty();
  }

  @Test
  void theModuleSeesCoreButCoreDoesNotSeeTheModule() {
    // Dependencies flow one way: this adapter builds on core, and core never names an adapter.
    // Core's classes (and its test-jar's) are read from the jars on this module's class path, so a
    // reference from core to this module fails here, which core's own build could not see.
    JavaClasses all = new ClassFileImporter().importPackages("org.poltwt");
    assertThat(all.containPackage("org.poltwt.event")).isTrue();
    noClasses().that().resideOutsideOfPackage("org.poltwt.twitter..")
        .should().dependOnClassesThat().resideInAPackage("org.poltwt.twitter..")
        .check(all);
    noClasses().that().resideInAPackage("org.poltwt.twitter..")
        .should().dependOnClassesThat().resideInAnyPackage("org.poltwt.jdbc..", "org.poltwt.examples..",
            "org.poltwt..internal..")
        .check(all);
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganiserPagesTest {
  @Test
  void csvCellsAreQuotedAndNeverFormulas() {
    assertThat(OrganiserPages.cell("Kent Police")).isEqualTo("Kent Police");
    assertThat(OrganiserPages.cell("Police, Kent")).isEqualTo("\"Police, Kent\"");
    assertThat(OrganiserPages.cell("the \"Met\"")).isEqualTo("\"the \"\"Met\"\"\"");
    assertThat(OrganiserPages.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(OrganiserPages.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
  }

  @Test
  void organisersSeeTheDomainNotTheMailbox() {
    assertThat(OrganiserPages.domainOnly("jane.doe@sfgov.org"))
        .isEqualTo("\u2022\u2022\u2022@sfgov.org");
  }
}

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

  @Test
  void aHarvestGetsTheWholeEditionOnlyWithinSevenDaysOfItsFirstWindow() {
    // The 5th edition, 8 a.m. local on 2015-06-05: the first zone to open is UTC+14 (Kiritimati),
    // at 2015-06-04T18:00Z; recent search stops reaching it 7 days later.
    org.poltwt.event.Edition fifth =
        org.poltwt.event.Edition.builder()
            .number(5)
            .date(java.time.LocalDate.of(2015, 6, 5))
            .localStart(java.time.LocalTime.of(8, 0))
            .build();
    assertThat(OrganiserPages.harvestBy(fifth)).isEqualTo("Thursday 11 June 2015, 18:00");
    assertThat(
            OrganiserPages.harvestBy(
                org.poltwt.event.Edition.builder()
                    .number(6)
                    .status(org.poltwt.event.EditionStatus.DATE_TBD)
                    .build()))
        .isNull();
  }

  @Test
  void aRateLimitWaitShowsAsMinutesAndSecondsRoundedUp() {
    assertThat(OrganiserPages.minutes(java.time.Duration.ofSeconds(272))).isEqualTo("4:32");
    assertThat(OrganiserPages.minutes(java.time.Duration.ofMillis(59_001))).isEqualTo("1:00");
    assertThat(OrganiserPages.minutes(java.time.Duration.ofMillis(400))).isEqualTo("0:01");
  }
}

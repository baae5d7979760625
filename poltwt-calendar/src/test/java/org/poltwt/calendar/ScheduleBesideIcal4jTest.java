package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;

/**
 * ical4j on the class path registers a java.time {@code ZoneRulesProvider} of its own, whose
 * hundreds of {@code ical4j~<uuid>} ids join {@link ZoneId#getAvailableZoneIds()}. Adding this
 * module to an application must not change what {@link Schedule} says about the world.
 */
class ScheduleBesideIcal4jTest {
  @Test
  void theScheduleKnowsOnlyTheTimeZoneDatabasesZones() {
    assertThat(ZoneId.getAvailableZoneIds()).anyMatch(id -> id.startsWith("ical4j~"));
    Edition edition = Fixtures.edition(14, LocalDate.of(2026, 6, 5));
    Schedule schedule = Schedule.of(edition);
    Window span = schedule.globalSpan();

    for (Instant at = span.start(); at.isBefore(span.end()); at = at.plus(Duration.ofHours(1))) {
      assertThat(schedule.liveAt(at)).as("live at %s", at).noneMatch(z -> z.getId().contains("~"));
    }
    assertThat(span.start()).isEqualTo(schedule.windowIn(ZoneId.of("Pacific/Kiritimati")).start());
    assertThat(span.end()).isEqualTo(schedule.windowIn(ZoneId.of("Etc/GMT+12")).end());
  }
}

package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.calendar.Fixtures.edition;
import static org.poltwt.calendar.Fixtures.invites;
import static org.poltwt.calendar.Fixtures.registration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;

class InviteProperties {
  /**
   * Every region zone, taken before any parsing: ical4j's parser adds ids of its own to the JVM's
   * list (see the module's pom), which are not zones a registrant could pick.
   */
  private static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream().filter(id -> !id.contains("~")).sorted().toList();

  private static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2026, 3, 8), // North America's clocks go forward
          LocalDate.of(2026, 3, 29), // Europe's
          LocalDate.of(2026, 4, 5), // the southern hemisphere's go back
          LocalDate.of(2026, 10, 25)); // Europe's go back

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
  void everyZonesInviteHoldsTheSchedulesWindow(
      @ForAll("zones") String zoneId, @ForAll("dates") LocalDate date) {
    ZoneId zone = ZoneId.of(zoneId);
    Edition edition = edition(14, date);

    Parsed invite = Parsed.of(invites().invite(registration(edition, zone), edition, 1));

    assertThat(invite.window()).isEqualTo(Schedule.of(edition).windowIn(zone));
  }

  @Property(tries = 300)
  void anyStartTimeIsReadBackAsTheSchedulesWindow(
      @ForAll("zones") String zoneId,
      @ForAll("dates") LocalDate date,
      @ForAll("starts") LocalTime start) {
    // Starts inside the hour a clock skips or repeats, too.
    ZoneId zone = ZoneId.of(zoneId);
    Edition edition = edition(14, date).toBuilder().localStart(start).build();

    Parsed invite = Parsed.of(invites().invite(registration(edition, zone), edition, 1));

    assertThat(invite.window()).isEqualTo(Schedule.of(edition).windowIn(zone));
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(ZONES);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.of(DATES);
  }

  @Provide
  Arbitrary<LocalTime> starts() {
    return Arbitraries.integers().between(0, 47).map(half -> LocalTime.of(half / 2, half % 2 * 30));
  }
}

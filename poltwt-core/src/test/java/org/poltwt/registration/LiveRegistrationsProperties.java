package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

/** The index answers exactly as asking every registration's own window would. */
class LiveRegistrationsProperties {
  private static final Schedule SCHEDULE = Schedule.of(Editions.scheduled(5));
  private static final Window SPAN = SCHEDULE.globalSpan();
  private static final List<ZoneId> ZONES = zones();

  private static List<ZoneId> zones() {
    List<ZoneId> zones = new ArrayList<>();
    new TreeSet<>(ZoneId.getAvailableZoneIds()).forEach(id -> zones.add(ZoneId.of(id)));
    zones.add(ZoneOffset.ofHoursMinutes(5, 45));
    zones.add(ZoneOffset.ofHours(-11));
    zones.add(ZoneOffset.UTC);
    zones.add(ZoneId.of("GMT+14"));
    return List.copyOf(zones);
  }

  @Provide
  Arbitrary<List<ZoneId>> registrationZones() {
    return Arbitraries.of(ZONES).list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<Instant> instants() {
    long from = SPAN.start().getEpochSecond() - 3_600;
    long to = SPAN.end().getEpochSecond() + 3_600;
    Arbitrary<Instant> any = Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    Arbitrary<Instant> boundary =
        Arbitraries.of(ZONES)
            .flatMap(
                z ->
                    Arbitraries.of(
                        SCHEDULE.windowIn(z).start(),
                        SCHEDULE.windowIn(z).end(),
                        SCHEDULE.windowIn(z).end().minusNanos(1)));
    return Arbitraries.oneOf(any, boundary);
  }

  private static List<Registration> registrations(List<ZoneId> zones) {
    List<Registration> all = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      all.add(Registrations.agencyBuilder(5, "agency_" + i).zone(zones.get(i)).build());
    }
    return all;
  }

  @Property(tries = 300)
  void countAndLiveViewAgreeWithBruteForce(
      @ForAll("registrationZones") List<ZoneId> zones, @ForAll("instants") Instant instant) {
    List<Registration> all = registrations(zones);
    List<Registration> expected = new ArrayList<>();
    for (Registration r : all) {
      if (SCHEDULE.windowIn(r.zone()).contains(instant)) {
        expected.add(r);
      }
    }
    LiveRegistrations index = LiveRegistrations.of(SCHEDULE, all);

    assertThat(index.count(instant)).isEqualTo(expected.size());
    Map<ZoneId, List<Registration>> live = index.liveAt(instant);
    List<Registration> walked = new ArrayList<>();
    live.values().forEach(walked::addAll);
    assertThat(walked).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(live).hasSize((int) expected.stream().map(Registration::zone).distinct().count());
    for (Registration r : all) {
      assertThat(live.containsKey(r.zone()))
          .isEqualTo(SCHEDULE.windowIn(r.zone()).contains(instant));
    }
    assertThat(index.size()).isEqualTo(all.size());
  }
}

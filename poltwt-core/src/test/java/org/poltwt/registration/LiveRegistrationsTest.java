package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

class LiveRegistrationsTest {
  private static final Schedule SCHEDULE = Schedule.of(Editions.scheduled(5));
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Registration in(String handle, ZoneId zone) {
    return Registrations.agencyBuilder(5, handle).zone(zone).build();
  }

  @Test
  void aZoneIsLiveFromItsWindowsStartUntilJustBeforeItsEnd() {
    Registration a = in("tokyo_a", TOKYO);
    Registration b = in("tokyo_b", TOKYO);
    Registration c = in("nyc", NEW_YORK);
    LiveRegistrations live = LiveRegistrations.of(SCHEDULE, List.of(a, c, b));
    Window tokyo = SCHEDULE.windowIn(TOKYO);

    assertThat(live.count(tokyo.start())).isEqualTo(2);
    assertThat(live.liveAt(tokyo.start())).containsExactly(Map.entry(TOKYO, List.of(a, b)));
    assertThat(live.count(tokyo.start().minusNanos(1))).isZero();
    assertThat(live.liveAt(tokyo.start().minusNanos(1))).isEmpty();
    Window nyc = SCHEDULE.windowIn(NEW_YORK);
    assertThat(live.count(nyc.start())).isEqualTo(3);
    assertThat(live.liveAt(nyc.start()).keySet()).containsExactly(NEW_YORK, TOKYO);
    assertThat(live.count(nyc.end())).isZero();
    assertThat(live.size()).isEqualTo(3);
    assertThat(live.zones()).containsExactly(NEW_YORK, TOKYO);
  }

  @Test
  void fixedOffsetsUnknownToTheTimeZoneDatabaseAreAnsweredToo() {
    ZoneOffset kathmanduLike = ZoneOffset.ofHoursMinutes(5, 45);
    LiveRegistrations live = LiveRegistrations.of(SCHEDULE, List.of(in("offset", kathmanduLike)));
    Window w = SCHEDULE.windowIn(kathmanduLike);

    assertThat(live.count(w.start())).isEqualTo(1);
    assertThat(live.liveAt(w.start()).get(kathmanduLike)).hasSize(1);
    assertThat(live.count(w.end())).isZero();
    assertThat(live.liveAt(w.end()).get(kathmanduLike)).isNull();
  }

  @Test
  void theViewIsUnmodifiableAndTheStringCarriesNoPersonalData() {
    Registration a = in("tokyo_a", TOKYO);
    LiveRegistrations live = LiveRegistrations.of(SCHEDULE, List.of(a));
    Map<ZoneId, List<Registration>> view = live.liveAt(SCHEDULE.windowIn(TOKYO).start());

    assertThatThrownBy(() -> view.put(NEW_YORK, List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.get(TOKYO).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(live.toString())
        .isEqualTo("LiveRegistrations[edition=5, registrations=1, zones=1]")
        .doesNotContain(a.email());
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> LiveRegistrations.of(null, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LiveRegistrations.of(SCHEDULE, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LiveRegistrations.of(SCHEDULE, List.of()).count(null))
        .isInstanceOf(NullPointerException.class);
  }
}

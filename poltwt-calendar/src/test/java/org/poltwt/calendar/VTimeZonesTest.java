package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.event.Window;

class VTimeZonesTest {
  private static final Window JUNE =
      new Window(Instant.parse("2026-06-05T00:00:00Z"), Instant.parse("2026-06-06T00:00:00Z"));
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Europe/London",
        "Australia/Lord_Howe",
        "America/St_Johns",
        "Asia/Kathmandu",
        "Pacific/Kiritimati",
        "America/Santiago",
        "Europe/Dublin"
      })
  void eachObservanceIsOneOfTheJdksTransitionsAroundTheWindow(String id) {
    ZoneId zone = ZoneId.of(id);
    VTimeZone vtimezone = VTimeZones.forWindow(zone, JUNE);

    List<ZoneOffsetTransition> expected = new ArrayList<>();
    Instant from = JUNE.start().minus(VTimeZones.MARGIN);
    for (ZoneOffsetTransition t = zone.getRules().nextTransition(from);
        t != null && t.getInstant().isBefore(JUNE.end().plus(VTimeZones.MARGIN));
        t = zone.getRules().nextTransition(t.getInstant())) {
      expected.add(t);
    }
    List<Observance> observances = vtimezone.getObservances();

    assertThat(vtimezone.getProperty("TZID").map(Property::getValue)).contains(id);
    assertThat(observances).hasSize(expected.size() + 1);
    Observance first = observances.get(0);
    assertThat(offset(first, "TZOFFSETTO")).isEqualTo(zone.getRules().getOffset(from));
    for (int i = 0; i < expected.size(); i++) {
      Observance o = observances.get(i + 1);
      ZoneOffsetTransition t = expected.get(i);
      LocalDateTime onset =
          LocalDateTime.parse(o.getProperty("DTSTART").orElseThrow().getValue(), LOCAL);
      // RFC 5545: the onset is a local time in the offset in force before it.
      assertThat(onset.toInstant(offset(o, "TZOFFSETFROM"))).isEqualTo(t.getInstant());
      assertThat(offset(o, "TZOFFSETFROM")).isEqualTo(t.getOffsetBefore());
      assertThat(offset(o, "TZOFFSETTO")).isEqualTo(t.getOffsetAfter());
      assertThat(o.getName())
          .isEqualTo(zone.getRules().isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD");
    }
    if (id.equals("Europe/London") || id.equals("Australia/Lord_Howe")) {
      assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
    }
  }

  private static ZoneOffset offset(Observance observance, String property) {
    return ZoneOffset.of(
        observance
            .getProperty(property)
            .orElseThrow()
            .getValue()
            .replaceAll("(\\d\\d)(\\d\\d)$", "$1:$2"));
  }
}

package org.poltwt.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import org.poltwt.event.Window;

/**
 * {@code VTIMEZONE}s from the JDK's rules, so a calendar converts the invite's local times with the
 * same offsets {@link org.poltwt.event.Schedule} used, rather than with ical4j's or the calendar's
 * own (possibly older) copy of the time-zone database.
 *
 * <p>Each lists the zone's transitions from about a year before the window to a year after it as
 * one observance each (no {@code RRULE}: rules change, and a list is exact), after a first
 * observance from 1970 with the offset in force before them.
 */
final class VTimeZones {
  /** How far either side of the window the transitions are listed. */
  static final Duration MARGIN = Duration.ofDays(400);

  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private VTimeZones() {}

  static String tzid(ZoneId zone) {
    return zone.getId();
  }

  static LocalDateTime local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }

  /**
   * Whether the instant's local time in the zone happens once only. RFC 5545 (3.3.5) reads a
   * repeated local time as its first occurrence, but calendars differ (ical.js takes the second),
   * so a repeated one is better written in UTC.
   */
  static boolean isUnambiguous(Instant instant, ZoneId zone) {
    return zone.getRules().getValidOffsets(local(instant, zone)).size() == 1;
  }

  static VTimeZone forWindow(ZoneId zone, Window window) {
    ZoneRules rules = zone.getRules();
    Instant from = window.start().minus(MARGIN);
    Instant to = window.end().plus(MARGIN);
    List<Observance> observances = new ArrayList<>();
    ZoneOffset initial = rules.getOffset(from);
    observances.add(observance(rules.isDaylightSavings(from), EPOCH, initial, initial));
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      observances.add(
          observance(
              rules.isDaylightSavings(t.getInstant()),
              t.getDateTimeBefore(),
              t.getOffsetBefore(),
              t.getOffsetAfter()));
    }
    return new VTimeZone(
        new PropertyList(List.of(new TzId(tzid(zone)))), new ComponentList<>(observances));
  }

  private static Observance observance(
      boolean daylight, LocalDateTime onset, ZoneOffset before, ZoneOffset after) {
    PropertyList properties =
        new PropertyList(
            List.of(new DtStart<>(onset), new TzOffsetFrom(before), new TzOffsetTo(after)));
    return daylight ? new Daylight(properties) : new Standard(properties);
  }
}

package org.poltwt.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import org.poltwt.event.Window;

/** An invite read back with ical4j's parser, reduced to what the tests check. */
record Parsed(Calendar calendar, VEvent event) {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssX").withZone(ZoneOffset.UTC);

  static Parsed of(String ics) {
    try {
      Calendar calendar =
          new CalendarBuilder()
              .build(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)));
      List<VEvent> events = calendar.getComponents("VEVENT");
      if (events.size() != 1) {
        throw new AssertionError("expected one VEVENT, found " + events.size());
      }
      return new Parsed(calendar, events.get(0));
    } catch (IOException | ParserException e) {
      throw new AssertionError("ical4j cannot read the file: " + e + "\n" + ics, e);
    }
  }

  String method() {
    return calendar.getProperty("METHOD").map(Property::getValue).orElseThrow();
  }

  String value(String property) {
    return event.getProperty(property).map(Property::getValue).orElseThrow();
  }

  Optional<String> optional(String property) {
    return event.getProperty(property).map(Property::getValue);
  }

  int sequence() {
    return Integer.parseInt(value("SEQUENCE"));
  }

  Window window() {
    return new Window(instant("DTSTART"), instant("DTEND"));
  }

  Optional<DateProperty<Temporal>> date(String property) {
    return event.getProperty(property);
  }

  /**
   * The instant a date-time property names: UTC as written, or its local time in the zone its TZID
   * names, by RFC 5545's rules (the first of two equal local times; a time in a gap shifted by the
   * gap). ical4j's own conversion through the file's VTIMEZONE is not used: it gives the new offset
   * for a whole day of a clock change, so the VTIMEZONE is checked by {@link VTimeZonesTest} and by
   * ical.js ({@link IcalJsTest}) instead.
   */
  Instant instant(String property) {
    DateProperty<Temporal> date = date(property).orElseThrow();
    String value = date.getValue();
    if (value.endsWith("Z")) {
      return UTC.parse(value, Instant::from);
    }
    String tzid = date.getParameter("TZID").map(p -> p.getValue()).orElseThrow();
    return ZonedDateTime.ofLocal(LocalDateTime.parse(value, LOCAL), ZoneId.of(tzid), null)
        .toInstant();
  }

  List<VAlarm> alarms() {
    return event.getAlarms();
  }

  static String action(VAlarm alarm) {
    return alarm.getProperty("ACTION").map(Property::getValue).orElseThrow();
  }

  static String trigger(VAlarm alarm) {
    return alarm.getProperty("TRIGGER").map(Property::getValue).orElseThrow();
  }

  List<VTimeZone> timeZones() {
    return calendar.getComponents("VTIMEZONE");
  }
}

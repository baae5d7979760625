package org.poltwt.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

/** Small factories for the calendar tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

  private Fixtures() {}

  static Invites invites() {
    return Invites.of(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static Edition edition(int number, LocalDate date) {
    return Editions.scheduledBuilder(number).date(date).themes("Community", "RoadSafety").build();
  }

  static Registration registration(Edition edition, ZoneId zone) {
    return Registrations.agencyBuilder(edition.number(), "met_police").zone(zone).build();
  }
}

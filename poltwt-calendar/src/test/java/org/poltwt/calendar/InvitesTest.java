package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.calendar.Fixtures.edition;
import static org.poltwt.calendar.Fixtures.invites;
import static org.poltwt.calendar.Fixtures.registration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.component.VAlarm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.registration.Registration;
import org.poltwt.test.Editions;

class InvitesTest {
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "Europe/London, 2026-03-29", // clocks go forward at 01:00 UTC that day
    "Europe/London, 2026-10-25", // and back
    "Europe/London, 2026-06-05",
    "Pacific/Kiritimati, 2026-06-05", // UTC+14: the first to open
    "Pacific/Pago_Pago, 2026-06-05", // UTC-11: among the last to close
    "Asia/Kathmandu, 2026-06-05", // +05:45
    "America/St_Johns, 2026-03-08", // -03:30, and its clocks go forward that night
    "America/St_Johns, 2026-11-01",
    "Australia/Lord_Howe, 2026-04-05", // a half-hour daylight saving, ending that day
    "Australia/Lord_Howe, 2026-10-04", // and starting
    "America/Sao_Paulo, 2026-06-05",
    "UTC, 2026-06-05",
  })
  void theInviteHoldsTheSchedulesWindowInTheRegistrantsZone(String zoneId, LocalDate date) {
    ZoneId zone = ZoneId.of(zoneId);
    Edition edition = edition(14, date);
    Registration registration = registration(edition, zone);

    Parsed invite = Parsed.of(invites().invite(registration, edition, 0));

    assertThat(invite.method()).isEqualTo("REQUEST");
    assertThat(invite.window()).isEqualTo(Schedule.of(edition).windowIn(zone));
    assertThat(invite.timeZones())
        .singleElement()
        .satisfies(
            tz -> assertThat(tz.getProperty("TZID").orElseThrow().getValue()).isEqualTo(zoneId));
    assertThat(invite.date("DTSTART").orElseThrow().getParameter("TZID"))
        .map(p -> p.getValue())
        .contains(zoneId);
  }

  @Test
  void aWindowStartingAtMidnightOnAClockChangeIsReadBackExactly() {
    // Schedule opens at the first valid instant after a gap; the invite must say the same.
    Edition edition =
        edition(14, LocalDate.of(2026, 3, 8)).toBuilder()
            .localStart(java.time.LocalTime.of(2, 30))
            .build();
    ZoneId zone = ZoneId.of("America/New_York");

    Parsed invite = Parsed.of(invites().invite(registration(edition, zone), edition, 0));

    assertThat(invite.window()).isEqualTo(Schedule.of(edition).windowIn(zone));
  }

  @Test
  void theUidIsTheSameForEveryInviteAndCancellationOfOneRegistrationAndEdition() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    Registration registration = registration(edition, ZoneId.of("Europe/Madrid"));
    Edition moved = edition.toBuilder().date(LocalDate.of(2026, 6, 12)).build();

    Parsed first = Parsed.of(invites().invite(registration, edition, 0));
    Parsed again = Parsed.of(invites().invite(registration, moved, 1));
    Parsed cancel = Parsed.of(invites().cancellation(registration, moved, 2));

    assertThat(first.value("UID")).isEqualTo(registration.id() + "-14@poltwt");
    assertThat(again.value("UID")).isEqualTo(first.value("UID"));
    assertThat(cancel.value("UID")).isEqualTo(first.value("UID"));
    assertThat(List.of(first.sequence(), again.sequence(), cancel.sequence()))
        .containsExactly(0, 1, 2);
    assertThat(again.window()).isEqualTo(Schedule.of(moved).windowIn(ZoneId.of("Europe/Madrid")));
    assertThat(first.window()).isNotEqualTo(again.window());
  }

  @Test
  void anotherRegistrationOrEditionHasAnotherUid() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    Edition next = edition(15, LocalDate.of(2027, 6, 4));
    Registration registration = registration(edition, ZoneId.of("Europe/Madrid"));
    Registration sameHandleNextYear = registration(next, ZoneId.of("Europe/Madrid"));

    assertThat(Invites.uid(registration, edition))
        .isNotEqualTo(Invites.uid(sameHandleNextYear, next))
        .endsWith("-14@poltwt");
    assertThatThrownBy(() -> Invites.uid(registration, next))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edition");
  }

  @Test
  void aCancellationSaysCancelAndCancelled() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    Registration registration = registration(edition, ZoneId.of("Asia/Kathmandu"));

    Parsed cancel = Parsed.of(invites().cancellation(registration, edition, 3));

    assertThat(cancel.method()).isEqualTo("CANCEL");
    assertThat(cancel.value("STATUS")).isEqualTo("CANCELLED");
    assertThat(cancel.sequence()).isEqualTo(3);
    assertThat(cancel.window())
        .isEqualTo(Schedule.of(edition).windowIn(ZoneId.of("Asia/Kathmandu")));
    assertThat(cancel.alarms()).isEmpty();
  }

  @Test
  void aCancelledEditionOrAnErasedRegistrationGetsACancellationButNoInvite() {
    Edition cancelled =
        edition(14, LocalDate.of(2026, 6, 5)).toBuilder().status(EditionStatus.CANCELLED).build();
    Registration registration = registration(cancelled, ZoneId.of("Europe/Paris"));
    Registration erased = registration.erased(Fixtures.NOW);

    assertThatThrownBy(() -> invites().invite(registration, cancelled, 1))
        .isInstanceOfSatisfying(
            InviteException.class,
            e -> assertThat(e.reason()).isEqualTo(InviteException.Reason.EDITION_CANCELLED))
        .hasFieldOrPropertyWithValue("code", "invite.edition-cancelled");
    Edition scheduled = cancelled.toBuilder().status(EditionStatus.SCHEDULED).build();
    assertThatThrownBy(() -> invites().invite(erased, scheduled, 1))
        .isInstanceOfSatisfying(
            InviteException.class,
            e -> assertThat(e.reason()).isEqualTo(InviteException.Reason.ERASED));

    assertThat(Parsed.of(invites().cancellation(registration, cancelled, 1)).method())
        .isEqualTo("CANCEL");
    assertThat(Parsed.of(invites().cancellation(erased, scheduled, 1)).value("UID"))
        .isEqualTo(Invites.uid(registration, cancelled));
  }

  @Test
  void anEditionWithoutADateHasNoInviteNoFeedButACancellationWithoutTimes() {
    Edition undated = Editions.dateTbd(14);
    Registration registration = registration(undated, ZoneId.of("Europe/Paris"));

    assertThatThrownBy(() -> invites().invite(registration, undated, 0))
        .isInstanceOfSatisfying(
            InviteException.class,
            e -> assertThat(e.reason()).isEqualTo(InviteException.Reason.NO_DATE))
        .hasMessageContaining("edition 14");
    assertThatThrownBy(() -> invites().editionFeed(undated))
        .isInstanceOfSatisfying(
            InviteException.class,
            e -> assertThat(e.reason()).isEqualTo(InviteException.Reason.NO_DATE));

    Parsed cancel = Parsed.of(invites().cancellation(registration, undated, 1));
    assertThat(cancel.date("DTSTART")).isEmpty();
    assertThat(cancel.timeZones()).isEmpty();
  }

  @Test
  void aNegativeSequenceIsRefused() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    Registration registration = registration(edition, ZoneId.of("Europe/Paris"));

    assertThatThrownBy(() -> invites().invite(registration, edition, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence");
  }

  @Test
  void twoDisplayAlarmsADayAndFifteenMinutesBefore() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    Parsed invite =
        Parsed.of(invites().invite(registration(edition, ZoneId.of("Europe/Paris")), edition, 0));

    assertThat(invite.alarms()).hasSize(2);
    assertThat(invite.alarms()).extracting(Parsed::action).containsOnly("DISPLAY");
    assertThat(invite.alarms()).extracting(Parsed::trigger).containsExactly("-P1D", "-PT15M");
    assertThat(invite.alarms())
        .extracting(VAlarm::getDescription)
        .allSatisfy(d -> assertThat(d.orElseThrow().getValue()).startsWith("#PolTwt starts in"));
  }

  @Test
  void theSummaryAndDescriptionCarryTheHashtagAndThemesButNoPersonalData() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    String ics = invites().invite(registration(edition, ZoneId.of("Europe/Madrid")), edition, 0);
    Parsed invite = Parsed.of(ics);

    assertThat(invite.value("SUMMARY")).isEqualTo("#PolTwt: your 24 hours");
    assertThat(invite.value("DESCRIPTION"))
        .contains("#PolTwt", "edition 14", "Europe/Madrid", "Themes: #Community, #RoadSafety");
    assertThat(invite.value("DTSTAMP")).isEqualTo("20260301T093000Z");
    assertThat(ics).doesNotContain("@police.gov", "met_police", "MAILTO", "ORGANIZER", "ATTENDEE");
    assertThat(ics).contains("\r\n").startsWith("BEGIN:VCALENDAR\r\n");
  }

  @Test
  void aStartInTheHourAClockRepeatsIsWrittenInUtcSoNoCalendarCanPickTheOtherOne() {
    // The Azores go back from +00:00 to -01:00 at 01:00 local on 2026-10-25: midnight happens
    // twice.
    Edition edition = edition(14, LocalDate.of(2026, 10, 25));
    ZoneId zone = ZoneId.of("Atlantic/Azores");

    Parsed invite = Parsed.of(invites().invite(registration(edition, zone), edition, 0));

    assertThat(invite.value("DTSTART")).isEqualTo("20261025T000000Z");
    assertThat(invite.date("DTEND").orElseThrow().getParameter("TZID")).isPresent();
    assertThat(invite.window()).isEqualTo(Schedule.of(edition).windowIn(zone));
  }

  @Test
  void everyWordComesFromTheBundleInTheChosenLanguage() {
    // InviteMessages_qps (test resources) brackets each text: an unbracketed one is not from it.
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));
    Registration registration = registration(edition, ZoneId.of("Europe/Madrid"));
    Invites pseudo = invites().inLocale(Locale.forLanguageTag("qps"));

    Parsed invite = Parsed.of(pseudo.invite(registration, edition, 0));
    Parsed feed = Parsed.of(pseudo.editionFeed(edition));

    List<String> texts = new ArrayList<>();
    texts.add(invite.value("SUMMARY"));
    texts.add(invite.value("DESCRIPTION"));
    invite.alarms().forEach(a -> texts.add(a.getProperty("DESCRIPTION").orElseThrow().getValue()));
    texts.add(feed.value("SUMMARY"));
    texts.add(feed.value("DESCRIPTION"));
    assertThat(texts).allSatisfy(t -> assertThat(t).startsWith("\u27E6").endsWith("\u27E7"));
    assertThat(
            Parsed.of(invites().inLocale(Locale.JAPANESE).invite(registration, edition, 0))
                .value("SUMMARY"))
        .as("a language without a translation gets English")
        .isEqualTo("#PolTwt: your 24 hours");
  }
}

package org.poltwt.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.event.WindowPolicy.ELAPSED_24_HOURS;
import static org.poltwt.event.WindowPolicy.SAME_LOCAL_TIME_NEXT_DAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-computed windows for real zones. Offsets and transition times were checked against the JDK's
 * tzdb (2025a) with java.time before writing the expectations; each test states its arithmetic as
 * {@code local - offset = UTC}.
 */
class ScheduleTest {
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
  private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");
  private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
  private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  private static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final ZoneId APIA = ZoneId.of("Pacific/Apia");

  /** The fifth edition's date, used wherever a date without DST changes is wanted. */
  private static final String JUNE_5 = "2015-06-05";

  private static Edition edition(String date, String localStart, WindowPolicy policy) {
    return Edition.builder()
        .number(5)
        .date(LocalDate.parse(date))
        .localStart(LocalTime.parse(localStart))
        .windowPolicy(policy)
        .build();
  }

  private static Schedule schedule(String date, String localStart, WindowPolicy policy) {
    return Schedule.of(edition(date, localStart, policy));
  }

  private static Window windowIn(ZoneId zone, String date, String localStart, WindowPolicy policy) {
    return schedule(date, localStart, policy).windowIn(zone);
  }

  private static Window utc(String start, String end) {
    return new Window(Instant.parse(start), Instant.parse(end));
  }

  private static List<ZoneId> allZones() {
    List<ZoneId> zones = new ArrayList<>();
    for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      zones.add(ZoneId.of(id));
    }
    return zones;
  }

  @Nested
  class ExtremeAndOddOffsets {
    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void kiritimatiIsUtcPlus14(WindowPolicy policy) {
      // No DST in June 2015: 08:00+14:00 = 18:00Z the day before; closes 24 hours later.
      assertThat(windowIn(KIRITIMATI, JUNE_5, "08:00", policy))
          .isEqualTo(utc("2015-06-04T18:00:00Z", "2015-06-05T18:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void pagoPagoIsUtcMinus11(WindowPolicy policy) {
      // 08:00-11:00 = 19:00Z the same day.
      assertThat(windowIn(PAGO_PAGO, JUNE_5, "08:00", policy))
          .isEqualTo(utc("2015-06-05T19:00:00Z", "2015-06-06T19:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void kathmanduIsUtcPlus0545(WindowPolicy policy) {
      // 08:00+05:45 = 02:15Z.
      assertThat(windowIn(KATHMANDU, JUNE_5, "08:00", policy))
          .isEqualTo(utc("2015-06-05T02:15:00Z", "2015-06-06T02:15:00Z"));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void stJohnsInSummerIsUtcMinus0230(WindowPolicy policy) {
      // Newfoundland daylight time in June: 08:00-02:30 = 10:30Z.
      assertThat(windowIn(ST_JOHNS, JUNE_5, "08:00", policy))
          .isEqualTo(utc("2015-06-05T10:30:00Z", "2015-06-06T10:30:00Z"));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void stJohnsInWinterIsUtcMinus0330(WindowPolicy policy) {
      // Newfoundland standard time in January: 08:00-03:30 = 11:30Z.
      assertThat(windowIn(ST_JOHNS, "2015-01-15", "08:00", policy))
          .isEqualTo(utc("2015-01-15T11:30:00Z", "2015-01-16T11:30:00Z"));
    }
  }

  @Nested
  class DaylightSavingOnTheEditionDate {
    @Test
    void newYorkSpringForwardGives23HoursOnTheWallClock() {
      // 2015-03-08 02:00-05:00 jumps to 03:00-04:00. Start 00:00-05:00 = 05:00Z;
      // end 2015-03-09 00:00-04:00 = 04:00Z, so the day lasts 23 hours.
      Window w = windowIn(NEW_YORK, "2015-03-08", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-03-08T05:00:00Z", "2015-03-09T04:00:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void newYorkSpringForwardUnderElapsedPolicyIs24Hours() {
      Window w = windowIn(NEW_YORK, "2015-03-08", "00:00", ELAPSED_24_HOURS);
      assertThat(w).isEqualTo(utc("2015-03-08T05:00:00Z", "2015-03-09T05:00:00Z"));
    }

    @Test
    void newYorkFallBackGives25HoursOnTheWallClock() {
      // 2015-11-01 02:00-04:00 falls back to 01:00-05:00. Start 00:00-04:00 = 04:00Z;
      // end 2015-11-02 00:00-05:00 = 05:00Z: 25 hours.
      Window w = windowIn(NEW_YORK, "2015-11-01", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-11-01T04:00:00Z", "2015-11-02T05:00:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void newYorkFallBackUnderElapsedPolicyIs24Hours() {
      assertThat(windowIn(NEW_YORK, "2015-11-01", "00:00", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-11-01T04:00:00Z", "2015-11-02T04:00:00Z"));
    }

    @Test
    void madridSpringForwardGives23Hours() {
      // 2015-03-29 02:00+01:00 jumps to 03:00+02:00. Start 00:00+01:00 = 23:00Z the day before;
      // end 2015-03-30 00:00+02:00 = 22:00Z on the 29th.
      Window w = windowIn(MADRID, "2015-03-29", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-03-28T23:00:00Z", "2015-03-29T22:00:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void madridSpringForwardUnderElapsedPolicyIs24Hours() {
      assertThat(windowIn(MADRID, "2015-03-29", "00:00", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-03-28T23:00:00Z", "2015-03-29T23:00:00Z"));
    }

    @Test
    void madridFallBackGives25Hours() {
      // 2015-10-25 03:00+02:00 falls back to 02:00+01:00. Start 00:00+02:00 = 22:00Z on the 24th;
      // end 2015-10-26 00:00+01:00 = 23:00Z on the 25th.
      Window w = windowIn(MADRID, "2015-10-25", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-10-24T22:00:00Z", "2015-10-25T23:00:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void lordHoweFallsBackHalfAnHour() {
      // 2015-04-05 02:00+11:00 falls back to 01:30+10:30. Start 00:00+11:00 = 13:00Z on the 4th;
      // end 2015-04-06 00:00+10:30 = 13:30Z on the 5th: 24.5 hours.
      Window w = windowIn(LORD_HOWE, "2015-04-05", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-04-04T13:00:00Z", "2015-04-05T13:30:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(24).plusMinutes(30));
    }

    @Test
    void lordHoweFallBackUnderElapsedPolicyIs24Hours() {
      assertThat(windowIn(LORD_HOWE, "2015-04-05", "00:00", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-04-04T13:00:00Z", "2015-04-05T13:00:00Z"));
    }

    @Test
    void lordHoweSpringsForwardHalfAnHour() {
      // 2015-10-04 02:00+10:30 jumps to 02:30+11:00. Start 00:00+10:30 = 13:30Z on the 3rd;
      // end 2015-10-05 00:00+11:00 = 13:00Z on the 4th: 23.5 hours.
      Window w = windowIn(LORD_HOWE, "2015-10-04", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-10-03T13:30:00Z", "2015-10-04T13:00:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(23).plusMinutes(30));
    }

    @Test
    void lordHoweSpringForwardUnderElapsedPolicyIs24Hours() {
      assertThat(windowIn(LORD_HOWE, "2015-10-04", "00:00", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-10-03T13:30:00Z", "2015-10-04T13:30:00Z"));
    }

    @Test
    void stJohnsSpringForwardGives23Hours() {
      // 2015-03-08 02:00-03:30 jumps to 03:00-02:30. Start 00:00-03:30 = 03:30Z;
      // end 2015-03-09 00:00-02:30 = 02:30Z.
      Window w = windowIn(ST_JOHNS, "2015-03-08", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-03-08T03:30:00Z", "2015-03-09T02:30:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void stJohnsSpringForwardUnderElapsedPolicyIs24Hours() {
      assertThat(windowIn(ST_JOHNS, "2015-03-08", "00:00", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-03-08T03:30:00Z", "2015-03-09T03:30:00Z"));
    }

    @Test
    void stJohnsFallBackGives25Hours() {
      // 2015-11-01 02:00-02:30 falls back to 01:00-03:30. Start 00:00-02:30 = 02:30Z;
      // end 2015-11-02 00:00-03:30 = 03:30Z.
      Window w = windowIn(ST_JOHNS, "2015-11-01", "00:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-11-01T02:30:00Z", "2015-11-02T03:30:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aWindowEndingOnTheDstDayAlsoAbsorbsTheChange() {
      // Edition the day before Madrid springs forward: start 2015-03-28 00:00+01:00 = 23:00Z on
      // the 27th; end 2015-03-29 00:00+01:00 (still before the 02:00 jump) = 23:00Z on the 28th.
      // Starting at 12:00 instead puts the jump inside: end 12:00+02:00 = 10:00Z on the 29th.
      assertThat(windowIn(MADRID, "2015-03-28", "00:00", SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2015-03-27T23:00:00Z", "2015-03-28T23:00:00Z"));
      assertThat(windowIn(MADRID, "2015-03-28", "12:00", SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2015-03-28T11:00:00Z", "2015-03-29T10:00:00Z"));
    }
  }

  @Nested
  class GapsAndOverlaps {
    @Test
    void aStartInTheSpringForwardGapOpensAtTheTransition() {
      // 02:30 does not exist in New York on 2015-03-08 (02:00-05:00 jumps to 03:00-04:00).
      // The window opens at the transition, 02:00-05:00 = 07:00Z, not at 03:30-04:00 = 07:30Z
      // (which is what ZonedDateTime.of would give). End 2015-03-09 02:30-04:00 = 06:30Z.
      Window w = windowIn(NEW_YORK, "2015-03-08", "02:30", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w.start()).isEqualTo(Instant.parse("2015-03-08T07:00:00Z"));
      assertThat(w.start()).isNotEqualTo(Instant.parse("2015-03-08T07:30:00Z"));
      assertThat(w.end()).isEqualTo(Instant.parse("2015-03-09T06:30:00Z"));
    }

    @Test
    void aStartInTheGapUnderElapsedPolicyRuns24HoursFromTheTransition() {
      assertThat(windowIn(NEW_YORK, "2015-03-08", "02:30", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-03-08T07:00:00Z", "2015-03-09T07:00:00Z"));
    }

    @Test
    void aStartInTheFallBackOverlapUsesTheEarlierOffset() {
      // 01:30 happens twice in New York on 2015-11-01: at -04:00 (05:30Z) then at -05:00 (06:30Z).
      // The earlier offset wins: 05:30Z. End 2015-11-02 01:30-05:00 = 06:30Z: 25 hours.
      Window w = windowIn(NEW_YORK, "2015-11-01", "01:30", SAME_LOCAL_TIME_NEXT_DAY);
      assertThat(w).isEqualTo(utc("2015-11-01T05:30:00Z", "2015-11-02T06:30:00Z"));
    }

    @Test
    void aStartInTheOverlapUnderElapsedPolicyRuns24Hours() {
      assertThat(windowIn(NEW_YORK, "2015-11-01", "01:30", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-11-01T05:30:00Z", "2015-11-02T05:30:00Z"));
    }

    @Test
    void aStartInLordHowesHalfHourGapOpensAtTheTransition() {
      // 02:15 does not exist on 2015-10-04 (02:00+10:30 jumps to 02:30+11:00): open at
      // 02:00+10:30 = 15:30Z on the 3rd. End 2015-10-05 02:15+11:00 = 15:15Z on the 4th.
      assertThat(windowIn(LORD_HOWE, "2015-10-04", "02:15", SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2015-10-03T15:30:00Z", "2015-10-04T15:15:00Z"));
      assertThat(windowIn(LORD_HOWE, "2015-10-04", "02:15", ELAPSED_24_HOURS))
          .isEqualTo(utc("2015-10-03T15:30:00Z", "2015-10-04T15:30:00Z"));
    }

    @Test
    void aStartInLordHowesHalfHourOverlapUsesTheEarlierOffset() {
      // 01:45 happens twice on 2015-04-05 (+11:00 then +10:30); the earlier, +11:00, gives 14:45Z
      // on the 4th. End 2015-04-06 01:45+10:30 = 15:15Z on the 5th.
      assertThat(windowIn(LORD_HOWE, "2015-04-05", "01:45", SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2015-04-04T14:45:00Z", "2015-04-05T15:15:00Z"));
    }

    @Test
    void anEndInTheGapClosesAtTheTransition() {
      // Start 2015-03-07 02:30-05:00 = 07:30Z; 02:30 on the 8th is in the gap, so the window closes
      // at the transition, 07:00Z on the 8th: 23.5 hours.
      assertThat(windowIn(NEW_YORK, "2015-03-07", "02:30", SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2015-03-07T07:30:00Z", "2015-03-08T07:00:00Z"));
    }

    @Test
    void anEndInTheOverlapClosesAtTheEarlierOffset() {
      // Start 2015-10-31 01:30-04:00 = 05:30Z; the 01:30 of 2015-11-01 at the earlier offset
      // (-04:00) is 05:30Z on the 1st: exactly 24 hours.
      assertThat(windowIn(NEW_YORK, "2015-10-31", "01:30", SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2015-10-31T05:30:00Z", "2015-11-01T05:30:00Z"));
    }
  }

  @Nested
  class FixedOffsets {
    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void plus0545(WindowPolicy policy) {
      // 08:00+05:45 = 02:15Z, the same as Asia/Kathmandu.
      assertThat(windowIn(ZoneOffset.ofHoursMinutes(5, 45), JUNE_5, "08:00", policy))
          .isEqualTo(utc("2015-06-05T02:15:00Z", "2015-06-06T02:15:00Z"));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void utcItself(WindowPolicy policy) {
      assertThat(windowIn(ZoneOffset.UTC, JUNE_5, "08:00", policy))
          .isEqualTo(utc("2015-06-05T08:00:00Z", "2015-06-06T08:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void aFixedOffsetIgnoresItsNeighboursDst(WindowPolicy policy) {
      // -05:00 all year: 2015-03-08 00:00-05:00 = 05:00Z, 24 hours even on New York's DST day.
      assertThat(windowIn(ZoneOffset.ofHours(-5), "2015-03-08", "00:00", policy))
          .isEqualTo(utc("2015-03-08T05:00:00Z", "2015-03-09T05:00:00Z"));
    }
  }

  @Nested
  class SkippedDay {
    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void apiaSkipped30December2011(WindowPolicy policy) {
      // Samoa went from 2011-12-29 23:59:59-10:00 straight to 2011-12-31 00:00+14:00; the
      // transition instant is 2011-12-30T10:00Z. 00:00 on the 30th is in that gap, so the window
      // opens at 10:00Z. The next day's 00:00 (+14:00) is also 10:00Z, which would be empty, so it
      // lasts 24 hours.
      Window w = windowIn(APIA, "2011-12-30", "00:00", policy);
      assertThat(w).isEqualTo(utc("2011-12-30T10:00:00Z", "2011-12-31T10:00:00Z"));
      assertThat(w.duration()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest
    @EnumSource(WindowPolicy.class)
    void apiaSkippedDayIsNonEmptyForAnyStartTime(WindowPolicy policy) {
      // 08:00 on the 30th is also in the gap: the window opens at the transition.
      Window w = windowIn(APIA, "2011-12-30", "08:00", policy);
      assertThat(w.start()).isEqualTo(Instant.parse("2011-12-30T10:00:00Z"));
      assertThat(w.duration()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:01", "08:00", "23:59"})
    void apiaSkippedDayLasts24HoursWhateverTheStartTime(String localStart) {
      // The class documentation: "On the rare day a zone skipped altogether (Pacific/Apia on
      // 2011-12-30) ... that window lasts 24 elapsed hours". Any start time on the 30th is in the
      // gap, so the window opens at the transition, 10:00Z, and should close 24 hours later.
      // (Under SAME_LOCAL_TIME_NEXT_DAY the end is currently the next day's local start instead,
      // 2011-12-31 08:00+14:00 = 18:00Z for 08:00: an 8-hour window, and 1 minute for 00:01.)
      assertThat(windowIn(APIA, "2011-12-30", localStart, SAME_LOCAL_TIME_NEXT_DAY))
          .isEqualTo(utc("2011-12-30T10:00:00Z", "2011-12-31T10:00:00Z"));
      assertThat(windowIn(APIA, "2011-12-30", localStart, ELAPSED_24_HOURS))
          .isEqualTo(utc("2011-12-30T10:00:00Z", "2011-12-31T10:00:00Z"));
    }
  }

  @Nested
  class GlobalSpan {
    private final Schedule fifth = schedule(JUNE_5, "08:00", SAME_LOCAL_TIME_NEXT_DAY);

    @Test
    void startsWhenKiritimatiOpensAndEndsWhenUtcMinus12Closes() {
      // +14:00 is the largest offset: 08:00+14:00 = 18:00Z on the 4th. -12:00 (Etc/GMT+12) is the
      // smallest: it closes at 2015-06-06 08:00-12:00 = 20:00Z on the 6th. 50 hours in all.
      Window span = fifth.globalSpan();
      assertThat(span.start()).isEqualTo(fifth.windowIn(KIRITIMATI).start());
      assertThat(span.end()).isEqualTo(fifth.windowIn(ZoneId.of("Etc/GMT+12")).end());
      assertThat(span).isEqualTo(utc("2015-06-04T18:00:00Z", "2015-06-06T20:00:00Z"));
      assertThat(span.duration()).isBetween(Duration.ofHours(48), Duration.ofHours(52));
    }

    @Test
    void matchesBruteForceMinAndMaxOverEveryZone() {
      List<Window> windows = allZones().stream().map(fifth::windowIn).toList();
      Instant first =
          windows.stream().map(Window::start).min(Comparator.naturalOrder()).orElseThrow();
      Instant last = windows.stream().map(Window::end).max(Comparator.naturalOrder()).orElseThrow();
      assertThat(fifth.globalSpan()).isEqualTo(new Window(first, last));
    }
  }

  @Nested
  class LiveAt {
    private final Schedule fifth = schedule(JUNE_5, "08:00", SAME_LOCAL_TIME_NEXT_DAY);

    @Test
    void nothingIsLiveBeforeTheSpan() {
      Instant before = fifth.globalSpan().start().minusNanos(1);
      assertThat(fifth.liveAt(before)).isEmpty();
    }

    @Test
    void nothingIsLiveAtTheSpansEnd() {
      assertThat(fifth.liveAt(fifth.globalSpan().end())).isEmpty();
      assertThat(fifth.liveAt(fifth.globalSpan().end().minusNanos(1))).isNotEmpty();
    }

    @Test
    void aZoneIsLiveFromItsStartInclusive() {
      Instant start = Instant.parse("2015-06-05T02:15:00Z"); // Kathmandu's opening
      assertThat(fifth.liveAt(start)).contains(KATHMANDU);
      assertThat(fifth.liveAt(start.minusNanos(1))).doesNotContain(KATHMANDU);
    }

    @Test
    void aZoneIsNoLongerLiveAtItsEnd() {
      Instant end = Instant.parse("2015-06-06T02:15:00Z"); // Kathmandu's closing
      assertThat(fifth.liveAt(end.minusNanos(1))).contains(KATHMANDU);
      assertThat(fifth.liveAt(end)).doesNotContain(KATHMANDU);
    }

    @Test
    void theFirstZoneIsLiveAtTheSpansStart() {
      assertThat(fifth.liveAt(fifth.globalSpan().start())).contains(KIRITIMATI);
    }

    @Test
    void midEventMostZonesAreLiveInZoneIdOrder() {
      // At 12:00Z on the 5th: Kiritimati (18:00Z on the 4th to 18:00Z), Kathmandu (from 02:15Z),
      // Madrid (08:00+02:00 = 06:00Z) and New York (08:00-04:00 = 12:00Z, start inclusive) are
      // live; Pago Pago (08:00-11:00 = 19:00Z) has not opened yet.
      Set<ZoneId> live = fifth.liveAt(Instant.parse("2015-06-05T12:00:00Z"));
      assertThat(live).contains(MADRID, KIRITIMATI, KATHMANDU, NEW_YORK).doesNotContain(PAGO_PAGO);
      assertThat(live).extracting(ZoneId::getId).isSorted();
    }

    @Test
    void theResultIsImmutable() {
      Set<ZoneId> live = fifth.liveAt(Instant.parse("2015-06-05T12:00:00Z"));
      assertThatThrownBy(() -> live.add(PAGO_PAGO))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> live.remove(MADRID))
          .isInstanceOf(UnsupportedOperationException.class);
      Set<ZoneId> none = fifth.liveAt(Instant.parse("2015-01-01T00:00:00Z"));
      assertThatThrownBy(() -> none.add(PAGO_PAGO))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNull() {
      assertThatThrownBy(() -> fifth.liveAt(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Countdown {
    private final Schedule fifth = schedule(JUNE_5, "08:00", SAME_LOCAL_TIME_NEXT_DAY);
    private final Instant kathmanduOpens = Instant.parse("2015-06-05T02:15:00Z");

    @Test
    void positiveBeforeOpening() {
      assertThat(fifth.countdown(KATHMANDU, Instant.parse("2015-06-05T00:45:00Z")))
          .isEqualTo(Duration.ofMinutes(90));
      assertThat(fifth.countdown(KATHMANDU, kathmanduOpens.minusNanos(1)))
          .isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void zeroAtOpening() {
      assertThat(fifth.countdown(KATHMANDU, kathmanduOpens)).isZero();
    }

    @Test
    void zeroAfterOpeningAndAfterClosing() {
      assertThat(fifth.countdown(KATHMANDU, kathmanduOpens.plusSeconds(1))).isZero();
      assertThat(fifth.countdown(KATHMANDU, Instant.parse("2015-06-10T00:00:00Z"))).isZero();
    }

    @Test
    void rejectsNulls() {
      assertThatThrownBy(() -> fifth.countdown(null, kathmanduOpens))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> fifth.countdown(KATHMANDU, null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class InvalidInput {
    @Test
    void anEditionWithoutADateHasNoSchedule() {
      Edition tbd = Edition.builder().number(6).status(EditionStatus.DATE_TBD).build();
      assertThatThrownBy(() -> Schedule.of(tbd))
          .isInstanceOfSatisfying(
              InvalidEditionException.class,
              e -> {
                assertThat(e.field()).isEqualTo("date");
                assertThat(e.code()).isEqualTo(InvalidEditionException.CODE);
                assertThat(e.getMessage()).startsWith("date:");
              });
    }

    @Test
    void ofRejectsNull() {
      assertThatThrownBy(() -> Schedule.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void windowInRejectsNull() {
      Schedule s = schedule(JUNE_5, "08:00", SAME_LOCAL_TIME_NEXT_DAY);
      assertThatThrownBy(() -> s.windowIn(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Mars/Olympus", "+25:00", "   ", "Europe/", "europe/madrid!"})
    void parseZoneRejects(String id) {
      assertThatThrownBy(() -> Schedule.parseZone(id))
          .isInstanceOfSatisfying(
              UnknownZoneException.class,
              e -> {
                assertThat(e.field()).isEqualTo("zone");
                assertThat(e.code()).isEqualTo(UnknownZoneException.CODE);
                assertThat(e.getMessage()).startsWith("zone:");
              });
    }

    @Test
    void parseZoneStripsWhitespace() {
      assertThat(Schedule.parseZone(" Europe/Madrid ")).isEqualTo(MADRID);
    }

    @Test
    void parseZoneAcceptsOffsets() {
      assertThat(Schedule.parseZone("+05:45")).isEqualTo(ZoneOffset.ofHoursMinutes(5, 45));
      assertThat(Schedule.parseZone("Asia/Kathmandu")).isEqualTo(KATHMANDU);
    }
  }

  @Test
  void exposesItsEdition() {
    Edition e = edition(JUNE_5, "08:00", ELAPSED_24_HOURS);
    assertThat(Schedule.of(e).edition()).isEqualTo(e);
  }
}

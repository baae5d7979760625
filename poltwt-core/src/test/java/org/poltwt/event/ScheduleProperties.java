package org.poltwt.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.time.api.Dates;
import net.jqwik.time.api.Times;

/**
 * Properties of {@link Schedule} over every zone of the JDK's time-zone database and dates from
 * 1970 to 2100. Half of the generated cases are placed on purpose around one of the zone's offset
 * transitions, so gaps and overlaps are exercised far more often than uniform dates would.
 *
 * <p>The expected windows are computed here from the documented rule, independently of {@code
 * Schedule}: a local date-time in a gap opens at the transition instant; one in an overlap uses the
 * earlier offset ({@code offsetBefore}); otherwise its only offset. The next-day end falls back to
 * 24 elapsed hours when it would not be after the start. On a date the zone skipped altogether only
 * the start is checked here; {@code ScheduleTest.SkippedDay} pins the end.
 */
class ScheduleProperties {
  private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2100, 12, 31);
  private static final Duration DAY = Duration.ofDays(1);

  /** Every available zone, in id order. */
  private static final List<ZoneId> ALL_ZONES = allZones();

  /**
   * Offset transitions per zone, a few days inside [FIRST, LAST] so generated dates stay in range.
   */
  private static final Map<ZoneId, List<ZoneOffsetTransition>> TRANSITIONS =
      new ConcurrentHashMap<>();

  /** Zones with at least one transition in range. */
  private static final List<ZoneId> ZONES_WITH_TRANSITIONS =
      ALL_ZONES.stream().filter(z -> !transitionsOf(z).isEmpty()).toList();

  /** A zone and an edition's date and local start time. */
  record Case(ZoneId zone, LocalDate date, LocalTime localStart) {}

  // ---------------------------------------------------------------- fixtures

  private static List<ZoneId> allZones() {
    List<ZoneId> zones = new ArrayList<>();
    for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      zones.add(ZoneId.of(id));
    }
    return List.copyOf(zones);
  }

  private static List<ZoneOffsetTransition> transitionsOf(ZoneId zone) {
    return TRANSITIONS.computeIfAbsent(
        zone,
        z -> {
          ZoneRules rules = z.getRules();
          List<ZoneOffsetTransition> found = new ArrayList<>();
          Instant from = FIRST.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
          Instant to = LAST.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
          for (ZoneOffsetTransition t = rules.nextTransition(from);
              t != null && t.getInstant().isBefore(to);
              t = rules.nextTransition(t.getInstant())) {
            found.add(t);
          }
          return List.copyOf(found);
        });
  }

  private static Edition edition(LocalDate date, LocalTime localStart, WindowPolicy policy) {
    return Edition.builder()
        .number(1)
        .date(date)
        .localStart(localStart)
        .windowPolicy(policy)
        .build();
  }

  private static Schedule schedule(LocalDate date, LocalTime localStart, WindowPolicy policy) {
    return Schedule.of(edition(date, localStart, policy));
  }

  private static Window windowOf(Case c, WindowPolicy policy) {
    return schedule(c.date(), c.localStart(), policy).windowIn(c.zone());
  }

  // ---------------------------------------------------------------- the model

  /** The documented opening rule, written against java.time directly. */
  private static Instant expectedOpening(ZoneId zone, LocalDateTime local) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    if (valid.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    ZoneOffset earlier =
        valid.size() == 1 ? valid.get(0) : rules.getTransition(local).getOffsetBefore();
    return local.toInstant(earlier);
  }

  private static Window expectedWindow(Case c, WindowPolicy policy) {
    Instant start = expectedOpening(c.zone(), c.date().atTime(c.localStart()));
    if (policy == WindowPolicy.ELAPSED_24_HOURS) {
      return new Window(start, start.plus(DAY));
    }
    Instant end = expectedOpening(c.zone(), c.date().plusDays(1).atTime(c.localStart()));
    return new Window(start, end.isAfter(start) ? end : start.plus(DAY));
  }

  /** Whether no wall-clock time of the date exists in the zone (Pacific/Apia on 2011-12-30). */
  private static boolean wholeDateSkipped(ZoneId zone, LocalDate date) {
    ZoneOffsetTransition t = zone.getRules().getTransition(date.atStartOfDay());
    return t != null
        && t.isGap()
        && !t.getDateTimeAfter().isBefore(date.plusDays(1).atStartOfDay());
  }

  private static boolean inGap(ZoneId zone, LocalDateTime local) {
    return zone.getRules().getValidOffsets(local).isEmpty();
  }

  private static String kind(ZoneId zone, LocalDateTime local) {
    int offsets = zone.getRules().getValidOffsets(local).size();
    return offsets == 0 ? "gap" : offsets == 1 ? "normal" : "overlap";
  }

  /** The transitions of the zone in [from, to). */
  private static List<ZoneOffsetTransition> transitionsBetween(
      ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransition> found = new ArrayList<>();
    for (ZoneOffsetTransition t = rules.nextTransition(from.minusNanos(1));
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      found.add(t);
    }
    return found;
  }

  private static Set<ZoneId> bruteForceLive(Schedule schedule, Instant t) {
    Set<ZoneId> live = new LinkedHashSet<>();
    for (ZoneId zone : ALL_ZONES) {
      if (schedule.windowIn(zone).contains(t)) {
        live.add(zone);
      }
    }
    return live;
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ALL_ZONES);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Dates.dates().between(FIRST, LAST);
  }

  @Provide
  Arbitrary<LocalTime> localStarts() {
    Arbitrary<LocalTime> minutes = Times.times().ofPrecision(ChronoUnit.MINUTES);
    Arbitrary<LocalTime> seconds = Times.times().ofPrecision(ChronoUnit.SECONDS);
    Arbitrary<LocalTime> usual =
        Arbitraries.of(
            LocalTime.MIDNIGHT,
            LocalTime.of(0, 30),
            LocalTime.of(1, 0),
            LocalTime.of(1, 30),
            LocalTime.of(2, 0),
            LocalTime.of(2, 30),
            LocalTime.of(3, 0),
            LocalTime.of(8, 0),
            LocalTime.of(23, 59, 59));
    List<Tuple2<Integer, Arbitrary<LocalTime>>> choices =
        List.of(Tuple.of(6, minutes), Tuple.of(2, seconds), Tuple.of(2, usual));
    return Arbitraries.frequencyOf(choices);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Case> anywhere = Combinators.combine(zones(), dates(), localStarts()).as(Case::new);
    List<Arbitrary<Case>> choices = List.of(anywhere, aroundTransitions());
    return Arbitraries.oneOf(choices);
  }

  /**
   * A local start within two hours of a transition's wall-clock edges or inside its gap or overlap,
   * on the transition's date or the day before, so the transition falls near the start or the end
   * of the window.
   */
  private Arbitrary<Case> aroundTransitions() {
    return Arbitraries.of(ZONES_WITH_TRANSITIONS)
        .flatMap(
            zone ->
                Combinators.combine(
                        Arbitraries.of(transitionsOf(zone)),
                        Arbitraries.of(Where.values()),
                        Arbitraries.integers().between(-120, 120),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 59),
                        Arbitraries.of(0, 1))
                    .as(
                        (t, where, minutes, percent, second, daysBefore) -> {
                          // The local times that are skipped (gap) or repeated (overlap) are
                          // [first, first + change).
                          LocalDateTime first =
                              t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
                          long changeMinutes = t.getDuration().abs().toMinutes();
                          long shift =
                              switch (where) {
                                case AROUND_BEFORE -> minutes;
                                case INSIDE -> changeMinutes * percent / 100;
                                case AROUND_AFTER -> changeMinutes + minutes;
                              };
                          LocalDateTime local =
                              first.plusMinutes(shift).withSecond(second % 5 == 0 ? second : 0);
                          return new Case(
                              zone, local.toLocalDate().minusDays(daysBefore), local.toLocalTime());
                        }));
  }

  /** Where, relative to a transition's gap or overlap, a generated local start lies. */
  private enum Where {
    AROUND_BEFORE,
    INSIDE,
    AROUND_AFTER
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 1000)
  void elapsedWindowIsExactly24Hours(@ForAll("cases") Case c) {
    Window w = windowOf(c, WindowPolicy.ELAPSED_24_HOURS);
    assertThat(w.duration()).isEqualTo(DAY);
    assertThat(w).isEqualTo(expectedWindow(c, WindowPolicy.ELAPSED_24_HOURS));
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void sameLocalTimeWindowFollowsTheWallClock(@ForAll("cases") Case c) {
    Window w = windowOf(c, WindowPolicy.SAME_LOCAL_TIME_NEXT_DAY);
    ZoneRules rules = c.zone().getRules();
    Duration d = w.duration();
    LocalDateTime localStart = c.date().atTime(c.localStart());
    LocalDateTime localEnd = localStart.plusDays(1);

    // The generators must reach the interesting cases, not just uniform dates.
    Statistics.label("start").collect(kind(c.zone(), localStart));
    Statistics.label("end").collect(kind(c.zone(), localEnd));
    Statistics.label("duration").collect(d.equals(DAY) ? "24h" : "not 24h");
    // About 4 % each is expected; the bounds leave room for chance.
    Statistics.label("start")
        .coverage(
            cov -> {
              cov.check("gap").percentage(p -> p >= 1);
              cov.check("overlap").percentage(p -> p >= 1);
            });
    Statistics.label("end")
        .coverage(
            cov -> {
              cov.check("gap").percentage(p -> p >= 1);
              cov.check("overlap").percentage(p -> p >= 1);
            });
    Statistics.label("duration").coverage(cov -> cov.check("not 24h").percentage(p -> p >= 10));

    assertThat(d).isPositive();
    if (wholeDateSkipped(c.zone(), c.date())) {
      // Where the end goes on a day the zone skipped is pinned by ScheduleTest.SkippedDay only.
      assertThat(w.start()).isEqualTo(expectedOpening(c.zone(), localStart));
    } else {
      assertThat(w).isEqualTo(expectedWindow(c, WindowPolicy.SAME_LOCAL_TIME_NEXT_DAY));
    }

    if (!inGap(c.zone(), localStart) && !inGap(c.zone(), localEnd)) {
      // Both ends are real wall-clock times at the offsets in force at those instants (the earlier
      // offset in an overlap is the one in force just before the transition).
      int change =
          rules.getOffset(w.end()).getTotalSeconds() - rules.getOffset(w.start()).getTotalSeconds();
      assertThat(d).isEqualTo(DAY.minusSeconds(change));
      assertThat(LocalDateTime.ofInstant(w.end(), c.zone())).isEqualTo(localEnd);
    }

    List<ZoneOffsetTransition> near =
        transitionsBetween(c.zone(), w.start().minus(DAY), w.end().plus(DAY));
    Duration totalChange =
        near.stream().map(t -> t.getDuration().abs()).reduce(Duration.ZERO, Duration::plus);
    assertThat(d.minus(DAY).abs()).isLessThanOrEqualTo(totalChange);
    if (near.stream().allMatch(t -> t.getDuration().abs().compareTo(Duration.ofHours(1)) <= 0)) {
      assertThat(d).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }
  }

  @Property(tries = 1000)
  void startIsTheLocalStartUnlessInAGap(@ForAll("cases") Case c, @ForAll WindowPolicy policy) {
    Instant start = windowOf(c, policy).start();
    ZoneRules rules = c.zone().getRules();
    LocalDateTime local = c.date().atTime(c.localStart());
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    if (valid.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      assertThat(start).isEqualTo(gap.getInstant());
      assertThat(LocalDateTime.ofInstant(start, c.zone())).isEqualTo(gap.getDateTimeAfter());
    } else {
      assertThat(LocalDateTime.ofInstant(start, c.zone())).isEqualTo(local);
      ZoneOffset expected =
          valid.size() == 1 ? valid.get(0) : rules.getTransition(local).getOffsetBefore();
      assertThat(rules.getOffset(start)).isEqualTo(expected);
    }
  }

  @Property(tries = 50)
  void globalSpanIsTheHullOfEveryZonesWindow(
      @ForAll("dates") LocalDate date,
      @ForAll("localStarts") LocalTime localStart,
      @ForAll WindowPolicy policy) {
    Schedule s = schedule(date, localStart, policy);
    Window span = s.globalSpan();
    List<Window> windows = ALL_ZONES.stream().map(s::windowIn).toList();
    assertThat(windows)
        .allSatisfy(w -> assertThat(span.encloses(w)).as("%s encloses %s", span, w).isTrue());
    assertThat(span.start())
        .isEqualTo(
            windows.stream().map(Window::start).min(Comparator.naturalOrder()).orElseThrow());
    assertThat(span.end())
        .isEqualTo(windows.stream().map(Window::end).max(Comparator.naturalOrder()).orElseThrow());
  }

  @Property(tries = 200)
  void liveAtIsEveryZoneWhoseWindowContainsTheInstant(
      @ForAll("dates") LocalDate date,
      @ForAll("localStarts") LocalTime localStart,
      @ForAll WindowPolicy policy,
      @ForAll @LongRange(min = 0, max = 1_000_000) long millionths,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Schedule s = schedule(date, localStart, policy);
    Window span = s.globalSpan();
    Instant from = span.start().minus(Duration.ofHours(2));
    Duration range = Duration.between(from, span.end().plus(Duration.ofHours(2)));
    Instant t = from.plus(range.multipliedBy(millionths).dividedBy(1_000_000)).plusNanos(nanos);

    Set<ZoneId> live = s.liveAt(t);
    assertThat(live).isEqualTo(bruteForceLive(s, t));
    assertThat(live).extracting(ZoneId::getId).isSorted();
  }

  @Property(tries = 40)
  void liveAtIsExactAtEveryWindowBoundary(
      @ForAll("dates") LocalDate date,
      @ForAll("localStarts") LocalTime localStart,
      @ForAll WindowPolicy policy) {
    Schedule s = schedule(date, localStart, policy);
    Set<Instant> boundaries = new TreeSet<>();
    for (ZoneId zone : ALL_ZONES) {
      Window w = s.windowIn(zone);
      boundaries.add(w.start());
      boundaries.add(w.end());
    }
    for (Instant b : boundaries) {
      assertThat(s.liveAt(b)).as("live at %s", b).isEqualTo(bruteForceLive(s, b));
      assertThat(s.liveAt(b.minusNanos(1)))
          .as("live just before %s", b)
          .isEqualTo(bruteForceLive(s, b.minusNanos(1)));
    }
  }

  @Property(tries = 500)
  void countdownIsTimeUntilOpeningOrZero(
      @ForAll("cases") Case c,
      @ForAll WindowPolicy policy,
      @ForAll @LongRange(min = -259_200_000L, max = 259_200_000L) long millisFromStart) {
    Schedule s = schedule(c.date(), c.localStart(), policy);
    Instant start = s.windowIn(c.zone()).start();
    Instant now = start.plusMillis(millisFromStart);
    Duration untilStart = Duration.between(now, start);
    Duration expected = untilStart.isNegative() ? Duration.ZERO : untilStart;
    assertThat(s.countdown(c.zone(), now)).isEqualTo(expected);
    assertThat(s.countdown(c.zone(), start)).isZero();
  }
}

package org.poltwt.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.event.WindowPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints an edition's 24-hour window in each of a list of time zones. */
@Command(
    name = "windows",
    mixinStandardHelpOptions = true,
    description = "Print an edition's 24-hour window for each time zone, in local time and UTC.")
public final class WindowsCommand implements Callable<Integer> {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

  @Spec CommandSpec spec;

  @Option(names = "--edition", required = true, description = "The edition's number, e.g. 5.")
  int number;

  @Option(names = "--date", required = true, description = "The edition's date, e.g. 2015-06-05.")
  LocalDate date;

  @Option(
      names = "--start",
      defaultValue = "00:00",
      description = "Local start time in every zone (default ${DEFAULT-VALUE}).")
  LocalTime start;

  @Option(
      names = "--hashtag",
      defaultValue = Edition.DEFAULT_HASHTAG,
      description = "The event hashtag (default ${DEFAULT-VALUE}).")
  String hashtag;

  @Option(
      names = "--policy",
      defaultValue = "SAME_LOCAL_TIME_NEXT_DAY",
      description = "How windows close: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  WindowPolicy policy;

  @Option(
      names = "--zone",
      description =
          "A time-zone id such as Europe/Madrid or +05:45; repeat for several (default UTC).")
  List<String> zones = new ArrayList<>();

  @Option(names = "--all-zones", description = "List every zone of the time-zone database.")
  boolean allZones;

  private final Clock clock;

  /**
   * A {@code windows} command.
   *
   * @param clock the clock countdowns are measured from
   */
  public WindowsCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Edition edition =
        Edition.builder()
            .number(number)
            .hashtag(hashtag)
            .status(EditionStatus.SCHEDULED)
            .date(date)
            .localStart(start)
            .windowPolicy(policy)
            .build();
    Schedule schedule = Schedule.of(edition);
    List<ZoneId> chosen = new ArrayList<>();
    for (String id : zones) {
      chosen.add(Schedule.parseZone(id));
    }
    if (allZones) {
      ZoneId.getAvailableZoneIds().stream()
          .filter(WindowsCommand::isTzdbId)
          .sorted()
          .map(ZoneId::of)
          .forEach(chosen::add);
    }
    if (chosen.isEmpty()) {
      chosen.add(ZoneId.of("UTC"));
    }
    PrintWriter out = spec.commandLine().getOut();
    Instant now = clock.instant();
    out.printf(
        "#%s edition %d on %s, from %s local time (%s)%n",
        edition.hashtag(), edition.number(), date, start, policy);
    Window span = schedule.globalSpan();
    out.printf("Global span: %s to %s (%s)%n%n", span.start(), span.end(), hours(span.duration()));
    out.printf(
        "%-32s %-30s %-30s %-9s %s%n",
        "ZONE", "OPENS (LOCAL)", "CLOSES (LOCAL)", "LENGTH", "OPENS IN");
    for (ZoneId zone : chosen) {
      Window w = schedule.windowIn(zone);
      Duration countdown = schedule.countdown(zone, now);
      out.printf(
          "%-32s %-30s %-30s %-9s %s%n",
          zone.getId(),
          LOCAL.format(w.start().atZone(zone)),
          LOCAL.format(w.end().atZone(zone)),
          hours(w.duration()),
          countdown.isZero() ? (w.contains(now) ? "live now" : "over") : countdown(countdown));
    }
    out.flush();
    return 0;
  }

  /**
   * Whether a zone id is in the tz database's own syntax (letters, digits, '/', '_', '-', '+',
   * starting with a letter). Other zone providers on the class path add ids of their own to {@link
   * ZoneId#getAvailableZoneIds()}: ical4j, which the site's calendar feed brings, adds hundreds of
   * {@code ical4j~<uuid>} copies of its tz data, which {@code --all-zones} must not list.
   */
  static boolean isTzdbId(String id) {
    return TZDB_ID.matcher(id).matches();
  }

  private static final Pattern TZDB_ID = Pattern.compile("[A-Za-z][A-Za-z0-9/_+-]*");

  private static String countdown(Duration d) {
    return d.toDays() >= 2 ? d.toDays() + "d " + hours(d.minusDays(d.toDays())) : hours(d);
  }

  private static String hours(Duration d) {
    return d.toMinutesPart() == 0 && d.toSecondsPart() == 0
        ? d.toHours() + "h"
        : String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
  }
}

package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.poltwt.calendar.Fixtures.edition;
import static org.poltwt.calendar.Fixtures.invites;
import static org.poltwt.calendar.Fixtures.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.Registration;

/**
 * Reads the files with an independent parser: Mozilla's ical.js (bundled in the test resources, see
 * {@code icaljs/SOURCE.md}), run by the machine's Node.js. ical.js converts local times through the
 * file's own VTIMEZONE, so this checks the time-zone definitions as a calendar would use them.
 * Skipped without {@code node} on the PATH, except with {@code CI=true}, where it fails.
 */
class IcalJsTest {
  private static final List<String> ZONES =
      List.of(
          "Europe/London",
          "Pacific/Kiritimati",
          "Pacific/Pago_Pago",
          "Asia/Kathmandu",
          "America/St_Johns",
          "Australia/Lord_Howe",
          "America/Santiago",
          "Pacific/Chatham",
          "Africa/Casablanca",
          "UTC");
  private static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2026, 3, 29), // Europe's clocks go forward
          LocalDate.of(2026, 10, 25), // and back
          LocalDate.of(2026, 4, 5), // Lord Howe's and Chatham's go back
          LocalDate.of(2026, 11, 1), // North America's go back
          LocalDate.of(2026, 6, 5));

  @TempDir static Path dir;
  private static Path script;

  @BeforeAll
  static void needNode() throws IOException {
    if (!nodeAvailable()) {
      String message = "ical.js checks need Node.js's `node` on the PATH: apt-get install nodejs";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      System.err.println("SKIPPED IcalJsTest: " + message);
      Assumptions.abort(message);
    }
    Path icaljs = Files.createDirectories(dir.resolve("icaljs"));
    for (String file : List.of("ical.js", "check.mjs", "package.json")) {
      try (InputStream in = IcalJsTest.class.getResourceAsStream("/icaljs/" + file)) {
        assertThat(in).as(file).isNotNull();
        Files.copy(in, icaljs.resolve(file));
      }
    }
    script = icaljs.resolve("check.mjs");
  }

  @Test
  void icalJsReadsEachInviteAsTheSchedulesWindow() throws Exception {
    assertThat(icalJsReads(ZONES, DATES)).isEqualTo(ZONES.size() * DATES.size());
  }

  @Test
  void icalJsReadsEveryZonesInviteOnTheClockChangeDatesAsTheSchedulesWindow() throws Exception {
    // Every region zone's VTIMEZONE as a calendar uses it, in one run of node.
    List<String> all =
        ZoneId.getAvailableZoneIds().stream().filter(id -> !id.contains("~")).sorted().toList();
    assertThat(icalJsReads(all, DATES.subList(0, 2))).isGreaterThan(1000);
  }

  private static int icalJsReads(List<String> zones, List<LocalDate> dates) throws Exception {
    Map<Path, Window> expected = new LinkedHashMap<>();
    int n = 0;
    for (LocalDate date : dates) {
      Edition edition = edition(14, date);
      for (String id : zones) {
        ZoneId zone = ZoneId.of(id);
        Path file = dir.resolve("invite-" + date + "-" + n++ + "-" + id.replace('/', '_') + ".ics");
        Files.writeString(file, invites().invite(registration(edition, zone), edition, 2));
        expected.put(file, Schedule.of(edition).windowIn(zone));
      }
    }

    List<String[]> lines = run(new ArrayList<>(expected.keySet()));

    assertThat(lines).hasSize(expected.size());
    for (String[] line : lines) {
      Window window = expected.get(Path.of(line[0]));
      assertThat(line[1]).as(line[0]).isEqualTo("REQUEST");
      assertThat(line[3]).as(line[0]).isEqualTo("2");
      assertThat(new Window(Instant.parse(line[4]), Instant.parse(line[5])))
          .as(line[0])
          .isEqualTo(window);
      assertThat(line[6]).as(line[0]).isEqualTo("DISPLAY -P1D,DISPLAY -PT15M");
    }
    return lines.size();
  }

  @Test
  void icalJsReadsTheCancellationAndTheFeed() throws Exception {
    Edition edition = edition(14, LocalDate.of(2026, 10, 25));
    Registration registration = registration(edition, ZoneId.of("Europe/London"));
    Path cancel = dir.resolve("cancel.ics");
    Files.writeString(cancel, invites().cancellation(registration, edition, 3));
    Path feed = dir.resolve("feed.ics");
    Window span = Schedule.of(edition).globalSpan();
    Files.writeString(feed, invites().editionFeed(edition));

    List<String[]> lines = run(List.of(cancel, feed));

    assertThat(lines.get(0))
        .containsExactly(
            cancel.toString(),
            "CANCEL",
            Invites.uid(registration, edition),
            "3",
            Schedule.of(edition).windowIn(ZoneId.of("Europe/London")).start().toString(),
            Schedule.of(edition).windowIn(ZoneId.of("Europe/London")).end().toString(),
            "");
    assertThat(lines.get(1))
        .containsExactly(
            feed.toString(),
            "PUBLISH",
            "edition-14@poltwt",
            "0",
            span.start().toString(),
            span.end().toString(),
            "");
  }

  @Test
  void aBrokenFileFailsTheCheck() throws Exception {
    // So that the checks above cannot pass on a script that accepts anything.
    Path broken = dir.resolve("broken.ics");
    Files.writeString(
        broken,
        invites()
            .invite(
                registration(edition(14, LocalDate.of(2026, 6, 5)), ZoneId.of("Asia/Kathmandu")),
                edition(14, LocalDate.of(2026, 6, 5)),
                0)
            .replace("TZID:Asia/Kathmandu", "TZID:Asia/Elsewhere"));

    Process process = start(List.of(broken));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
  }

  private static List<String[]> run(List<Path> files) throws Exception {
    Process process = start(files);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    return out.lines().map(l -> l.split("\t", -1)).toList();
  }

  private static Process start(List<Path> files) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    files.forEach(f -> command.add(f.toString()));
    return new ProcessBuilder(command).start();
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException(e));
    }
  }
}

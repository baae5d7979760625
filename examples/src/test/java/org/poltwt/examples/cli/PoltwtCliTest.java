package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.PoltwtCli;

class PoltwtCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Instant now, String... args) {
    return PoltwtCli.run(
        Clock.fixed(now, ZoneOffset.UTC), new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void printsEachZonesWindowInLocalTime() {
    int status =
        run(
            Instant.parse("2015-06-01T00:00:00Z"),
            "windows",
            "--edition",
            "5",
            "--date",
            "2015-06-05",
            "--start",
            "08:00",
            "--zone",
            "Asia/Kathmandu",
            "--zone",
            "Pacific/Kiritimati",
            "--zone",
            "America/St_Johns");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("#PolTwt edition 5 on 2015-06-05, from 08:00 local time")
        .containsPattern(
            "Asia/Kathmandu\\s+Fri 2015-06-05 08:00 \\+05:45\\s+Sat 2015-06-06 08:00 \\+05:45\\s+24h\\s+4d 2h15m")
        .containsPattern("Pacific/Kiritimati\\s+Fri 2015-06-05 08:00 \\+14:00")
        .containsPattern("America/St_Johns\\s+Fri 2015-06-05 08:00 -02:30");
  }

  @Test
  void saysWhichZonesAreLiveOrOver() {
    run(
        Instant.parse("2015-06-05T10:30:00Z"),
        "windows",
        "--edition",
        "5",
        "--date",
        "2015-06-05",
        "--zone",
        "Europe/Madrid",
        "--zone",
        "Pacific/Kiritimati",
        "--zone",
        "Pacific/Pago_Pago");

    assertThat(out.toString())
        .containsPattern("Europe/Madrid .* live now")
        .containsPattern("Pacific/Kiritimati .* over")
        .containsPattern("Pacific/Pago_Pago .* 0h30m");
  }

  @Test
  void anUnknownZoneIsABadInputWithTheFieldNamed() {
    int status =
        run(
            Instant.EPOCH,
            "windows",
            "--edition",
            "5",
            "--date",
            "2015-06-05",
            "--zone",
            "Mars/Olympus");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("zone:")
        .contains("Mars/Olympus")
        .contains("not a known time-zone id");
  }

  @Test
  void aNegativeEditionNumberIsRejected() {
    int status = run(Instant.EPOCH, "windows", "--edition", "-1", "--date", "2015-06-05");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("number: must be at least 1");
  }

  @Test
  void allZonesListsTheTimeZoneDatabaseOnlyNotIcal4jsCopies() {
    // The site's calendar feed brings ical4j, whose zone provider adds ical4j~<uuid> ids.
    assertThat(ZoneId.getAvailableZoneIds()).anyMatch(id -> id.startsWith("ical4j~"));

    int status =
        run(Instant.EPOCH, "windows", "--edition", "5", "--date", "2015-06-05", "--all-zones");

    assertThat(status).isZero();
    assertThat(out.toString())
        .doesNotContain("ical4j~")
        .containsPattern("(?m)^Europe/Madrid ")
        .containsPattern("(?m)^Asia/Kathmandu ")
        .containsPattern("(?m)^UTC ");
  }
}

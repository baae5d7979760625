package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;

/**
 * The README's "use it from your code" snippet is this test's body, so it always compiles and runs.
 */
class ReadmeSnippetTest {

  @Test
  void snippetRuns() {
    // README-SNIPPET-START
    Edition fifth =
        Edition.builder()
            .number(5)
            .date(LocalDate.of(2015, 6, 5))
            .localStart(LocalTime.of(8, 0))
            .themes("TimeToUnify")
            .build();
    Schedule schedule = Schedule.of(fifth);

    Window madrid = schedule.windowIn(ZoneId.of("Europe/Madrid"));
    // [2015-06-05T06:00:00Z, 2015-06-06T06:00:00Z)
    Set<ZoneId> live = schedule.liveAt(Instant.parse("2015-06-05T12:00:00Z"));
    Duration wait =
        schedule.countdown(ZoneId.of("Asia/Kathmandu"), Instant.parse("2015-06-05T00:00:00Z"));
    // README-SNIPPET-END

    assertThat(madrid.start()).isEqualTo(Instant.parse("2015-06-05T06:00:00Z"));
    assertThat(madrid.end()).isEqualTo(Instant.parse("2015-06-06T06:00:00Z"));
    assertThat(live)
        .contains(ZoneId.of("Europe/Madrid"))
        .doesNotContain(ZoneId.of("Pacific/Pago_Pago"));
    assertThat(wait).isEqualTo(Duration.ofMinutes(2 * 60 + 15));
  }

  @Test
  void readmeShowsExactlyTheSnippet() throws IOException {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.snippet(getClass(), "README-SNIPPET"));
  }
}

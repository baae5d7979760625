package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.calendar.Fixtures.edition;
import static org.poltwt.calendar.Fixtures.invites;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;

/** The edition's public feed. */
class EditionFeedTest {
  @Test
  void theEditionFeedHoldsTheGlobalSpanInUtc() {
    Edition edition = edition(14, LocalDate.of(2026, 6, 5));

    Schedule schedule = Schedule.of(edition);
    String ics = invites().editionFeed(edition);
    Parsed feed = Parsed.of(ics);

    assertThat(feed.method()).isEqualTo("PUBLISH");
    assertThat(feed.window()).isEqualTo(schedule.globalSpan());
    assertThat(feed.value("UID")).isEqualTo("edition-14@poltwt");
    assertThat(feed.value("STATUS")).isEqualTo("CONFIRMED");
    assertThat(feed.value("DTSTART")).endsWith("Z");
    assertThat(feed.timeZones()).isEmpty();
    assertThat(feed.alarms()).isEmpty();
    Edition cancelled = edition.toBuilder().status(EditionStatus.CANCELLED).build();
    assertThat(Parsed.of(invites().editionFeed(cancelled)).value("STATUS")).isEqualTo("CANCELLED");
  }
}

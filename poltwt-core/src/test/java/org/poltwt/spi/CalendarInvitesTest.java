package org.poltwt.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The SEQUENCE every calendar file of poltwt carries rises with time, second by second. */
class CalendarInvitesTest {
  @Property
  void aLaterSecondAlwaysGivesAHigherSequence(
      @ForAll @LongRange(min = 946_684_800L, max = 3_000_000_000L) long second,
      @ForAll @LongRange(min = 1, max = 86_400) long later) {
    assertThat(CalendarInvites.sequenceAt(Instant.ofEpochSecond(second + later)))
        .isGreaterThan(CalendarInvites.sequenceAt(Instant.ofEpochSecond(second)));
  }

  @Test
  void itCountsSecondsFrom2000AndRefusesWhatItCannotCount() {
    assertThat(CalendarInvites.sequenceAt(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
    assertThat(CalendarInvites.sequenceAt(Instant.parse("2026-12-07T10:00:01Z")))
        .isEqualTo(CalendarInvites.sequenceAt(Instant.parse("2026-12-07T10:00:00Z")) + 1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalendarInvites.sequenceAt(Instant.parse("1999-12-31T23:59:59Z")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalendarInvites.sequenceAt(Instant.parse("2070-01-01T00:00:00Z")));
  }
}

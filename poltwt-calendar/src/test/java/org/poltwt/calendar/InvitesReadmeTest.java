package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.spi.CalendarInvites;

/** The README's snippet, compiled and run, and checked to be the README's text. */
class InvitesReadmeTest {
  @Test
  void theReadmeSnippetRuns() throws IOException {
    Clock clock = Clock.fixed(Fixtures.NOW, ZoneId.of("UTC"));
    Edition edition = Fixtures.edition(14, LocalDate.of(2026, 6, 5));
    Edition rescheduled = edition.toBuilder().date(LocalDate.of(2026, 6, 12)).build();
    Registration registration = Fixtures.registration(edition, ZoneId.of("Europe/Madrid"));

    // README begin
    Invites invites = Invites.of(clock); // the clock stamps DTSTAMP

    String invite = invites.invite(registration, edition, 0); // METHOD:REQUEST, SEQUENCE:0
    // or as the services' attachments, in each registration's language:
    CalendarInvites files = invites.attachments();
    String moved = invites.invite(registration, rescheduled, 1); // same UID: the calendar moves it
    String cancel = invites.cancellation(registration, rescheduled, 2); // METHOD:CANCEL, same UID
    String feed = invites.editionFeed(edition); // /editions/N.ics: the global span, in UTC
    // README end

    assertThat(Parsed.of(moved).value("UID")).isEqualTo(Parsed.of(invite).value("UID"));
    assertThat(Parsed.of(cancel).method()).isEqualTo("CANCEL");
    assertThat(feed).contains("METHOD:PUBLISH");
    assertThat(files.invite(registration, edition, 0))
        .hasValueSatisfying(file -> assertThat(file.contentType()).startsWith("text/calendar"));

    String source =
        Files.readString(Path.of("src/test/java/org/poltwt/calendar/InvitesReadmeTest.java"));
    String snippet =
        source
            .substring(
                source.indexOf("// README begin\n") + 16, source.indexOf("    // README end"))
            .replaceAll("(?m)^    ", "");
    assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
  }
}

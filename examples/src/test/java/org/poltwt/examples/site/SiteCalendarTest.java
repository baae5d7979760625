package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.test.Editions;

/** The public calendar feed of an edition, {@code /editions/N.ics}, over HTTP. */
class SiteCalendarTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:30Z"), ZoneOffset.UTC);
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssX").withZone(ZoneOffset.UTC);

  private static TestSite site;
  private static Edition current;
  private static int undated;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
    // The demo's latest edition, the one the home page shows.
    current =
        site.site.stores().editions().all().stream()
            .max((a, b) -> Integer.compare(a.number(), b.number()))
            .orElseThrow();
    undated = current.number() + 1;
    site.site.stores().editions().save(Editions.dateTbd(undated));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static Window window(String ics) {
    try {
      Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
      List<VEvent> events = calendar.getComponents("VEVENT");
      assertThat(events).hasSize(1);
      assertThat(calendar.getProperty("METHOD").map(Property::getValue)).hasValue("PUBLISH");
      VEvent event = events.get(0);
      return new Window(instant(event, "DTSTART"), instant(event, "DTEND"));
    } catch (IOException | ParserException e) {
      throw new AssertionError("ical4j cannot read the feed: " + e + "\n" + ics, e);
    }
  }

  private static Instant instant(VEvent event, String property) {
    String value = event.getProperty(property).map(Property::getValue).orElseThrow();
    assertThat(value).as(property + " in UTC").endsWith("Z");
    return UTC.parse(value, Instant::from);
  }

  @Test
  void theFeedHoldsTheEditionsGlobalSpan() {
    WebClient.Response r = site.client().get("/editions/" + current.number() + ".ics");

    assertThat(r.status()).isEqualTo(200);
    assertThat(current.date()).isPresent();
    assertThat(window(r.body())).isEqualTo(Schedule.of(current).globalSpan());
    assertThat(r.body())
        .contains("UID:edition-" + current.number() + "@poltwt")
        .contains("#" + current.hashtag());
  }

  @Test
  void theFeedIsServedAsACalendarFileNamedForTheEdition() {
    WebClient.Response r = site.client().get("/editions/" + current.number() + ".ics");

    assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/calendar; charset=utf-8");
    assertThat(r.header("Content-Disposition"))
        .isEqualTo("inline; filename=\"poltwt-edition-" + current.number() + ".ics\"");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anotherEditionsFeedFollowsItsOwnDate() {
    int number = undated + 1;
    Edition moved =
        Editions.scheduledBuilder(number)
            .date(LocalDate.of(2027, 3, 28)) // a clock-change day in Europe
            .build();
    site.site.stores().editions().save(moved);

    WebClient.Response r = site.client().get("/editions/" + number + ".ics");

    assertThat(r.status()).isEqualTo(200);
    assertThat(window(r.body())).isEqualTo(Schedule.of(moved).globalSpan());
  }

  @Test
  void anUnknownEditionIsNotFound() {
    WebClient.Response r = site.client().get("/editions/9999.ics");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).doesNotContain("text/calendar");
    assertThat(r.body())
        .as("type %s", r.header("Content-Type"))
        .contains("There is no such edition.");
  }

  @Test
  void aMalformedNumberIsNotFound() {
    for (String file : new String[] {"abc.ics", "0.ics", "-1.ics", "01.ics", "1", "1.ical"}) {
      WebClient.Response r = site.client().get("/editions/" + file);

      assertThat(r.status()).as(file).isEqualTo(404);
      assertThat(r.header("Content-Type")).as(file).doesNotContain("text/calendar");
    }
    assertThat(site.client().get("/editions/99999999999999999999.ics").status()).isEqualTo(404);
  }

  @Test
  void anEditionWithoutADateHasNoFeedAndSaysWhy() {
    WebClient.Response r = site.client().get("/editions/" + undated + ".ics");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).doesNotContain("text/calendar");
    assertThat(r.body()).contains("This edition has no date yet");
  }

  @Test
  void theHomePageLinksTheFeed() {
    String home = site.client().get("/").body();

    assertThat(home)
        .contains(
            "<a href=\"/editions/"
                + current.number()
                + ".ics\" id=\"calendar-feed\">Add the edition to your calendar</a>");
  }
}

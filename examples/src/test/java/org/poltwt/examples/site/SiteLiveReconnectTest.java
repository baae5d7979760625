package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * Coming back to the live board over HTTP: the stream's reconnection interval, the last event named
 * in the query when a page had to open a new stream, and a viewer resuming on a new instance that
 * took the stopped one's port.
 */
class SiteLiveReconnectTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void theStreamTellsTheBrowserToReconnectWithinTwoSeconds() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      site.site.live().feed.tick();
      try (LiveEvents stream = LiveEvents.open(site, null)) {
        stream.next();
        assertThat(stream.retry()).isEqualTo("2000");
      }
    }
  }

  @Test
  void aNewStreamNamesTheLastEventInTheQueryAndTheHeaderWins() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      for (int i = 1; i <= 3; i++) {
        site.site.stores().tweets().upsert(edition, post(i, inside.minusSeconds(10 - i)));
      }
      site.site.live().feed.tick();

      try (LiveEvents s = LiveEvents.open(site, "/live/events?lastEventId=" + id(2), null)) {
        JsonNode resumed = s.next();
        assertThat(resumed.get("full").asBoolean()).isFalse();
        assertThat(resumed.get("posts"))
            .extracting(p -> p.get("id").asText())
            .containsExactly(id(3));
      }
      try (LiveEvents s = LiveEvents.open(site, "/live/events?lastEventId=" + id(1), id(3))) {
        assertThat(s.next().get("posts")).isEmpty();
      }
      try (LiveEvents s = LiveEvents.open(site, "/live/events?lastEventId=nonsense", null)) {
        assertThat(s.next().get("full").asBoolean()).isTrue();
      }
    }
  }

  @Test
  void aViewerResumesOnTheInstanceThatTookTheStoppedOnesPort() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite database = TestSite.showingEveryPost(clock)) {
      int edition = database.latestEdition();
      Instant inside = database.intoLatestEdition(Duration.ofHours(12));
      database.site.stores().tweets().upsert(edition, post(1, inside.minusSeconds(20)));
      String seen;
      int port;
      try (TestSite first = database.alongside()) {
        first.site.live().feed.tick();
        port = first.site.port();
        try (LiveEvents s = LiveEvents.open(first, null)) {
          assertThat(s.next().get("postsTotal").asLong()).isEqualTo(1);
        }
        seen = first.site.live().feed.current().orElseThrow().eventId();
      }
      // Stored while no instance serves the port.
      database.site.stores().tweets().upsert(edition, post(2, inside.minusSeconds(10)));
      database.site.stores().tweets().upsert(edition, post(3, inside.minusSeconds(5)));

      try (TestSite next = database.alongsideOn(port)) {
        assertThat(next.site.port()).isEqualTo(port);
        try (LiveEvents s = LiveEvents.open(next, seen)) {
          JsonNode resumed = s.next();
          assertThat(resumed.get("full").asBoolean()).isFalse();
          assertThat(resumed.get("postsTotal").asLong()).isEqualTo(3);
          assertThat(resumed.get("posts"))
              .extracting(p -> p.get("id").asText())
              .containsExactly(id(3), id(2));
        }
      }
    }
  }

  static String id(int n) {
    return Long.toString(9_190_000_000_000_000_000L + n);
  }

  static Tweet post(int n, Instant at) {
    return Tweet.of(id(n), "77", null, "On patrol, post " + n + " #PolTwt", at);
  }
}

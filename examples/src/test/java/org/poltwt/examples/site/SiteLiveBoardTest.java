package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.live.BoardState;
import org.poltwt.live.LivePost;
import org.poltwt.spi.TweetStore;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * The live board over HTTP: the page before and during an edition, the replay filling the store,
 * and the Server-Sent Events stream with its resumption by {@code Last-Event-ID}. The tests tick
 * the feed and the replay themselves rather than wait for their timers (whose clock stands still).
 */
class SiteLiveBoardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void beforeTheEditionThePageCountsDownToTheFirstZone() {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.start(clock, 1000)) {
      site.site.live().feed.tick();
      String page = site.client().get("/live").body();

      assertThat(page)
          .contains("has not started yet")
          .contains("Pacific/Kiritimati")
          .contains("id=\"live-countdown\"")
          .contains("href=\"/live\"")
          .contains("src=\"/assets/live.js\"");
      assertThat(page).containsPattern("<p id=\"live-during\" hidden>");
    }
  }

  @Test
  void aReplayFillsTheBoardAndTheStreamResumesWithoutDuplicates() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site =
        TestSite.start(
            clock, 1000, b -> b.live(LiveOptions.defaults().withDemoReplay(true).withSpeed(600)))) {
      LivePages live = site.site.live();
      assertThat(live.replay).isPresent();
      Replay replay = live.replay.get();
      int all = replay.remaining();
      assertThat(all).isPositive();

      // Ten minutes of the site's clock are a hundred hours of the edition's at 600x: all of it.
      clock.advance(Duration.ofMinutes(10));
      replay.playDue(); // the replay's own timer may have played some already
      assertThat(replay.remaining()).isZero();
      live.feed.tick();

      String page = site.client().get("/live").body();
      assertThat(page).contains("The edition is over").contains("href=\"/live/wrapup\"");
      assertThat(page).contains("<li data-id=");

      JsonNode first = firstEvent(site, null);
      assertThat(first.get("postsTotal").asLong()).isEqualTo(all);
      assertThat(first.get("phase").asText()).isEqualTo("AFTER");
      assertThat(first.get("full").asBoolean()).isTrue();
      String lastId = live.feed.current().orElseThrow().eventId();

      // Resuming from the last event: nothing again.
      JsonNode resumed = firstEvent(site, lastId);
      assertThat(resumed.get("full").asBoolean()).isFalse();
      assertThat(resumed.get("posts")).isEmpty();

      // Nonsense gets the whole current state.
      JsonNode nonsense = firstEvent(site, "'; DROP TABLE tweet; --");
      assertThat(nonsense.get("full").asBoolean()).isTrue();
      assertThat(nonsense.get("posts")).hasSameSizeAs(first.get("posts"));
    }
  }

  @Test
  void aNewPostReachesAConnectedViewerOnceAndItsTextStaysText() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      feed.tick();
      String before = feed.current().orElseThrow().eventId();

      try (LiveEvents stream = LiveEvents.open(site, before)) {
        JsonNode hello = stream.next();
        assertThat(hello.get("posts")).isEmpty();

        site.site
            .stores()
            .tweets()
            .upsert(
                edition,
                Tweet.of(
                    "9000000000000000001",
                    "77",
                    null,
                    "<script>alert(1)</script> #PolTwt",
                    inside.minusSeconds(5)));
        feed.tick();
        JsonNode next = stream.nextWithNewId();
        assertThat(next.get("posts")).hasSize(1);
        assertThat(next.get("posts").get(0).get("text").asText()).startsWith("<script>");
        assertThat(next.get("posts").get(0).get("link").asText())
            .isEqualTo("https://x.com/i/web/status/9000000000000000001");
        assertThat(next.get("postsLastMinute").asLong()).isEqualTo(1);

        feed.tick();
        assertThat(stream.next().get("posts")).isEmpty();
      }
      String page = site.client().get("/live").body();
      assertThat(page)
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain("<script>alert");
    }
  }

  @Test
  void aPostStoredBelowTheLargestIdReadIsCountedAndPlacedByTheNextRecheck() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      TweetStore tweets = site.site.stores().tweets();
      feed.tick();
      // A harvest's first page (the newest posts), read by a poll before its second page lands.
      tweets.upsert(edition, Tweet.of("9000000000000000020", "77", null, "new #PolTwt", inside));
      feed.tick();
      String seen = feed.current().orElseThrow().eventId();
      assertThat(LiveFeed.resume(feed.current().orElseThrow(), seen)).contains("\"full\":false");
      tweets.upsert(
          edition,
          Tweet.of("9000000000000000010", "77", null, "older #PolTwt", inside.minusSeconds(9)));
      for (int i = 0; i <= LiveFeed.RECHECK_TICKS; i++) {
        feed.tick();
      }
      BoardState state = feed.current().orElseThrow().state();
      assertThat(state.postsTotal()).isEqualTo(2);
      assertThat(state.latest())
          .extracting(LivePost::id)
          .containsExactly("9000000000000000020", "9000000000000000010");
      // A viewer that left before the late post came back with the same largest id: it gets the
      // whole state, the late post in it, not "nothing new".
      LiveFeed.Published now = feed.current().orElseThrow();
      assertThat(now.eventId()).startsWith("9000000000000000020-");
      assertThat(LiveFeed.resume(now, seen))
          .contains("\"full\":true")
          .contains("9000000000000000010");
      assertThat(LiveFeed.resume(now, now.eventId())).contains("\"full\":false");
      // An id ahead of this instance's (made up, or from an instance further on) gets it too.
      assertThat(LiveFeed.resume(now, "9000000000000000099-1")).contains("\"full\":true");
      // Counted once, however many rechecks pass over it.
      for (int i = 0; i <= LiveFeed.RECHECK_TICKS; i++) {
        feed.tick();
      }
      assertThat(feed.current().orElseThrow().state().postsTotal()).isEqualTo(2);
    }
  }

  @Test
  void aPostStoredBelowTheFirstReadAfterABuildIsFoundByTheCountWithinTwoReaches() {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      TweetStore tweets = site.site.stores().tweets();
      tweets.upsert(edition, Tweet.of("9000000000000000020", "77", null, "new #PolTwt", inside));
      // The board is built with the newest page of a harvest still storing its older ones.
      feed.tick();
      int built = feed.builds();
      tweets.upsert(edition, Tweet.of("9000000000000000010", "77", null, "older #PolTwt", inside));
      for (int i = 0; i < 2 * LiveFeed.RECHECK_REACH; i++) {
        feed.tick();
      }
      assertThat(feed.builds()).isEqualTo(built + 1);
      assertThat(feed.current().orElseThrow().state().postsTotal()).isEqualTo(2);
    }
  }

  @Test
  void thePeriodicRebuildRereadsThePostsOnlyWhenTheStoreHoldsPostsTheBoardDidNotCount() {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      TweetStore tweets = site.site.stores().tweets();
      tweets.upsert(edition, Tweet.of("9000000000000000020", "77", null, "new #PolTwt", inside));
      feed.tick();
      int built = feed.builds();
      // Nothing changed for a whole rebuild period: the board stays, its posts are not re-read.
      for (int i = 0; i < LiveFeed.REBUILD_TICKS; i++) {
        feed.tick();
      }
      assertThat(feed.builds()).isEqualTo(built);

      // A post stored far below what the feed read, beyond the recheck's reach (a long backlog).
      for (int i = 0; i < LiveFeed.RECHECK_REACH; i++) {
        feed.tick();
      }
      tweets.upsert(
          edition, Tweet.of("9000000000000000005", "77", null, "backlog #PolTwt", inside));
      for (int i = 0; i < LiveFeed.RECHECK_REACH; i++) {
        feed.tick();
      }
      assertThat(feed.current().orElseThrow().state().postsTotal()).isEqualTo(1);
      for (int i = 0; i < LiveFeed.REBUILD_TICKS; i++) {
        feed.tick();
      }
      assertThat(feed.builds()).isEqualTo(built + 1);
      assertThat(feed.current().orElseThrow().state().postsTotal()).isEqualTo(2);
    }
  }

  @Test
  void twoInstancesGiveEachViewerEachPostOnceAndResumeFromOneAnothersIds() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite first = TestSite.showingEveryPost(clock)) {
      int edition = first.latestEdition();
      Instant inside = first.intoLatestEdition(Duration.ofHours(12));
      try (TestSite second = first.alongside()) {
        LiveFeed a = first.site.live().feed;
        LiveFeed b = second.site.live().feed;
        a.tick();
        b.tick();
        try (LiveEvents onA = LiveEvents.open(first, null);
            LiveEvents onB = LiveEvents.open(second, null)) {
          assertThat(onA.next().get("full").asBoolean()).isTrue();
          assertThat(onB.next().get("full").asBoolean()).isTrue();

          first.site.stores().tweets().upsert(edition, post("9100000000000000001", inside));
          a.tick();
          b.tick();
          JsonNode fromA = onA.nextWithNewId();
          JsonNode fromB = onB.nextWithNewId();
          assertThat(fromA.get("posts")).hasSize(1);
          assertThat(fromB.get("posts")).hasSize(1);
          assertThat(fromA.get("posts").get(0).get("id").asText())
              .isEqualTo(fromB.get("posts").get(0).get("id").asText())
              .isEqualTo("9100000000000000001");
          a.tick();
          b.tick();
          assertThat(onA.next().get("posts")).isEmpty();
          assertThat(onB.next().get("posts")).isEmpty();
        }
        // A browser that saw the post on the first instance and reconnects to the second.
        JsonNode moved = firstEvent(second, a.current().orElseThrow().eventId());
        assertThat(moved.get("full").asBoolean()).isFalse();
        assertThat(moved.get("posts")).isEmpty();
      }
    }
  }

  @Test
  void aLastEventIdOlderThanTheStripGetsTheWholeState() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      for (int i = 1; i <= 25; i++) {
        site.site
            .stores()
            .tweets()
            .upsert(
                edition,
                post(Long.toString(9_200_000_000_000_000_000L + i), inside.minusSeconds(30 - i)));
      }
      site.site.live().feed.tick();

      JsonNode old = firstEvent(site, "9200000000000000001");
      assertThat(old.get("full").asBoolean()).isTrue();
      assertThat(old.get("posts")).hasSize(20);
      JsonNode recent = firstEvent(site, "9200000000000000022");
      assertThat(recent.get("full").asBoolean()).isFalse();
      assertThat(recent.get("posts"))
          .extracting(n -> n.get("id").asText())
          .containsExactly("9200000000000000025", "9200000000000000024", "9200000000000000023");
    }
  }

  @Test
  void aBurstLargerThanTheStripReachesViewersAsTheStripNotAsEveryPost() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      feed.tick();
      try (LiveEvents stream = LiveEvents.open(site, null)) {
        stream.next();
        for (int i = 1; i <= 30; i++) {
          site.site
              .stores()
              .tweets()
              .upsert(
                  edition,
                  post(Long.toString(9_210_000_000_000_000_000L + i), inside.minusSeconds(40 - i)));
        }
        feed.tick();
        // The site's own timer may have read part of the burst first: whatever the split, no event
        // carries more than the strip, and a strip built as the page builds it ends with the
        // latest twenty.
        java.util.LinkedList<String> strip = new java.util.LinkedList<>();
        JsonNode event;
        do {
          event = stream.next();
          assertThat(event.get("posts").size()).isLessThanOrEqualTo(20);
          if (event.get("full").asBoolean()) {
            strip.clear();
          }
          for (int i = event.get("posts").size() - 1; i >= 0; i--) {
            String id = event.get("posts").get(i).get("id").asText();
            if (!strip.contains(id)) {
              strip.addFirst(id);
            }
          }
          while (strip.size() > 20) {
            strip.removeLast();
          }
        } while (event.get("postsTotal").asLong() < 30);
        assertThat(event.get("postsLastMinute").asLong()).isEqualTo(30);
        assertThat(strip)
            .hasSize(20)
            .startsWith("9210000000000000030")
            .endsWith("9210000000000000011");
      }
    }
  }

  private static Tweet post(String id, Instant at) {
    return Tweet.of(id, "77", null, "On patrol #PolTwt", at);
  }

  @Test
  void theStreamWantsAnEventStreamClient() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.start(clock, 1000)) {
      HttpResponse<String> plain =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(site.url() + "/live/markers.json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(plain.body()).isArray()).isTrue();
    }
  }

  private static JsonNode firstEvent(TestSite site, String lastEventId) throws Exception {
    try (LiveEvents s = LiveEvents.open(site, lastEventId)) {
      return s.next();
    }
  }
}

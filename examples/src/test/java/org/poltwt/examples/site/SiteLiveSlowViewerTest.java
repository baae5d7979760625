package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * A live viewer that stops reading must not hold up the others (issue 23): over real HTTP, one
 * viewer sends its request and never reads while another keeps reading. Before the viewers had
 * queues of their own, the feed's tick blocked on the stalled viewer's full socket until Jetty's
 * idle timeout dropped it, so the normal viewer got far fewer posts than a queue holds in the
 * meantime (or, with a longer idle timeout, the test ran into its own timeout).
 */
class SiteLiveSlowViewerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  /** Each post's text: large, so that a few events fill any socket buffer. */
  private static final String TEXT = "On patrol #PolTwt " + "x".repeat(256 * 1024);

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aViewerThatStopsReadingNeitherHoldsUpTheOthersNorStaysConnected() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      feed.tick();

      // A small receive buffer so that the stalled viewer's side fills soon; it never reads.
      try (Socket stalled = SiteLiveStalledViewersTest.stalledViewer(site)) {
        while (feed.viewers() < 1) {
          Thread.sleep(10);
        }

        try (LiveEvents normal = LiveEvents.open(site, null)) {
          normal.next();
          assertThat(feed.viewers()).isEqualTo(2);
          long pushed = 0;
          int received = 0;
          for (int i = 1; feed.viewers() == 2; i++) {
            assertThat(i).as("posts pushed before the stalled viewer was dropped").isLessThan(400);
            String id = Long.toString(9_220_000_000_000_000_000L + i);
            site.site
                .stores()
                .tweets()
                .upsert(edition, Tweet.of(id, "77", null, TEXT + i, inside.minusSeconds(5)));
            feed.tick();
            JsonNode next = normal.nextWithNewId();
            assertThat(next.get("posts")).hasSize(1);
            assertThat(next.get("posts").get(0).get("id").asText()).isEqualTo(id);
            received++;
            pushed += TEXT.length();
          }
          // It was dropped only once its queue overflowed, so its writes were blocked: far more was
          // pushed than its socket buffers hold, and the normal viewer had each post meanwhile.
          assertThat(received).isGreaterThan(LiveSenders.QUEUE);
          assertThat(pushed).isGreaterThan(stalled.getReceiveBufferSize() + 1_000_000L);
          assertThat(feed.viewers()).isEqualTo(1);

          // The normal viewer is still served after the drop.
          String after = Long.toString(9_220_000_000_000_000_000L + 999);
          site.site
              .stores()
              .tweets()
              .upsert(edition, Tweet.of(after, "77", null, "Still here #PolTwt", inside));
          feed.tick();
          assertThat(normal.nextWithNewId().get("posts").get(0).get("id").asText())
              .isEqualTo(after);
        }
      }
    }
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * Many live viewers that stop reading at once must not cost a healthy viewer a single event (issue
 * 23): a dozen connections send their request and never read, while one viewer keeps reading every
 * large post. When a few blocking sender threads served all the viewers, the stalled connections
 * took every thread until Jetty's idle timeout, the healthy viewer's queue filled on the site's own
 * ticks meanwhile, and it was dropped too.
 */
class SiteLiveStalledViewersTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  /** More stalled viewers than the old design had sender threads, three times over. */
  private static final int STALLED = 12;

  /** Each post's text: large, so that a few events fill a stalled viewer's socket buffers. */
  private static final String TEXT = "On patrol #PolTwt " + "x".repeat(128 * 1024);

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void stalledViewersAreClosedWhileAHealthyViewerGetsEveryPost() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      feed.tick();

      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < STALLED; i++) {
          stalled.add(stalledViewer(site));
        }
        while (feed.viewers() < STALLED) {
          Thread.sleep(10);
        }

        try (LiveEvents healthy = LiveEvents.open(site, null)) {
          healthy.next();
          assertThat(feed.viewers()).isEqualTo(STALLED + 1);
          int posts = 0;
          // Until every stalled viewer is dropped, and then as many posts again: the healthy
          // viewer must have each one, in order, on the same connection.
          int extra = LiveSenders.QUEUE * 2;
          for (int i = 1; feed.viewers() > 1 || extra-- > 0; i++) {
            assertThat(i)
                .as("posts pushed before the stalled viewers were dropped")
                .isLessThan(400);
            String id = Long.toString(9_220_000_000_000_000_000L + i);
            site.site
                .stores()
                .tweets()
                .upsert(edition, Tweet.of(id, "77", null, TEXT + i, inside.minusSeconds(5)));
            feed.tick();
            JsonNode next = healthy.nextWithNewId();
            assertThat(next.get("posts")).hasSize(1);
            assertThat(next.get("posts").get(0).get("id").asText()).isEqualTo(id);
            posts++;
          }
          assertThat(posts).isGreaterThan(LiveSenders.QUEUE * 3);
          assertThat(feed.viewers()).isEqualTo(1);
        }

        // Each stalled connection was closed by the server: reading it (what its buffers hold)
        // ends, where a connection left open would run into the socket's read timeout.
        for (Socket s : stalled) {
          assertThat(readsToTheEnd(s)).as("a stalled viewer's connection was closed").isTrue();
        }
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
    }
  }

  /** A viewer that asks for the events and never reads them, with a small receive buffer. */
  static Socket stalledViewer(TestSite site) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress("localhost", URI.create(site.url()).getPort()));
    OutputStream out = s.getOutputStream();
    out.write(
        ("GET /live/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  /** Reads a connection until the server ends it (true), or until the read times out (false). */
  private static boolean readsToTheEnd(Socket s) throws IOException {
    s.setSoTimeout(60_000);
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      while (in.read(buffer) >= 0) {
        // what the server had sent before it closed
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * The live board's events on the wire, now that the site frames them itself for its non-blocking
 * writes (issue 23): the bytes a viewer reads are the Server-Sent Events framing that Javalin's
 * {@code SseClient} wrote, one event after another in the order the feed sent them.
 */
class SiteLiveEventStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  /** One event as the site writes it: its id, its name, one data line, an empty line. */
  private static final Pattern EVENT = Pattern.compile("id: ([0-9]+)\nevent: state\ndata: (.*)\n");

  @Test
  void anEventIsItsIdItsNameAndADataLinePerLineOfItsData() {
    assertThat(text(LiveSenders.frame("state", "{\"a\":1}", "42")))
        .isEqualTo("id: 42\nevent: state\ndata: {\"a\":1}\n\n");
    // Each of CR LF, CR and LF ends a line; a browser joins the data lines back with LF.
    assertThat(text(LiveSenders.frame("state", "a\nb\r\nc\rd", "7")))
        .isEqualTo("id: 7\nevent: state\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
    // A trailing line break is kept as an empty last line, and empty data is one empty line.
    assertThat(text(LiveSenders.frame("state", "x\n", "7")))
        .isEqualTo("id: 7\nevent: state\ndata: x\ndata: \n\n");
    assertThat(text(LiveSenders.frame("state", "", "7")))
        .isEqualTo("id: 7\nevent: state\ndata: \n\n");
    // A line break in the id or the name would end the field early; it is left out.
    assertThat(text(LiveSenders.frame("st\nate", "x", "1\r\n2")))
        .isEqualTo("id: 12\nevent: state\ndata: x\n\n");
    assertThat(text(LiveSenders.frame("state", "x", null))).isEqualTo("event: state\ndata: x\n\n");
    // The stream's charset, UTF-8.
    assertThat(LiveSenders.frame("state", "München دورية", "1"))
        .isEqualTo("id: 1\nevent: state\ndata: München دورية\n\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aViewerReadsEveryEventFramedAndInOrder() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      feed.tick();
      LiveFeed.Published before = feed.current().orElseThrow();

      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(site.url() + "/live/events"))
                      .header("Accept", "text/event-stream")
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
      try (InputStream in = response.body()) {
        // The reconnection interval comes first, as a block of its own.
        assertThat(nextEvent(in)).isEqualTo("retry: " + LiveReconnect.RETRY_MILLIS + "\n");
        // The first event, byte for byte: the whole state as of the last tick (the clock stands
        // still and no post came since, so the site's own ticks publish the same).
        assertThat(nextEvent(in))
            .isEqualTo(
                "id: "
                    + before.eventId()
                    + "\nevent: state\ndata: "
                    + LiveFeed.resume(before, null)
                    + "\n");

        // Posts whose text has a line break and letters outside ASCII; each arrives once, in
        // order, each in one data line of JSON. They are sent a few ticks at a time, fewer than a
        // viewer's queue holds, before the viewer reads them.
        List<String> ids = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String lastId = before.eventId();
        for (int batch = 0; batch < 4; batch++) {
          for (int j = 0; j < LiveSenders.QUEUE / 2; j++) {
            int i = ids.size() + 1;
            String id = Long.toString(9_220_000_000_000_000_000L + i);
            ids.add(id);
            site.site
                .stores()
                .tweets()
                .upsert(
                    edition,
                    Tweet.of(
                        id,
                        "77",
                        null,
                        "Streife " + i + " in München\nدورية #PolTwt",
                        inside.minusSeconds(5)));
            feed.tick();
          }
          while (seen.size() < ids.size()) {
            Matcher m = EVENT.matcher(nextEvent(in));
            assertThat(m.matches()).as("an event framed as the site frames it").isTrue();
            assertThat(LiveFeed.compareIds(m.group(1), lastId)).isGreaterThanOrEqualTo(0);
            lastId = m.group(1);
            JsonNode data = JSON.readTree(m.group(2));
            for (JsonNode post : data.get("posts")) {
              seen.add(post.get("id").asText());
              assertThat(post.get("text").asText())
                  .isEqualTo("Streife " + seen.size() + " in München\nدورية #PolTwt");
            }
          }
        }
        assertThat(seen).isEqualTo(ids);
        assertThat(lastId).isEqualTo(ids.get(ids.size() - 1));
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aViewerThatPausesGetsEveryEventWhenItReadsAgain() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      int edition = site.latestEdition();
      Instant inside = site.intoLatestEdition(Duration.ofHours(12));
      LiveFeed feed = site.site.live().feed;
      feed.tick();
      try (LiveEvents paused = LiveEvents.open(site, null)) {
        paused.next();
        // Megabytes of posts while the viewer reads nothing: more than the sockets' buffers and
        // the client's hold, so that writes to it have to wait, and its later events wait in its
        // queue for the container to say the stream can take more. Fewer events than the queue
        // holds, so the viewer is not dropped.
        String text = "On patrol #PolTwt " + "y".repeat(600 * 1024);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= LiveSenders.QUEUE / 2; i++) {
          String id = Long.toString(9_220_000_000_000_000_000L + i);
          ids.add(id);
          site.site
              .stores()
              .tweets()
              .upsert(edition, Tweet.of(id, "77", null, text + i, inside.minusSeconds(5)));
          feed.tick();
        }
        List<String> seen = new ArrayList<>();
        while (seen.size() < ids.size()) {
          for (JsonNode post : paused.nextWithNewId().get("posts")) {
            seen.add(post.get("id").asText());
          }
        }
        assertThat(seen).isEqualTo(ids);
        assertThat(feed.viewers()).isEqualTo(1);
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aViewerThatHangsUpIsForgottenAndStoppingTheFeedEndsTheOthersStreams() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      LiveFeed feed = site.site.live().feed;
      LiveEvents leaving = LiveEvents.open(site, null);
      leaving.next();
      try (LiveEvents staying = LiveEvents.open(site, null)) {
        staying.next();
        assertThat(feed.viewers()).isEqualTo(2);
        // A viewer that hung up is known by a write that fails, one of the next ticks'.
        leaving.close();
        for (int i = 0; feed.viewers() > 1; i++) {
          assertThat(i).as("ticks before the viewer that hung up was forgotten").isLessThan(500);
          feed.tick();
          Thread.sleep(20);
        }
        assertThat(feed.viewers()).isEqualTo(1);
        staying.next();

        // Stopping the feed closes the streams still open rather than leaving them to the server.
        feed.close();
        assertThat(feed.viewers()).isZero();
        assertThatThrownBy(
                () -> {
                  while (true) {
                    staying.next();
                  }
                })
            .as("the stream ends once the feed stops")
            .isInstanceOfAny(AssertionError.class, IOException.class);
      }
    }
  }

  /** The next event's bytes as text, up to and without the empty line that ends it. */
  private static String nextEvent(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int previous = -1;
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n' && previous == '\n') {
        return b.toString(StandardCharsets.UTF_8);
      }
      b.write(c);
      previous = c;
    }
    throw new IOException("the stream ended inside an event");
  }

  private static String text(byte[] frame) {
    return new String(frame, StandardCharsets.UTF_8);
  }
}

package org.poltwt.benchmarks.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A small load check of the live board, with its server in a JVM of its own: every viewer connects,
 * stays and reads every event, and the figures the report reads are there. Then the viewer's own
 * checks, on streams made up here: one that misses an event must fail.
 */
class LiveViewersTest {
  @Test
  void everyViewerReadsEveryEventAndTheServerIsMeasuredBothWays() throws Exception {
    LiveViewers.Result r = new LiveViewers(5, 2, 1, 20).run();

    assertThat(r.problems()).isEmpty();
    assertThat(r.connectFailures()).isZero();
    assertThat(r.dropped()).isZero();
    assertThat(r.broken()).isZero();
    assertThat(r.missing()).isZero();
    assertThat(r.clean()).isTrue();
    // Connected for the warm-up and the window, about three seconds: an event a second.
    assertThat(r.eventsMin()).isGreaterThanOrEqualTo(2);
    assertThat(r.eventsSent()).isGreaterThanOrEqualTo(r.eventsMax());
    // The replay is in its edition's busiest hours: posts keep coming.
    assertThat(r.eventsWithPosts()).isPositive();
    assertThat(r.idle().viewers()).isZero();
    assertThat(r.loaded().viewers()).isEqualTo(5);
    for (LiveViewers.Phase p : new LiveViewers.Phase[] {r.idle(), r.loaded()}) {
      assertThat(p.seconds()).isGreaterThanOrEqualTo(2);
      assertThat(p.cpuSeconds()).isNotNegative();
      assertThat(p.heapBytes()).isPositive();
      assertThat(p.rssBytes()).isGreaterThan(p.heapBytes());
      assertThat(p.threads()).isPositive();
    }
    assertThat(r.facts()).contains("viewers=5", "dropped=0", "missing=0", "clean=true");
    assertThat(LiveViewers.summary(r)).contains("5 viewers", "dropped 0");
  }

  @Test
  void aViewerThatMissesAnEventFailsAndOneThatReadsAllDoesNot() throws Exception {
    String whole = event("100", "2027-01-08T10:00:00Z", 10, 2, true, "");
    String next =
        event("103", "2027-01-08T10:00:20Z", 12, 2, false, post("102") + "," + post("103"));
    String after = event("105", "2027-01-08T10:00:40Z", 14, 3, false, post("105"));

    LiveViewers.Viewer all = viewer(whole + next + after);
    assertThat(all.problem).isNull();
    assertThat(all.ats).hasSize(3);
    assertThat(all.newPosts).containsExactly(false, true, true);

    // Without the second event, the third brings one post where three were new.
    LiveViewers.Viewer missed = viewer(whole + after);
    assertThat(missed.problem).contains("an event missed");

    LiveViewers.Viewer doubled = viewer(whole + next + next);
    assertThat(doubled.problem).contains("not later than the one before");

    LiveViewers.Viewer notWhole = viewer(next + after);
    assertThat(notWhole.problem).contains("not the whole state");
  }

  @Test
  void aChunkedBodyReadsAsOneStream() throws Exception {
    String chunked = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    LiveViewers.Chunked in =
        new LiveViewers.Chunked(
            new ByteArrayInputStream(chunked.getBytes(StandardCharsets.US_ASCII)));

    String body =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();

    assertThat(body).isEqualTo("hello, world");
    assertThat(in.read()).isEqualTo(-1);
  }

  /** A viewer that read the given stream to its end, as if halted at the end. */
  private static LiveViewers.Viewer viewer(String stream) throws Exception {
    LiveViewers.Viewer v = new LiveViewers.Viewer(0, 0, new CountDownLatch(1));
    v.halt();
    v.read(new BufferedReader(new StringReader(stream)));
    return v;
  }

  private static String event(
      String id, String at, long total, long hidden, boolean full, String posts) {
    return "event: state\nid: "
        + id
        + "\ndata: {\"at\":\""
        + at
        + "\",\"postsTotal\":"
        + total
        + ",\"postsHidden\":"
        + hidden
        + ",\"full\":"
        + full
        + ",\"posts\":["
        + posts
        + "]}\n\n";
  }

  private static String post(String id) {
    return "{\"id\":\"" + id + "\"}";
  }
}

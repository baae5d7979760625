package org.poltwt.examples.site;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a live viewer comes back after its connection drops: an instance restarting, a failover to
 * another behind the proxy, a network that went away.
 *
 * <p>The browser's {@code EventSource} reconnects by itself after the stream's {@code retry}
 * interval, sending the last event's id as {@code Last-Event-ID}; the feed then sends only what it
 * missed. The stream sets that interval to {@link #RETRY_MILLIS} so that a viewer is back within
 * seconds of the instance. When the answer to a reconnection is not a stream at all (a proxy's 502
 * while no instance is up), the browser gives up on that {@code EventSource}; the page then opens a
 * new one, which cannot set the header, and names the last id in the query instead ({@code
 * ?lastEventId=}), which counts only when the header is absent.
 */
final class LiveReconnect {
  private static final Logger LOG = LoggerFactory.getLogger(LiveReconnect.class);

  /** How long a browser waits before reconnecting, in milliseconds. */
  static final int RETRY_MILLIS = 2_000;

  private LiveReconnect() {}

  /**
   * Writes the stream's {@code retry} field, before any event: Javalin's client has no call for it,
   * and nothing else writes to the stream yet (the viewer is not among the feed's viewers).
   */
  static void sendRetry(SseClient client) {
    try {
      var out = client.ctx().res().getOutputStream();
      out.write(("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | RuntimeException e) {
      // Gone already; its first event's write finds out and drops it.
      LOG.debug("could not send the retry interval ({})", e.getClass().getName());
    }
  }

  /** The last event id the viewer saw: its {@code Last-Event-ID}, else the page's query. */
  static String lastEventId(Context ctx) {
    String header = ctx.header("Last-Event-ID");
    return header != null ? header : ctx.queryParam("lastEventId");
  }
}

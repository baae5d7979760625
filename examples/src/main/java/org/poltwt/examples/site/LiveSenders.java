package org.poltwt.examples.site;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the live feed's events to its viewers without letting one slow viewer hold up the others.
 *
 * <p>A write to a Server-Sent Events client blocks once the viewer stops reading (a stalled
 * network, a suspended laptop) and its socket buffers are full, until Jetty's idle timeout. Sent
 * one after another on the feed's timer, such a write would stall the board for every viewer of the
 * instance. So each viewer has a small queue that the timer only appends to, drained by a few
 * shared sender threads, at most one per viewer at a time so that its events keep their order. A
 * viewer whose queue overflows (it has not taken {@link #QUEUE} seconds' events) or whose write
 * fails is closed and forgotten: its browser's {@code EventSource} reconnects and resumes from the
 * last event it did get, by {@code Last-Event-ID}, which is why no event may be skipped silently.
 */
final class LiveSenders implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSenders.class);

  /** Events a viewer may fall behind before it is dropped: about this many seconds. */
  static final int QUEUE = 16;

  /**
   * Sender threads. A stalled viewer ties one up until its write fails or Jetty's idle timeout; the
   * others keep the rest of the viewers served.
   */
  static final int THREADS = 4;

  private final Map<SseClient, Viewer> viewers = new ConcurrentHashMap<>();
  private final ExecutorService pool;

  LiveSenders() {
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "poltwt-live-send-" + n.incrementAndGet());
              // Daemon so that a write stuck on a stalled viewer never keeps the JVM alive.
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts sending to a viewer; a viewer already known keeps its queue. */
  void add(SseClient client) {
    viewers.computeIfAbsent(client, Viewer::new);
    if (client.terminated()) {
      // It closed before it was added: its onClose may have run already.
      viewers.remove(client);
    }
  }

  /** Forgets a viewer that closed (its {@code onClose}); events still queued are not sent. */
  void remove(SseClient client) {
    viewers.remove(client);
  }

  /** Queues an event for one viewer, if it is still connected. */
  void send(SseClient client, String event, String id) {
    Viewer v = viewers.get(client);
    if (v != null) {
      v.offer(new Event(event, id));
    }
  }

  /** Queues an event for every viewer; never blocks on a viewer's write. */
  void sendAll(String event, String id) {
    Event e = new Event(event, id);
    for (Viewer v : viewers.values()) {
      v.offer(e);
    }
  }

  /** How many viewers are connected. */
  int size() {
    return viewers.size();
  }

  /** Stops the sender threads, interrupting a blocked write. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private record Event(String data, String id) {}

  /** One viewer's queue; {@code scheduled} when a sender thread drains it or is about to. */
  private final class Viewer implements Runnable {
    private final SseClient client;
    private final ArrayDeque<Event> queue = new ArrayDeque<>();
    private boolean scheduled;

    Viewer(SseClient client) {
      this.client = client;
    }

    void offer(Event e) {
      boolean overflow = false;
      boolean submit = false;
      synchronized (this) {
        if (queue.size() >= QUEUE) {
          overflow = true;
        } else {
          queue.add(e);
          submit = !scheduled;
          scheduled = true;
        }
      }
      if (overflow) {
        LOG.info("dropping a live viewer that stopped reading; it resumes when it reconnects");
        drop();
      } else if (submit) {
        try {
          pool.execute(this);
        } catch (RejectedExecutionException shutDown) {
          drop();
        }
      }
    }

    @Override
    public void run() {
      while (true) {
        Event e;
        synchronized (this) {
          e = queue.poll();
          if (e == null) {
            scheduled = false;
            return;
          }
        }
        if (viewers.get(client) != this || client.terminated()) {
          return;
        }
        try {
          client.sendEvent("state", e.data(), e.id());
        } catch (RuntimeException failed) {
          LOG.debug("a live viewer's write failed ({})", failed.getClass().getName());
          drop();
          return;
        }
        if (client.terminated()) {
          // Javalin closes the client when a write fails with an IOException.
          drop();
          return;
        }
      }
    }

    /**
     * Forgets the viewer at once and closes it on a sender thread: closing ends the request, which
     * must not hold up the feed's timer if the connection is stuck.
     */
    private void drop() {
      if (!viewers.remove(client, this)) {
        return;
      }
      synchronized (this) {
        queue.clear();
      }
      try {
        pool.execute(this::closeQuietly);
      } catch (RejectedExecutionException shutDown) {
        closeQuietly();
      }
    }

    private void closeQuietly() {
      try {
        client.close();
      } catch (RuntimeException e) {
        LOG.debug("closing a live viewer failed ({})", e.getClass().getName());
      }
    }
  }
}

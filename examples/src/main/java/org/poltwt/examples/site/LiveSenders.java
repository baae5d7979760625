package org.poltwt.examples.site;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the live feed's events to its viewers without ever waiting on a viewer.
 *
 * <p>A blocking write to a viewer that stopped reading (a stalled network, a suspended laptop, a
 * client that opens connections and never reads) waits, once its socket buffers are full, until
 * Jetty's idle timeout. A few threads doing such writes for all the viewers can all be taken by a
 * few such viewers, and the healthy ones then wait with them. So the writes here are the servlet
 * API's non-blocking ones: each viewer's response stream has a {@link WriteListener}, an event is
 * handed to the stream only while {@link ServletOutputStream#isReady()} says the previous write is
 * done, and the rest wait in the viewer's queue until the container calls {@code onWritePossible}.
 * No thread ever waits on a viewer, however many stop reading.
 *
 * <p>The feed's timer only queues: the writes themselves are made by {@link #THREADS} sender
 * threads, so that a tick's cost does not grow with the viewers' writes while it holds the feed's
 * lock (which a connecting viewer waits for). As those writes never wait, a few threads serve any
 * number of viewers; the container's own threads carry on a write that had to wait.
 *
 * <p>A viewer whose queue overflows (it has not taken {@link #QUEUE} events, about as many seconds)
 * or whose write fails is closed and forgotten: its browser's {@code EventSource} reconnects and
 * resumes from the last event it did get, by {@code Last-Event-ID}, which is why no event may be
 * skipped silently. Closing a viewer whose write is still pending ends its connection rather than
 * waiting for the write.
 *
 * <p>Javalin's {@link SseClient} still opens the stream (status, headers, the asynchronous request
 * held open) and ends it; only the events are written here, in the framing it would write.
 */
final class LiveSenders implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSenders.class);

  /** Events a viewer may fall behind before it is dropped: about this many seconds. */
  static final int QUEUE = 16;

  /** Sender threads: their writes never wait, so one per core of a small server is plenty. */
  static final int THREADS = 2;

  private final Map<SseClient, Viewer> viewers = new ConcurrentHashMap<>();
  private final ExecutorService pool;
  private volatile boolean closed;

  LiveSenders() {
    pool = Executors.newFixedThreadPool(THREADS, DaemonThreads.numbered("poltwt-live-send-"));
  }

  /**
   * Starts sending to a viewer; a viewer already known keeps its queue. Called while the request is
   * asynchronous (in the SSE handler's consumer), which the non-blocking writes need. From then on
   * only this class writes to the viewer: {@code SseClient}'s own blocking {@code send} methods
   * would break the non-blocking writes' rule of one write at a time, each after {@code isReady}.
   */
  void add(SseClient client) {
    Viewer v = new Viewer(client);
    if (viewers.putIfAbsent(client, v) != null) {
      return;
    }
    try {
      v.start();
    } catch (IOException | RuntimeException e) {
      LOG.debug("a live viewer's stream could not be opened ({})", e.getClass().getName());
      v.drop();
      return;
    }
    if (client.terminated() || closed) {
      // It closed before it was added (its onClose may have run already), or the feed stopped.
      v.drop();
    }
  }

  /** Forgets a viewer that closed (its {@code onClose}); events still queued are not sent. */
  void remove(SseClient client) {
    Viewer v = viewers.remove(client);
    if (v != null) {
      v.forget();
    }
  }

  /** Queues an event for one viewer, if it is still connected. */
  void send(SseClient client, String event, String id) {
    Viewer v = viewers.get(client);
    if (v != null) {
      v.offer(frame("state", event, id));
    }
  }

  /** Queues an event for every viewer, framed once for all of them; never waits on a viewer. */
  void sendAll(String event, String id) {
    if (viewers.isEmpty()) {
      return;
    }
    byte[] frame = frame("state", event, id);
    for (Viewer v : viewers.values()) {
      v.offer(frame);
    }
  }

  /** How many viewers are connected. */
  int size() {
    return viewers.size();
  }

  /**
   * Closes every viewer, so that stopping the server does not wait on their open streams, and stops
   * the sender threads.
   */
  @Override
  public void close() {
    closed = true;
    pool.shutdown();
    for (Viewer v : viewers.values()) {
      v.drop();
    }
  }

  /**
   * One Server-Sent Event as it goes on the wire, as Javalin's {@code SseClient} writes it: an
   * {@code id:} line, an {@code event:} line (both without line breaks), a {@code data:} line for
   * each line of the data, and an empty line.
   */
  static byte[] frame(String event, String data, String id) {
    StringBuilder b = new StringBuilder(data.length() + 64);
    if (id != null) {
      b.append("id: ").append(oneLine(id)).append('\n');
    }
    b.append("event: ").append(oneLine(event)).append('\n');
    // CR LF, CR and LF each end a line in an event stream; the browser joins data lines with LF.
    for (String line : data.split("\r\n|\r|\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    b.append('\n');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String oneLine(String s) {
    return s.replace("\r", "").replace("\n", "");
  }

  /**
   * One viewer: its stream and the events not yet handed to it. Everything is under the viewer's
   * lock, whether the feed's timer offers an event, a sender thread writes it, or the container
   * says a write completed, so that {@code isReady} is asked before each write and at most one
   * write is outstanding.
   */
  private final class Viewer implements WriteListener, Runnable {
    private final SseClient client;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private ServletOutputStream out;
    private boolean unflushed;
    private boolean gone;

    /** A sender thread is to drain the queue: no need to ask for another. */
    private boolean scheduled;

    /** {@code isReady} said no: the container calls {@link #onWritePossible} when it can. */
    private boolean waiting;

    Viewer(SseClient client) {
      this.client = client;
    }

    /** Switches the viewer's stream to non-blocking writes; the container then drains it. */
    void start() throws IOException {
      synchronized (this) {
        out = client.ctx().res().getOutputStream();
        out.setWriteListener(this);
      }
    }

    void offer(byte[] frame) {
      boolean overflow = false;
      boolean submit = false;
      synchronized (this) {
        if (gone) {
          return;
        }
        if (queue.size() >= QUEUE) {
          overflow = true;
        } else {
          queue.add(frame);
          submit = !scheduled && !waiting;
          scheduled |= submit;
        }
      }
      if (overflow) {
        LOG.info("dropping a live viewer that stopped reading; it resumes when it reconnects");
        drop();
      } else if (submit) {
        try {
          pool.execute(this);
        } catch (RejectedExecutionException stopped) {
          drop();
        }
      }
    }

    /** A sender thread's turn: writes what the stream takes now. */
    @Override
    public void run() {
      boolean failed;
      synchronized (this) {
        scheduled = false;
        failed = !gone && !drain();
      }
      if (failed) {
        drop();
      }
    }

    @Override
    public void onWritePossible() {
      boolean failed;
      synchronized (this) {
        waiting = false;
        failed = !gone && !drain();
      }
      if (failed) {
        drop();
      }
    }

    @Override
    public void onError(Throwable t) {
      LOG.debug("a live viewer's write failed ({})", t.getClass().getName());
      drop();
    }

    /**
     * Hands queued events to the stream while it is ready, then flushes them; the caller holds the
     * lock. Events are copied into the response's buffer until it fills, which starts a write; when
     * {@code isReady} then says no, the container calls {@link #onWritePossible} once it is done.
     *
     * @return false if the stream failed
     */
    private boolean drain() {
      if (out == null) {
        // Not started yet: the container calls onWritePossible once it is.
        return true;
      }
      try {
        while (out.isReady()) {
          byte[] next = queue.poll();
          if (next != null) {
            unflushed = true;
            out.write(next);
          } else if (unflushed) {
            unflushed = false;
            out.flush();
          } else {
            return true;
          }
        }
        waiting = true;
        return true;
      } catch (IOException | RuntimeException e) {
        LOG.debug("a live viewer's write failed ({})", e.getClass().getName());
        return false;
      }
    }

    /** Stops writing to the viewer, which closed on its own. */
    void forget() {
      synchronized (this) {
        gone = true;
        queue.clear();
      }
    }

    /**
     * Forgets the viewer at once and closes it on a sender thread, outside its lock: closing
     * completes the request (Javalin's completion runs on the closing thread, which need not be the
     * feed's timer), and ends a connection whose write is still pending instead of waiting for it.
     */
    void drop() {
      forget();
      viewers.remove(client, this);
      try {
        pool.execute(this::closeQuietly);
      } catch (RejectedExecutionException stopped) {
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

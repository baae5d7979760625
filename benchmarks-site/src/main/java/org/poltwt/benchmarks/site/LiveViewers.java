package org.poltwt.benchmarks.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A load check of the live board: many Server-Sent Events viewers of {@code /live/events} on one
 * site instance, against the same instance with no viewer as the baseline. Not a JMH benchmark:
 * what it measures is what a viewer costs a whole server (CPU time, heap and resident memory), and
 * whether every viewer is served every event.
 *
 * <pre>
 * java -cp signup-burst.jar org.poltwt.benchmarks.site.LiveViewers [--viewers 500] [--seconds 60]
 *     [--speed 20] [--quick]
 * </pre>
 *
 * <p>The site runs in a JVM of its own ({@link LiveServer}, {@value #SERVER_HEAP}) on in-memory
 * stores with the demo data, replaying the busiest hours of the demo edition at {@code --speed}
 * (several posts a second), so that the server's CPU time ({@link ProcessHandle.Info}) and memory
 * are its own, not the viewers'. It is started twice, the same way each time: once loaded with
 * {@code --viewers} viewers, then once with none, its measured window starting as long after its
 * start as the loaded one's did, so that both replay the same stretch of the edition.
 *
 * <p>Each viewer is a thread on a plain socket that asks for {@code text/event-stream} and reads
 * continuously, as a browser's {@code EventSource} does. It checks what it reads: the first event
 * is the whole state; each one after is later on the board's clock than the one before; its id (the
 * last tweet read) grows exactly when the count of posts does; and an event that is not a whole
 * state brings exactly the posts shown since the one before, each with an id between the two
 * events' ids. Across viewers, each must have every event any viewer got between its own first one
 * and the last one all got. A viewer that fails to connect, whose stream ends or stalls for {@value
 * #STALL_SECONDS} s, or that misses or doubles an event fails the check (exit status 1).
 *
 * <p>{@code --quick} (the CI smoke): 50 viewers, 10 s. {@code -Dpoltwt.live.serverOptions="..."}
 * adds options to the server's JVM. The figures go to {@code LiveViewers.properties} in {@code
 * target/facts} or {@code -Dpoltwt.facts=dir}.
 */
public final class LiveViewers {
  /** The server JVM's heap limit: a small server's. */
  static final String SERVER_HEAP = "-Xmx512m";

  /**
   * Seconds without an event after which a viewer counts as dropped: the feed sends each second.
   */
  static final int STALL_SECONDS = 20;

  /** Viewers that connect at once, and the pause between such groups: a crowd, not a SYN flood. */
  private static final int RAMP = 25;

  private static final long RAMP_PAUSE_MS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int viewers;
  private final int seconds;
  private final int warmUp;
  private final int speed;

  /**
   * What the server cost over one measured window.
   *
   * @param viewers the viewers connected
   * @param seconds the window's length
   * @param cpuSeconds the server's CPU time (all its threads) in the window
   * @param heapBytes the server's heap in use after a full collection, after the window
   * @param heapCommittedBytes the memory the server's heap held from the system then, which the
   *     resident memory includes
   * @param rssBytes the server's resident memory at the window's end
   * @param threads the server's live threads after the window
   */
  record Phase(
      int viewers,
      double seconds,
      double cpuSeconds,
      long heapBytes,
      long heapCommittedBytes,
      long rssBytes,
      int threads) {
    /** CPU seconds per second: 1.0 is one core busy. */
    double cpuPerSecond() {
      return cpuSeconds / seconds;
    }
  }

  /**
   * What one run measured and found.
   *
   * @param idle the server with no viewer
   * @param loaded the server with the viewers
   * @param connectSeconds the time from the first viewer's connecting to the last one's first event
   * @param connectFailures viewers that got no event stream
   * @param dropped viewers whose stream ended or stalled before the end
   * @param broken viewers that read an event out of order, or one missing or doubling posts
   * @param missing events that a viewer lacked while another viewer got them
   * @param eventsMin the fewest events a viewer read
   * @param eventsMax the most events a viewer read
   * @param eventsSent the distinct events the viewers read, together
   * @param eventsWithPosts of those, the ones bringing new posts
   * @param lagP50Ms the median, over events, of the time from the first viewer to read an event to
   *     the last one
   * @param lagP99Ms the same, 99th percentile
   * @param problems a few of the viewers' problems, for the console
   */
  record Result(
      int viewers,
      int speed,
      Phase idle,
      Phase loaded,
      double connectSeconds,
      int connectFailures,
      int dropped,
      int broken,
      long missing,
      long eventsMin,
      long eventsMax,
      long eventsSent,
      long eventsWithPosts,
      double lagP50Ms,
      double lagP99Ms,
      List<String> problems) {
    /** Whether every viewer connected, stayed, and read every event in order. */
    boolean clean() {
      return connectFailures == 0 && dropped == 0 && broken == 0 && missing == 0 && eventsMin > 1;
    }

    /** Server CPU time per second that one viewer adds, in milliseconds. */
    double cpuMsPerViewer() {
      return (loaded.cpuPerSecond() - idle.cpuPerSecond()) * 1000 / viewers;
    }

    /** Heap that one viewer adds, in bytes. */
    double heapPerViewer() {
      return (double) (loaded.heapBytes() - idle.heapBytes()) / viewers;
    }

    /** Resident memory that one viewer adds, in bytes. */
    double rssPerViewer() {
      return (double) (loaded.rssBytes() - idle.rssBytes()) / viewers;
    }

    /** The figures, as {@code key=value} lines. */
    String[] facts() {
      return new String[] {
        "viewers=" + viewers,
        "speed=" + speed,
        "seconds=" + fmt(loaded.seconds()),
        "serverHeapLimit=" + SERVER_HEAP,
        "idleCpuPerSecond=" + fmt(idle.cpuPerSecond()),
        "loadedCpuPerSecond=" + fmt(loaded.cpuPerSecond()),
        "cpuMsPerViewer=" + fmt(cpuMsPerViewer()),
        "idleHeapBytes=" + idle.heapBytes(),
        "loadedHeapBytes=" + loaded.heapBytes(),
        "heapBytesPerViewer=" + Math.round(heapPerViewer()),
        "idleHeapCommittedBytes=" + idle.heapCommittedBytes(),
        "loadedHeapCommittedBytes=" + loaded.heapCommittedBytes(),
        "idleRssBytes=" + idle.rssBytes(),
        "loadedRssBytes=" + loaded.rssBytes(),
        "rssBytesPerViewer=" + Math.round(rssPerViewer()),
        "connectSeconds=" + fmt(connectSeconds),
        "idleThreads=" + idle.threads(),
        "loadedThreads=" + loaded.threads(),
        "connectFailures=" + connectFailures,
        "dropped=" + dropped,
        "broken=" + broken,
        "missing=" + missing,
        "eventsMin=" + eventsMin,
        "eventsMax=" + eventsMax,
        "eventsSent=" + eventsSent,
        "eventsWithPosts=" + eventsWithPosts,
        "lagP50Ms=" + fmt(lagP50Ms),
        "lagP99Ms=" + fmt(lagP99Ms),
        "clean=" + clean()
      };
    }
  }

  LiveViewers(int viewers, int seconds, int warmUp, int speed) {
    if (viewers < 1 || seconds < 1 || warmUp < 0 || speed < 1) {
      throw new IllegalArgumentException(
          "viewers, seconds and speed must be at least 1, the warm-up at least 0");
    }
    this.viewers = viewers;
    this.seconds = seconds;
    this.warmUp = warmUp;
    this.speed = speed;
  }

  /**
   * Runs the check with the viewers and the baseline without, prints the figures and writes them as
   * facts.
   *
   * @param args {@code --viewers N} (500), {@code --seconds N} (60), {@code --speed N} (20), and
   *     {@code --quick} for 50 viewers over 10 s
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Integer viewers = null;
    Integer seconds = null;
    int speed = 20;
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--quick")) {
        quick = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      int v = Integer.parseInt(args[++i]);
      switch (a) {
        case "--viewers":
          viewers = v;
          break;
        case "--seconds":
          seconds = v;
          break;
        case "--speed":
          speed = v;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a);
      }
    }
    LiveViewers check =
        new LiveViewers(
            viewers != null ? viewers : quick ? 50 : 500,
            seconds != null ? seconds : quick ? 10 : 60,
            quick ? 3 : 10,
            speed);
    Result r = check.run();
    Path facts = Path.of(System.getProperty("poltwt.facts", "target/facts"));
    Files.createDirectories(facts);
    Files.write(
        facts.resolve("LiveViewers.properties"),
        (String.join("\n", r.facts()) + "\n").getBytes(StandardCharsets.UTF_8));
    PrintStream out = System.out;
    out.print(summary(r));
    if (!r.clean()) {
      out.println("FAILED: a viewer failed to connect, was dropped or missed events (see above)");
      System.exit(1);
    }
  }

  /**
   * Runs the server with the viewers, then without.
   *
   * @return the figures
   */
  Result run() throws Exception {
    List<Viewer> crowd = new ArrayList<>();
    Phase loaded;
    long windowOffsetNanos;
    double connectSeconds;
    try (Server server = Server.start(speed)) {
      CountDownLatch first = new CountDownLatch(viewers);
      long connecting = System.nanoTime();
      for (int i = 0; i < viewers; i++) {
        Viewer v = new Viewer(i, server.port, first);
        crowd.add(v);
        v.start();
        if ((i + 1) % RAMP == 0) {
          Thread.sleep(RAMP_PAUSE_MS);
        }
      }
      // Each viewer counts down once it has its first event, or has failed.
      if (!first.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the viewers did not all connect within 120 s");
      }
      connectSeconds = (System.nanoTime() - connecting) / 1e9;
      Thread.sleep(TimeUnit.SECONDS.toMillis(warmUp));
      windowOffsetNanos = System.nanoTime() - server.readyNanos;
      loaded = server.measure(viewers, seconds);
      for (Viewer v : crowd) {
        v.halt();
      }
      for (Viewer v : crowd) {
        v.join(TimeUnit.SECONDS.toMillis(10));
      }
    }
    Phase idle;
    try (Server server = Server.start(speed)) {
      long wait = windowOffsetNanos - (System.nanoTime() - server.readyNanos);
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      idle = server.measure(0, seconds);
    }
    return result(idle, loaded, connectSeconds, crowd);
  }

  /** Puts the viewers' findings together and compares what they read. */
  private Result result(Phase idle, Phase loaded, double connectSeconds, List<Viewer> crowd) {
    int connectFailures = 0;
    int dropped = 0;
    int broken = 0;
    List<String> problems = new ArrayList<>();
    // Each event by its instant on the board's clock: first and last reading, readers, new posts.
    TreeMap<Instant, long[]> events = new TreeMap<>();
    Instant lastCommon = null;
    Instant latestFirst = null;
    long eventsMin = Long.MAX_VALUE;
    long eventsMax = 0;
    for (Viewer v : crowd) {
      if (!v.connected) {
        connectFailures++;
      } else if (v.dropped) {
        dropped++;
      }
      if (v.problem != null) {
        if (v.connected && !v.dropped) {
          broken++;
        }
        if (problems.size() < 5) {
          problems.add("viewer " + v.number + ": " + v.problem);
        }
      }
      eventsMin = Math.min(eventsMin, v.ats.size());
      eventsMax = Math.max(eventsMax, v.ats.size());
      if (v.ats.isEmpty()) {
        continue;
      }
      for (int i = 0; i < v.ats.size(); i++) {
        long nanos = v.nanos.get(i);
        long[] e = events.computeIfAbsent(v.ats.get(i), k -> new long[] {nanos, nanos, 0, 0});
        e[0] = Math.min(e[0], nanos);
        e[1] = Math.max(e[1], nanos);
        e[2]++;
        e[3] |= v.newPosts.get(i) ? 1 : 0;
      }
      Instant last = v.ats.get(v.ats.size() - 1);
      lastCommon = lastCommon == null || last.isBefore(lastCommon) ? last : lastCommon;
      Instant firstAt = v.ats.get(0);
      latestFirst = latestFirst == null || firstAt.isAfter(latestFirst) ? firstAt : latestFirst;
    }
    long missing = 0;
    if (lastCommon != null) {
      for (Viewer v : crowd) {
        if (v.ats.isEmpty()) {
          continue;
        }
        Instant firstAt = v.ats.get(0);
        if (firstAt.isAfter(lastCommon)) {
          continue;
        }
        int expected = events.subMap(firstAt, false, lastCommon, true).size();
        Instant end = lastCommon;
        long has = v.ats.stream().filter(a -> a.isAfter(firstAt) && !a.isAfter(end)).count();
        missing += expected - has;
      }
    }
    List<Long> lags = new ArrayList<>();
    long withPosts = 0;
    for (Map.Entry<Instant, long[]> e : events.entrySet()) {
      withPosts += e.getValue()[3];
      boolean everyone = lastCommon != null && !e.getKey().isAfter(lastCommon);
      if (everyone && e.getKey().isAfter(latestFirst) && e.getValue()[2] == crowd.size()) {
        lags.add(e.getValue()[1] - e.getValue()[0]);
      }
    }
    SignupBurst.Stats lag = SignupBurst.Stats.of(lags, 1);
    return new Result(
        viewers,
        speed,
        idle,
        loaded,
        connectSeconds,
        connectFailures,
        dropped,
        broken,
        missing,
        crowd.isEmpty() ? 0 : eventsMin,
        eventsMax,
        events.size(),
        withPosts,
        lag.p50(),
        lag.p99(),
        List.copyOf(problems));
  }

  /** The figures as the console shows them. */
  static String summary(Result r) {
    Phase i = r.idle();
    Phase l = r.loaded();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Live board: %d Server-Sent Events viewers on one site instance (its own JVM, %s),"
                + " replay at %dx, %.0f s measured each way%n",
            r.viewers(),
            SERVER_HEAP,
            r.speed(),
            l.seconds()));
    String row = "  %-34s %14s %14s %16s%n";
    b.append(
        String.format(Locale.ROOT, row, "", "0 viewers", r.viewers() + " viewers", "per viewer"));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "server CPU (s per s)",
            fmt3(i.cpuPerSecond()),
            fmt3(l.cpuPerSecond()),
            fmt3(r.cpuMsPerViewer()) + " ms/s"));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "heap after GC (MB)",
            mb(i.heapBytes()),
            mb(l.heapBytes()),
            kb(r.heapPerViewer()) + " KB"));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "heap held from the system (MB)",
            mb(i.heapCommittedBytes()),
            mb(l.heapCommittedBytes()),
            kb((double) (l.heapCommittedBytes() - i.heapCommittedBytes()) / r.viewers()) + " KB"));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "resident memory (MB)",
            mb(i.rssBytes()),
            mb(l.rssBytes()),
            kb(r.rssPerViewer()) + " KB"));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "threads",
            i.threads(),
            l.threads(),
            fmt3((double) (l.threads() - i.threads()) / r.viewers())));
    b.append(
        String.format(
            Locale.ROOT,
            "  all connected, each with its first event, in %.1f s; each viewer read %d to %d"
                + " events, %d distinct, %d of them with new posts%n"
                + "  an event's lag from the first viewer to read it to the last:"
                + " p50 %.1f ms, p99 %.1f ms%n"
                + "  failed to connect %d, dropped %d, out of order or missing posts %d,"
                + " events missed %d%n",
            r.connectSeconds(),
            r.eventsMin(),
            r.eventsMax(),
            r.eventsSent(),
            r.eventsWithPosts(),
            r.lagP50Ms(),
            r.lagP99Ms(),
            r.connectFailures(),
            r.dropped(),
            r.broken(),
            r.missing()));
    for (String p : r.problems()) {
      b.append("  problem: ").append(p).append(System.lineSeparator());
    }
    return b.toString();
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static String fmt3(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  private static String kb(double bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
  }

  /** Compares tweet ids as numbers: a shorter one is smaller (they have no leading zeros). */
  static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  /** The server: a {@link LiveServer} in a JVM of its own, and its standard input and output. */
  static final class Server implements AutoCloseable {
    final Process process;
    final int port;
    final long readyNanos;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Server(Process process) throws Exception {
      this.process = process;
      this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // The server stopped; whoever waits for a line finds none.
                }
              },
              "live-server-output");
      pump.setDaemon(true);
      pump.start();
      String ready = line(180);
      if (!ready.startsWith("ready ")) {
        throw new IllegalStateException("the server said " + ready);
      }
      this.port = Integer.parseInt(ready.substring("ready ".length()).trim());
      this.readyNanos = System.nanoTime();
    }

    /** Starts a server with this JVM's class path, and waits until it serves. */
    static Server start(int speed) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java, SERVER_HEAP));
      // For a closer look at the server, e.g. -XX:NativeMemoryTracking=summary for jcmd.
      String more = System.getProperty("poltwt.live.serverOptions", "").strip();
      if (!more.isEmpty()) {
        command.addAll(List.of(more.split("\\s+")));
      }
      command.addAll(
          List.of(
              "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
              "-cp",
              System.getProperty("java.class.path"),
              LiveServer.class.getName(),
              "--speed",
              Integer.toString(speed)));
      ProcessBuilder b = new ProcessBuilder(command);
      // Not CI's smoke mode, nor any of this environment's site settings: only what the server
      // says.
      b.environment().keySet().removeIf(k -> k.equals("CI") || k.startsWith("POLTWT_"));
      b.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process p = b.start();
      try {
        return new Server(p);
      } catch (Exception | Error e) {
        p.destroyForcibly();
        throw e;
      }
    }

    /** Measures the server's CPU time over a window, then its memory and threads. */
    Phase measure(int viewers, int seconds) throws Exception {
      Duration before = cpu();
      long start = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      Duration after = cpu();
      double window = (System.nanoTime() - start) / 1e9;
      long rss = rss();
      commands.println("heap");
      String[] heap = line(60).split(" ");
      if (heap.length != 5 || !heap[0].equals("heap")) {
        throw new IllegalStateException("the server answered " + String.join(" ", heap));
      }
      return new Phase(
          viewers,
          window,
          after.minus(before).toNanos() / 1e9,
          Long.parseLong(heap[1]),
          Long.parseLong(heap[2]),
          rss,
          Integer.parseInt(heap[4]));
    }

    private Duration cpu() {
      return process
          .info()
          .totalCpuDuration()
          .orElseThrow(() -> new IllegalStateException("this system does not tell CPU time"));
    }

    /** The resident set size, from {@code /proc} (Linux). */
    private long rss() throws IOException {
      for (String l :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    private String line(int timeoutSeconds) throws InterruptedException {
      String l = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
      if (l == null) {
        throw new IllegalStateException(
            "the server said nothing within "
                + timeoutSeconds
                + " s (alive: "
                + process.isAlive()
                + ")");
      }
      return l;
    }

    @Override
    public void close() {
      commands.println("stop");
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * One viewer: a thread reading {@code /live/events} on a socket of its own, checking each event
   * against the one before. Its findings are read after {@link #join}.
   */
  static final class Viewer extends Thread {
    final int number;
    private final int port;
    private final CountDownLatch first;
    private volatile boolean stopping;
    private volatile Socket socket;

    final List<Instant> ats = new ArrayList<>();
    final List<Long> nanos = new ArrayList<>();
    final List<Boolean> newPosts = new ArrayList<>();
    volatile boolean connected;
    volatile boolean dropped;
    volatile String problem;

    private boolean counted;
    private String lastId;
    private Instant lastAt;
    private long lastTotal;
    private long lastShown;

    Viewer(int number, int port, CountDownLatch first) {
      super("live-viewer-" + number);
      setDaemon(true);
      this.number = number;
      this.port = port;
      this.first = first;
    }

    /** Stops reading: what happens to the stream from now on is no failure. */
    void halt() {
      stopping = true;
      Socket s = socket;
      if (s != null) {
        try {
          s.close();
        } catch (IOException e) {
          // Closing is all that was asked.
        }
      }
    }

    /** Connects, then reads and checks events until halted. */
    @Override
    public void run() {
      try (Socket s = new Socket()) {
        socket = s;
        if (stopping) {
          return;
        }
        s.connect(new InetSocketAddress("localhost", port), 30_000);
        s.setSoTimeout(STALL_SECONDS * 1000);
        OutputStream o = s.getOutputStream();
        o.write(
            ("GET /live/events HTTP/1.1\r\nHost: localhost:"
                    + port
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        o.flush();
        InputStream in = new BufferedInputStream(s.getInputStream());
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.1 200")) {
          problem = "answered " + status;
          return;
        }
        boolean chunked = false;
        boolean eventStream = false;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          String lower = h.toLowerCase(Locale.ROOT);
          chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
          eventStream |= lower.startsWith("content-type:") && lower.contains("text/event-stream");
        }
        if (!eventStream) {
          problem = "the answer is not text/event-stream";
          return;
        }
        connected = true;
        read(
            new BufferedReader(
                new InputStreamReader(chunked ? new Chunked(in) : in, StandardCharsets.UTF_8)));
      } catch (SocketTimeoutException e) {
        if (!stopping) {
          dropped = connected;
          problem = "no event for " + STALL_SECONDS + " s";
        }
      } catch (IOException | RuntimeException e) {
        if (!stopping) {
          dropped = connected;
          problem = e.getClass().getSimpleName() + (connected ? " while reading" : " connecting");
        }
      } finally {
        connectedOrFailed();
      }
    }

    /** Reads events until the stream ends or the viewer is halted. */
    void read(BufferedReader r) throws IOException {
      String event = null;
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (l.isEmpty()) {
          if (data.length() > 0 || event != null) {
            onEvent(event, id, data.toString());
          }
          event = null;
          id = null;
          data.setLength(0);
          continue;
        }
        if (l.startsWith(":")) {
          continue;
        }
        int colon = l.indexOf(':');
        String name = colon < 0 ? l : l.substring(0, colon);
        String value = colon < 0 ? "" : l.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        switch (name) {
          case "event":
            event = value;
            break;
          case "id":
            id = value;
            break;
          case "data":
            data.append(data.length() > 0 ? "\n" : "").append(value);
            break;
          default:
            break;
        }
      }
      if (!stopping) {
        dropped = true;
        problem = "the stream ended";
      }
    }

    private void onEvent(String event, String id, String data) throws IOException {
      long now = System.nanoTime();
      if (!"state".equals(event) || id == null) {
        fail("an event that is not a state with an id");
        return;
      }
      JsonNode n = JSON.readTree(data);
      Instant at = Instant.parse(n.get("at").asText());
      long total = n.get("postsTotal").asLong();
      long shown = total - n.get("postsHidden").asLong();
      boolean full = n.get("full").asBoolean();
      JsonNode posts = n.get("posts");
      boolean fresh = false;
      if (lastAt == null) {
        if (!full) {
          fail("the first event is not the whole state");
        }
      } else {
        int c = compareIds(id, lastId);
        fresh = c > 0;
        if (!at.isAfter(lastAt)) {
          fail("an event not later than the one before (doubled or out of order)");
        } else if (c < 0 || total < lastTotal) {
          fail("an event id or count went back");
        } else if ((c > 0) != (total > lastTotal)) {
          fail("the event id and the count of posts disagree");
        } else if (!full && posts.size() != shown - lastShown) {
          fail(
              "an event brought "
                  + posts.size()
                  + " posts where "
                  + (shown - lastShown)
                  + " were new (an event missed)");
        } else if (!full) {
          for (JsonNode p : posts) {
            String pid = p.get("id").asText();
            if (compareIds(pid, lastId) <= 0 || compareIds(pid, id) > 0) {
              fail("a post outside its event's ids");
            }
          }
        }
      }
      ats.add(at);
      nanos.add(now);
      newPosts.add(fresh);
      lastAt = at;
      lastId = id;
      lastTotal = total;
      lastShown = shown;
      if (ats.size() == 1) {
        connectedOrFailed();
      }
    }

    /** Counts this viewer down once: when it has its first event, or has failed before. */
    private void connectedOrFailed() {
      if (!counted) {
        counted = true;
        first.countDown();
      }
    }

    private void fail(String what) {
      if (problem == null) {
        problem = what;
      }
    }

    /** One line of ASCII (the status line, a header), without its end; null at the end. */
    static String line(InputStream in) throws IOException {
      StringBuilder b = new StringBuilder();
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n') {
          int end = b.length();
          return b.substring(0, end > 0 && b.charAt(end - 1) == '\r' ? end - 1 : end);
        }
        b.append((char) c);
      }
      if (b.length() > 0) {
        throw new EOFException("the stream ended inside a line");
      }
      return null;
    }
  }

  /** A body sent in chunks (HTTP/1.1's chunked transfer coding), read as one stream. */
  static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean started;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      if (left == 0) {
        if (started && !"".equals(Viewer.line(in))) {
          throw new IOException("a chunk does not end with a line break");
        }
        started = true;
        String size = Viewer.line(in);
        if (size == null) {
          return -1;
        }
        int semicolon = size.indexOf(';');
        left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (left == 0) {
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the stream ended inside a chunk");
      }
      left -= n;
      return n;
    }
  }
}

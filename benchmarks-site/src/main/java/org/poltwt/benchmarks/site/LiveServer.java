package org.poltwt.benchmarks.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.demo.DemoData;
import org.poltwt.examples.demo.DemoTweets;
import org.poltwt.examples.site.SignupSite;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetWriter;

/**
 * The one site instance that {@link LiveViewers} loads, run in a JVM of its own so that its CPU
 * time and memory are measured apart from the viewers'. It serves the demo data on in-memory stores
 * and replays the busiest stretch of the demo edition's tweets into them, so that {@code /live} is
 * in its edition with posts arriving every second.
 *
 * <pre>
 * java -cp signup-burst.jar org.poltwt.benchmarks.site.LiveServer [--speed 20]
 * </pre>
 *
 * <p>It prints {@code ready PORT} once the site is up, then answers lines on its standard input:
 * {@code heap} collects the garbage and prints {@code heap USED_BYTES COMMITTED_BYTES threads
 * LIVE_THREADS}; {@code stop}, or the end of the input, stops the site and the JVM.
 */
public final class LiveServer {
  /** The demo data's seed, the site's default. */
  static final long SEED = 2013;

  /** The demo tweets per account: the site's default, some 40,000 over the edition. */
  static final int PER_ACCOUNT = 150;

  /** Hours of the edition the replay file holds, from its busiest stretch on. */
  static final int HOURS = 3;

  private LiveServer() {}

  /**
   * Starts the site and answers the load check's commands until told to stop.
   *
   * @param args {@code --speed N}: seconds of the edition a second of replay plays (20 by default)
   * @throws Exception if the site cannot start
   */
  public static void main(String[] args) throws Exception {
    int speed = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].equals("--speed")) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      speed = Integer.parseInt(args[i + 1]);
    }
    // The protocol's lines go to the real standard output; nothing else may write there.
    PrintStream out = System.out;
    System.setOut(System.err);
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("poltwt-live-load");
    try {
      Path file = writeReplay(dir, clock);
      SiteConfig config =
          SiteConfig.builder()
              .port(0)
              .database(SiteConfig.MEMORY)
              .dataDir(dir)
              .organiserPassword("live-load-organiser-1")
              .demoSeed(SEED)
              .demoTweets(0)
              .live(LiveOptions.defaults().withReplay(file).withSpeed(speed))
              .build();
      try (SignupSite site =
          SignupSite.start(config, clock, new PrintWriter(Writer.nullWriter()))) {
        out.println("ready " + site.port());
        out.flush();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.equals("stop")) {
            break;
          }
          if (line.equals("heap")) {
            // Twice: the first collection may leave what finalisation and references free.
            System.gc();
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            out.println(
                "heap " + heap.getUsed() + " " + heap.getCommitted() + " threads " + threads);
            out.flush();
          }
        }
      }
    } finally {
      delete(dir);
    }
    // Javalin's pool for the event streams keeps idle threads, not daemons, for a minute.
    System.exit(0);
  }

  /**
   * Writes the replay file: the demo edition's tweets from the first at which a quarter of them
   * have been posted, for {@value #HOURS} hours, when posts arrive steadily (over a thousand an
   * hour). The whole file would begin with an hour or so of a few posts from the first zones.
   */
  static Path writeReplay(Path dir, Clock clock) throws IOException {
    DemoData demo = DemoData.generate(SEED, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    List<Tweet> all =
        DemoTweets.generate(SEED, demo.nextEdition(), demo.registrations(), PER_ACCOUNT).tweets();
    List<Tweet> sorted = all.stream().sorted(Comparator.comparing(Tweet::createdAt)).toList();
    Instant from = sorted.get(sorted.size() / 4).createdAt();
    Instant to = from.plus(Duration.ofHours(HOURS));
    // The replay takes the edition from the file's name.
    Path file =
        dir.resolve("tweets")
            .resolve("live-load-edition-" + demo.nextEdition().number() + ".jsonl");
    Files.createDirectories(file.getParent());
    try (OutputStream o = Files.newOutputStream(file);
        TweetWriter w = TweetWriter.of(o)) {
      sorted.stream()
          .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(to))
          .forEach(w::write);
    }
    return file;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

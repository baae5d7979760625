package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.util.AsyncExecutor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kotlin.LazyKt;
import org.poltwt.event.Edition;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.site.view.LiveData;
import org.poltwt.live.BoardState;
import org.poltwt.live.LivePost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live board: {@code /live}, its Server-Sent Events at {@code /live/events} and its markers at
 * {@code /live/markers.json}; the instance's {@link LiveFeed}, ticking once a second on a thread of
 * its own, and the {@link Replay} playing into the store when one is configured.
 */
final class LivePages implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LivePages.class);

  final LiveFeed feed;
  final Optional<Replay> replay;
  private final Stores stores;
  private final boolean showUnregistered;
  private final ScheduledExecutorService timer;

  /**
   * Opens the viewers' streams. Javalin runs each stream's opening on its asynchronous executor, by
   * default a pool without a bound whose threads are not daemons: 500 viewers connecting at once (a
   * crowd coming back after an instance restarted) started 471 threads, and a stopped site kept its
   * JVM up for a minute. An opening is short (the feed's {@link LiveFeed#connect}), so a few daemon
   * threads with a queue open any crowd. The executor is the whole application's: the site has no
   * other asynchronous handler, and one added later would share these threads.
   */
  private final ThreadPoolExecutor openings;

  LivePages(
      SiteConfig config, Clock clock, Stores stores, Optional<Edition> current, PrintWriter log) {
    this.stores = stores;
    this.showUnregistered = config.live().showUnregistered();
    LiveOptions o = config.live();
    Optional<Path> file = o.replay();
    if (file.isEmpty() && o.demoReplay() && current.isPresent()) {
      Path demo =
          config
              .dataDir()
              .resolve("tweets")
              .resolve("demo-edition-" + current.get().number() + ".jsonl");
      file = Files.isRegularFile(demo) ? Optional.of(demo) : Optional.empty();
    }
    if (file.isPresent()) {
      OptionalInt named = Replay.editionInName(file.get());
      int edition = named.isPresent() ? named.getAsInt() : current.map(Edition::number).orElse(1);
      Replay r = new Replay(edition, Replay.read(file.get()), stores.tweets(), clock, o.speed());
      log.printf(
          "Live board: replaying %d tweets of edition %d from %s at %dx; see /live%n",
          r.remaining(), edition, file.get().toAbsolutePath().normalize(), o.speed());
      replay = Optional.of(r);
      feed = new LiveFeed(stores, r.clock(), OptionalInt.of(edition), o.showUnregistered());
    } else {
      replay = Optional.empty();
      feed = new LiveFeed(stores, clock, OptionalInt.empty(), o.showUnregistered());
    }
    openings =
        new ThreadPoolExecutor(
            OPENING_THREADS,
            OPENING_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            DaemonThreads.numbered("poltwt-live-open-"));
    openings.allowCoreThreadTimeOut(true);
    timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("poltwt-live"));
  }

  /** Starts the timers: the replay four times a second, the feed once a second. */
  void start() {
    replay.ifPresent(
        r -> timer.scheduleWithFixedDelay(() -> play(r), 0, 250, TimeUnit.MILLISECONDS));
    timer.scheduleWithFixedDelay(feed::tick, 1, 1, TimeUnit.SECONDS);
  }

  private static void play(Replay r) {
    try {
      r.playDue();
    } catch (RuntimeException e) {
      LOG.warn("the replay failed to store tweets ({})", e.getClass().getName());
    }
  }

  /** How many threads open viewers' streams at once. */
  static final int OPENING_THREADS = 4;

  void routes(JavalinConfig cfg) {
    cfg.concurrency.executor = LazyKt.lazy(() -> new AsyncExecutor(openings));
    cfg.routes.get("/live", this::page);
    cfg.routes.get("/live/markers.json", this::markers);
    cfg.routes.sse("/live/events", feed::connect);
    cfg.routes.get("/live/wrapup", new LiveWrapUp(stores, feed, showUnregistered)::page);
  }

  private void page(Context ctx) {
    Optional<LiveFeed.Published> p = feed.current();
    if (p.isEmpty()) {
      Views.page(ctx, "live");
      return;
    }
    BoardState s = p.get().state();
    Instant start = s.span().start();
    double length = Duration.between(start, s.span().end()).toSeconds();
    List<LiveData.Tick> ticks = new ArrayList<>();
    for (Map.Entry<Instant, List<ZoneId>> e : feed.ticks().entrySet()) {
      double share = Duration.between(start, e.getKey()).toSeconds() / length;
      ticks.add(
          new LiveData.Tick(
              e.getKey().toString(),
              Math.round(share * 1000) / 10.0,
              e.getValue().get(0).getId(),
              e.getValue().size()));
    }
    List<LiveData.Post> posts = new ArrayList<>();
    for (LivePost post : s.latest()) {
      posts.add(
          new LiveData.Post(
              post.id(),
              post.authorHandle().map(h -> h.value()).orElse(""),
              post.text(),
              post.createdAt().toString(),
              post.link()));
    }
    Views.page(
        ctx,
        "live",
        "b",
        new LiveData.Board(
            p.get().edition(),
            s.phase().name(),
            start.toString(),
            s.span().end().toString(),
            s.countdown().toSeconds(),
            LiveFeed.firstZone(s),
            s.zonesLive(),
            s.participants(),
            s.participantsLive(),
            s.postsLastMinute(),
            s.postsTotal(),
            s.compliantShare().isPresent()
                ? (int) Math.round(s.compliantShare().getAsDouble() * 100)
                : -1,
            s.postsHidden(),
            ticks,
            posts),
        "leaflet",
        PublicPages.LEAFLET,
        "n",
        LiveNumbers.of(Views.messages(ctx).textLocale(), s));
  }

  private void markers(Context ctx) {
    String json = feed.current().map(LiveFeed.Published::markers).orElse("[]");
    ctx.contentType("application/json; charset=utf-8").result(json);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    openings.shutdownNow();
    feed.close();
  }
}

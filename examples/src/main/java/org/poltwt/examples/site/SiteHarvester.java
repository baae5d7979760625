package org.poltwt.examples.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.tweet.Tweet;
import org.poltwt.twitter.HarvestProgress;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.poltwt.twitter.XApiTweetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvests organisers start from the edition page: each runs on a background thread into the
 * site's tweet store, with the durable checkpoints and the site's read budget ({@link
 * SiteConfig#xHarvestMaxPosts()}), so a harvest stopped at the budget, on X's usage cap or by a
 * restart resumes when it is started again. One harvest per edition runs at a time in this process;
 * the last run of each edition is kept in memory so its page can show how it went.
 */
final class SiteHarvester implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteHarvester.class);

  /** What {@link #start} did. */
  enum Start {
    /** A harvest started. */
    STARTED,
    /** One was already running for the edition; it goes on. */
    RUNNING,
    /** No X API token is set: the site cannot harvest. */
    UNAVAILABLE
  }

  /** How a run stands. */
  enum State {
    RUNNING,
    FINISHED,
    BUDGET_REACHED,
    USAGE_CAPPED,
    FAILED
  }

  /** One harvest of one edition: where it stands, as its listener last heard. */
  static final class Run {
    final int edition;
    final long budget;
    final Instant started;
    private volatile HarvestProgress last;
    private volatile State state = State.RUNNING;
    private volatile String failure;

    Run(int edition, long budget, Instant started) {
      this.edition = edition;
      this.budget = budget;
      this.started = started;
    }

    Optional<HarvestProgress> progress() {
      return Optional.ofNullable(last);
    }

    State state() {
      return state;
    }

    /** The failure's machine-readable code, for {@link State#FAILED}. */
    Optional<String> failure() {
      return Optional.ofNullable(failure);
    }
  }

  private final SiteConfig config;
  private final Clock clock;
  private final Stores stores;
  private final ConcurrentMap<Integer, Run> runs = new ConcurrentHashMap<>();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "poltwt-harvest");
            t.setDaemon(true);
            return t;
          });

  SiteHarvester(SiteConfig config, Clock clock, Stores stores) {
    this.config = config;
    this.clock = clock;
    this.stores = stores;
  }

  /** Whether the site can harvest: an X API token is set. */
  boolean available() {
    return config.xBearerToken().isPresent();
  }

  /** The read budget of each run. */
  long budget() {
    return config.xHarvestMaxPosts();
  }

  /** The last run of an edition, running or not. */
  Optional<Run> run(int edition) {
    return Optional.ofNullable(runs.get(edition));
  }

  /** Starts a harvest of an edition unless one is running. */
  Start start(Edition edition) {
    if (!available()) {
      return Start.UNAVAILABLE;
    }
    Run fresh = new Run(edition.number(), budget(), clock.instant());
    Run current =
        runs.compute(
            edition.number(), (n, old) -> old != null && old.state == State.RUNNING ? old : fresh);
    if (current != fresh) {
      return Start.RUNNING;
    }
    executor.execute(() -> harvest(edition, fresh));
    return Start.STARTED;
  }

  private void harvest(Edition edition, Run run) {
    XApiClient client =
        XApiClient.builder()
            .credentials(XApiCredentials.appOnly(config.xBearerToken().orElseThrow()))
            .baseUri(config.xApiUri())
            .clock(clock)
            .build();
    XApiTweetSource source =
        XApiTweetSource.builder(client)
            .store(stores.tweets())
            .checkpoints(stores.harvestCheckpoints())
            .maxPosts(run.budget)
            .listener(p -> run.last = p)
            .build();
    try (Stream<Tweet> tweets = source.harvest(edition)) {
      tweets.forEach(t -> {});
      HarvestProgress end = run.last;
      run.state =
          end == null || end.event() == HarvestProgress.Event.FINISHED
              ? State.FINISHED
              : end.event() == HarvestProgress.Event.BUDGET_REACHED
                  ? State.BUDGET_REACHED
                  : State.USAGE_CAPPED;
    } catch (PoltwtException e) {
      LOG.warn("harvest of edition {} failed: {}", edition.number(), e.code());
      run.failure = e.code();
      run.state = State.FAILED;
    } catch (RuntimeException e) {
      // The class only: a message may quote a value, and the log holds no personal data.
      LOG.warn("harvest of edition {} failed: {}", edition.number(), e.getClass().getName());
      run.failure = e.getClass().getSimpleName();
      run.state = State.FAILED;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

package org.poltwt.examples.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.tweet.Tweet;
import org.poltwt.twitter.HarvestProgress;
import org.poltwt.twitter.RateLimit;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.poltwt.twitter.XApiTweetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvests organisers start from the edition page: each runs on a background thread into the
 * site's tweet store, with the durable checkpoints and the site's read budget ({@link
 * SiteConfig#xHarvestMaxPosts()}), so a harvest stopped at the budget, on X's usage cap or by a
 * restart resumes when it is started again.
 *
 * <p>One harvest per edition runs at a time across every instance of the site: a run holds the
 * edition's lease in the shared {@link org.poltwt.spi.LeaseStore}, renews it while it runs and
 * releases it at its end; an instance that dies mid-run stops renewing, so its lease lapses after
 * {@link #LEASE_TTL} and the harvest may be started again (it resumes from the durable checkpoint).
 * The progress of a run is known to the instance running it (its page shows the counts); another
 * instance's page says a harvest runs elsewhere. The last run of each edition on this instance is
 * kept in memory, so its page can show how it went.
 *
 * <p>During an edition the harvester also {@linkplain #follow follows} it by itself: short runs,
 * one per interval across all instances, each reading only what is newer than the store's newest
 * post, for the live board.
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

    /** Holds the edition's lease for this run: this instance's name and the run's own. */
    private volatile String holder;

    private volatile ScheduledFuture<?> renewal;
    private volatile boolean leaseLost;
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

  /**
   * How long a run's lease lasts unless renewed: how soon a dead instance's harvest may restart.
   */
  static final Duration LEASE_TTL = Duration.ofMinutes(2);

  /** How often a running harvest renews its lease: well within its lifetime. */
  static final Duration LEASE_RENEWAL = Duration.ofSeconds(30);

  private final SiteConfig config;
  private final Clock clock;
  private final Stores stores;

  /** Names this process as a lease holder; each run adds its own start to it. */
  private final String instance = UUID.randomUUID().toString();

  private final ConcurrentMap<Integer, Run> runs = new ConcurrentHashMap<>();
  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("poltwt-harvest-lease"));

  /**
   * Asks whether a follower's poll is due: a thread of its own, so that a slow store answering it
   * never delays the renewals of a running harvest's lease past its lifetime.
   */
  private final ScheduledExecutorService following =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("poltwt-harvest-follow"));

  private final ExecutorService executor =
      Executors.newCachedThreadPool(DaemonThreads.named("poltwt-harvest"));

  /**
   * The X API client of every run, one per harvester as the client asks: the follower's polls come
   * every few seconds, and the client keeps what X last said of the rate limit between them.
   */
  private final Optional<XApiClient> client;

  SiteHarvester(SiteConfig config, Clock clock, Stores stores) {
    this.config = config;
    this.clock = clock;
    this.stores = stores;
    this.client =
        config
            .xBearerToken()
            .map(
                token ->
                    XApiClient.builder()
                        .credentials(XApiCredentials.appOnly(token))
                        .baseUri(config.xApiUri())
                        .clock(clock)
                        .build());
  }

  /** Whether the site can harvest: an X API token is set. */
  boolean available() {
    return config.xBearerToken().isPresent();
  }

  /** The read budget of each run. */
  long budget() {
    return config.xHarvestMaxPosts();
  }

  /** The last run of an edition on this instance, running or not. */
  Optional<Run> run(int edition) {
    return Optional.ofNullable(runs.get(edition));
  }

  /** Whether a harvest of an edition runs on another instance: its lease is held, not by us. */
  boolean runningElsewhere(int edition) {
    Run local = runs.get(edition);
    if (local != null && local.state == State.RUNNING) {
      return false;
    }
    return stores
        .leases()
        .find(leaseName(edition), clock.instant())
        .filter(l -> local == null || !l.holder().equals(local.holder))
        .isPresent();
  }

  private static String leaseName(int edition) {
    return "site-harvest-" + edition;
  }

  /**
   * How long after an edition's global span the follower keeps polling: recent search's answers end
   * 30 seconds before the asking, so the last poll must come after the span to read its end.
   */
  static final Duration FOLLOW_GRACE = Duration.ofMinutes(2);

  private static String paceName(int edition) {
    return "site-harvest-pace-" + edition;
  }

  /**
   * Follows the editions live now: for each whose global span (plus {@link #FOLLOW_GRACE}) holds
   * the site's clock and which is not cancelled, starts a harvest when the edition's pace allows
   * one. Each harvest asks only for the posts newer than the newest stored ({@code since_id}), so
   * following an edition reads each post once. The site's timer calls it every few seconds on every
   * instance; the shared pace lease ({@link #pace}) lets one poll through per interval across all
   * of them, and the edition's harvest lease keeps the poll from running beside another harvest,
   * organisers' or a follower's, anywhere.
   *
   * @return the editions a harvest was started for now
   */
  List<Integer> follow(Collection<Edition> editions) {
    List<Integer> started = new ArrayList<>();
    Optional<Duration> every = config.xLiveHarvestEvery();
    if (!available() || every.isEmpty()) {
      return started;
    }
    Instant now = clock.instant();
    for (Edition e : editions) {
      if (e.date().isEmpty() || e.status() == EditionStatus.CANCELLED || !following(e, now)) {
        continue;
      }
      Run local = runs.get(e.number());
      if (local != null && local.state == State.RUNNING) {
        continue;
      }
      Duration wait = pace(every.get(), searchLimit(), now);
      // A fresh holder each time: the lease is then free only once its interval has passed,
      // whichever instance took it, so one poll gets through per interval.
      String once = instance + "/pace/" + UUID.randomUUID();
      if (stores.leases().acquire(paceName(e.number()), once, now, wait).isEmpty()) {
        continue;
      }
      if (start(e, Optional.of(once)) == Start.STARTED) {
        started.add(e.number());
      }
    }
    return started;
  }

  /**
   * How often each instance asks whether a poll is due: a fraction of the shortest interval, so a
   * due poll starts within seconds on whichever instance asks first.
   */
  static final Duration FOLLOW_TICK = Duration.ofSeconds(2);

  /**
   * Starts following the editions live now ({@link #follow}) on this harvester's timer, when the
   * site can harvest and the live polling is on; the site calls it once, unless a replay feeds its
   * board instead.
   *
   * @param editions reads the editions each time
   */
  void startFollowing(Supplier<Collection<Edition>> editions) {
    if (!available() || config.xLiveHarvestEvery().isEmpty()) {
      return;
    }
    long every = FOLLOW_TICK.toMillis();
    following.scheduleWithFixedDelay(
        () -> {
          try {
            follow(editions.get());
          } catch (RuntimeException e) {
            // The store did not answer this time; the next tick asks again.
            LOG.warn("following the live editions failed ({})", e.getClass().getName());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /** The longest wait between polls after failures: X's rate-limit window. */
  static final Duration LONGEST_BACKOFF = Duration.ofMinutes(15);

  /** Polls that failed or met X's usage cap in a row, on this instance. */
  private final AtomicInteger failures = new AtomicInteger();

  /**
   * The wait after {@code failures} polls in a row failed: the interval doubled for each, up to
   * {@link #LONGEST_BACKOFF}, so a revoked token or a spent monthly cap is not asked about every
   * few seconds for a whole edition.
   */
  static Duration backoff(Duration every, int failures) {
    Duration wait = every.multipliedBy(1L << Math.min(failures, 10));
    return wait.compareTo(LONGEST_BACKOFF) > 0 && every.compareTo(LONGEST_BACKOFF) <= 0
        ? LONGEST_BACKOFF
        : wait;
  }

  /** Holds a poll's pace lease until the next poll is due, from now. */
  private void paceNext(int edition, String holder, State end) {
    Optional<Duration> every = config.xLiveHarvestEvery();
    if (every.isEmpty()) {
      return;
    }
    int failed = 0;
    if (end == State.FAILED || end == State.USAGE_CAPPED) {
      failed = failures.incrementAndGet();
    } else {
      failures.set(0);
    }
    try {
      Instant now = clock.instant();
      Duration wait = pace(backoff(every.get(), failed), searchLimit(), now);
      stores.leases().acquire(paceName(edition), holder, now, wait);
    } catch (RuntimeException e) {
      // The poll's own lease then lapses at its first interval: the pace is only looser.
      LOG.warn("pacing the live harvest of {} failed ({})", edition, e.getClass().getName());
    }
  }

  /** Whether an edition is followed at an instant: within its global span or just after. */
  static boolean following(Edition edition, Instant now) {
    Window span = Schedule.of(edition).globalSpan();
    return !now.isBefore(span.start()) && now.isBefore(span.end().plus(FOLLOW_GRACE));
  }

  /**
   * How long to wait before the next poll: the configured interval, or longer when X's rate-limit
   * window has fewer requests left than that interval would use before it resets, so the polls
   * spread what remains evenly over the window (or wait for its reset when nothing remains).
   *
   * @param every the configured interval, positive
   * @param limit the search endpoint's window as last reported, if any
   * @param now the time
   * @return the wait, at least {@code every}
   */
  static Duration pace(Duration every, Optional<RateLimit> limit, Instant now) {
    if (limit.isEmpty() || !limit.get().reset().isAfter(now)) {
      return every;
    }
    Duration left = Duration.between(now, limit.get().reset());
    int remaining = limit.get().remaining();
    Duration spread = remaining == 0 ? left : left.dividedBy(remaining);
    return spread.compareTo(every) > 0 ? spread : every;
  }

  /** The search endpoint's rate-limit window as the client last heard it from X. */
  private Optional<RateLimit> searchLimit() {
    return client.flatMap(c -> c.rateLimit(SEARCH));
  }

  /** Recent search, as the client names its rate-limit windows. */
  private static final String SEARCH = "GET /2/tweets/search/recent";

  /** Starts a harvest of an edition unless one is running, here or on another instance. */
  Start start(Edition edition) {
    return start(edition, Optional.empty());
  }

  /**
   * Starts a harvest; a follower's poll names the pace lease it took, which the run's end renews
   * for the wait before the next poll, so the interval runs from the end of a poll (a long one
   * included) and a rate-limit window's news counts at once.
   */
  private Start start(Edition edition, Optional<String> paceHolder) {
    if (!available()) {
      return Start.UNAVAILABLE;
    }
    Run fresh = new Run(edition.number(), budget(), clock.instant());
    fresh.holder = instance + "/" + UUID.randomUUID();
    String name = leaseName(edition.number());
    // The lease decides, for runs of this instance too: one holder at a time, whoever asks.
    if (stores.leases().acquire(name, fresh.holder, clock.instant(), LEASE_TTL).isEmpty()) {
      return Start.RUNNING;
    }
    runs.put(edition.number(), fresh);
    long every = LEASE_RENEWAL.toMillis();
    fresh.renewal =
        renewals.scheduleWithFixedDelay(
            () -> renew(name, fresh), every, every, TimeUnit.MILLISECONDS);
    executor.execute(
        () -> {
          State end = State.FAILED;
          try {
            end = harvest(edition, fresh);
          } finally {
            fresh.renewal.cancel(false);
            State ended = end;
            paceHolder.ifPresent(h -> paceNext(edition.number(), h, ended));
            stores.leases().release(name, fresh.holder);
            // Told only once the lease is free, so whoever reads the end may start the next run.
            fresh.state = end;
          }
        });
    return Start.STARTED;
  }

  /**
   * Renews a run's lease. If it was lost meanwhile (this instance stalled longer than the lease's
   * lifetime and another took the harvest over), the run stops at its next tweet rather than
   * harvest alongside the other.
   */
  private void renew(String name, Run run) {
    try {
      if (stores.leases().acquire(name, run.holder, clock.instant(), LEASE_TTL).isEmpty()) {
        run.leaseLost = true;
      }
    } catch (RuntimeException e) {
      // The store did not answer this time; the lease lasts until the next try.
      LOG.warn("renewing the harvest lease of {} failed ({})", name, e.getClass().getName());
    }
  }

  /** Runs a harvest to its end, and says how it ended. */
  private State harvest(Edition edition, Run run) {
    XApiTweetSource source =
        XApiTweetSource.builder(client.orElseThrow())
            .store(stores.tweets())
            .checkpoints(stores.harvestCheckpoints())
            .maxPosts(run.budget)
            .listener(p -> run.last = p)
            .build();
    try (Stream<Tweet> tweets = source.harvest(edition)) {
      tweets.forEach(
          t -> {
            if (run.leaseLost) {
              throw new LeaseLostException();
            }
          });
      HarvestProgress end = run.last;
      return end == null || end.event() == HarvestProgress.Event.FINISHED
          ? State.FINISHED
          : end.event() == HarvestProgress.Event.BUDGET_REACHED
              ? State.BUDGET_REACHED
              : State.USAGE_CAPPED;
    } catch (PoltwtException e) {
      LOG.warn("harvest of edition {} failed: {}", edition.number(), e.code());
      run.failure = e.code();
      return State.FAILED;
    } catch (RuntimeException e) {
      // The class only: a message may quote a value, and the log holds no personal data.
      LOG.warn("harvest of edition {} failed: {}", edition.number(), e.getClass().getName());
      run.failure = e.getClass().getSimpleName();
      return State.FAILED;
    }
  }

  /** Stops a run whose lease another instance took over; its failure says so. */
  private static final class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseLostException() {
      super("the harvest's lease was taken over by another instance", null, false, false);
    }
  }

  @Override
  public void close() {
    following.shutdownNow();
    renewals.shutdownNow();
    executor.shutdownNow();
  }
}

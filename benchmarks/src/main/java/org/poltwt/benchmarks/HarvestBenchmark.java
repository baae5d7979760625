package org.poltwt.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.poltwt.event.Window;
import org.poltwt.tweet.Tweet;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.poltwt.twitter.XApiTweetSource;

/**
 * A harvest of {@value #TWEETS} tweets with {@link XApiTweetSource} against a local WireMock that
 * serves them in pages of 100, one page announcing that the rate-limit window is used up until
 * {@value #RESET_SECONDS} seconds later. The client's clock is a fake one that only the sleeper
 * moves, so no real time is spent waiting and the waits can be added up exactly.
 *
 * <p>The figures, written to {@code target/facts/HarvestBenchmark.properties} by every harvest:
 * requests made against the minimum {@code ceil(N/100)} (goal: equal), and the time waited against
 * the stubbed reset (goal: equal). The time of {@link #harvest()} is compared with {@link
 * #bareFetch()}, a plain {@link HttpClient} fetching the same pages and parsing them to trees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class HarvestBenchmark {
  /** Tweets served. */
  static final int TWEETS = 10_000;

  /** Tweets per page. */
  static final int PAGE = 100;

  /** Seconds from the start of the harvest to the reset announced half-way through. */
  static final int RESET_SECONDS = 90;

  private static final String SEARCH = "/2/tweets/search/recent";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer server;
  private Instant now;
  private FakeClock clock;
  private Duration slept;
  private XApiTweetSource source;
  private HttpClient http;
  private final AtomicLong requests = new AtomicLong();

  /** A clock that only {@link #advance(Duration)} moves. */
  static final class FakeClock extends Clock {
    private volatile Instant instant;

    FakeClock(Instant instant) {
      this.instant = instant;
    }

    void set(Instant t) {
      instant = t;
    }

    void advance(Duration d) {
      instant = instant.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("fixed to UTC");
    }

    @Override
    public Instant instant() {
      return instant;
    }
  }

  static int pages() {
    return (TWEETS + PAGE - 1) / PAGE;
  }

  /** Starts WireMock with every page stubbed, and the client and source on it. */
  @Setup(Level.Trial)
  public void setUp() {
    Window span = Corpus.SCHEDULE.globalSpan();
    now = span.end().plus(Duration.ofHours(12));
    server =
        new WireMockServer(options().dynamicPort().disableRequestJournal().containerThreads(8));
    server.start();
    int pages = pages();
    int limitedAfter = pages / 2;
    for (int p = 1; p <= pages; p++) {
      long remaining;
      Instant reset;
      if (p < limitedAfter) {
        remaining = 450 - p;
        reset = now.plusSeconds(900);
      } else if (p == limitedAfter) {
        remaining = 0;
        reset = now.plusSeconds(RESET_SECONDS);
      } else {
        remaining = 450 - (p - limitedAfter);
        reset = now.plusSeconds(RESET_SECONDS + 900L);
      }
      server.stubFor(
          get(urlPathEqualTo(SEARCH))
              .withQueryParam("next_token", p == 1 ? absent() : equalTo("page" + p))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withHeader("x-rate-limit-limit", "450")
                      .withHeader("x-rate-limit-remaining", Long.toString(remaining))
                      .withHeader("x-rate-limit-reset", Long.toString(reset.getEpochSecond()))
                      .withBody(page(p, pages, span))));
    }
    server.addMockServiceRequestListener((request, response) -> requests.incrementAndGet());
    clock = new FakeClock(now);
    XApiClient client =
        XApiClient.builder()
            .baseUri(URI.create(server.baseUrl()))
            .credentials(XApiCredentials.appOnly("AAAAbenchmarkAppBearerToken0123"))
            .clock(clock)
            .sleeper(
                d -> {
                  slept = slept.plus(d);
                  clock.advance(d);
                })
            .build();
    source = XApiTweetSource.builder(client).build();
    http = HttpClient.newHttpClient();
  }

  /** Resets the clock, the waits and the request count before each harvest. */
  @Setup(Level.Invocation)
  public void resetCounts() {
    clock.set(now);
    slept = Duration.ZERO;
    requests.set(0);
  }

  /** Stops WireMock. */
  @TearDown(Level.Trial)
  public void tearDown() {
    server.stop();
  }

  /** Page {@code p} of {@code pages}: tweets newest first, 50 authors in {@code includes.users}. */
  static String page(int p, int pages, Window span) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode data = root.putArray("data");
    int size = p == pages ? TWEETS - (pages - 1) * PAGE : PAGE;
    long first = 0;
    long last = 0;
    for (int i = 0; i < size; i++) {
      long n = TWEETS - (p - 1L) * PAGE - i;
      ObjectNode t = data.addObject();
      t.put("id", Long.toString(1_800_000_000_000_000_000L + n));
      t.put("text", "Shift " + n + " on the beat, all quiet so far #PolTwt");
      t.put("author_id", Corpus.authorId(n % 50));
      t.put("created_at", TIMESTAMP.format(span.start().plusSeconds(n * 10)));
      t.put("lang", "en");
      t.putArray("edit_history_tweet_ids").add(Long.toString(1_800_000_000_000_000_000L + n));
      if (i == 0) {
        first = n;
      }
      last = n;
    }
    ArrayNode users = root.putObject("includes").putArray("users");
    for (int a = 0; a < 50; a++) {
      ObjectNode u = users.addObject();
      u.put("id", Corpus.authorId(a));
      u.put("name", "Account " + a);
      u.put("username", Corpus.handle(a));
    }
    ObjectNode meta = root.putObject("meta");
    meta.put("newest_id", Long.toString(1_800_000_000_000_000_000L + first));
    meta.put("oldest_id", Long.toString(1_800_000_000_000_000_000L + last));
    meta.put("result_count", size);
    if (p < pages) {
      meta.put("next_token", "page" + (p + 1));
    }
    return root.toString();
  }

  /**
   * Harvests every tweet, then records the requests made and the time waited.
   *
   * @return the number of tweets harvested
   * @throws IOException if the facts cannot be written
   */
  @Benchmark
  public long harvest() throws IOException {
    long n;
    try (Stream<Tweet> tweets = source.harvest(Corpus.EDITION)) {
      n = tweets.count();
    }
    if (n != TWEETS) {
      throw new IllegalStateException("harvested " + n + " of " + TWEETS + " tweets");
    }
    Facts.write(
        "HarvestBenchmark",
        "tweets=" + n,
        "requests=" + requests.get(),
        "minimumRequests=" + pages(),
        "waitedMillis=" + slept.toMillis(),
        "stubbedWaitMillis=" + RESET_SECONDS * 1000L);
    return n;
  }

  /**
   * The baseline: the same pages fetched with a bare {@link HttpClient} and parsed to trees.
   *
   * @return the number of tweets on the pages
   * @throws IOException if a request fails
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public long bareFetch() throws IOException, InterruptedException {
    long n = 0;
    String token = null;
    do {
      URI uri =
          URI.create(
              server.baseUrl()
                  + SEARCH
                  + "?query=%23PolTwt&max_results=100"
                  + (token == null ? "" : "&next_token=" + token));
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode page = JSON.readTree(r.body());
      for (Iterator<JsonNode> it = page.path("data").elements(); it.hasNext(); it.next()) {
        n++;
      }
      JsonNode next = page.path("meta").path("next_token");
      token = next.isMissingNode() ? null : next.asText();
    } while (token != null);
    return n;
  }
}

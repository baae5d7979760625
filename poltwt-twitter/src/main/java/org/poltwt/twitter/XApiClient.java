package org.poltwt.twitter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * The connection to the X API v2 that {@link XApiAccountDirectory}, {@link XApiTweetSource} and
 * {@link XApiTweetPublisher} share: base URI, credentials, timeouts, and the rules for rate limits
 * and retries. Thread-safe; build one per application with {@link #builder()}.
 *
 * <pre>{@code
 * XApiClient client = XApiClient.builder()
 *     .credentials(XApiCredentials.fromEnvironment())   // POLTWT_X_BEARER_TOKEN, POLTWT_X_USER_TOKEN
 *     .build();
 * }</pre>
 *
 * <p>How calls fail and recover:
 *
 * <ul>
 *   <li>Every response's {@code x-rate-limit-limit/-remaining/-reset} headers are kept per endpoint
 *       ({@link #rateLimit(String)}). When a window is used up the next call to that endpoint waits
 *       until its reset first.
 *   <li>A 429 waits exactly until the reset the response announces (on the client's {@link Clock},
 *       through its {@link Sleeper}; for {@code POST /2/tweets} also the 24-hour app and user
 *       windows), never earlier and never a fixed guess, then sends the call again. A reset further
 *       ahead than {@link Builder#maxRateLimitWait(Duration)} fails at once with {@link
 *       XApiException.Reason#RATE_LIMITED} carrying the reset.
 *   <li>A 429 whose problem type is {@code usage-capped} (the app's or project's cap on posts read
 *       is used up) fails at once with {@link XApiException.Reason#USAGE_CAPPED}: waiting for the
 *       rate-limit window would not lift it.
 *   <li>While it waits for a reset, a caller that listens hears the time left at least every
 *       second, so its progress keeps moving.
 *   <li>5xx responses, dropped connections and timeouts are retried with capped exponential backoff
 *       and jitter, at most {@link Builder#maxRetries(int)} times per call.
 *   <li>Any other 4xx fails at once with a typed {@link XApiException} carrying the API's title and
 *       detail.
 * </ul>
 *
 * <p>Tokens travel only in the {@code Authorization} header: they are not in {@link #toString()},
 * in any exception message or in the client's log lines ({@link System.Logger} named {@code
 * org.poltwt.twitter}).
 */
public final class XApiClient {
  /** The API's base URI, as the OpenAPI description's {@code servers} gives it. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.x.com");

  private static final System.Logger LOG = System.getLogger("org.poltwt.twitter");
  private static final String USER_AGENT = "poltwt-twitter";

  /**
   * A sleeper that keeps waking before the clock reaches the target is asked at most this often.
   */
  private static final int MAX_SLEEPS_PER_WAIT = 100;

  /**
   * The longest sleep of a rate-limit wait someone listens to: they hear the time left after it.
   */
  static final Duration WAIT_TICK = Duration.ofSeconds(1);

  private final URI baseUri;
  private final XApiCredentials credentials;
  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRateLimitWait;
  private final int maxRateLimitWaits;
  private final ConcurrentMap<String, RateLimit> rateLimits = new ConcurrentHashMap<>();

  private XApiClient(Builder b) {
    this.baseUri = b.baseUri;
    this.credentials = b.credentials;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random != null ? b.random : new Random();
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRateLimitWait = b.maxRateLimitWait;
    this.maxRateLimitWaits = b.maxRateLimitWaits;
    HttpClient.Builder hb =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equalsIgnoreCase(baseUri.getScheme())) {
      hb.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain HTTP (test servers)
    }
    this.http = hb.build();
  }

  /**
   * Starts configuring a client. Only {@link Builder#credentials(XApiCredentials)} has no default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the rate-limit window an endpoint last reported.
   *
   * @param endpoint the method and path template, for example {@code "GET /2/tweets/search/recent"}
   *     or {@code "GET /2/users/by/username/{username}"}
   * @return the window, or empty if that endpoint has not answered with the headers yet
   */
  public Optional<RateLimit> rateLimit(String endpoint) {
    return Optional.ofNullable(rateLimits.get(requireNonNull(endpoint, "endpoint")));
  }

  /**
   * Describes the client without its tokens.
   *
   * @return the base URI, which tokens are set, and the timeouts
   */
  @Override
  public String toString() {
    return "XApiClient[baseUri="
        + baseUri
        + ", "
        + credentials
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", maxRetries="
        + maxRetries
        + "]";
  }

  Clock clock() {
    return clock;
  }

  boolean canPost() {
    return credentials.hasUserToken();
  }

  Optional<RateLimit> rateLimit(Endpoint endpoint) {
    return Optional.ofNullable(rateLimits.get(endpoint.label()));
  }

  /**
   * Sends one call, waiting out rate limits and retrying faults as the class describes.
   *
   * @param endpoint which operation
   * @param path the path with its parameters filled in
   * @param query the query parameters in order, values unencoded
   * @param jsonBody the body of a POST, or null
   * @param onWait told the instant it waits until, and the time left, when a rate-limit wait starts
   *     and after every {@link #WAIT_TICK} of it; may be null
   * @return the 2xx response
   * @throws XApiException when the call fails for good
   */
  XApiResponse send(
      Endpoint endpoint,
      String path,
      List<Map.Entry<String, String>> query,
      String jsonBody,
      WaitListener onWait) {
    HttpRequest request = request(endpoint, path, query, jsonBody);
    int failures = 0;
    int rateLimitWaits = 0;
    while (true) {
      RateLimit known = rateLimits.get(endpoint.label());
      if (known != null && known.exhaustedAt(clock.instant())) {
        waitUntil(endpoint, 429, Problem.NONE, known.reset(), onWait);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
      } catch (HttpTimeoutException e) {
        if (failures++ < maxRetries) {
          backoff(endpoint, failures, "a timeout");
          continue;
        }
        throw XApiException.of(
            XApiException.Reason.TIMEOUT,
            endpoint.label(),
            "no response within " + requestTimeout + " after " + failures + " attempts",
            null);
      } catch (IOException e) {
        if (failures++ < maxRetries) {
          backoff(
              endpoint, failures, "a connection failure (" + e.getClass().getSimpleName() + ")");
          continue;
        }
        throw XApiException.of(
            XApiException.Reason.CONNECTION,
            endpoint.label(),
            "connection failed after "
                + failures
                + " attempts ("
                + e.getClass().getSimpleName()
                + ")",
            null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw XApiException.of(
            XApiException.Reason.INTERRUPTED, endpoint.label(), "interrupted", null);
      }
      int status = response.statusCode();
      HttpHeaders headers = response.headers();
      RateLimit window = RateLimits.window(headers);
      if (window != null) {
        rateLimits.put(endpoint.label(), window);
      }
      if (status >= 200 && status < 300) {
        return new XApiResponse(status, headers, response.body());
      }
      Problem problem = Problem.fromBody(response.body()).redacted(credentials);
      if (status == 429 && Problem.USAGE_CAPPED.equals(problem.kind())) {
        throw failure(XApiException.Reason.USAGE_CAPPED, endpoint, status, problem, null);
      }
      if (status == 429) {
        Instant reset = RateLimits.resetOf429(headers);
        Instant now = clock.instant();
        if (reset != null && reset.isAfter(now)) {
          if (rateLimitWaits++ >= maxRateLimitWaits) {
            throw failure(XApiException.Reason.RATE_LIMITED, endpoint, status, problem, reset);
          }
          waitUntil(endpoint, status, problem, reset, onWait);
          continue;
        }
        // No reset ahead to wait for (absent, or already past on our clock): back off instead.
        if (failures++ < maxRetries) {
          backoff(endpoint, failures, "HTTP 429 without a reset ahead");
          continue;
        }
        throw failure(XApiException.Reason.RATE_LIMITED, endpoint, status, problem, reset);
      }
      if (status >= 500) {
        if (failures++ < maxRetries) {
          backoff(endpoint, failures, "HTTP " + status);
          continue;
        }
        throw failure(XApiException.Reason.SERVER_ERROR, endpoint, status, problem, null);
      }
      throw failure(reasonOf(status), endpoint, status, problem, null);
    }
  }

  private static XApiException.Reason reasonOf(int status) {
    switch (status) {
      case 400:
        return XApiException.Reason.BAD_REQUEST;
      case 401:
        return XApiException.Reason.UNAUTHORIZED;
      case 403:
        return XApiException.Reason.FORBIDDEN;
      case 404:
        return XApiException.Reason.NOT_FOUND;
      default:
        return XApiException.Reason.CLIENT_ERROR;
    }
  }

  private static XApiException failure(
      XApiException.Reason reason, Endpoint endpoint, int status, Problem p, Instant reset) {
    return XApiException.ofResponse(
        reason, endpoint.label(), status, p.title(), p.detail(), p.type(), reset);
  }

  private HttpRequest request(
      Endpoint endpoint, String path, List<Map.Entry<String, String>> query, String body) {
    StringBuilder uri = new StringBuilder(baseUri.toString()).append(path);
    char sep = '?';
    for (Map.Entry<String, String> q : query) {
      uri.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
      sep = '&';
    }
    String token =
        endpoint.userContext
            ? credentials
                .userToken()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "credentials: "
                                + endpoint.label()
                                + " needs a user-context access token"))
            : credentials.readToken();
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(uri.toString()))
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT);
    if (body != null) {
      rb.header("Content-Type", "application/json")
          .method(endpoint.method, HttpRequest.BodyPublishers.ofString(body, UTF_8));
    } else {
      rb.method(endpoint.method, HttpRequest.BodyPublishers.noBody());
    }
    return rb.build();
  }

  /** Percent-encodes a query component; spaces as {@code %20}, not {@code +}. */
  static String encode(String s) {
    return URLEncoder.encode(s, UTF_8).replace("+", "%20");
  }

  private void waitUntil(
      Endpoint endpoint, int status, Problem problem, Instant until, WaitListener onWait) {
    Duration wait = Duration.between(clock.instant(), until);
    if (wait.compareTo(maxRateLimitWait) > 0) {
      throw failure(XApiException.Reason.RATE_LIMITED, endpoint, status, problem, until);
    }
    LOG.log(Level.INFO, () -> endpoint.label() + ": rate limit reached; waiting until " + until);
    // Without a listener, one sleep for the whole wait; with one, a tick at a time so it hears the
    // countdown. Either way a sleeper that wakes early is asked again, a bounded number of times.
    long ticks = onWait == null ? 0 : wait.toSeconds() / WAIT_TICK.toSeconds() + 1;
    for (long i = 0; i < ticks + MAX_SLEEPS_PER_WAIT; i++) {
      Duration left = Duration.between(clock.instant(), until);
      if (left.isZero() || left.isNegative()) {
        return;
      }
      if (onWait == null) {
        sleep(endpoint, left);
      } else {
        onWait.waiting(until, left);
        sleep(endpoint, left.compareTo(WAIT_TICK) < 0 ? left : WAIT_TICK);
      }
    }
  }

  /** Hears a rate-limit wait: when it ends, and how long is left. */
  @FunctionalInterface
  interface WaitListener {
    /**
     * Hears the time left.
     *
     * @param until the reset waited for
     * @param left the time from now until then, positive
     */
    void waiting(Instant until, Duration left);
  }

  private void backoff(Endpoint endpoint, int failure, String why) {
    Duration d;
    synchronized (random) {
      d = backoffDelay(failure, initialBackoff, maxBackoff, random);
    }
    LOG.log(
        Level.INFO,
        () ->
            endpoint.label()
                + ": retry "
                + failure
                + " of "
                + maxRetries
                + " after "
                + why
                + ", in "
                + d.toMillis()
                + " ms");
    sleep(endpoint, d);
  }

  private void sleep(Endpoint endpoint, Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XApiException.of(
          XApiException.Reason.INTERRUPTED, endpoint.label(), "interrupted while waiting", null);
    }
  }

  /**
   * The wait before retry {@code failure} (1 for the first): a ceiling of {@code initial *
   * 2^(failure-1)}, capped at {@code max}, and a uniformly random wait between half the ceiling and
   * the ceiling ("equal jitter": always growing, never synchronised across clients).
   */
  static Duration backoffDelay(
      int failure, Duration initial, Duration max, RandomGenerator random) {
    long maxMillis = max.toMillis();
    long ceiling = initial.toMillis();
    for (int i = 1; i < failure && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxMillis);
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  /** Configures an {@link XApiClient}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private URI baseUri = DEFAULT_BASE_URI;
    private XApiCredentials credentials;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random;
    private int maxRetries = 4;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration maxRateLimitWait = Duration.ofMinutes(16);
    private int maxRateLimitWaits = 3;

    private Builder() {}

    /**
     * Sets the API's base URI.
     *
     * @param baseUri an absolute {@code http} or {@code https} URI without query; default {@link
     *     #DEFAULT_BASE_URI}
     * @return this builder
     * @throws IllegalArgumentException if it is not such a URI
     */
    public Builder baseUri(URI baseUri) {
      requireNonNull(baseUri, "baseUri");
      String scheme = baseUri.getScheme();
      if (!baseUri.isAbsolute()
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
          || baseUri.getRawQuery() != null
          || baseUri.getRawFragment() != null
          || baseUri.getHost() == null) {
        throw new IllegalArgumentException(
            "baseUri: must be an absolute http(s) URI without query or fragment");
      }
      String s = baseUri.toString();
      this.baseUri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      return this;
    }

    /**
     * Sets the tokens.
     *
     * @param credentials the tokens, for example {@link XApiCredentials#fromEnvironment()}
     * @return this builder
     */
    public Builder credentials(XApiCredentials credentials) {
      this.credentials = requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets how long to wait for a connection.
     *
     * @param timeout positive; default 10 s
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets how long to wait for each response.
     *
     * @param timeout positive; default 30 s
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Sets the clock rate-limit resets and cache expiry are measured on.
     *
     * @param clock the clock; default {@link Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what waits for rate-limit resets and between retries.
     *
     * @param sleeper the sleeper; default {@link Sleeper#system()}
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the source of the backoff jitter, for example a seeded {@link Random} in tests.
     *
     * @param random the generator; default a new {@link Random}
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets how many times one call is retried after a 5xx, a dropped connection or a timeout.
     *
     * @param maxRetries 0 to 10; default 4
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries: must be between 0 and 10");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the backoff between retries: the first waits up to {@code initial}, each next one up to
     * twice the last, never more than {@code max}; each wait is random between half that and all of
     * it.
     *
     * @param initial positive; default 1 s
     * @param max at least {@code initial}; default 60 s
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      positive("initial", initial);
      positive("max", max);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max: must be at least initial");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets the longest the client waits for a rate-limit window to reset; a later reset fails the
     * call with {@link XApiException.Reason#RATE_LIMITED} at once.
     *
     * @param maxWait positive; default 16 minutes (the 15-minute windows, with a margin)
     * @return this builder
     */
    public Builder maxRateLimitWait(Duration maxWait) {
      this.maxRateLimitWait = positive("maxRateLimitWait", maxWait);
      return this;
    }

    /**
     * Sets how many 429 responses one call waits out before failing.
     *
     * @param maxWaits 1 to 10; default 3
     * @return this builder
     */
    public Builder maxRateLimitWaits(int maxWaits) {
      if (maxWaits < 1 || maxWaits > 10) {
        throw new IllegalArgumentException("maxRateLimitWaits: must be between 1 and 10");
      }
      this.maxRateLimitWaits = maxWaits;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no credentials were set
     */
    public XApiClient build() {
      if (credentials == null) {
        throw new IllegalStateException(
            "credentials: required (see XApiCredentials.fromEnvironment())");
      }
      return new XApiClient(this);
    }

    private static Duration positive(String field, Duration d) {
      requireNonNull(d, field);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(field + ": must be positive");
      }
      return d;
    }
  }

  /** Reading the rate-limit headers. */
  static final class RateLimits {
    private RateLimits() {}

    /**
     * The 15-minute window from {@code x-rate-limit-*}, or null when the headers are absent or
     * broken.
     */
    static RateLimit window(HttpHeaders h) {
      OptionalLong limit = number(h, "x-rate-limit-limit");
      OptionalLong remaining = number(h, "x-rate-limit-remaining");
      OptionalLong reset = number(h, "x-rate-limit-reset");
      if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
        return null;
      }
      return new RateLimit(
          (int) Math.min(Integer.MAX_VALUE, limit.getAsLong()),
          (int) Math.min(Integer.MAX_VALUE, remaining.getAsLong()),
          Instant.ofEpochSecond(reset.getAsLong()));
    }

    /**
     * The reset a 429 waits for: the latest reset among the windows that are used up (the 15-minute
     * one and, for posting, the 24-hour app and user ones); else the 15-minute reset.
     */
    static Instant resetOf429(HttpHeaders h) {
      Instant latest = null;
      for (String prefix :
          new String[] {"x-rate-limit-", "x-app-limit-24hour-", "x-user-limit-24hour-"}) {
        OptionalLong remaining = number(h, prefix + "remaining");
        OptionalLong reset = number(h, prefix + "reset");
        if (remaining.isPresent() && remaining.getAsLong() == 0 && reset.isPresent()) {
          Instant r = Instant.ofEpochSecond(reset.getAsLong());
          if (latest == null || r.isAfter(latest)) {
            latest = r;
          }
        }
      }
      if (latest != null) {
        return latest;
      }
      OptionalLong reset = number(h, "x-rate-limit-reset");
      return reset.isPresent() ? Instant.ofEpochSecond(reset.getAsLong()) : null;
    }

    private static OptionalLong number(HttpHeaders h, String name) {
      Optional<String> v = h.firstValue(name);
      if (v.isEmpty()) {
        return OptionalLong.empty();
      }
      try {
        long n = Long.parseLong(v.get().strip());
        return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }
}

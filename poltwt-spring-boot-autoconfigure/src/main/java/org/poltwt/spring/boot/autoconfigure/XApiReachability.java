package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poltwt.twitter.RateLimit;
import org.poltwt.twitter.XApiClient;

/**
 * Whether the X API answers, for the health indicator, without spending the app's rate limits: a
 * {@code HEAD} request to the API's base URI without credentials (any HTTP answer, even 404, means
 * reachable), made at most once per {@link #cacheFor()} however often health is asked; and the
 * endpoints whose rate-limit window the {@link XApiClient} last saw used up. Nothing is probed
 * until health is first asked, so an unreachable API never stops start-up. Thread-safe.
 */
public final class XApiReachability {
  /** How long a probe's answer is reused unless told otherwise. */
  public static final Duration DEFAULT_CACHE = Duration.ofMinutes(1);

  /** The longest a probe waits to connect and for the answer. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** The endpoints the directory, the tweet source and the publisher call. */
  static final List<String> ENDPOINTS =
      List.of(
          "GET /2/users/by/username/{username}",
          "GET /2/users/by",
          "GET /2/tweets/search/recent",
          "GET /2/tweets",
          "POST /2/tweets");

  private final XApiClient client;
  private final URI baseUri;
  private final Duration cacheFor;
  private final Clock clock;
  private final HttpClient http;

  private Instant probedAt;
  private Map<String, Object> probe;

  /**
   * Creates the check.
   *
   * @param client the client whose rate-limit windows are reported
   * @param baseUri the API's address, probed
   * @param cacheFor how long an answer is reused, positive
   * @param clock the clock that ages the answer
   * @throws IllegalArgumentException if {@code cacheFor} is not positive
   */
  public XApiReachability(XApiClient client, URI baseUri, Duration cacheFor, Clock clock) {
    this.client = requireNonNull(client, "client");
    this.baseUri = requireNonNull(baseUri, "baseUri");
    this.cacheFor = requireNonNull(cacheFor, "cacheFor");
    this.clock = requireNonNull(clock, "clock");
    if (cacheFor.isNegative() || cacheFor.isZero()) {
      throw new IllegalArgumentException("cacheFor: must be positive");
    }
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(PROBE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Returns how long a probe's answer is reused.
   *
   * @return the duration
   */
  public Duration cacheFor() {
    return cacheFor;
  }

  /**
   * Whether the API answered its last probe, probing again when that answer is older than {@link
   * #cacheFor()}.
   *
   * @return {@code reachable} (true or false), {@code checkedAt}, {@code status} (the HTTP status)
   *     or {@code error} (the failure's type), and {@code rateLimited} (each endpoint whose window
   *     is used up, with its reset) when any
   */
  public Map<String, Object> check() {
    Map<String, Object> details = new LinkedHashMap<>(probe());
    Instant now = clock.instant();
    Map<String, String> limited = new LinkedHashMap<>();
    for (String endpoint : ENDPOINTS) {
      Optional<RateLimit> window = client.rateLimit(endpoint);
      if (window.isPresent() && window.get().exhaustedAt(now)) {
        limited.put(endpoint, window.get().reset().toString());
      }
    }
    if (!limited.isEmpty()) {
      details.put("rateLimited", limited);
    }
    return details;
  }

  /**
   * Whether the API answered its last probe, probing again when that answer is stale.
   *
   * @return true if it answered
   */
  public boolean reachable() {
    return Boolean.TRUE.equals(probe().get("reachable"));
  }

  private synchronized Map<String, Object> probe() {
    Instant now = clock.instant();
    if (probe != null && now.isBefore(probedAt.plus(cacheFor))) {
      return probe;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(baseUri)
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .timeout(PROBE_TIMEOUT)
              .header("User-Agent", "poltwt-health")
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      answer.put("reachable", true);
      answer.put("status", status);
    } catch (IOException | RuntimeException e) {
      answer.put("reachable", false);
      answer.put("error", e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.put("reachable", false);
      answer.put("error", "interrupted");
    }
    answer.put("checkedAt", now.toString());
    probedAt = now;
    probe = Collections.unmodifiableMap(answer);
    return probe;
  }
}

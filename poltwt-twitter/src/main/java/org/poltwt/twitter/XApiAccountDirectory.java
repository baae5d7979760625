package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.AccountLookup;
import org.poltwt.spi.TwitterAccount;

/**
 * An {@link AccountDirectory} on the X API: {@code GET /2/users/by/username/:username} for one
 * handle and {@code GET /2/users/by?usernames=} for up to 100 at a time, with a Caffeine cache of
 * both positive and negative answers. Thread-safe.
 *
 * <pre>{@code
 * AccountDirectory directory = XApiAccountDirectory.builder(client).build();
 * AccountLookup answer = directory.lookup(TwitterHandle.of("@PolTwt"));
 * }</pre>
 *
 * <p>The API answers an unknown or suspended account with HTTP 200 and an {@code errors} item
 * instead of {@code data} (title {@code Not Found Error}, or {@code Forbidden} with a detail {@code
 * User has been suspended}); the documentation also mentions a 404 for a single lookup. Both come
 * back as {@link AccountLookup.Status#NOT_FOUND} or {@link AccountLookup.Status#SUSPENDED}. Found
 * accounts come with their id, display name, handle in the API's case, and the {@code protected}
 * and {@code verified} flags.
 *
 * <p>{@link #lookupAll(Collection)} asks the cache first and sends the rest in batches of 100, so
 * checking 1,000 handles costs 10 calls, and asking again within the time to live costs none.
 * Failures are {@link XApiException}s with code {@value #FAILURE_CODE}, as the {@link
 * AccountDirectory} contract names it, keeping the API's {@link XApiException#reason()}; they are
 * never cached.
 */
public final class XApiAccountDirectory implements AccountDirectory {
  /**
   * The {@link XApiException#code()} of every failure, as the {@link AccountDirectory} contract
   * names it.
   */
  public static final String FAILURE_CODE = "directory.unavailable";

  /** The most usernames {@code GET /2/users/by} takes at once. */
  public static final int BATCH_SIZE = 100;

  private static final String USER_FIELDS = "protected,verified";

  private final XApiClient client;
  private final Cache<TwitterHandle, AccountLookup> cache;

  private XApiAccountDirectory(Builder b) {
    this.client = b.client;
    Duration positive = b.positiveTtl;
    Duration negative = b.negativeTtl;
    Clock clock = client.clock();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(b.maximumSize)
            .ticker(
                () -> {
                  Instant now = clock.instant();
                  return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
            .expireAfter(
                Expiry.<TwitterHandle, AccountLookup>creating(
                    (handle, answer) ->
                        answer.status() == AccountLookup.Status.FOUND ? positive : negative))
            .build();
  }

  /**
   * Starts configuring a directory on a client.
   *
   * @param client the client; its app bearer token (or user token) is used
   * @return a new builder
   */
  public static Builder builder(XApiClient client) {
    return new Builder(requireNonNull(client, "client"));
  }

  /**
   * Looks up one handle, from the cache when it can.
   *
   * @param handle the handle
   * @return the answer
   * @throws XApiException (code {@value #FAILURE_CODE}) if the API could not be asked
   */
  @Override
  public AccountLookup lookup(TwitterHandle handle) {
    requireNonNull(handle, "handle");
    return cache.get(handle, this::fetchOne);
  }

  /**
   * Looks up several handles: cached answers first, the rest in batches of {@value #BATCH_SIZE}.
   *
   * @param handles the handles
   * @return one answer per distinct handle (handles compare case-insensitively), in the order given
   * @throws XApiException (code {@value #FAILURE_CODE}) if the API could not be asked; the batches
   *     answered before the failure stay cached
   */
  @Override
  public Map<TwitterHandle, AccountLookup> lookupAll(Collection<TwitterHandle> handles) {
    requireNonNull(handles, "handles");
    Set<TwitterHandle> distinct = new LinkedHashSet<>();
    for (TwitterHandle h : handles) {
      distinct.add(requireNonNull(h, "handles[i]"));
    }
    Map<TwitterHandle, AccountLookup> found = cache.getAll(distinct, this::fetchAll);
    Map<TwitterHandle, AccountLookup> answers = new LinkedHashMap<>();
    for (TwitterHandle h : distinct) {
      answers.put(h, found.get(h));
    }
    return answers;
  }

  /**
   * Forgets what the cache knows about a handle, for example after its owner says it was renamed.
   *
   * @param handle the handle
   */
  public void invalidate(TwitterHandle handle) {
    cache.invalidate(requireNonNull(handle, "handle"));
  }

  /**
   * Describes the directory without tokens.
   *
   * @return the client and the cache size
   */
  @Override
  public String toString() {
    return "XApiAccountDirectory[" + client + ", cached=" + cache.estimatedSize() + "]";
  }

  private AccountLookup fetchOne(TwitterHandle handle) {
    Endpoint e = Endpoint.USER_BY_USERNAME;
    XApiResponse r;
    try {
      r =
          client.send(
              e,
              "/2/users/by/username/" + XApiClient.encode(handle.value()),
              List.of(Map.entry("user.fields", USER_FIELDS)),
              null,
              null);
    } catch (XApiException failure) {
      // The documentation says a single lookup of a suspended or deleted user is a 404.
      if (failure.reason() == XApiException.Reason.NOT_FOUND
          || failure.reason() == XApiException.Reason.FORBIDDEN) {
        Problem p =
            new Problem(
                failure.problemType().orElse(null),
                failure.title().orElse(null),
                failure.detail().orElse(null),
                null,
                null);
        if (p.isSuspension()) {
          return AccountLookup.suspended(handle);
        }
        if (failure.reason() == XApiException.Reason.NOT_FOUND) {
          return AccountLookup.notFound(handle);
        }
      }
      throw failure.withCode(FAILURE_CODE);
    }
    try {
      JsonNode root = Json.object(r, e);
      JsonNode data = root.get("data");
      if (data != null && data.isObject()) {
        return AccountLookup.found(account(data, handle, e, r.status()));
      }
      JsonNode errors = root.get("errors");
      if (errors != null && errors.isArray() && errors.size() > 0) {
        return fromProblem(handle, Problem.from(errors.get(0)), e, r.status());
      }
      throw Json.malformed(e, r.status(), "neither data nor errors");
    } catch (XApiException failure) {
      throw failure.withCode(FAILURE_CODE);
    }
  }

  private Map<TwitterHandle, AccountLookup> fetchAll(Set<? extends TwitterHandle> missing) {
    Map<TwitterHandle, AccountLookup> answers = new HashMap<>();
    List<TwitterHandle> batch = new ArrayList<>(BATCH_SIZE);
    for (TwitterHandle h : missing) {
      batch.add(h);
      if (batch.size() == BATCH_SIZE) {
        answers.putAll(fetchBatch(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      answers.putAll(fetchBatch(batch));
    }
    return answers;
  }

  private Map<TwitterHandle, AccountLookup> fetchBatch(List<TwitterHandle> batch) {
    Endpoint e = Endpoint.USERS_BY_USERNAMES;
    Map<String, TwitterHandle> asked = new LinkedHashMap<>();
    for (TwitterHandle h : batch) {
      asked.put(h.normalized(), h);
    }
    Map<TwitterHandle, AccountLookup> answers = new HashMap<>();
    try {
      XApiResponse r =
          client.send(
              e,
              "/2/users/by",
              List.of(
                  Map.entry("usernames", String.join(",", names(batch))),
                  Map.entry("user.fields", USER_FIELDS)),
              null,
              null);
      JsonNode root = Json.object(r, e);
      JsonNode data = root.get("data");
      if (data != null && data.isArray()) {
        for (JsonNode user : data) {
          String username = Json.text(user, "username");
          TwitterHandle h = username == null ? null : asked.get(username.toLowerCase(Locale.ROOT));
          if (h != null) {
            answers.put(h, AccountLookup.found(account(user, h, e, r.status())));
          }
        }
      }
      JsonNode errors = root.get("errors");
      if (errors != null && errors.isArray()) {
        for (JsonNode item : errors) {
          Problem p = Problem.from(item);
          TwitterHandle h = handleOf(p, asked);
          if (h != null && !answers.containsKey(h)) {
            answers.put(h, fromProblem(h, p, e, r.status()));
          }
        }
      }
    } catch (XApiException failure) {
      throw failure.withCode(FAILURE_CODE);
    }
    // A handle the answer does not mention at all (not documented to happen): ask for it alone.
    for (TwitterHandle h : batch) {
      if (!answers.containsKey(h)) {
        answers.put(h, fetchOne(h));
      }
    }
    return answers;
  }

  private static List<String> names(List<TwitterHandle> batch) {
    List<String> names = new ArrayList<>(batch.size());
    for (TwitterHandle h : batch) {
      names.add(h.value());
    }
    return names;
  }

  /**
   * The asked handle an errors item is about: its {@code value}, {@code resource_id}, or the {@code
   * [name]} of its detail.
   */
  private static TwitterHandle handleOf(Problem p, Map<String, TwitterHandle> asked) {
    for (String candidate : new String[] {p.value(), p.resourceId(), bracketed(p.detail())}) {
      if (candidate != null) {
        TwitterHandle h = asked.get(candidate.toLowerCase(Locale.ROOT));
        if (h != null) {
          return h;
        }
      }
    }
    return null;
  }

  private static String bracketed(String detail) {
    if (detail == null) {
      return null;
    }
    int open = detail.lastIndexOf('[');
    int close = detail.lastIndexOf(']');
    return open >= 0 && close > open ? detail.substring(open + 1, close) : null;
  }

  private static AccountLookup fromProblem(
      TwitterHandle handle, Problem p, Endpoint e, int status) {
    if (p.isSuspension()) {
      return AccountLookup.suspended(handle);
    }
    if (p.isNotFound()) {
      return AccountLookup.notFound(handle);
    }
    throw XApiException.ofResponse(
        XApiException.Reason.CLIENT_ERROR, e.label(), status, p.title(), p.detail(), p.type());
  }

  private static TwitterAccount account(
      JsonNode user, TwitterHandle asked, Endpoint e, int status) {
    String id = Json.text(user, "id");
    String name = Json.text(user, "name");
    String username = Json.text(user, "username");
    if (id == null || name == null || username == null) {
      throw Json.malformed(e, status, "a user without id, name or username");
    }
    TwitterHandle shown =
        TwitterHandle.isValid(username) && username.equalsIgnoreCase(asked.value())
            ? TwitterHandle.of(username)
            : asked;
    try {
      return new TwitterAccount(
          id,
          shown,
          name,
          user.path("protected").asBoolean(false),
          user.path("verified").asBoolean(false));
    } catch (IllegalArgumentException bad) {
      throw Json.malformed(e, status, "a user whose id is not numeric");
    }
  }

  /**
   * Configures an {@link XApiAccountDirectory}; each setter checks its value at once. Not
   * thread-safe.
   */
  public static final class Builder {
    private final XApiClient client;
    private Duration positiveTtl = Duration.ofHours(24);
    private Duration negativeTtl = Duration.ofHours(1);
    private long maximumSize = 100_000;

    private Builder(XApiClient client) {
      this.client = client;
    }

    /**
     * Sets how long a found account is remembered.
     *
     * @param ttl positive; default 24 hours
     * @return this builder
     */
    public Builder positiveTtl(Duration ttl) {
      this.positiveTtl = positive("positiveTtl", ttl);
      return this;
    }

    /**
     * Sets how long a "not found" or "suspended" answer is remembered (shorter: a new account may
     * be created, a suspension lifted).
     *
     * @param ttl positive; default 1 hour
     * @return this builder
     */
    public Builder negativeTtl(Duration ttl) {
      this.negativeTtl = positive("negativeTtl", ttl);
      return this;
    }

    /**
     * Sets how many answers the cache keeps at most.
     *
     * @param maximumSize at least 1; default 100,000
     * @return this builder
     */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("maximumSize: must be at least 1");
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * Builds the directory.
     *
     * @return the directory
     */
    public XApiAccountDirectory build() {
      return new XApiAccountDirectory(this);
    }

    private static Duration positive(String field, Duration d) {
      requireNonNull(d, field);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(field + ": must be positive");
      }
      return d;
    }
  }
}

package org.poltwt.twitter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Publication;
import org.poltwt.spi.PublicationClaim;
import org.poltwt.spi.PublicationLog;
import org.poltwt.spi.PublishedTweet;
import org.poltwt.spi.TweetPublisher;
import org.poltwt.spi.memory.InMemoryPublicationLog;
import org.poltwt.tweet.TweetLength;

/**
 * Posts composed tweets with {@code POST /2/tweets}, never the same one twice. Needs the client's
 * user-context access token (the API refuses app-only tokens for posting). Thread-safe.
 *
 * <pre>{@code
 * XApiTweetPublisher publisher = XApiTweetPublisher.builder(client).log(publicationLog).build();
 * PublishResult r = publisher.publish("edition-6/beat/42", composer.beat("On patrol downtown"));
 * }</pre>
 *
 * <p>How "never twice" holds, step by step:
 *
 * <ol>
 *   <li>The caller names each tweet with an idempotency key of its own (for example the id of the
 *       call for service it reports).
 *   <li>Before any request the publisher <em>claims</em> the key in its {@link PublicationLog} (see
 *       the claim rule there). A key already posted is not sent again ({@link
 *       PublishResult.Outcome#ALREADY_POSTED}); a key another publisher holds, in this process or
 *       another sharing the log, is not sent either: the call fails with code {@value #IN_PROGRESS}
 *       and may be repeated later. Only the holder of the claim sends, so two publishers racing on
 *       one key never both post.
 *   <li>After a 201 the entry is marked posted, with the tweet's id. After any other failure the
 *       claim is given up (marked failed), so a later call may try again at once.
 *   <li>What cannot be known is whether a request that got no answer (a timeout, a dropped
 *       connection, a 5xx, a crash of this process after claiming) reached X. The client retries
 *       such a request, and a later claim sends it again (at once after a failure; after the claim
 *       has gone stale, {@link Builder#staleClaimAfter(Duration)}, when the holder died). That is
 *       safe because X refuses a tweet whose text duplicates one the account just posted, with HTTP
 *       403 and the detail "You are not allowed to create a Tweet with duplicate content": if the
 *       first attempt got through, the retry is refused, and that refusal is taken as "already
 *       posted" ({@link PublishResult.Outcome#DUPLICATE_REFUSED}). Either way the text is on X
 *       once.
 * </ol>
 *
 * <p>The limit of the argument: X does not document how far back the duplicate check looks, so a
 * failed or stale entry should be retried soon (minutes or hours, not weeks), and two different
 * tweets must not share a key (a key reused with another text is refused). Give the publisher a
 * durable log (poltwt-jdbc's {@code JdbcStores.publications()}) for this to hold across restarts
 * and processes; the default in-memory log holds within the process only.
 */
public final class XApiTweetPublisher implements TweetPublisher {
  /** The longest idempotency key accepted. */
  public static final int MAX_KEY_LENGTH = Publication.MAX_KEY_LENGTH;

  /**
   * The {@link PoltwtException#code()} when another publisher holds a fresh claim on the key: it
   * may be sending the same post right now, so this call sends nothing.
   */
  public static final String IN_PROGRESS = "publish.in-progress";

  /** How long a claim is honoured by default: longer than a publish call with its retries. */
  public static final Duration DEFAULT_STALE_CLAIM_AFTER = Duration.ofMinutes(30);

  /** The {@link InvalidInputException#code()} of text X would refuse. */
  public static final String INVALID = "publish.invalid";

  private static final System.Logger LOG = System.getLogger("org.poltwt.twitter");

  private final XApiClient client;
  private final PublicationLog log;
  private final Duration staleClaimAfter;

  private XApiTweetPublisher(Builder b) {
    this.client = b.client;
    this.log = b.log;
    this.staleClaimAfter = b.staleClaimAfter;
  }

  /**
   * Starts configuring a publisher on a client.
   *
   * @param client a client whose credentials include a user-context access token
   * @return a new builder
   */
  public static Builder builder(XApiClient client) {
    return new Builder(requireNonNull(client, "client"));
  }

  /**
   * Posts a tweet once per idempotency key, as {@link #publishDetailed(String, String)} does.
   *
   * @param idempotencyKey the caller's name for this tweet
   * @param text the full text, at most 280 weighted characters
   * @return the tweet's id when known, and whether it had been posted before
   * @throws IllegalArgumentException if the key is malformed or was used for another text
   * @throws InvalidInputException (code {@value #INVALID}, field {@code text}) if the text is blank
   *     or too long
   * @throws PoltwtException (code {@value #IN_PROGRESS}) if another publisher holds the key
   * @throws XApiException if the API refused the tweet or could not be reached; the claim is given
   *     up, so a later call may try again
   */
  @Override
  public PublishedTweet publish(String idempotencyKey, String text) {
    PublishResult r = publishDetailed(idempotencyKey, text);
    return new PublishedTweet(
        idempotencyKey, r.publication().tweetId(), r.outcome() != PublishResult.Outcome.POSTED);
  }

  /**
   * Posts a tweet once per idempotency key, telling how it came to be posted.
   *
   * @param idempotencyKey the caller's name for this tweet: 1 to {@value #MAX_KEY_LENGTH}
   *     characters without control characters, never reused for another text
   * @param text the full text, at most 280 weighted characters
   * @return the posted entry and how it came to be posted
   * @throws IllegalArgumentException if the key is malformed or was used for another text
   * @throws InvalidInputException (code {@value #INVALID}, field {@code text}) if the text is blank
   *     or too long
   * @throws PoltwtException (code {@value #IN_PROGRESS}) if another publisher holds the key
   * @throws XApiException if the API refused the tweet or could not be reached; the claim is given
   *     up, so a later call may try again
   */
  public PublishResult publishDetailed(String idempotencyKey, String text) {
    checkKey(idempotencyKey);
    requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new InvalidInputException(INVALID, "text", "must not be blank");
    }
    if (!TweetLength.isValid(text)) {
      throw new InvalidInputException(
          INVALID,
          "text",
          "is "
              + TweetLength.weighted(text)
              + " weighted characters; a tweet holds at most "
              + TweetLength.MAX_WEIGHTED_LENGTH);
    }
    String digest = sha256(text);
    PublicationClaim claim =
        log.claim(idempotencyKey, digest, client.clock().instant(), staleClaimAfter);
    Publication entry = claim.publication();
    if (!entry.textDigest().equals(digest)) {
      throw new IllegalArgumentException("idempotencyKey: already used for a different text");
    }
    if (entry.state() == Publication.State.POSTED) {
      return new PublishResult(entry, PublishResult.Outcome.ALREADY_POSTED);
    }
    if (!claim.granted()) {
      throw new PoltwtException(
          IN_PROGRESS,
          "another publisher has held this key since "
              + entry.claimedAt()
              + "; its claim goes stale at "
              + entry.claimedAt().plus(staleClaimAfter));
    }
    Endpoint e = Endpoint.CREATE_TWEET;
    XApiResponse response;
    try {
      response = client.send(e, e.template, List.of(), body(text), null);
    } catch (XApiException failure) {
      if (failure.reason() == XApiException.Reason.FORBIDDEN && isDuplicate(failure)) {
        Publication posted =
            log.markPosted(idempotencyKey, Optional.empty(), client.clock().instant());
        return new PublishResult(posted, PublishResult.Outcome.DUPLICATE_REFUSED);
      }
      giveUp(idempotencyKey, entry.attempt(), failure);
      throw failure;
    } catch (RuntimeException | Error failure) {
      giveUp(idempotencyKey, entry.attempt(), failure);
      throw failure;
    }
    // 2xx: the tweet exists. It is marked posted even when the body cannot be read (then without an
    // id):
    // sending it again could only be refused as a duplicate.
    Optional<String> id = Optional.empty();
    try {
      JsonNode data = Json.object(response, e).get("data");
      String tweetId = data == null ? null : Json.text(data, "id");
      if (tweetId != null
          && !tweetId.isEmpty()
          && tweetId.chars().allMatch(c -> c >= '0' && c <= '9')) {
        id = Optional.of(tweetId);
      }
    } catch (XApiException unreadable) {
      LOG.log(
          System.Logger.Level.WARNING,
          () ->
              e.label()
                  + ": HTTP "
                  + response.status()
                  + " with an unreadable body; recorded as posted without an id");
    }
    Publication posted = log.markPosted(idempotencyKey, id, client.clock().instant());
    return new PublishResult(posted, PublishResult.Outcome.POSTED);
  }

  /** Gives up a claim after a failed attempt, keeping the attempt's failure as the one thrown. */
  private void giveUp(String key, int attempt, Throwable failure) {
    try {
      log.markFailed(key, attempt);
    } catch (RuntimeException logFailure) {
      // The claim stays held and goes stale in time; the send's failure is what the caller needs.
      failure.addSuppressed(logFailure);
    }
  }

  /**
   * Returns the log this publisher records in.
   *
   * @return the log
   */
  public PublicationLog log() {
    return log;
  }

  /**
   * Describes the publisher without tokens.
   *
   * @return the client and the log
   */
  @Override
  public String toString() {
    return "XApiTweetPublisher[" + client + ", " + log + "]";
  }

  /** The API's refusal of duplicate text: 403, detail "... duplicate content." */
  static boolean isDuplicate(XApiException failure) {
    return failure
        .detail()
        .map(d -> d.toLowerCase(java.util.Locale.ROOT).contains("duplicate content"))
        .orElse(false);
  }

  private static String body(String text) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("text", text);
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("cannot write a JSON string", impossible);
    }
  }

  private static void checkKey(String key) {
    requireNonNull(key, "idempotencyKey");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotencyKey: must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        throw new IllegalArgumentException("idempotencyKey: must not contain control characters");
      }
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
    }
  }

  /** Configures an {@link XApiTweetPublisher}. Not thread-safe. */
  public static final class Builder {
    private final XApiClient client;
    private PublicationLog log = new InMemoryPublicationLog();
    private Duration staleClaimAfter = DEFAULT_STALE_CLAIM_AFTER;

    private Builder(XApiClient client) {
      this.client = client;
    }

    /**
     * Sets where posts are recorded.
     *
     * @param log the log; default an {@link InMemoryPublicationLog}, which forgets on restart and
     *     is not shared with other processes
     * @return this builder
     */
    public Builder log(PublicationLog log) {
      this.log = requireNonNull(log, "log");
      return this;
    }

    /**
     * Sets how long a claim on a key is honoured before another publisher may take it over (the
     * holder is then taken to have died mid-send). Make it longer than the longest a publish call
     * may take, with the client's timeouts, retries and rate-limit waits.
     *
     * @param staleAfter positive; default {@link #DEFAULT_STALE_CLAIM_AFTER}
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder staleClaimAfter(Duration staleAfter) {
      requireNonNull(staleAfter, "staleAfter");
      if (staleAfter.isNegative() || staleAfter.isZero()) {
        throw new IllegalArgumentException("staleAfter: must be positive");
      }
      this.staleClaimAfter = staleAfter;
      return this;
    }

    /**
     * Builds the publisher.
     *
     * @return the publisher
     * @throws IllegalStateException if the client has no user-context access token
     */
    public XApiTweetPublisher build() {
      if (!client.canPost()) {
        throw new IllegalStateException(
            "credentials: posting needs a user-context access token ("
                + XApiCredentials.USER_TOKEN_VARIABLE
                + "); app-only bearer tokens cannot post");
      }
      return new XApiTweetPublisher(this);
    }
  }
}

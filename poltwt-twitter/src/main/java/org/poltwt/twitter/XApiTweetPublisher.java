package org.poltwt.twitter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.poltwt.InvalidInputException;
import org.poltwt.spi.PublishedTweet;
import org.poltwt.spi.TweetPublisher;
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
 *       call for service it reports). If the {@link PublicationLog} already says that key is
 *       posted, nothing is sent.
 *   <li>Otherwise the intent is recorded as pending <em>before</em> the request, and marked posted
 *       after a 201, with the tweet's id.
 *   <li>What cannot be known is whether a request that got no answer (a timeout, a dropped
 *       connection, a 5xx, a crash of this process after recording) reached X. The client retries
 *       such a request, and a later call with the same key sends it again. That is safe because X
 *       refuses a tweet whose text duplicates one the account just posted, with HTTP 403 and the
 *       detail "You are not allowed to create a Tweet with duplicate content": if the first attempt
 *       got through, the retry is refused, and that refusal is taken as "already posted" ({@link
 *       PublishResult.Outcome#DUPLICATE_REFUSED}). If it did not get through, the retry posts it.
 *       Either way the text is on X exactly once.
 * </ol>
 *
 * <p>The limit of the argument: X does not document how far back the duplicate check looks, so a
 * pending entry should be retried soon (minutes or hours, not weeks), and two different tweets must
 * not share a key (a key reused with another text is refused). Any other refusal (4xx) is thrown as
 * an {@link XApiException} and leaves the entry pending, so a later call may try again.
 */
public final class XApiTweetPublisher implements TweetPublisher {
  /** The longest idempotency key accepted. */
  public static final int MAX_KEY_LENGTH = 200;

  /** The {@link InvalidInputException#code()} of text X would refuse. */
  public static final String INVALID = "publish.invalid";

  private static final System.Logger LOG = System.getLogger("org.poltwt.twitter");

  private final XApiClient client;
  private final PublicationLog log;

  private XApiTweetPublisher(Builder b) {
    this.client = b.client;
    this.log = b.log;
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
   * @throws XApiException if the API refused the tweet or could not be reached; the entry stays
   *     pending
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
   * @throws XApiException if the API refused the tweet or could not be reached; the entry stays
   *     pending
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
    Publication entry = log.begin(idempotencyKey, digest, client.clock().instant());
    if (!entry.textDigest().equals(digest)) {
      throw new IllegalArgumentException("idempotencyKey: already used for a different text");
    }
    if (entry.state() == Publication.State.POSTED) {
      return new PublishResult(entry, PublishResult.Outcome.ALREADY_POSTED);
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
    private PublicationLog log = PublicationLog.inMemory();

    private Builder(XApiClient client) {
      this.client = client;
    }

    /**
     * Sets where posts are recorded.
     *
     * @param log the log; default {@link PublicationLog#inMemory()}, which forgets on restart
     * @return this builder
     */
    public Builder log(PublicationLog log) {
      this.log = requireNonNull(log, "log");
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

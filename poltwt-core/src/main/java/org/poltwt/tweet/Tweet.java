package org.poltwt.tweet;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.poltwt.InvalidInputException;
import org.poltwt.internal.TweetIds;
import org.poltwt.internal.text.ScannedHashtags;
import org.poltwt.registration.TwitterHandle;

/**
 * One tweet, as the X API v2 gives it.
 *
 * @param id the tweet's id (a decimal string, as the API gives it)
 * @param authorId the author's account id
 * @param authorHandle the author's handle, when the API included the author
 * @param text the full text
 * @param createdAt when it was posted
 * @param lang the language the API detected (BCP 47, e.g. {@code en}, or {@code und})
 * @param source the app it was sent from, when known
 * @param referencedTweets the tweets it retweets, quotes or replies to
 * @param hashtags its hashtag entities, as {@link Hashtags#extract(String)} finds them in the text;
 *     a tweet from {@link #builder()}, {@link #of} or {@link org.poltwt.tweet.io.TweetReader}
 *     extracts them from the text the first time they are read, so a tweet that is only checked
 *     never builds them
 */
public record Tweet(
    String id,
    String authorId,
    Optional<TwitterHandle> authorHandle,
    String text,
    Instant createdAt,
    Optional<String> lang,
    Optional<String> source,
    List<ReferencedTweet> referencedTweets,
    List<Hashtag> hashtags) {

  /** The {@link InvalidInputException#code()} of a malformed tweet. */
  public static final String INVALID = TweetIds.INVALID;

  /**
   * Validates the tweet.
   *
   * @param id the tweet's numeric id
   * @param authorId the author's numeric id
   * @param authorHandle the author's handle
   * @param text the text
   * @param createdAt when it was posted
   * @param lang the detected language
   * @param source the app it was sent from
   * @param referencedTweets the tweets it refers to
   * @param hashtags its hashtag entities
   * @throws InvalidInputException (code {@value #INVALID}) naming the field that is missing or
   *     malformed
   */
  public Tweet {
    TweetIds.require("id", id);
    TweetIds.require("authorId", authorId);
    if (text == null) {
      throw new InvalidInputException(INVALID, "text", "is required");
    }
    if (createdAt == null) {
      throw new InvalidInputException(INVALID, "createdAt", "is required");
    }
    requireNonNull(authorHandle, "authorHandle");
    requireNonNull(lang, "lang");
    requireNonNull(source, "source");
    referencedTweets = List.copyOf(requireNonNull(referencedTweets, "referencedTweets"));
    requireNonNull(hashtags, "hashtags");
    // The builder's lazily extracted entities of this very text are kept as they are; any other
    // list is copied.
    hashtags =
        hashtags instanceof ScannedHashtags<?> lazy && lazy.of(text)
            ? hashtags
            : List.copyOf(hashtags);
  }

  /**
   * Creates a tweet whose hashtags are extracted from its text (when first read).
   *
   * @param id the tweet's numeric id
   * @param authorId the author's numeric id
   * @param authorHandle the author's handle; may be null when unknown
   * @param text the text
   * @param createdAt when it was posted
   * @return the tweet, without language, source or references
   */
  public static Tweet of(
      String id, String authorId, TwitterHandle authorHandle, String text, Instant createdAt) {
    return builder()
        .id(id)
        .authorId(authorId)
        .authorHandle(authorHandle)
        .text(text)
        .createdAt(createdAt)
        .build();
  }

  /**
   * Starts building a tweet; {@link Builder#build()} extracts the hashtags from the text.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether this is a retweet, which counts as a retweet rather than an original.
   *
   * @return true if it retweets another tweet
   */
  public boolean isRetweet() {
    return refersAs(ReferencedTweet.Type.RETWEETED);
  }

  /**
   * Whether this quotes another tweet.
   *
   * @return true if it quotes another tweet
   */
  public boolean isQuote() {
    return refersAs(ReferencedTweet.Type.QUOTED);
  }

  /**
   * Whether this replies to another tweet.
   *
   * @return true if it is a reply
   */
  public boolean isReply() {
    return refersAs(ReferencedTweet.Type.REPLIED_TO);
  }

  private boolean refersAs(ReferencedTweet.Type type) {
    for (int i = 0, n = referencedTweets.size(); i < n; i++) {
      if (referencedTweets.get(i).type() == type) {
        return true;
      }
    }
    return false;
  }

  /** Builds a {@link Tweet}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String authorId;
    private TwitterHandle authorHandle;
    private String text;
    private Instant createdAt;
    private String lang;
    private String source;
    private List<ReferencedTweet> referencedTweets = List.of();

    private Builder() {}

    /**
     * Sets the tweet's id.
     *
     * @param id the numeric id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the author's id.
     *
     * @param authorId the numeric id
     * @return this builder
     */
    public Builder authorId(String authorId) {
      this.authorId = authorId;
      return this;
    }

    /**
     * Sets the author's handle.
     *
     * @param authorHandle the handle; may be null when unknown
     * @return this builder
     */
    public Builder authorHandle(TwitterHandle authorHandle) {
      this.authorHandle = authorHandle;
      return this;
    }

    /**
     * Sets the text.
     *
     * @param text the full text
     * @return this builder
     */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * Sets when it was posted.
     *
     * @param createdAt the instant
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Sets the detected language.
     *
     * @param lang a BCP 47 tag; may be null
     * @return this builder
     */
    public Builder lang(String lang) {
      this.lang = lang;
      return this;
    }

    /**
     * Sets the app it was sent from.
     *
     * @param source the app's name; may be null
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the tweets it refers to.
     *
     * @param referencedTweets the references
     * @return this builder
     */
    public Builder referencedTweets(List<ReferencedTweet> referencedTweets) {
      this.referencedTweets = requireNonNull(referencedTweets, "referencedTweets");
      return this;
    }

    /**
     * Builds the tweet; its hashtags are extracted from the text when first read.
     *
     * @return the tweet
     * @throws InvalidInputException naming a missing or malformed field
     */
    public Tweet build() {
      if (text == null) {
        throw new InvalidInputException(INVALID, "text", "is required");
      }
      return new Tweet(
          id,
          authorId,
          Optional.ofNullable(authorHandle),
          text,
          createdAt,
          Optional.ofNullable(lang),
          Optional.ofNullable(source),
          referencedTweets,
          new ScannedHashtags<>(text, null, Hashtags::extract));
    }
  }
}

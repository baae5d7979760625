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
 *     never builds them. A tweet read from the X API with its {@code entities} has the API's own
 *     hashtags instead, and a retweet read with the retweeted post in the page's {@code
 *     includes.tweets} has that post's, their indices into that post's text (the retweet's text is
 *     cut short by X)
 * @param countedText the part of the text X counted against its limit, when that differs from
 *     {@code text}; see {@link #countedText()}
 * @param longPost whether this is a long post ({@code note_tweet}): its {@code text} is the full
 *     text, which X allows to be over {@value TweetLength#MAX_WEIGHTED_LENGTH} weighted characters
 * @param editHistory the ids of an edited post's versions, oldest first, as the API's {@code
 *     edit_history_tweet_ids} gives them; empty for a post never edited (whose history is itself
 *     alone)
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
    List<Hashtag> hashtags,
    Optional<String> countedText,
    boolean longPost,
    List<String> editHistory) {

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
   * @param countedText the part of the text X counted, when it differs from the text
   * @param longPost whether it is a long post
   * @param editHistory the ids of an edited post's versions, oldest first; empty if never edited
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
    requireNonNull(countedText, "countedText");
    editHistory = List.copyOf(requireNonNull(editHistory, "editHistory"));
    for (int i = 0, n = editHistory.size(); i < n; i++) {
      TweetIds.require("editHistory", editHistory.get(i));
    }
    if (editHistory.size() == 1) {
      editHistory = List.of(); // one version: never edited
    }
    // The builder's lazily extracted entities of this very text are kept as they are; any other
    // list is copied.
    hashtags =
        hashtags instanceof ScannedHashtags<?> lazy && lazy.of(text)
            ? hashtags
            : List.copyOf(hashtags);
  }

  /**
   * A tweet whose whole text counts against the limit, and not a long post.
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
  public Tweet(
      String id,
      String authorId,
      Optional<TwitterHandle> authorHandle,
      String text,
      Instant createdAt,
      Optional<String> lang,
      Optional<String> source,
      List<ReferencedTweet> referencedTweets,
      List<Hashtag> hashtags) {
    this(
        id,
        authorId,
        authorHandle,
        text,
        createdAt,
        lang,
        source,
        referencedTweets,
        hashtags,
        Optional.empty(),
        false,
        List.of());
  }

  /**
   * The part of the text that X counted against the limit of {@value
   * TweetLength#MAX_WEIGHTED_LENGTH} weighted characters when it published the post, when that is
   * not the whole {@link #text()}. The X API gives a post's text as X stores it, which is not what
   * X counted: {@link org.poltwt.tweet.io.TweetReader} derives the counted text from the API's own
   * fields (see there for the rule): HTML entities unescaped, a reply's leading mentions that X
   * filled in and the trailing links X appended for attached media or a quoted post left out.
   *
   * <p>Empty when the text counts as it is, which is the case for every tweet built without it
   * (from {@link #of}, or a {@link #builder()} without {@link Builder#countedText(String)}); and
   * for a {@link #longPost() long post}, which has no limit of 280.
   *
   * @return the counted text, or empty when it is the whole text
   */
  @Override
  public Optional<String> countedText() {
    return countedText;
  }

  /**
   * Whether the post was edited: X kept more than one version of it.
   *
   * @return true if {@link #editHistory()} names several versions
   */
  public boolean edited() {
    return !editHistory.isEmpty();
  }

  /**
   * The id that names the post whatever its version: the first version's id for an edited post,
   * else {@link #id()}. Two versions of one edited post have the same post id, so counting posts by
   * it counts an edited post once.
   *
   * @return the first version's id
   */
  public String postId() {
    return editHistory.isEmpty() ? id : editHistory.get(0);
  }

  /**
   * Whether this is the latest version of the post that the tweet knows of: the last of its {@link
   * #editHistory()}, or a post never edited.
   *
   * @return true unless a later version is named in the history
   */
  public boolean latestVersion() {
    return editHistory.isEmpty() || editHistory.get(editHistory.size() - 1).equals(id);
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
    private String countedText;
    private boolean longPost;
    private List<String> editHistory = List.of();

    private Builder() {}

    /**
     * Sets the ids of an edited post's versions, oldest first.
     *
     * @param editHistory the ids; empty (the default) or one id for a post never edited
     * @return this builder
     */
    public Builder editHistory(List<String> editHistory) {
      this.editHistory = requireNonNull(editHistory, "editHistory");
      return this;
    }

    /**
     * Sets the part of the text X counted against the limit, when it is not the whole text (see
     * {@link Tweet#countedText()}).
     *
     * @param countedText the counted text; null (the default) when the whole text counts
     * @return this builder
     */
    public Builder countedText(String countedText) {
      this.countedText = countedText;
      return this;
    }

    /**
     * Sets whether the tweet is a long post ({@code note_tweet}), whose text X allows over the
     * limit.
     *
     * @param longPost true for a long post
     * @return this builder
     */
    public Builder longPost(boolean longPost) {
      this.longPost = longPost;
      return this;
    }

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
          new ScannedHashtags<>(text, null, Hashtags::extract),
          countedText == null || countedText.equals(text)
              ? Optional.empty()
              : Optional.of(countedText),
          longPost,
          editHistory);
    }
  }
}

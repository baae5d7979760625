package org.poltwt.compliance;

/** A fact about a tweet that the wrap-up counts but that is not a violation. */
public enum ComplianceTag {
  /** The tweet is a retweet, counted as a retweet rather than an original. */
  RETWEET,
  /** The tweet carries one of the edition's theme hashtags (for example {@code #TimeToUnify}). */
  THEME,
  /**
   * The tweet's own words carry the edition's hashtag as a hashtag: its {@linkplain
   * org.poltwt.tweet.Tweet#hashtags() hashtag entities} include it. For a retweet these are the
   * retweeted post's hashtags when the tweet has them (a retweet read from the X API does, from
   * {@code includes.tweets}), else those of the retweet's cut text. Set whether or not the tweet
   * had to carry it, so a retweet exempt from the hashtag rule that carries it anyway has this tag,
   * and one that does not has neither this tag nor a {@link Violation.Code#MISSING_HASHTAG}
   * violation.
   */
  CARRIES_HASHTAG
}

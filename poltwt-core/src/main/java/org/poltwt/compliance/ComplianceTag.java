package org.poltwt.compliance;

/** A fact about a tweet that the wrap-up counts but that is not a violation. */
public enum ComplianceTag {
  /** The tweet is a retweet, counted as a retweet rather than an original. */
  RETWEET,
  /** The tweet carries one of the edition's theme hashtags (for example {@code #TimeToUnify}). */
  THEME
}

package org.poltwt.compliance;

import static java.util.Objects.requireNonNull;

import org.poltwt.tweet.TweetLength;

/**
 * One rule of the event a tweet breaks, with a reason people can read.
 *
 * <p>The reason describes the rule and, where useful, the edition's hashtag, the author's window or
 * the tweet's weighted length. It never quotes the tweet's text, which may hold personal data.
 *
 * @param code which rule is broken
 * @param reason why, in words, free of personal data
 */
public record Violation(Code code, String reason) {

  /** The rules a tweet can break, in the order a {@link ComplianceResult} lists them. */
  public enum Code {
    /** The edition's hashtag is not one of the tweet's hashtag entities. */
    MISSING_HASHTAG,
    /**
     * The tweet was posted outside the author's window (or, for an unregistered author, the global
     * span).
     */
    OUTSIDE_WINDOW,
    /** The author has no {@code VERIFIED} registration for the edition. */
    UNREGISTERED_AUTHOR,
    /**
     * Over {@value TweetLength#MAX_WEIGHTED_LENGTH} weighted characters: a draft's text as written
     * ({@link ComplianceChecker#checkDraft(String)}), or the text X counted of a published post
     * that is not a long post ({@link ComplianceChecker#check}).
     */
    TOO_LONG
  }

  /**
   * Validates the violation.
   *
   * @param code which rule is broken
   * @param reason why, not blank
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code reason} is blank
   */
  public Violation {
    requireNonNull(code, "code");
    requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason: must not be blank");
    }
  }

  /**
   * Returns the code and the reason.
   *
   * @return for example {@code "TOO_LONG: is 300 weighted characters long, over the limit of 280"}
   */
  @Override
  public String toString() {
    return code + ": " + reason;
  }
}

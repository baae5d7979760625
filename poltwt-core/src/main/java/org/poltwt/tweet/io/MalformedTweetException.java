package org.poltwt.tweet.io;

import org.poltwt.InvalidInputException;
import org.poltwt.tweet.Tweet;

/**
 * Input that {@link TweetReader} could not turn into a tweet, with the line it is on.
 *
 * <p>The {@link #code() code} is {@value Tweet#INVALID}; {@link #field()} and {@link #reason()} are
 * those of the {@link MalformedTweet} it reports, and the message reads {@code "line <n>: <field>:
 * <reason>"}. Like every poltwt failure it never contains the rejected value or the tweet's text.
 */
public final class MalformedTweetException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final long lineNumber;

  /**
   * Creates the failure for a malformed record.
   *
   * @param malformed where the input is wrong, which field and why
   */
  public MalformedTweetException(MalformedTweet malformed) {
    super(Tweet.INVALID, malformed.field(), malformed.reason());
    this.lineNumber = malformed.lineNumber();
  }

  /**
   * Returns the 1-based line of the input where the malformed record starts.
   *
   * @return the line number
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * Returns the malformed record this failure reports.
   *
   * @return its line, field and reason
   */
  public MalformedTweet malformed() {
    return new MalformedTweet(lineNumber, field(), reason());
  }

  /**
   * Returns the message, {@code "line <n>: <field>: <reason>"}.
   *
   * @return the message, free of personal data
   */
  @Override
  public String getMessage() {
    return "line " + lineNumber + ": " + super.getMessage();
  }
}

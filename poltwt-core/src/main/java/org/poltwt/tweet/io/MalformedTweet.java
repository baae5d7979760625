package org.poltwt.tweet.io;

import static java.util.Objects.requireNonNull;

/**
 * A record of the input that {@link TweetReader} could not turn into a tweet: where it is, which
 * field is wrong and why. It never holds the offending value or the tweet's text, which may be
 * personal data.
 *
 * <p>{@code field} names the field as the X API spells it ({@code id}, {@code author_id}, {@code
 * created_at}, {@code referenced_tweets[1].type}, {@code author.username}, {@code
 * includes.users[0].username}, ...), or one of two pseudo-fields: {@code json} when the text is not
 * valid JSON or not a tweet, a response page or an array of them, and {@code line} when a line is
 * longer than the reader accepts.
 *
 * @param lineNumber the 1-based line of the input where the record starts (for a tweet inside a
 *     response page on one JSON Lines line, that line)
 * @param field the field that is missing or malformed, as the X API names it
 * @param reason why it was rejected, without the rejected value
 */
public record MalformedTweet(long lineNumber, String field, String reason) {
  /**
   * Validates the record.
   *
   * @param lineNumber the 1-based line, at least 1
   * @param field the field's name, not null
   * @param reason the reason, not null
   */
  public MalformedTweet {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber: must be at least 1 (" + lineNumber + ")");
    }
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }
}

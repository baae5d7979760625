package org.poltwt.internal;

import java.util.Comparator;
import org.poltwt.InvalidInputException;

/**
 * The rule for X's numeric ids (of tweets and accounts), shared by the tweet model, the reader and
 * compliance results so that all three refuse the same ids with the same message.
 */
public final class TweetIds {
  /** The error code of a refused tweet field: the value of {@code Tweet.INVALID}. */
  public static final String INVALID = "tweet.invalid";

  /**
   * Orders ids as the numbers they are, which is the order X gave them out: shorter is smaller,
   * then digit by digit (ids have no leading zeros).
   */
  public static final Comparator<String> NUMERIC =
      Comparator.comparingInt(String::length).thenComparing(s -> s);

  private TweetIds() {}

  /**
   * Checks an id: 1 to 20 ASCII digits.
   *
   * @param field the field's name, for the error
   * @param id the id
   * @throws InvalidInputException naming {@code field} if the id is missing or not such digits
   */
  public static void require(String field, String id) {
    if (id == null || id.isEmpty()) {
      throw new InvalidInputException(INVALID, field, "is required");
    }
    if (id.length() > 20) {
      throw new InvalidInputException(INVALID, field, "must be at most 20 digits");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidInputException(INVALID, field, "must be a numeric id");
      }
    }
  }
}

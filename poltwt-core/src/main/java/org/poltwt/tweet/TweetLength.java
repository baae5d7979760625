package org.poltwt.tweet;

import static java.util.Objects.requireNonNull;

import org.poltwt.internal.text.WeightConfig;
import org.poltwt.internal.text.WeightedCount;
import org.poltwt.internal.text.WeightedLength;

/**
 * A tweet's weighted length as Twitter counts it (twitter-text configuration v3): at most 280, most
 * Latin, Greek, Cyrillic and similar scripts weighing one, other characters (CJK among them) two,
 * an emoji sequence two, and every URL 23.
 *
 * <p>The answers are those of twitter-text 3.1.0's {@code TwitterTextParser.parseTweet} with its
 * default configuration (v3), computed by a hand-written scanner (no regular expression, no call
 * into twitter-text). The text is counted in Unicode NFC, as twitter-text counts it.
 */
public final class TweetLength {
  /** The most weighted characters a tweet may have. */
  public static final int MAX_WEIGHTED_LENGTH = WeightConfig.MAX_WEIGHTED_LENGTH;

  private TweetLength() {}

  /**
   * Returns the weighted length of a text; a blank text (nothing above U+0020) counts 0.
   *
   * @param text the tweet text
   * @return its weighted length
   * @throws NullPointerException if {@code text} is null
   */
  public static int weighted(String text) {
    requireNonNull(text, "text");
    return WeightedLength.count(text, WeightConfig.V3).weightedLength();
  }

  /**
   * Whether a text fits in a tweet: not blank, at most 280 weighted characters, and none of the
   * characters twitter-text rejects (U+FFFE, U+FEFF, U+FFFF).
   *
   * @param text the tweet text
   * @return true if Twitter would accept it
   * @throws NullPointerException if {@code text} is null
   */
  public static boolean isValid(String text) {
    requireNonNull(text, "text");
    return WeightedLength.count(text, WeightConfig.V3).valid();
  }

  /**
   * Everything twitter-text's parser reports, under a given configuration.
   *
   * @param text the tweet text
   * @param config the configuration ({@link WeightConfig#V3} is Twitter's)
   * @return length, permillage, validity and ranges
   */
  static WeightedCount parse(String text, WeightConfig config) {
    requireNonNull(text, "text");
    requireNonNull(config, "config");
    return WeightedLength.count(text, config);
  }
}

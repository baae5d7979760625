package org.poltwt.internal.text;

/**
 * What twitter-text's {@code TwitterTextParser.parseTweet} reports about a text.
 *
 * @param weightedLength the weighted length
 * @param permillage the weighted length per thousand of the maximum
 * @param valid whether the text is a valid tweet: not blank, no invalid character, within the
 *     maximum
 * @param displayStart the first index of the displayed text (0, or -1 for a blank text)
 * @param displayEnd the last index of the displayed text, in the original text's UTF-16 units
 * @param validStart the first index of the part within the maximum (0, or -1 for a blank text)
 * @param validEnd the last index of the part within the maximum
 */
public record WeightedCount(
    int weightedLength,
    int permillage,
    boolean valid,
    int displayStart,
    int displayEnd,
    int validStart,
    int validEnd) {
  /** A blank text: twitter-text's empty result. */
  static final WeightedCount BLANK = new WeightedCount(0, 0, false, -1, -1, -1, -1);
}

package org.poltwt.internal.text;

/**
 * Counts a text's weighted length the way twitter-text 3.1.0's {@code TwitterTextParser} does.
 *
 * <p>The text is NFC-normalised. Then, left to right: a URL (as {@link UrlScanner} finds them in
 * the normalised text) that starts at the current position weighs the transformed URL length; then,
 * unless at the end, the emoji sequence starting there (with emoji parsing; {@link EmojiSequences},
 * found by one left-to-right search over the whole text) weighs the default weight, otherwise the
 * code point weighs its range's weight. U+FFFE, U+FEFF and U+FFFF at the start of a counted unit
 * make the text invalid. A text of only chars up to U+0020 is blank: length 0 and invalid.
 */
public final class WeightedLength {
  private WeightedLength() {}

  /**
   * Counts a text.
   *
   * @param text the text
   * @param config the configuration
   * @return what twitter-text reports
   */
  public static WeightedCount count(String text, WeightConfig config) {
    if (isBlank(text)) {
      return WeightedCount.BLANK;
    }
    String s = Nfc.nfc(text);
    int n = s.length();
    int[] urls = UrlScanner.urls(s);
    int scaledMax = config.maxWeightedLength * config.scale;
    int urlWeight = config.transformedUrlLength * config.scale;
    boolean invalid = false;
    int weighted = 0;
    int offset = 0;
    int validOffset = 0;
    int u = 0;
    int emojiStart = config.emojiParsing ? -1 : Integer.MAX_VALUE;
    int emojiLength = 0;
    while (offset < n) {
      while (u < urls.length && urls[u] < offset) {
        u += 2;
      }
      if (u < urls.length && urls[u] == offset) {
        int length = urls[u + 1] - offset;
        weighted += urlWeight;
        offset += length;
        if (weighted <= scaledMax) {
          validOffset += length;
        }
        u += 2;
        if (offset >= n) {
          break;
        }
      }
      while (emojiStart < offset) {
        long next = EmojiSequences.find(s, emojiStart < 0 ? 0 : emojiStart + emojiLength);
        if (next < 0) {
          emojiStart = Integer.MAX_VALUE;
        } else {
          emojiStart = (int) (next >>> 32);
          emojiLength = (int) next;
        }
      }
      char c = s.charAt(offset);
      int step;
      if (emojiStart == offset) {
        weighted += config.defaultWeight;
        step = emojiLength;
      } else if (c < 0xD800 || c > 0xDFFF) {
        weighted += config.weightOf(c);
        step = 1;
      } else {
        int cp = s.codePointAt(offset);
        weighted += config.weightOf(cp);
        step = Character.charCount(cp);
      }
      invalid = invalid || c == 0xFFFE || c == 0xFEFF || c == 0xFFFF;
      offset += step;
      if (!invalid && weighted <= scaledMax) {
        validOffset += step;
      }
    }
    int normalizationOffset = text.length() - n;
    int length = weighted / config.scale;
    boolean valid = !invalid && length <= config.maxWeightedLength;
    int permillage = length * 1000 / config.maxWeightedLength;
    return new WeightedCount(
        length,
        permillage,
        valid,
        0,
        offset + normalizationOffset - 1,
        0,
        validOffset + normalizationOffset - 1);
  }

  /** twitter-text's {@code trim().isEmpty()}: nothing above U+0020. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > ' ') {
        return false;
      }
    }
    return true;
  }
}

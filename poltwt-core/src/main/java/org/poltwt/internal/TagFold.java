package org.poltwt.internal;

import java.text.Normalizer;

/**
 * How poltwt compares hashtags: NFC, then each code point simply case-folded (upper case, then
 * lower case). {@code #POLTWT} equals {@code #poltwt}; {@code ß} does not equal {@code ss}.
 * Internal: the one rule shared by the edition, the hashtag scanner, the compliance checker, the
 * composer and the wrap-up.
 */
public final class TagFold {
  private TagFold() {}

  /**
   * Folds one code point.
   *
   * @param cp a Unicode code point
   * @return its simple case fold
   */
  public static int fold(int cp) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }

  /**
   * Normalises a tag to NFC, cheaply: text below U+0300 is already in NFC.
   *
   * @param tag the tag
   * @return the tag in NFC
   */
  public static String nfc(String tag) {
    return belowCombining(tag, 0, tag.length()) ? tag : Normalizer.normalize(tag, Normalizer.Form.NFC);
  }

  /**
   * Whether {@code s[from, to)} holds only chars below U+0300, the first combining mark: NFC
   * leaves such text unchanged.
   *
   * @param s the text
   * @param from the first index
   * @param to the index after the last
   * @return true if every char in the range is below U+0300
   */
  public static boolean belowCombining(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= '\u0300') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the key two tags share exactly when they are the same hashtag.
   *
   * @param tag the tag, without its hash sign
   * @return the NFC, case-folded tag
   */
  public static String key(String tag) {
    String t = nfc(tag);
    StringBuilder folded = null;
    for (int i = 0, n = t.length(); i < n; ) {
      int cp = t.codePointAt(i);
      int f = fold(cp);
      if (f != cp && folded == null) {
        folded = new StringBuilder(n).append(t, 0, i);
      }
      if (folded != null) {
        folded.appendCodePoint(f);
      }
      i += Character.charCount(cp);
    }
    return folded == null ? t : folded.toString();
  }
}

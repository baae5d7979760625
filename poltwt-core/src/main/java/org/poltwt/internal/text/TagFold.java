package org.poltwt.internal.text;

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
    return belowCombining(tag, 0, tag.length())
        ? tag
        : Normalizer.normalize(tag, Normalizer.Form.NFC);
  }

  /**
   * Whether {@code s[from, to)} holds only chars below U+0300, the first combining mark: NFC leaves
   * such text unchanged.
   *
   * @param s the text
   * @param from the first index
   * @param to the index after the last
   * @return true if every char in the range is below U+0300
   */
  private static boolean belowCombining(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= '\u0300') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a tag as {@link #matches} compares it: its code points in NFC, each folded. A caller
   * comparing many texts against one tag (a checker against its edition's hashtag) folds it once.
   *
   * @param tag the tag, without its hash sign
   * @return the folded code points
   */
  public static int[] folded(String tag) {
    return nfc(tag).codePoints().map(TagFold::fold).toArray();
  }

  /**
   * Whether {@code s[from, to)} is the tag whose {@link #folded} code points are given: the range
   * is normalised to NFC only when it holds a char from U+0300 on (below that NFC changes nothing),
   * then compared code point by code point, folded.
   *
   * @param s the text holding the tag
   * @param from the tag's first index
   * @param to the index after the tag
   * @param folded the other tag, {@link #folded}
   * @return true if they are the same hashtag
   */
  public static boolean matches(String s, int from, int to, int[] folded) {
    if (!belowCombining(s, from, to)) {
      String tag = Normalizer.normalize(s.substring(from, to), Normalizer.Form.NFC);
      return foldedEquals(tag, 0, tag.length(), folded);
    }
    return foldedEquals(s, from, to, folded);
  }

  private static boolean foldedEquals(String s, int from, int to, int[] folded) {
    int j = 0;
    for (int i = from; i < to; j++) {
      int cp = s.codePointAt(i);
      if (j == folded.length || fold(cp) != folded[j]) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return j == folded.length;
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

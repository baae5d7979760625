package org.poltwt.report;

import java.text.Normalizer;

/**
 * Hashtags as one key per tag: NFC, then each code point simply case-folded (upper case, then
 * lower case), as {@link org.poltwt.tweet.Hashtags#carries(String, String)} compares them.
 */
final class TagKeys {
  private TagKeys() {}

  static String key(String tag) {
    String t = tag;
    for (int i = 0, n = t.length(); i < n; i++) {
      if (t.charAt(i) >= '\u0300') {
        t = Normalizer.normalize(t, Normalizer.Form.NFC);
        break;
      }
    }
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

  private static int fold(int cp) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }
}

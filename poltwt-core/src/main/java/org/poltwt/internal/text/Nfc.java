package org.poltwt.internal.text;

import java.text.Normalizer;

/**
 * Unicode NFC as twitter-text applies it before counting, with a fast answer for texts that NFC
 * leaves unchanged.
 *
 * <p>A text whose code points all have NFC quick-check "yes" and canonical combining class 0 is in
 * NFC (UAX #15's quick check). A code point is taken to be such ("inert") when NFC maps it to
 * itself, it is not a Hangul jamo, it is not a mark unless an {@linkplain #isInertMark inert one}
 * (marks and jamo are the only kinds of code point that compose with what precedes them; {@code
 * NfcTest} checks this against every decomposition), and its decomposition starts with a starter.
 * The JDK's own {@link Normalizer} decides each, so the answer follows the JDK's Unicode version as
 * twitter-text's does; a code point is examined the first time its block of 64 is met. Any other
 * code point from U+0300 on sends the stretch around it, from the inert code point before it to the
 * next inert one, to the JDK's normaliser.
 */
final class Nfc {
  private static final int TABLE_END = 0x20000;

  /** A mark of combining class 1, the lowest non-zero class: a non-starter sorts after it. */
  private static final String CCC_1 = "\u0334";

  /**
   * Per block of 64 code points, a bit per inert code point; 0 until {@link #DONE} says the block
   * was examined, so a set bit is always true ({@link #isKnownInert}). A racing reader that sees
   * the done bit before the block's bits sees 0: "not inert", which only costs a call of the
   * normaliser.
   */
  private static final long[] INERT = new long[TABLE_END >> 6];

  private static final long[] DONE = new long[(TABLE_END >> 6) >> 6];

  private Nfc() {}

  /**
   * The text in NFC.
   *
   * @param text the text
   * @return the text itself when it is in NFC, otherwise its normal form
   */
  static String nfc(String text) {
    char[] t = text.toCharArray();
    int n = t.length;
    String normalised = null; // the normal form of text[0, copied), once a stretch changed
    int copied = 0;
    int before = 0; // where the code point before i starts
    int i = 0;
    while (true) {
      int run = i;
      while (i < n && t[i] < 0x300) {
        i++;
      }
      if (i > run) {
        before = i - 1;
      }
      if (i >= n) {
        break;
      }
      int cp = Character.codePointAt(t, i);
      int next = i + Character.charCount(cp);
      if (isInert(cp)) {
        before = i;
        i = next;
        continue;
      }
      // NFC splits at inert code points: they neither compose with nor reorder around what precedes
      // them, and a run of them is in NFC. So only the stretch from the inert code point before
      // this one (which it may compose with) to the next inert one is normalised.
      int from = Math.max(before, copied);
      int to = next;
      while (to < n) {
        int following = Character.codePointAt(t, to);
        if (isInert(following)) {
          break;
        }
        to += Character.charCount(following);
      }
      String part = text.substring(from, to);
      String normal = Normalizer.normalize(part, Normalizer.Form.NFC);
      if (normalised != null || !normal.equals(part)) {
        normalised = (normalised == null ? "" : normalised) + text.substring(copied, from) + normal;
        copied = to;
      }
      before = to;
      i = to;
    }
    return normalised == null ? text : normalised + text.substring(copied);
  }

  /**
   * Whether NFC leaves the code point alone wherever it stands.
   *
   * @param cp a code point
   * @return true if it is inert (false may also mean "not known to be")
   */
  static boolean isInert(int cp) {
    if (cp < 0x300) {
      return true;
    }
    if (cp >= TABLE_END) {
      return false;
    }
    int block = cp >> 6;
    if ((DONE[block >> 6] & (1L << (block & 63))) == 0) {
      examine(block);
    }
    return (INERT[block] & (1L << (cp & 63))) != 0;
  }

  /**
   * Whether a char is known to be an inert code point on its own, by one look-up: a char of a block
   * not examined yet, and a surrogate (half of a code point), are not known to be.
   *
   * @param c a char
   * @return true if it is inert; false if it is not, or not known yet ({@link #isInert} decides)
   */
  static boolean isKnownInert(char c) {
    return (INERT[c >> 6] & (1L << c)) != 0;
  }

  private static synchronized void examine(int block) {
    if ((DONE[block >> 6] & (1L << (block & 63))) != 0) {
      return;
    }
    long bits = 0;
    for (int i = 0; i < 64; i++) {
      if (examine1((block << 6) + i)) {
        bits |= 1L << i;
      }
    }
    INERT[block] = bits;
    DONE[block >> 6] |= 1L << (block & 63);
  }

  private static boolean examine1(int cp) {
    if (cp < 0x300) {
      return true;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || isHangulJamo(cp) || (isMark(cp) && !isInertMark(cp))) {
      return false;
    }
    String s = Character.toString(cp);
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      return false;
    }
    int first = Normalizer.normalize(s, Normalizer.Form.NFD).codePointAt(0);
    return isMark(first) ? isInertMark(first) : isStarter(first);
  }

  /**
   * Whether a mark is inert: a starter (combining class 0, as the vowel signs of Indic scripts and
   * the variation selectors emoji use are) that no canonical decomposition holds after its first
   * code point, so that it neither composes with nor reorders around what precedes it.
   *
   * @param cp a mark
   * @return true if NFC leaves it alone wherever it stands
   */
  static boolean isInertMark(int cp) {
    return isStarter(cp) && !LaterParts.holds(cp);
  }

  /**
   * Whether a code point in NFD has combining class 0: it stays between marks of class 230 and 1.
   */
  private static boolean isStarter(int cp) {
    String c = Character.toString(cp);
    String after = "\u0301" + c;
    String before = c + CCC_1;
    return Normalizer.normalize(after, Normalizer.Form.NFD).equals(after)
        && Normalizer.normalize(before, Normalizer.Form.NFD).equals(before);
  }

  /**
   * The code points that stand after the first in some canonical decomposition: the only ones that
   * can compose with what precedes them. Found once, from the JDK's own decompositions, the first
   * time a mark is examined.
   */
  private static final class LaterParts {
    /**
     * Past the last code point with a canonical decomposition (U+2FA1D) in every Unicode version so
     * far.
     */
    private static final int END = 0x30000;

    private static final long[] BITS = find();

    private LaterParts() {}

    static boolean holds(int cp) {
      return cp < END && (BITS[cp >> 6] & (1L << (cp & 63))) != 0;
    }

    private static long[] find() {
      long[] bits = new long[END >> 6];
      for (int cp = 0xC0; cp < END; cp++) {
        if ((cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xD800 && cp <= 0xDFFF)
            || !Character.isDefined(cp)) {
          continue; // Hangul syllables decompose to jamo, which are never inert anyway
        }
        String s = Character.toString(cp);
        if (Normalizer.isNormalized(s, Normalizer.Form.NFD)) {
          continue;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        for (int i = d.offsetByCodePoints(0, 1); i < d.length(); ) {
          int part = d.codePointAt(i);
          bits[part >> 6] |= 1L << (part & 63);
          i += Character.charCount(part);
        }
      }
      return bits;
    }
  }

  static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  static boolean isHangulJamo(int cp) {
    return (cp >= 0x1100 && cp <= 0x11FF)
        || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xD7B0 && cp <= 0xD7FF)
        || (cp >= 0x3131 && cp <= 0x318E);
  }
}

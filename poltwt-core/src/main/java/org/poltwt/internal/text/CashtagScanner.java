package org.poltwt.internal.text;

import java.util.Arrays;

/**
 * Finds cashtags ({@code $ABC}, {@code $ABC.de}, {@code $ABC_de}) where twitter-text 3.1.0's {@code
 * Extractor.extractCashtagsWithIndices} finds them, without a regular expression.
 *
 * <p>The rules, as twitter-text's cashtag pattern defines them (stated here in our words):
 *
 * <ul>
 *   <li>A {@code $} at the start of the text, or directly after a space (the Unicode spaces
 *       twitter-text lists: U+0009 to U+000D, U+0020, U+0085, U+00A0, U+1680, U+180E, U+2000 to
 *       U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or directly after the twelve directional
 *       marks U+061C U+200E U+200F U+202A to U+202E U+2066 to U+2069 written in that order (the
 *       pattern lists them outside a character class, so only the whole sequence counts). The char
 *       before the {@code $} must lie after the previous cashtag.
 *   <li>Then 1 to 6 ASCII letters, optionally followed by {@code .} or {@code _} and 1 or 2 ASCII
 *       letters; the whole must be followed by the end of the text, an ASCII space or punctuation
 *       mark, or a line terminator that ends the text. When the suffix is not so followed the
 *       cashtag is the letters before it alone (the {@code .} or {@code _} is punctuation).
 * </ul>
 */
final class CashtagScanner {
  /** No cashtag. */
  static final int[] NONE = new int[0];

  private static final int MAX_SYMBOL = 6;
  private static final int MAX_SUFFIX = 2;
  private static final String DIRECTIONAL_MARKS =
      "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

  private CashtagScanner() {}

  /**
   * The cashtags of a text.
   *
   * @param s the text
   * @return {@code [start0, end0, start1, end1, ...]} in UTF-16 indices, each start at the {@code
   *     $}
   */
  static int[] cashtags(String s) {
    int dollar = s.indexOf('$');
    if (dollar < 0) {
      return NONE;
    }
    int[] out = NONE;
    int count = 0;
    int resume = 0;
    for (; dollar >= 0; dollar = s.indexOf('$', dollar + 1)) {
      if (!mayPrecede(s, dollar, resume)) {
        continue;
      }
      int end = end(s, dollar + 1);
      if (end < 0) {
        continue;
      }
      if (count == out.length) {
        out = Arrays.copyOf(out, Math.max(4, count * 2));
      }
      out[count++] = dollar;
      out[count++] = end;
      resume = end;
    }
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  /**
   * Whether the {@code $} at {@code dollar} may start a cashtag, given where the last one ended.
   */
  private static boolean mayPrecede(String s, int dollar, int resume) {
    if (dollar == 0) {
      return true;
    }
    if (dollar - 1 >= resume && isSpace(s.charAt(dollar - 1))) {
      return true;
    }
    int marks = dollar - DIRECTIONAL_MARKS.length();
    return marks >= resume && s.startsWith(DIRECTIONAL_MARKS, marks);
  }

  /** The end of the symbol starting at {@code p} (after its {@code $}), or -1 if there is none. */
  private static int end(String s, int p) {
    int letters = lettersEnd(s, p);
    if (letters == p || letters - p > MAX_SYMBOL) {
      return -1; // a longer run cannot be cut: a letter would follow
    }
    if (letters + 1 < s.length() && (s.charAt(letters) == '.' || s.charAt(letters) == '_')) {
      int suffix = lettersEnd(s, letters + 1);
      if (suffix > letters + 1 && suffix - letters - 1 <= MAX_SUFFIX && mayFollow(s, suffix)) {
        return suffix;
      }
    }
    return mayFollow(s, letters) ? letters : -1;
  }

  private static int lettersEnd(String s, int p) {
    int n = s.length();
    while (p < n && isAsciiLetter(s.charAt(p))) {
      p++;
    }
    return p;
  }

  /**
   * The end of the text, a line terminator ending it (as a regular expression's {@code $} reads
   * it), an ASCII space ({@code \s}) or an ASCII punctuation mark.
   */
  private static boolean mayFollow(String s, int i) {
    int n = s.length();
    if (i >= n) {
      return true;
    }
    char c = s.charAt(i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return true;
    }
    if (c < 0x80) {
      return isAsciiPunctuation(c);
    }
    return i == n - 1 && (c == '\u0085' || c == '\u2028' || c == '\u2029');
  }

  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  private static boolean isSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == '\u0085'
        || c == '\u00A0'
        || c == '\u1680'
        || c == '\u180E'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

package org.poltwt.tweet.compose;

/**
 * Cleans free text before it becomes part of a tweet: drops what Twitter would refuse or what no
 * reader can see, and evens out whitespace.
 */
final class TextCleaning {
  private TextCleaning() {}

  /**
   * Normalises free text: drops unpaired surrogates, noncharacters and the byte-order mark; turns
   * other control characters into spaces; collapses each run of horizontal whitespace (including
   * no-break and ideographic spaces) into one space; strips both ends.
   *
   * @param text the raw text
   * @param keepLineBreaks true to keep line breaks (at most one empty line in a row, without spaces
   *     around them), false to turn them into spaces as well
   * @return the normalised text, possibly empty
   */
  static String normalise(String text, boolean keepLineBreaks) {
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r' && i < text.length() && text.charAt(i) == '\n') {
        continue; // the \n that follows stands for both
      }
      if (isDropped(cp)) {
        continue;
      }
      boolean lineBreak = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
      if (lineBreak && keepLineBreaks) {
        newlines++;
        space = false;
        continue;
      }
      if (lineBreak || isSpace(cp) || Character.isISOControl(cp)) {
        space = true;
        continue;
      }
      if (out.length() > 0) {
        if (newlines > 0) {
          out.append(newlines > 1 ? "\n\n" : "\n");
        } else if (space) {
          out.append(' ');
        }
      }
      newlines = 0;
      space = false;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /**
   * Whether a text has nothing a reader would see: only whitespace, control and format characters
   * (zero-width spaces and joiners, for instance), or nothing at all.
   *
   * @param text the text
   * @return true if no visible character remains
   */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean invisible =
          Character.isWhitespace(cp)
              || isSpace(cp)
              || Character.isISOControl(cp)
              || type == Character.FORMAT
              || type == Character.SURROGATE
              || isDropped(cp);
      if (!invisible) {
        return false;
      }
    }
    return true;
  }

  /**
   * Ends a phrase as a sentence: appends a full stop unless it already ends with one (or with a
   * question mark, exclamation mark or ellipsis, in Latin or CJK form).
   *
   * @param phrase a non-empty phrase
   * @return the phrase as a sentence
   */
  static String sentence(String phrase) {
    int last = phrase.codePointBefore(phrase.length());
    switch (last) {
      case '.':
      case '!':
      case '?':
      case 0x2026: // …
      case 0x3002: // 。
      case 0xFF01: // ！
      case 0xFF1F: // ？
        return phrase;
      default:
        return phrase + ".";
    }
  }

  /**
   * Strips trailing whitespace and clause punctuation ({@code , ; :}) so a phrase can be followed
   * by more of the same sentence.
   *
   * @param phrase the phrase
   * @return the phrase without its trailing separators
   */
  static String stripTrailingSeparators(String phrase) {
    int end = phrase.length();
    while (end > 0) {
      char c = phrase.charAt(end - 1);
      if (c == ',' || c == ';' || c == ':' || Character.isWhitespace(c)) {
        end--;
      } else {
        break;
      }
    }
    return phrase.substring(0, end);
  }

  private static boolean isSpace(int cp) {
    return cp == ' ' || cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** Unpaired surrogates, noncharacters and the byte-order mark: Twitter refuses or drops them. */
  private static boolean isDropped(int cp) {
    return (cp >= 0xD800 && cp <= 0xDFFF)
        || cp == 0xFEFF
        || (cp >= 0xFDD0 && cp <= 0xFDEF)
        || (cp & 0xFFFE) == 0xFFFE;
  }
}

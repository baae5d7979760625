package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Regex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Character classes, exhaustively: every code point is classified as twitter-text's own patterns
 * classify it on this JDK.
 */
class TextScanTest {
  @Test
  void hashtagCharsAreTwitterTextsClasses() {
    // twitter-text's hashtag pattern ends with ([LN]*[L][LN]*): letters-and-numerals, then letters.
    String pattern = Regex.VALID_HASHTAG.pattern();
    String tag = pattern.substring(pattern.indexOf(")(", pattern.indexOf("(?!")) + 2);
    int lnEnd = tag.indexOf("]*") + 1;
    String lettersAndNumerals = tag.substring(0, lnEnd);
    String letters = tag.substring(lnEnd + 1, tag.indexOf("][", lnEnd + 1) + 1);
    Matcher ln = Pattern.compile(lettersAndNumerals, Regex.VALID_HASHTAG.flags()).matcher("");
    Matcher l = Pattern.compile(letters, Regex.VALID_HASHTAG.flags()).matcher("");
    assertThat(ln.reset("_").matches()).isTrue();
    assertThat(l.reset("_").matches()).isFalse();
    List<String> wrong = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT && wrong.size() < 20; cp++) {
      // Planes 0 and 1 and the tags and variation selectors whole, a sample of the other planes
      // (ideographs, private use, unassigned).
      if (cp > 0x1FFFF && (cp < 0xE0000 || cp > 0xE0FFF) && cp % 31 != 0) {
        continue;
      }
      String s = Character.toString(cp);
      if (ln.reset(s).matches() != HashtagChars.isHashtagChar(cp)) {
        wrong.add("hashtag char U+" + Integer.toHexString(cp));
      }
      if (l.reset(s).matches() != HashtagChars.isLetterOrMark(cp)) {
        wrong.add("letter U+" + Integer.toHexString(cp));
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * BMP chars in each place of a URL (before it, in a label, in a label after a protocol, in a
   * path, ending a path, in a query, ending a query, after a TLD): the URLs are twitter-text's.
   */
  @Test
  void urlCharsAreTwitterTexts() {
    String[][] templates = {
      {"", "a.com"},
      {"a", "b.com"},
      {"https://", "b.com"},
      {"https://b", ".com"},
      {"a.com/x", "y"},
      {"a.com/x", ""},
      {"a.com?x", "y"},
      {"a.com?x", ""},
      {"a.co", ""},
      {"a.com:8", ""},
    };
    List<String> wrong = new ArrayList<>();
    for (char c = 0; c < 0xFFFF && wrong.size() < 20; c++) {
      // The classes twitter-text uses here list ASCII, Latin and Cyrillic chars, General
      // Punctuation,
      // a few full-width and special chars from U+FE00, and spaces by category: all of those, and a
      // sample of the rest.
      boolean listed =
          c < 0x530 || (c >= 0x1E00 && c < 0x2070) || (c >= 0x2FF0 && c < 0x3010) || c >= 0xFE00;
      if (Character.isSurrogate(c) || (!listed && c % 13 != 0)) {
        continue;
      }
      // One text per char: the templates apart from each other.
      StringBuilder b = new StringBuilder();
      for (String[] t : templates) {
        b.append(t[0]).append(c).append(t[1]).append(" \n ");
      }
      String text = b.toString();
      if (!Arrays.equals(ScanOracle.urls(text), UrlScanner.urls(text))) {
        wrong.add(ScanOracle.show(text));
      }
    }
    assertThat(wrong).isEmpty();
  }
}

package org.poltwt.internal.text;

import java.util.Arrays;

/**
 * Which code points may form a hashtag, by twitter-text's definition (version 3.1.0).
 *
 * <p>A hashtag's body is letters ({@code \p{L}}), marks ({@code \p{M}}), decimal digits ({@code
 * \p{Nd}}), the underscore and a short list of joiners and punctuation that scripts use inside
 * words; it needs at least one letter or mark. twitter-text adds code points that older Unicode
 * versions had not yet classified (and a few private-use ones); they are listed here as facts, so
 * the answer does not depend on the JDK's Unicode version for them. Internal: shared by the
 * edition's hashtag check and the tweet scanner so both agree on one definition.
 */
public final class HashtagChars {
  /** Longest tag poltwt accepts; a hashtag must leave room for a message within 280 characters. */
  public static final int MAX_TAG_LENGTH = 100;

  /**
   * General categories of {@code \p{L}} and {@code \p{M}}, as bits of {@link
   * Character#getType(int)}.
   */
  private static final int LETTER_OR_MARK_TYPES =
      (1 << Character.UPPERCASE_LETTER)
          | (1 << Character.LOWERCASE_LETTER)
          | (1 << Character.TITLECASE_LETTER)
          | (1 << Character.MODIFIER_LETTER)
          | (1 << Character.OTHER_LETTER)
          | (1 << Character.NON_SPACING_MARK)
          | (1 << Character.ENCLOSING_MARK)
          | (1 << Character.COMBINING_SPACING_MARK);

  /** {@link #LETTER_OR_MARK_TYPES} and {@code \p{Nd}}. */
  private static final int HASHTAG_TYPES =
      LETTER_OR_MARK_TYPES | (1 << Character.DECIMAL_DIGIT_NUMBER);

  /**
   * Code points twitter-text counts as letters or marks beyond {@code \p{L}} and {@code \p{M}}:
   * sorted, inclusive {@code [first, last]} pairs.
   */
  private static final int[] EXTRA_LETTERS = {
    0x37F, 0x37F, 0x528, 0x52F, 0x8A0, 0x8B2, 0x8E4, 0x8FF, 0x978, 0x978, 0x980, 0x980, 0xC00,
    0xC00, 0xC34, 0xC34, 0xC81, 0xC81, 0xD01, 0xD01, 0xEDE, 0xEDF, 0x10C7, 0x10C7, 0x10CD, 0x10CD,
    0x10FD, 0x10FF, 0x16F1, 0x16F8, 0x17B4, 0x17B5, 0x191D, 0x191E, 0x1AB0, 0x1ABE, 0x1BAB, 0x1BAD,
    0x1BBA, 0x1BBF, 0x1CF3, 0x1CF6, 0x1CF8, 0x1CF9, 0x1DE7, 0x1DF5, 0x2CF2, 0x2CF3, 0x2D27, 0x2D27,
    0x2D2D, 0x2D2D, 0x2D66, 0x2D67, 0x9FCC, 0x9FCC, 0xA674, 0xA67B, 0xA698, 0xA69D, 0xA69F, 0xA69F,
    0xA792, 0xA79F, 0xA7AA, 0xA7AD, 0xA7B0, 0xA7B1, 0xA7F7, 0xA7F9, 0xA9E0, 0xA9EF, 0xA9FA, 0xA9FE,
    0xAA7C, 0xAA7F, 0xAAE0, 0xAAEF, 0xAAF2, 0xAAF6, 0xAB30, 0xAB5A, 0xAB5C, 0xAB5F, 0xAB64, 0xAB65,
    0xF870, 0xF87F, 0xF882, 0xF882, 0xF884, 0xF89F, 0xF8B8, 0xF8B8, 0xF8C1, 0xF8D6, 0xFA2E, 0xFA2F,
    0xFE27, 0xFE2D, 0x102E0, 0x102E0, 0x1031F, 0x1031F, 0x10350, 0x1037A, 0x10500, 0x10527, 0x10530,
    0x10563, 0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767, 0x10860, 0x10876, 0x10880,
    0x1089E, 0x10980, 0x109B7, 0x109BE, 0x109BF, 0x10A80, 0x10A9C, 0x10AC0, 0x10AC7, 0x10AC9,
    0x10AE6, 0x10B80, 0x10B91, 0x1107F, 0x1107F, 0x110D0, 0x110E8, 0x11100, 0x11134, 0x11150,
    0x11173, 0x11176, 0x11176, 0x11180, 0x111C4, 0x111DA, 0x111DA, 0x11200, 0x11211, 0x11213,
    0x11237, 0x112B0, 0x112EA, 0x11301, 0x11303, 0x11305, 0x1130C, 0x1130F, 0x11310, 0x11313,
    0x11328, 0x1132A, 0x11330, 0x11332, 0x11333, 0x11335, 0x11339, 0x1133C, 0x11344, 0x11347,
    0x11348, 0x1134B, 0x1134D, 0x11357, 0x11357, 0x1135D, 0x11363, 0x11366, 0x1136C, 0x11370,
    0x11374, 0x11480, 0x114C5, 0x114C7, 0x114C7, 0x11580, 0x115B5, 0x115B8, 0x115C0, 0x11600,
    0x11640, 0x11644, 0x11644, 0x11680, 0x116B7, 0x118A0, 0x118DF, 0x118FF, 0x118FF, 0x11AC0,
    0x11AF8, 0x1236F, 0x12398, 0x16A40, 0x16A5E, 0x16AD0, 0x16AED, 0x16AF0, 0x16AF4, 0x16B00,
    0x16B36, 0x16B40, 0x16B43, 0x16B63, 0x16B77, 0x16B7D, 0x16B8F, 0x16F00, 0x16F44, 0x16F50,
    0x16F7E, 0x16F8F, 0x16F9F, 0x1BC00, 0x1BC6A, 0x1BC70, 0x1BC7C, 0x1BC80, 0x1BC88, 0x1BC90,
    0x1BC99, 0x1BC9D, 0x1BC9E, 0x1E800, 0x1E8C4, 0x1E8D0, 0x1E8D6, 0x1EE00, 0x1EE03, 0x1EE05,
    0x1EE1F, 0x1EE21, 0x1EE22, 0x1EE24, 0x1EE24, 0x1EE27, 0x1EE27, 0x1EE29, 0x1EE32, 0x1EE34,
    0x1EE37, 0x1EE39, 0x1EE39, 0x1EE3B, 0x1EE3B, 0x1EE42, 0x1EE42, 0x1EE47, 0x1EE47, 0x1EE49,
    0x1EE49, 0x1EE4B, 0x1EE4B, 0x1EE4D, 0x1EE4F, 0x1EE51, 0x1EE52, 0x1EE54, 0x1EE54, 0x1EE57,
    0x1EE57, 0x1EE59, 0x1EE59, 0x1EE5B, 0x1EE5B, 0x1EE5D, 0x1EE5D, 0x1EE5F, 0x1EE5F, 0x1EE61,
    0x1EE62, 0x1EE64, 0x1EE64, 0x1EE67, 0x1EE6A, 0x1EE6C, 0x1EE72, 0x1EE74, 0x1EE77, 0x1EE79,
    0x1EE7C, 0x1EE7E, 0x1EE7E, 0x1EE80, 0x1EE89, 0x1EE8B, 0x1EE9B, 0x1EEA1, 0x1EEA3, 0x1EEA5,
    0x1EEA9, 0x1EEAB, 0x1EEBB
  };

  /**
   * Digits twitter-text counts beyond {@code \p{Nd}}: sorted, inclusive {@code [first, last]}
   * pairs.
   */
  private static final int[] EXTRA_DIGITS = {
    0xDE6, 0xDEF, 0xA9F0, 0xA9F9, 0x110F0, 0x110F9, 0x11136, 0x1113F, 0x111D0, 0x111D9, 0x112F0,
    0x112F9, 0x114D0, 0x114D9, 0x11650, 0x11659, 0x116C0, 0x116C9, 0x118E0, 0x118E9, 0x16A60,
    0x16A69, 0x16B50, 0x16B59
  };

  private HashtagChars() {}

  /**
   * Whether the code point may appear in a hashtag's body.
   *
   * @param cp a Unicode code point
   * @return true for letters, marks, decimal digits, underscore and twitter-text's special
   *     characters
   */
  public static boolean isHashtagChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= '0' && cp <= '9')
          || cp == '_';
    }
    return ((1 << Character.getType(cp)) & HASHTAG_TYPES) != 0
        || isSpecial(cp)
        || inRanges(EXTRA_LETTERS, cp)
        || inRanges(EXTRA_DIGITS, cp);
  }

  /**
   * Whether the code point is a letter or a mark, which every hashtag needs at least one of.
   *
   * @param cp a Unicode code point
   * @return true for {@code \p{L}}, {@code \p{M}} and the letters twitter-text adds to them
   */
  public static boolean isLetterOrMark(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    return ((1 << Character.getType(cp)) & LETTER_OR_MARK_TYPES) != 0
        || inRanges(EXTRA_LETTERS, cp);
  }

  private static boolean isSpecial(int cp) {
    switch (cp) {
      case 0x200c: // zero width non-joiner
      case 0x200d: // zero width joiner
      case 0xa67e: // Cyrillic kavyka
      case 0x05be: // Hebrew maqaf
      case 0x05f3: // Hebrew geresh
      case 0x05f4: // Hebrew gershayim
      case 0xff5e: // full-width tilde
      case 0x301c: // wave dash
      case 0x309b: // kana voiced sound mark
      case 0x309c: // kana semi-voiced sound mark
      case 0x30a0: // kana double hyphen
      case 0x30fb: // katakana middle dot
      case 0x3003: // ditto mark
      case 0x0f0b: // Tibetan tsheg
      case 0x0f0c: // Tibetan delimiter tsheg
      case 0x00b7: // middle dot
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code cp} lies in one of the sorted inclusive {@code [first, last]} pairs. */
  private static boolean inRanges(int[] ranges, int cp) {
    if (cp < ranges[0] || cp > ranges[ranges.length - 1]) {
      return false;
    }
    int i = Arrays.binarySearch(ranges, cp);
    // Found: cp is a bound. Not found: the insertion point is odd exactly when cp lies inside a
    // pair.
    return i >= 0 || ((-i - 1) & 1) == 1;
  }

  /**
   * Checks that a tag (without its {@code #}) is one a tweet can carry as a hashtag.
   *
   * @param tag the tag body, without the leading hash sign
   * @return null if the tag is valid, otherwise the reason it is not
   */
  public static String problemWith(String tag) {
    if (tag.isEmpty()) {
      return "must not be empty";
    }
    if (tag.codePointCount(0, tag.length()) > MAX_TAG_LENGTH) {
      return "must be at most " + MAX_TAG_LENGTH + " characters";
    }
    boolean hasLetter = false;
    for (int i = 0; i < tag.length(); ) {
      int cp = tag.codePointAt(i);
      if (!isHashtagChar(cp)) {
        return "must contain only letters, digits and underscores (found U+"
            + String.format("%04X", cp)
            + " at index "
            + i
            + ")";
      }
      hasLetter |= isLetterOrMark(cp);
      i += Character.charCount(cp);
    }
    if (!hasLetter) {
      return "must contain at least one letter; a tag of only digits is not a hashtag";
    }
    return null;
  }
}

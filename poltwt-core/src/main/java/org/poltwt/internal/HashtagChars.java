package org.poltwt.internal;

/**
 * Which code points may form a hashtag, by twitter-text's definition.
 *
 * <p>A hashtag's body is letters ({@code \p{L}}), marks ({@code \p{M}}), decimal digits
 * ({@code \p{Nd}}), the underscore and a short list of joiners and punctuation that scripts use
 * inside words; it needs at least one letter or mark. Internal: shared by the edition's hashtag
 * check and the tweet scanner so both agree on one definition.
 */
public final class HashtagChars {
  private HashtagChars() {}

  /**
   * Whether the code point may appear in a hashtag's body.
   *
   * @param cp a Unicode code point
   * @return true for letters, marks, decimal digits, underscore and twitter-text's special characters
   */
  public static boolean isHashtagChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    return isLetterOrMark(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER || isSpecial(cp);
  }

  /**
   * Whether the code point is a letter or a mark, which every hashtag needs at least one of.
   *
   * @param cp a Unicode code point
   * @return true for {@code \p{L}} and {@code \p{M}}
   */
  public static boolean isLetterOrMark(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return true;
      default:
        return false;
    }
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
            + String.format("%04X", cp) + " at index " + i + ")";
      }
      hasLetter |= isLetterOrMark(cp);
      i += Character.charCount(cp);
    }
    if (!hasLetter) {
      return "must contain at least one letter; a tag of only digits is not a hashtag";
    }
    return null;
  }

  /** Longest tag poltwt accepts; a hashtag must leave room for a message within 280 characters. */
  public static final int MAX_TAG_LENGTH = 100;
}

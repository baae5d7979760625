package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashtagCharsTest {
  private static final int ZWNJ = 0x200C;
  private static final int MIDDLE_DOT = 0x00B7;
  private static final int GRINNING_FACE = 0x1F600;

  private static String withCodePoint(String before, int cp, String after) {
    return before + Character.toString(cp) + after;
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        'a',
        'Z',
        '0',
        '9',
        '_',
        'é',
        'Ж',
        '警',
        0x0661 /* Arabic-Indic one */,
        ZWNJ,
        MIDDLE_DOT
      })
  void hashtagChars(int cp) {
    assertThat(HashtagChars.isHashtagChar(cp)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        ' ',
        '-',
        '.',
        '#',
        '!',
        '\t',
        0x00A0 /* no-break space */,
        GRINNING_FACE,
        0x2764 /* heart */
      })
  void notHashtagChars(int cp) {
    assertThat(HashtagChars.isHashtagChar(cp)).isFalse();
  }

  @Test
  void lettersAndMarksButNotDigitsOrJoiners() {
    assertThat(HashtagChars.isLetterOrMark('a')).isTrue();
    assertThat(HashtagChars.isLetterOrMark(0x0301)).isTrue(); // combining acute accent
    assertThat(HashtagChars.isLetterOrMark('7')).isFalse();
    assertThat(HashtagChars.isLetterOrMark('_')).isFalse();
    assertThat(HashtagChars.isLetterOrMark(ZWNJ)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"PolTwt", "Pol_Twt", "PolTwt2015", "2015PolTwt", "ПолТвит", "警察", "a", "_a_"})
  void validTags(String tag) {
    assertThat(HashtagChars.problemWith(tag)).isNull();
  }

  @Test
  void validTagsWithJoinerAndMiddleDot() {
    assertThat(HashtagChars.problemWith(withCodePoint("می", ZWNJ, "خواهم"))).isNull();
    assertThat(HashtagChars.problemWith(withCodePoint("l", MIDDLE_DOT, "l"))).isNull();
  }

  @Test
  void emptyTag() {
    assertThat(HashtagChars.problemWith("")).isEqualTo("must not be empty");
  }

  @Test
  void spaceIsNamedWithItsIndex() {
    assertThat(HashtagChars.problemWith("Pol Twt")).contains("U+0020", "index 3");
  }

  @Test
  void emojiIsNamedByItsCodePoint() {
    assertThat(HashtagChars.problemWith(withCodePoint("Pol", GRINNING_FACE, "")))
        .contains("U+1F600", "index 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2015", "_", "_1_", "\u200C"})
  void needsALetter(String tag) {
    assertThat(HashtagChars.problemWith(tag)).contains("at least one letter");
  }

  @Test
  void lengthLimitCountsCodePoints() {
    String hundredCjk = "警".repeat(HashtagChars.MAX_TAG_LENGTH);
    assertThat(HashtagChars.problemWith(hundredCjk)).isNull();
    assertThat(HashtagChars.problemWith(hundredCjk + "a")).contains("at most 100");
    // 100 supplementary letters (two chars each) are still 100 code points.
    String hundredSupplementary = Character.toString(0x20000).repeat(HashtagChars.MAX_TAG_LENGTH);
    assertThat(HashtagChars.problemWith(hundredSupplementary)).isNull();
  }
}

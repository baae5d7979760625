package org.poltwt.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The emoji sequences that twitter-text 3.1.0 counts as one character of default weight when a
 * configuration enables emoji parsing (v3), matched without a regular expression.
 *
 * <p>twitter-text searches its emoji pattern left to right over the (NFC) text; at each position it
 * tries these shapes in this order and takes the first that matches, not the longest:
 *
 * <ol>
 *   <li>people holding hands, with or without skin tones ({@link #COUPLES}, in order);
 *   <li>a man, woman or adult, an optional skin tone, ZWJ and a profession;
 *   <li>a person that takes a gender sign after VS16 or a skin tone, ZWJ, ♀ or ♂, VS16;
 *   <li>a person, an optional skin tone, ZWJ, ♀ or ♂, VS16;
 *   <li>other ZWJ sequences: kisses, couples, families, flags ({@link #ZWJ_SEQUENCES}, in order);
 *   <li>a keycap: {@code #}, {@code *} or a digit, an optional VS16, U+20E3;
 *   <li>©, ®, ™ or ♟ with VS16;
 *   <li>a text-default emoji, with VS16 or at least not followed by VS15;
 *   <li>a skin-tone base (some of them with VS16 unless VS15 follows), an optional skin tone;
 *   <li>the subdivision flags, valid regional-indicator pairs ({@link #FLAGS}), and single emoji;
 *   <li>a lone VS16.
 * </ol>
 *
 * <p>The code points and sequences are facts of Unicode's emoji data as twitter-text 3.1.0 lists
 * them (its generated emoji pattern); {@code EmojiSequencesTest} and the property tests compare
 * this matcher with that pattern.
 */
final class EmojiSequences {
  private static final int ZWJ = 0x200D;
  private static final int VS15 = 0xFE0E;
  private static final int VS16 = 0xFE0F;
  private static final int KEYCAP = 0x20E3;
  private static final int FEMALE = 0x2640;
  private static final int MALE = 0x2642;
  private static final int[] TONES = {0x1F3FB, 0x1F3FF};
  private static final int[] ADULTS = ranges("1F468 1F469 1F9D1");
  private static final int[] PROFESSIONS =
      ranges(
          "1F33E 1F373 1F393 1F3A4 1F3A8 1F3EB 1F3ED 1F4BB 1F4BC 1F527 1F52C 1F680 1F692 1F9AF-1F9B3 1F9BC 1F9BD");

  /** Professions written with a text-default symbol and VS16 (health worker, judge, pilot). */
  private static final int[] PROFESSION_SYMBOLS = ranges("2695 2696 2708");

  private static final int[] GENDER_AFTER_VS16_OR_TONE = ranges("26F9 1F3CB 1F3CC 1F574 1F575");
  private static final int[] GENDERED =
      ranges(
          """
      1F3C3 1F3C4 1F3CA 1F46E 1F471 1F473 1F477 1F481 1F482 1F486 1F487 1F645-1F647 1F64B 1F64D 1F64E
      1F6A3 1F6B4-1F6B6 1F926 1F935 1F937-1F939 1F93D 1F93E 1F9B8 1F9B9 1F9CD-1F9CF 1F9D6-1F9DD
      """);
  private static final int[] KEYCAP_BASES = ranges("23 2A 30-39");
  private static final int[] WITH_VS16_ONLY = ranges("A9 AE 2122 265F");
  private static final int[] TEXT_DEFAULT =
      ranges(
          """
      203C 2049 2139 2194-2199 21A9 21AA 231A 231B 2328 23CF 23ED-23EF 23F1 23F2 23F8-23FA 24C2 25AA 25AB
      25B6 25C0 25FB-25FE 2600-2604 260E 2611 2614 2615 2618 2620 2622 2623 2626 262A 262E 262F 2638-263A
      2640 2642 2648-2653 2660 2663 2665 2666 2668 267B 267F 2692-2697 2699 269B 269C 26A0 26A1 26A7 26AA
      26AB 26B0 26B1 26BD 26BE 26C4 26C5 26C8 26CF 26D1 26D3 26D4 26E9 26EA 26F0-26F5 26F8 26FA 26FD 2702
      2708 2709 270F 2712 2714 2716 271D 2721 2733 2734 2744 2747 2757 2763 2764 27A1 2934 2935 2B05-2B07
      2B1B 2B1C 2B50 2B55 3030 303D 3297 3299 1F004 1F170 1F171 1F17E 1F17F 1F202 1F21A 1F22F 1F237 1F321
      1F324-1F32C 1F336 1F37D 1F396 1F397 1F399-1F39B 1F39E 1F39F 1F3CD 1F3CE 1F3D4-1F3DF 1F3F3 1F3F5
      1F3F7 1F43F 1F441 1F4FD 1F549 1F54A 1F56F 1F570 1F573 1F576-1F579 1F587 1F58A-1F58D 1F5A5 1F5A8
      1F5B1 1F5B2 1F5BC 1F5C2-1F5C4 1F5D1-1F5D3 1F5DC-1F5DE 1F5E1 1F5E3 1F5E8 1F5EF 1F5F3 1F5FA 1F6CB
      1F6CD-1F6CF 1F6E0-1F6E5 1F6E9 1F6F0 1F6F3
      """);
  private static final int[] TONE_BASES_TEXT =
      ranges(
          """
      261D 26F7 26F9 270C 270D 1F3CB 1F3CC 1F574 1F575 1F590
      """);
  private static final int[] TONE_BASES =
      ranges(
          """
      270A 270B 1F385 1F3C2-1F3C4 1F3C7 1F3CA 1F442 1F443 1F446-1F450 1F466-1F469 1F46E 1F470-1F478 1F47C
      1F481-1F483 1F485-1F487 1F4AA 1F57A 1F595 1F596 1F645-1F647 1F64B-1F64F 1F6A3 1F6B4-1F6B6 1F6C0
      1F6CC 1F90F 1F918-1F91C 1F91E 1F91F 1F926 1F930-1F939 1F93D 1F93E 1F9B5 1F9B6 1F9B8 1F9B9 1F9BB
      1F9CD-1F9CF 1F9D1-1F9DD
      """);
  private static final int[] SINGLE =
      ranges(
          """
      23E9-23EC 23F0 23F3 267E 26CE 2705 2728 274C 274E 2753-2755 2795-2797 27B0 27BF E50A 1F0CF 1F18E
      1F191-1F19A 1F1E6-1F1FF 1F201 1F232-1F236 1F238-1F23A 1F250 1F251 1F300-1F320 1F32D-1F335
      1F337-1F37C 1F37E-1F384 1F386-1F393 1F3A0-1F3C1 1F3C5 1F3C6 1F3C8 1F3C9 1F3CF-1F3D3 1F3E0-1F3F0
      1F3F4 1F3F8-1F43E 1F440 1F444 1F445 1F451-1F465 1F46A 1F46F 1F479-1F47B 1F47D-1F480 1F484
      1F488-1F4A9 1F4AB-1F4FC 1F4FF-1F53D 1F54B-1F54E 1F550-1F567 1F5A4 1F5FB-1F644 1F648-1F64A
      1F680-1F6A2 1F6A4-1F6B3 1F6B7-1F6BF 1F6C1-1F6C5 1F6D0-1F6D2 1F6D5 1F6EB 1F6EC 1F6F4-1F6FA
      1F7E0-1F7EB 1F90D 1F90E 1F910-1F917 1F91D 1F920-1F925 1F927-1F92F 1F93A 1F93C 1F93F-1F945
      1F947-1F971 1F973-1F976 1F97A-1F9A2 1F9A5-1F9AA 1F9AE-1F9B4 1F9B7 1F9BA 1F9BC-1F9CA 1F9D0
      1F9DE-1F9FF 1FA70-1FA73 1FA78-1FA7A 1FA80-1FA82 1FA90-1FA95
      """);

  /** People holding hands, in twitter-text's order; a bracket is a set of code points. */
  static final int[][][] COUPLES =
      sequences(
          """
      1F468 1F3FB 200D 1F91D 200D 1F468 [1F3FC-1F3FF]
      1F468 1F3FC 200D 1F91D 200D 1F468 [1F3FB 1F3FD-1F3FF]
      1F468 1F3FD 200D 1F91D 200D 1F468 [1F3FB 1F3FC 1F3FE 1F3FF]
      1F468 1F3FE 200D 1F91D 200D 1F468 [1F3FB-1F3FD 1F3FF]
      1F468 1F3FF 200D 1F91D 200D 1F468 [1F3FB-1F3FE]
      1F469 1F3FB 200D 1F91D 200D 1F468 [1F3FC-1F3FF]
      1F469 1F3FB 200D 1F91D 200D 1F469 [1F3FC-1F3FF]
      1F469 1F3FC 200D 1F91D 200D 1F468 [1F3FB 1F3FD-1F3FF]
      1F469 1F3FC 200D 1F91D 200D 1F469 [1F3FB 1F3FD-1F3FF]
      1F469 1F3FD 200D 1F91D 200D 1F468 [1F3FB 1F3FC 1F3FE 1F3FF]
      1F469 1F3FD 200D 1F91D 200D 1F469 [1F3FB 1F3FC 1F3FE 1F3FF]
      1F469 1F3FE 200D 1F91D 200D 1F468 [1F3FB-1F3FD 1F3FF]
      1F469 1F3FE 200D 1F91D 200D 1F469 [1F3FB-1F3FD 1F3FF]
      1F469 1F3FF 200D 1F91D 200D 1F468 [1F3FB-1F3FE]
      1F469 1F3FF 200D 1F91D 200D 1F469 [1F3FB-1F3FE]
      1F9D1 1F3FB 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
      1F9D1 1F3FC 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
      1F9D1 1F3FD 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
      1F9D1 1F3FE 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
      1F9D1 1F3FF 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
      1F9D1 200D 1F91D 200D 1F9D1
      1F46B [1F3FB-1F3FF]
      1F46C [1F3FB-1F3FF]
      1F46D [1F3FB-1F3FF]
      [1F46B-1F46D]
      """);

  /** ZWJ sequences, in twitter-text's order. */
  static final int[][][] ZWJ_SEQUENCES =
      sequences(
          """
      1F468 200D 2764 FE0F 200D 1F48B 200D 1F468
      1F469 200D 2764 FE0F 200D 1F48B 200D [1F468 1F469]
      1F468 200D 1F468 200D 1F466 200D 1F466
      1F468 200D 1F468 200D 1F467 200D [1F466 1F467]
      1F468 200D 1F469 200D 1F466 200D 1F466
      1F468 200D 1F469 200D 1F467 200D [1F466 1F467]
      1F469 200D 1F469 200D 1F466 200D 1F466
      1F469 200D 1F469 200D 1F467 200D [1F466 1F467]
      1F468 200D 2764 FE0F 200D 1F468
      1F469 200D 2764 FE0F 200D [1F468 1F469]
      1F3F3 FE0F 200D 26A7 FE0F
      1F468 200D 1F466 200D 1F466
      1F468 200D 1F467 200D [1F466 1F467]
      1F468 200D 1F468 200D [1F466 1F467]
      1F468 200D 1F469 200D [1F466 1F467]
      1F469 200D 1F466 200D 1F466
      1F469 200D 1F467 200D [1F466 1F467]
      1F469 200D 1F469 200D [1F466 1F467]
      1F3F3 FE0F 200D 1F308
      1F3F4 200D 2620 FE0F
      1F46F 200D 2640 FE0F
      1F46F 200D 2642 FE0F
      1F93C 200D 2640 FE0F
      1F93C 200D 2642 FE0F
      1F9DE 200D 2640 FE0F
      1F9DE 200D 2642 FE0F
      1F9DF 200D 2640 FE0F
      1F9DF 200D 2642 FE0F
      1F415 200D 1F9BA
      1F441 200D 1F5E8
      1F468 200D [1F466 1F467]
      1F469 200D [1F466 1F467]
      """);

  /** Subdivision flags and valid regional-indicator pairs, in twitter-text's order. */
  static final int[][][] FLAGS =
      sequences(
          """
      1F3F4 E0067 E0062 E0065 E006E E0067 E007F
      1F3F4 E0067 E0062 E0073 E0063 E0074 E007F
      1F3F4 E0067 E0062 E0077 E006C E0073 E007F
      1F1E6 [1F1E8-1F1EC 1F1EE 1F1F1 1F1F2 1F1F4 1F1F6-1F1FA 1F1FC 1F1FD 1F1FF]
      1F1E7 [1F1E6 1F1E7 1F1E9-1F1EF 1F1F1-1F1F4 1F1F6-1F1F9 1F1FB 1F1FC 1F1FE 1F1FF]
      1F1E8 [1F1E6 1F1E8 1F1E9 1F1EB-1F1EE 1F1F0-1F1F5 1F1F7 1F1FA-1F1FF]
      1F1E9 [1F1EA 1F1EC 1F1EF 1F1F0 1F1F2 1F1F4 1F1FF]
      1F1EA [1F1E6 1F1E8 1F1EA 1F1EC 1F1ED 1F1F7-1F1FA]
      1F1EB [1F1EE-1F1F0 1F1F2 1F1F4 1F1F7]
      1F1EC [1F1E6 1F1E7 1F1E9-1F1EE 1F1F1-1F1F3 1F1F5-1F1FA 1F1FC 1F1FE]
      1F1ED [1F1F0 1F1F2 1F1F3 1F1F7 1F1F9 1F1FA]
      1F1EE [1F1E8-1F1EA 1F1F1-1F1F4 1F1F6-1F1F9]
      1F1EF [1F1EA 1F1F2 1F1F4 1F1F5]
      1F1F0 [1F1EA 1F1EC-1F1EE 1F1F2 1F1F3 1F1F5 1F1F7 1F1FC 1F1FE 1F1FF]
      1F1F1 [1F1E6-1F1E8 1F1EE 1F1F0 1F1F7-1F1FB 1F1FE]
      1F1F2 [1F1E6 1F1E8-1F1ED 1F1F0-1F1FF]
      1F1F3 [1F1E6 1F1E8 1F1EA-1F1EC 1F1EE 1F1F1 1F1F4 1F1F5 1F1F7 1F1FA 1F1FF]
      1F1F4 1F1F2
      1F1F5 [1F1E6 1F1EA-1F1ED 1F1F0-1F1F3 1F1F7-1F1F9 1F1FC 1F1FE]
      1F1F6 1F1E6
      1F1F7 [1F1EA 1F1F4 1F1F8 1F1FA 1F1FC]
      1F1F8 [1F1E6-1F1EA 1F1EC-1F1F4 1F1F7-1F1F9 1F1FB 1F1FD-1F1FF]
      1F1F9 [1F1E6 1F1E8 1F1E9 1F1EB-1F1ED 1F1EF-1F1F4 1F1F7 1F1F9 1F1FB 1F1FC 1F1FF]
      1F1FA [1F1E6 1F1EC 1F1F2 1F1F3 1F1F8 1F1FE 1F1FF]
      1F1FB [1F1E6 1F1E8 1F1EA 1F1EC 1F1EE 1F1F3 1F1FA]
      1F1FC [1F1EB 1F1F8]
      1F1FD 1F1F0
      1F1FE [1F1EA 1F1F9]
      1F1FF [1F1E6 1F1F2 1F1FC]
      """);

  /** Every code point that starts some shape: a bit per code point. */
  private static final long[] STARTS = starts();

  private EmojiSequences() {}

  private static long[] starts() {
    List<int[]> firsts =
        new ArrayList<>(
            List.of(
                ADULTS,
                GENDER_AFTER_VS16_OR_TONE,
                GENDERED,
                KEYCAP_BASES,
                WITH_VS16_ONLY,
                TEXT_DEFAULT,
                TONE_BASES_TEXT,
                TONE_BASES,
                SINGLE,
                new int[] {VS16, VS16}));
    for (int[][][] sequences : List.of(COUPLES, ZWJ_SEQUENCES, FLAGS)) {
      for (int[][] sequence : sequences) {
        firsts.add(sequence[0]);
      }
    }
    int max = 0;
    for (int[] ranges : firsts) {
      max = Math.max(max, ranges[ranges.length - 1]);
    }
    long[] bits = new long[max / 64 + 1];
    for (int[] ranges : firsts) {
      for (int i = 0; i < ranges.length; i += 2) {
        for (int cp = ranges[i]; cp <= ranges[i + 1]; cp++) {
          bits[cp >> 6] |= 1L << (cp & 63);
        }
      }
    }
    return bits;
  }

  /**
   * The next emoji match at or after {@code from}, as twitter-text's left-to-right search finds it.
   *
   * @param s the text
   * @param from where the search resumes (the end of the previous match)
   * @return {@code start << 32 | length} in UTF-16 units, or -1 if there is none
   */
  static long find(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        // Only a keycap starts with ASCII: '#', '*' or a digit, then VS16 or U+20E3.
        if (i + 1 < n && (s.charAt(i + 1) == VS16 || s.charAt(i + 1) == KEYCAP)) {
          int end = matchAt(s, i);
          if (end > i) {
            return ((long) i << 32) | (end - i);
          }
        }
        continue;
      }
      int cp = Character.codePointAt(s, i);
      if (cp < STARTS.length << 6 && (STARTS[cp >> 6] & (1L << (cp & 63))) != 0) {
        int end = matchAt(s, i);
        if (end > i) {
          return ((long) i << 32) | (end - i);
        }
      }
      if (cp > 0xFFFF) {
        i++;
      }
    }
    return -1;
  }

  /**
   * The end of the emoji that starts at {@code i}, or -1.
   *
   * @param s the text
   * @param i a code point boundary
   * @return the index after the match, or -1
   */
  static int matchAt(String s, int i) {
    int cp = Character.codePointAt(s, i);
    int next = i + Character.charCount(cp);
    int end;
    if (cp >= 0x1F468 && (end = firstOf(COUPLES, s, i)) >= 0) {
      return end;
    }
    if (in(ADULTS, cp) && (end = profession(s, next)) >= 0) {
      return end;
    }
    if (in(GENDER_AFTER_VS16_OR_TONE, cp)) {
      int at = next;
      int c2 = at(s, at);
      if (c2 == VS16 || in(TONES, c2)) {
        at += Character.charCount(c2);
        if ((end = genderSign(s, at)) >= 0) {
          return end;
        }
      }
    }
    if (in(GENDERED, cp) && (end = genderSign(s, skipTone(s, next))) >= 0) {
      return end;
    }
    if (cp >= 0x1F3F3 && (end = firstOf(ZWJ_SEQUENCES, s, i)) >= 0) {
      return end;
    }
    if (in(KEYCAP_BASES, cp)) {
      int at = at(s, next) == VS16 ? next + 1 : next;
      if (at(s, at) == KEYCAP) {
        return at + 1;
      }
    }
    if (in(WITH_VS16_ONLY, cp) && at(s, next) == VS16) {
      return next + 1;
    }
    if (in(TEXT_DEFAULT, cp) && (end = vs16UnlessVs15(s, next)) >= 0) {
      return end;
    }
    if (in(TONE_BASES_TEXT, cp) && (end = vs16UnlessVs15(s, next)) >= 0) {
      return skipTone(s, end);
    }
    if (in(TONE_BASES, cp)) {
      return skipTone(s, next);
    }
    if (cp >= 0x1F1E6 && (end = firstOf(FLAGS, s, i)) >= 0) {
      return end;
    }
    if (in(SINGLE, cp)) {
      return next;
    }
    return cp == VS16 ? next : -1;
  }

  /** After an adult (and ZWJ): an optional tone, ZWJ, then a profession. */
  private static int profession(String s, int at) {
    at = skipTone(s, at);
    if (at(s, at) != ZWJ) {
      return -1;
    }
    int cp = at(s, at + 1);
    int next = at + 1 + Character.charCount(Math.max(cp, 0));
    if (in(PROFESSION_SYMBOLS, cp)) {
      return at(s, next) == VS16 ? next + 1 : -1;
    }
    return in(PROFESSIONS, cp) ? next : -1;
  }

  /** ZWJ, ♀ or ♂, VS16. */
  private static int genderSign(String s, int at) {
    if (at(s, at) == ZWJ) {
      int sign = at(s, at + 1);
      if ((sign == FEMALE || sign == MALE) && at(s, at + 2) == VS16) {
        return at + 3;
      }
    }
    return -1;
  }

  /** VS16 is taken; otherwise the match ends here unless VS15 follows. */
  private static int vs16UnlessVs15(String s, int at) {
    int c = at(s, at);
    if (c == VS16) {
      return at + 1;
    }
    return c == VS15 ? -1 : at;
  }

  private static int skipTone(String s, int at) {
    return in(TONES, at(s, at)) ? at + 2 : at;
  }

  /** The first sequence (in order) that matches at {@code i}: its end, or -1. */
  private static int firstOf(int[][][] sequences, String s, int i) {
    int first = Character.codePointAt(s, i);
    for (int[][] sequence : sequences) {
      if (!in(sequence[0], first)) {
        continue;
      }
      int at = i;
      boolean matched = true;
      for (int[] set : sequence) {
        int cp = at(s, at);
        if (!in(set, cp)) {
          matched = false;
          break;
        }
        at += Character.charCount(cp);
      }
      if (matched) {
        return at;
      }
    }
    return -1;
  }

  /** The code point at {@code i}, or -1 at the end. */
  private static int at(String s, int i) {
    return i < s.length() ? Character.codePointAt(s, i) : -1;
  }

  /** Whether {@code cp} lies in sorted inclusive {@code [first, last]} pairs. */
  static boolean in(int[] ranges, int cp) {
    if (cp < ranges[0] || cp > ranges[ranges.length - 1]) {
      return false;
    }
    int k = Arrays.binarySearch(ranges, cp);
    return k >= 0 || ((-k - 1) & 1) == 1;
  }

  /** Parses {@code "1F468 1F3FB-1F3FF ..."} into sorted {@code [first, last]} pairs. */
  static int[] ranges(String text) {
    String[] items = text.trim().split("\\s+");
    int[] out = new int[items.length * 2];
    for (int i = 0; i < items.length; i++) {
      int dash = items[i].indexOf('-');
      out[2 * i] = Integer.parseInt(dash < 0 ? items[i] : items[i].substring(0, dash), 16);
      out[2 * i + 1] = Integer.parseInt(dash < 0 ? items[i] : items[i].substring(dash + 1), 16);
    }
    int[] sorted = out.clone();
    Arrays.sort(sorted);
    if (!Arrays.equals(sorted, out)) {
      throw new IllegalStateException("emoji ranges out of order: " + text);
    }
    return out;
  }

  /** Parses one sequence a line: code points and {@code [sets]}, each position a range list. */
  static int[][][] sequences(String text) {
    List<int[][]> out = new ArrayList<>();
    for (String line : text.strip().split("\n")) {
      List<int[]> positions = new ArrayList<>();
      String rest = line.strip();
      while (!rest.isEmpty()) {
        String item;
        if (rest.startsWith("[")) {
          int close = rest.indexOf(']');
          item = rest.substring(1, close);
          rest = rest.substring(close + 1).strip();
        } else {
          int space = rest.indexOf(' ');
          item = space < 0 ? rest : rest.substring(0, space);
          rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        positions.add(ranges(item));
      }
      out.add(positions.toArray(new int[0][]));
    }
    return out.toArray(new int[0][][]);
  }
}

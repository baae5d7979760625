package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextEmojiRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The emoji matcher against twitter-text's emoji pattern, over every candidate first code point.
 */
class EmojiSequencesTest {
  private static final String[] FOLLOWERS = {
    "", "\uFE0F", "\uFE0E", "🏻", "🏿", "\u200D\u2640\uFE0F", "\uFE0F\u200D\u2642\uFE0F",
        "🏽\u200D\u2640\uFE0F",
    "\u20E3", "\uFE0F\u20E3", "\u200D", "🇦", "🇸", "\u200D💻", "🏾\u200D⚕\uFE0F",
        "\u200D🤝\u200D🧑",
  };

  @Test
  void everyCandidateWithEveryFollowerMatchesAsTwitterText() {
    List<String> wrong = new ArrayList<>();
    for (int cp = 0x20; cp <= 0x1FAFF && wrong.size() < 20; cp++) {
      boolean candidate =
          cp < 0x100
              || (cp >= 0x2000 && cp < 0x3400)
              || (cp >= 0xE500 && cp < 0xE600)
              || (cp >= 0xFE00 && cp < 0xFE10)
              || cp >= 0x1F000;
      if (!candidate) {
        continue;
      }
      // One text per code point: it with each follower, apart, then once between other chars.
      StringBuilder text = new StringBuilder();
      for (String follower : FOLLOWERS) {
        text.append(Character.toString(cp)).append(follower).append(' ');
      }
      check(text.append('x').append(Character.toString(cp)).append('#').toString(), wrong);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyListedSequenceAndEveryPrefixOfItMatchesAsTwitterText() {
    List<String> wrong = new ArrayList<>();
    int sequences = 0;
    for (int[][][] list :
        List.of(EmojiSequences.COUPLES, EmojiSequences.ZWJ_SEQUENCES, EmojiSequences.FLAGS)) {
      for (int[][] pattern : list) {
        for (String sequence : expand(pattern)) {
          sequences++;
          for (int end = sequence.offsetByCodePoints(0, 1);
              end <= sequence.length();
              end = end == sequence.length() ? end + 1 : sequence.offsetByCodePoints(end, 1)) {
            check(sequence.substring(0, end), wrong);
            check(sequence.substring(0, end) + "\uFE0E", wrong);
            check(sequence.substring(0, end) + "🏼", wrong);
          }
        }
      }
    }
    assertThat(sequences).isGreaterThan(400);
    assertThat(wrong).isEmpty();
  }

  @Test
  void keycapsFlagsTonesAndJoinersCountAsOneEmoji() {
    assertThat(matches("#️⃣")).containsExactly(0, 3);
    assertThat(matches("#⃣")).containsExactly(0, 2);
    assertThat(matches("#")).isEmpty();
    assertThat(matches("🇺🇸")).containsExactly(0, 4);
    assertThat(matches("👍🏽")).containsExactly(0, 4);
    assertThat(matches("👨‍👩‍👧‍👦")).containsExactly(0, 11);
    assertThat(matches("☝\uFE0E")).isEmpty();
  }

  private static void check(String text, List<String> wrong) {
    List<Integer> expected = new ArrayList<>();
    Matcher m = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
    while (m.find()) {
      expected.add(m.start());
      expected.add(m.end());
    }
    if (!expected.equals(matches(text))) {
      wrong.add(ScanOracle.show(text) + " expected " + expected + " got " + matches(text));
    }
  }

  private static List<Integer> matches(String text) {
    List<Integer> out = new ArrayList<>();
    for (long m = EmojiSequences.find(text, 0);
        m >= 0;
        m = EmojiSequences.find(text, (int) (m >>> 32) + (int) m)) {
      out.add((int) (m >>> 32));
      out.add((int) (m >>> 32) + (int) m);
    }
    return out;
  }

  /** Every string a sequence pattern (a set of code points per position) matches. */
  private static List<String> expand(int[][] pattern) {
    List<String> out = List.of("");
    for (int[] set : pattern) {
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (int i = 0; i < set.length; i += 2) {
          for (int cp = set[i]; cp <= set[i + 1]; cp++) {
            next.add(prefix + Character.toString(cp));
          }
        }
      }
      out = next;
    }
    return out;
  }
}

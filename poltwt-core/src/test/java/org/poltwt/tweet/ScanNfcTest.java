package org.poltwt.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NFC shortcut: a text it leaves alone is in NFC, on this JDK. */
class ScanNfcTest {
  /**
   * The shortcut's premise: only marks and Hangul jamo are later parts of canonical decompositions,
   * so only they can compose with what precedes them.
   */
  @Test
  void everyLaterPartOfEveryDecompositionIsAMarkOrAJamo() {
    List<String> others = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        continue;
      }
      String s = Character.toString(cp);
      if (Normalizer.isNormalized(s, Normalizer.Form.NFD)) {
        continue;
      }
      String d = Normalizer.normalize(s, Normalizer.Form.NFD);
      for (int i = d.offsetByCodePoints(0, 1); i < d.length(); i += Character.charCount(d.codePointAt(i))) {
        int part = d.codePointAt(i);
        if (!WeightNfc.isMark(part) && !WeightNfc.isHangulJamo(part)) {
          others.add(Integer.toHexString(cp) + " -> " + Integer.toHexString(part));
        }
      }
    }
    assertThat(others).isEmpty();
  }

  /** The marks taken as inert are starters that no decomposition holds at all. */
  @Test
  void theInertMarksAreStartersInNoDecomposition() {
    List<String> found = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if ((cp >= 0xD800 && cp <= 0xDFFF) || Normalizer.isNormalized(Character.toString(cp), Normalizer.Form.NFD)) {
        continue;
      }
      String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
      if (d.codePoints().anyMatch(WeightNfc::isInertMark)) {
        found.add(Integer.toHexString(cp));
      }
    }
    assertThat(found).isEmpty();
    for (int m = 0; m <= Character.MAX_CODE_POINT; m++) {
      if (!WeightNfc.isInertMark(m)) {
        continue;
      }
      assertThat(WeightNfc.isMark(m)).isTrue();
      // A starter is never reordered: it stays after a mark of class 230 and before one of class 1.
      String after = "\u0301" + Character.toString(m);
      String before = Character.toString(m) + "\u0334";
      assertThat(Normalizer.normalize(after, Normalizer.Form.NFD)).isEqualTo(after);
      assertThat(Normalizer.normalize(before, Normalizer.Form.NFD)).isEqualTo(before);
      assertThat(WeightNfc.isInert(m)).isTrue();
    }
  }

  /** An inert code point stays as it is between any two others that stay as they are. */
  @Test
  void inertCodePointsStayPutInContext() {
    String[] around = {"a", "e", "\u304B", "\u1100", "\uAC00", "\u0627", "\u0915", "1", " ", "#", "\u2764",
      "\u00E9", "\u0BC6", "\u0B47"};
    List<String> moved = new ArrayList<>();
    for (int cp = 0x300; cp < 0x20000; cp++) {
      if (!WeightNfc.isInert(cp)) {
        continue;
      }
      for (String before : around) {
        String s = before + Character.toString(cp) + "a";
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
          moved.add(Integer.toHexString(cp));
        }
      }
    }
    assertThat(moved).isEmpty();
    assertThat(WeightNfc.isInert('\u0301')).isFalse();
    assertThat(WeightNfc.isInert('\u3099')).isFalse();
    assertThat(WeightNfc.isInert('\u1161')).isFalse();
    assertThat(WeightNfc.isInert('\u2126')).as("OHM SIGN becomes OMEGA").isFalse();
    assertThat(WeightNfc.isInert(0x1F600)).isTrue();
    assertThat(WeightNfc.isInert('\u00E9')).isTrue();
  }

  @Test
  void nfcIsTheJdksNfcOnRandomTexts() {
    SplittableRandom random = new SplittableRandom(7);
    String[] pieces = {"a", "e", "\u0301", "\u0308", "\u0323", "\u00E9", "\u304B", "\u3099", "\u1100", "\u1161",
      "\u11A8", "\uAC00", "\u2126", "\u212B", "\uF900", "\u0958", "\u0915", "\u093C", "😀", "🏽", "\u0344", "Å",
      "\uFE0F", "\uFE0E", "\u20E3", "#", "\u2764", "\u0BC6", "\u0BBE"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      assertThat(WeightNfc.nfc(text)).as(ScanOracle.show(text)).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }
  }
}

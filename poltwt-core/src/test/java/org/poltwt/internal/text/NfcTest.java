package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NFC shortcut: a text it leaves alone is in NFC, on this JDK. */
class NfcTest {
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
      for (int i = d.offsetByCodePoints(0, 1);
          i < d.length();
          i += Character.charCount(d.codePointAt(i))) {
        int part = d.codePointAt(i);
        if (!Nfc.isMark(part) && !Nfc.isHangulJamo(part)) {
          others.add(Integer.toHexString(cp) + " -> " + Integer.toHexString(part));
        }
      }
    }
    assertThat(others).isEmpty();
  }

  /**
   * The marks taken as inert are starters that no decomposition holds after its first code point.
   */
  @Test
  void theInertMarksAreStartersInNoDecomposition() {
    java.util.BitSet laterParts = new java.util.BitSet();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if ((cp >= 0xD800 && cp <= 0xDFFF)
          || Normalizer.isNormalized(Character.toString(cp), Normalizer.Form.NFD)) {
        continue;
      }
      String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
      d.codePoints().skip(1).forEach(laterParts::set);
    }
    List<String> wrong = new ArrayList<>();
    int inertMarks = 0;
    for (int m = 0x300; m < 0x20000; m++) {
      if (!Nfc.isMark(m) || !Nfc.isInert(m)) {
        continue;
      }
      inertMarks++;
      // A starter is never reordered: it stays after a mark of class 230 and before one of class 1.
      String after = "\u0301" + Character.toString(m);
      String before = Character.toString(m) + "\u0334";
      if (laterParts.get(m)
          || !Normalizer.normalize(after, Normalizer.Form.NFD).equals(after)
          || !Normalizer.normalize(before, Normalizer.Form.NFD).equals(before)) {
        wrong.add(Integer.toHexString(m));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(inertMarks)
        .as("the vowel signs of Indic scripts, variation selectors, ...")
        .isGreaterThan(100);
    assertThat(Nfc.isInert(0xFE0F)).as("VS16").isTrue();
    assertThat(Nfc.isInert(0x20E3)).as("keycap").isTrue();
    assertThat(Nfc.isInert(0x093E)).as("Devanagari vowel sign AA").isTrue();
    assertThat(Nfc.isInert(0x0BBE)).as("Tamil vowel sign AA composes with E").isFalse();
    assertThat(Nfc.isInert(0x093C)).as("Devanagari nukta has class 7").isFalse();
  }

  /** An inert code point stays as it is between any two others that stay as they are. */
  @Test
  void inertCodePointsStayPutInContext() {
    String[] around = {
      "a", "e", "\u304B", "\u1100", "\uAC00", "\u0627", "\u0915", "1", " ", "#", "\u2764", "\u00E9",
      "\u0BC6", "\u0B47"
    };
    List<String> moved = new ArrayList<>();
    for (int cp = 0x300; cp < 0x20000; cp++) {
      if (!Nfc.isInert(cp)) {
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
    assertThat(Nfc.isInert('\u0301')).isFalse();
    assertThat(Nfc.isInert('\u3099')).isFalse();
    assertThat(Nfc.isInert('\u1161')).isFalse();
    assertThat(Nfc.isInert('\u2126')).as("OHM SIGN becomes OMEGA").isFalse();
    assertThat(Nfc.isInert(0x1F600)).isTrue();
    assertThat(Nfc.isInert('\u00E9')).isTrue();
  }

  @Test
  void nfcIsTheJdksNfcOnRandomTexts() {
    SplittableRandom random = new SplittableRandom(7);
    String[] pieces = {
      "a", "e", "\u0301", "\u0308", "\u0323", "\u00E9", "\u304B", "\u3099", "\u1100", "\u1161",
      "\u11A8", "\uAC00", "\u2126", "\u212B", "\uF900", "\u0958", "\u0915", "\u093C", "😀", "🏽",
      "\u0344", "Å", "\uFE0F", "\uFE0E", "\u20E3", "#", "\u2764", "\u0BC6", "\u0BBE", "\u093E",
      "\u0947", "\u0DD9", "\u0DCF", " ", "x", "\u01D6", "\u1EB9", "\u1E61", "\uD800", "\uDC00"
    };
    // Long enough for several stretches to normalise in one text, which nfc does one by one.
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(24); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      assertThat(Nfc.nfc(text))
          .as(ScanOracle.show(text))
          .isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }
  }
}

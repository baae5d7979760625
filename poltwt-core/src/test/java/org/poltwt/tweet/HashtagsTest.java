package org.poltwt.tweet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.internal.text.ScanOracle;

/** The issue's examples, and how a tag is compared. */
class HashtagsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "#PolTwt",
        "Tweeting for #PolTwt today",
        "#poltwt",
        "#POLTWT",
        "＃PolTwt",
        "Fin de service. #PolTwt!",
        "#PolTwt, #TimeToUnify",
        "(#PolTwt)",
        "«#PolTwt»",
        "\u200F#PolTwt",
        "#PolTwt\u200F",
        "👮#PolTwt",
        "https://t.co/AbC #PolTwt",
        "#PolTwt https://t.co/AbC",
        "example.com #PolTwt",
        "#PolTwt.",
        "#PolTwt's shift",
      })
  void carriesTheHashtag(String text) {
    assertThat(Hashtags.carries(text, "PolTwt")).isTrue();
    assertThat(ScanOracle.carries(text, "PolTwt")).as("twitter-text agrees").isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#poltwt2015",
        "x#poltwt",
        "https://example.org/event#poltwt",
        "example.com/#poltwt",
        "www.police.example.gov/#PolTwt",
        "PolTwt",
        "# PolTwt",
        "#PolTwt#TimeToUnify",
        "#PolTwt://x",
        "&#PolTwt",
        "#Pol_Twt",
        "#PolTwtish",
        "#️⃣PolTwt",
        "＃ＰｏｌＴｗｔ",
      })
  void doesNotCarryTheHashtag(String text) {
    assertThat(Hashtags.carries(text, "PolTwt")).isFalse();
    assertThat(ScanOracle.carries(text, "PolTwt")).as("twitter-text agrees").isFalse();
  }

  @Test
  void theTagMayBeGivenWithItsHashSign() {
    assertThat(Hashtags.carries("on duty #PolTwt", "#PolTwt")).isTrue();
    assertThat(Hashtags.carries("on duty #PolTwt", "＃poltwt")).isTrue();
    assertThat(Hashtags.carries("on duty #PolTwt", "#")).isFalse();
    assertThat(Hashtags.carries("on duty #PolTwt", "")).isFalse();
  }

  @Test
  void tagsCompareWithSimpleCaseFoldingAfterNfc() {
    assertThat(Hashtags.carries("#ПОЛИЦИЯ", "полиция")).isTrue();
    assertThat(Hashtags.carries("#Caf\u00E9", "cafe\u0301")).isTrue();
    assertThat(Hashtags.carries("#cafe\u0301", "CAF\u00C9")).isTrue();
    // Turkish: dotted and dotless i fold together with I and i.
    assertThat(Hashtags.carries("#TİMETOUNİFY", "TimeToUnify")).isTrue();
    assertThat(Hashtags.carries("#tımetounıfy", "TimeToUnify")).isTrue();
    // Full case folding would make these one tag; simple folding does not.
    assertThat(Hashtags.carries("#STRASSE", "straße")).isFalse();
  }

  @Test
  void extractGivesCodePointIndicesFromTheHashSign() {
    assertThat(Hashtags.extract("😀 #PolTwt and ＃𠀡x"))
        .containsExactly(new Hashtag("PolTwt", 2, 9), new Hashtag("𠀡x", 14, 17));
    assertThat(Hashtags.extract("#poltwt2015 x#poltwt #PolTwt"))
        .containsExactly(new Hashtag("poltwt2015", 0, 11), new Hashtag("PolTwt", 21, 28));
  }

  @Test
  void aHashtagInsideAUrlIsNotAHashtag() {
    assertThat(Hashtags.extract("see https://example.org/page#PolTwt now")).isEmpty();
    assertThat(Hashtags.extract("see https://t.co/AbC/#PolTwt now"))
        .as("twitter-text cuts a t.co link after its slug, so the fragment is a hashtag again")
        .containsExactly(new Hashtag("PolTwt", 21, 28));
  }

  @Test
  void keycapsAndJoinersAfterTheHashSign() {
    assertThat(Hashtags.extract("#️⃣1 #\u200Dtag #tag\u200D"))
        .containsExactly(new Hashtag("\u200Dtag", 5, 10), new Hashtag("tag\u200D", 11, 16));
  }

  @Test
  void isHashtagIsTwitterTextsValidHashtag() {
    assertThat(Hashtags.isHashtag("#PolTwt")).isTrue();
    assertThat(Hashtags.isHashtag("#2015")).isFalse();
    assertThat(Hashtags.isHashtag("#PolTwt #x")).isFalse();
    assertThat(Hashtags.isHashtag("PolTwt")).isFalse();
  }

  @Test
  void nullsAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> Hashtags.extract(null)).withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> Hashtags.carries(null, "PolTwt"))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> Hashtags.carries("#PolTwt", null))
        .withMessage("tag");
  }
}

package org.poltwt.tweet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.poltwt.internal.text.WeightConfig;

/** Weighted length by config v3, on the shapes a tweet-a-thon tweet has. */
class TweetLengthTest {
  @Test
  void latinCountsOneAndTheLimitIs280() {
    assertThat(TweetLength.weighted("a".repeat(280))).isEqualTo(280);
    assertThat(TweetLength.isValid("a".repeat(280))).isTrue();
    assertThat(TweetLength.isValid("a".repeat(281))).isFalse();
    assertThat(TweetLength.weighted("Привет, полиция!")).isEqualTo(16);
  }

  @Test
  void cjkCountsTwo() {
    assertThat(TweetLength.weighted("警察")).isEqualTo(4);
    assertThat(TweetLength.isValid("警".repeat(140))).isTrue();
    assertThat(TweetLength.isValid("警".repeat(141))).isFalse();
  }

  @Test
  void anEmojiSequenceCountsTwo() {
    assertThat(TweetLength.weighted("👮")).isEqualTo(2);
    assertThat(TweetLength.weighted("👍🏽")).isEqualTo(2);
    assertThat(TweetLength.weighted("👨‍👩‍👧‍👦")).isEqualTo(2);
    assertThat(TweetLength.weighted("🇺🇸")).isEqualTo(2);
    assertThat(TweetLength.weighted("#️⃣")).isEqualTo(2);
    assertThat(TweetLength.weighted("🏳️‍🌈")).isEqualTo(2);
  }

  @Test
  void everyUrlCounts23() {
    assertThat(TweetLength.weighted("https://t.co/AbCdEf1234")).isEqualTo(23);
    assertThat(TweetLength.weighted("see www.example.org/a/very/long/path/that/is/longer/than/23"))
        .isEqualTo(4 + 23);
    assertThat(TweetLength.weighted("example.zz")).as("no listed TLD: not a URL").isEqualTo(10);
  }

  @Test
  void blankTextsCountZeroAndAreInvalid() {
    assertThat(TweetLength.weighted("")).isZero();
    assertThat(TweetLength.weighted(" \n\t")).isZero();
    assertThat(TweetLength.isValid(" \n\t")).isFalse();
    assertThat(TweetLength.isValid("\u3000"))
        .as("an ideographic space is not blank to twitter-text")
        .isTrue();
  }

  @Test
  void byteOrderMarksAndNonCharactersAreInvalid() {
    assertThat(TweetLength.isValid("#PolTwt \uFEFF")).isFalse();
    assertThat(TweetLength.isValid("#PolTwt \uFFFE")).isFalse();
    assertThat(TweetLength.isValid("#PolTwt \uFFFF")).isFalse();
    assertThat(TweetLength.isValid("#PolTwt \u202E")).as("directional marks are allowed").isTrue();
  }

  @Test
  void textIsCountedInNfc() {
    assertThat(TweetLength.weighted("Cafe\u0301")).isEqualTo(4);
    assertThat(TweetLength.parse("Cafe\u0301", WeightConfig.V3).displayEnd()).isEqualTo(4);
  }

  @Test
  void configV2CountsEachCodePointOfAnEmoji() {
    assertThat(TweetLength.parse("👍🏽", WeightConfig.V2).weightedLength()).isEqualTo(4);
    assertThat(TweetLength.parse("👍🏽", WeightConfig.V3).weightedLength()).isEqualTo(2);
  }

  @Test
  void nullIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> TweetLength.weighted(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> TweetLength.isValid(null))
        .withMessage("text");
  }
}

package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

/**
 * The scanner against twitter-text (the oracle, called directly) on generated texts full of edge
 * characters: hash signs, letters of many scripts, digits, marks, joiners, emoji sequences,
 * directional marks, URLs and URL-ish fragments, punctuation and spaces.
 */
class ScanProperties {
  /** Pieces of tweets, edge cases first: every generated text is a few of them in a row. */
  private static final String[] PIECES = {
    "#",
    "#",
    "#",
    "＃",
    "＃",
    "a",
    "B",
    "z",
    "é",
    "ß",
    "ı",
    "İ",
    "Ж",
    "ж",
    "警察",
    "한국",
    "ا",
    "א",
    "ก",
    "१",
    "٣",
    "𝐀",
    "𠀡",
    "0",
    "7",
    "_",
    "-",
    ".",
    ".",
    ".",
    "/",
    "/",
    ":",
    "://",
    "?",
    "=",
    "&",
    "@",
    "$",
    "(",
    ")",
    "[",
    "'",
    "\"",
    "!",
    ",",
    ";",
    "~",
    "|",
    "+",
    "*",
    "%",
    "\\",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\u00A0",
    "\u3000",
    "\u200B",
    "\u200C",
    "\u200D",
    "\u200E",
    "\u200F",
    "\u202A",
    "\u202E",
    "\u2066",
    "\u061C",
    "\uFE0E",
    "\uFE0F",
    "\u20E3",
    "\u0301",
    "\u0308",
    "e\u0301",
    "\u1100\u1161",
    "\uFFFE",
    "\uFEFF",
    "\uFFFF",
    "\uD83D",
    "\uDE00",
    "\uE50A",
    "😀",
    "👍🏽",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🇺🇸",
    "🇦🇦",
    "#️⃣",
    "1️⃣",
    "#⃣",
    "©️",
    "©",
    "™",
    "❤",
    "❤️",
    "☝",
    "☝🏻",
    "☝\uFE0E",
    "🏋️‍♀️",
    "🏃‍♂️",
    "👮🏾‍♀️",
    "🧑🏻‍🤝‍🧑🏿",
    "👨🏻‍💻",
    "👩‍⚕️",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "🏴",
    "🏻",
    "\u2640\uFE0F",
    "http://",
    "https://",
    "HTTPS://",
    "www.",
    "t.co/",
    "https://t.co/AbCdEf1234",
    "https://t.co/x?a=1",
    "www.example.org/path",
    "example.com",
    "example.co.uk",
    "foo.co.uk/path#frag",
    "#tag.com",
    "ex_ample.com",
    "a-b.org",
    "x.com",
    "bit.ly/x",
    ".com",
    ".jp",
    ".香港",
    ".рф",
    ".xn--p1ai",
    "xn--",
    ".museum",
    ".vermögensberatung",
    "localhost",
    ":8080",
    "/path",
    "/p(a)th",
    "(x)",
    "?q=1",
    "user@example.com",
    "例子",
    "twitter",
    "co",
    "com",
    "org",
    "PolTwt",
    "poltwt",
    "POLTWT",
    "#PolTwt",
    "#poltwt2015",
    "x#poltwt",
  };

  /** Small pieces that build and break URL shapes. */
  private static final String[] URL_PIECES = {
    "a",
    "b",
    "x",
    "n",
    "o",
    "c",
    "m",
    "k",
    "u",
    "p",
    "h",
    "t",
    "s",
    "1",
    "0",
    "-",
    "_",
    ".",
    ".",
    ".",
    "/",
    "/",
    ":",
    "co",
    "com",
    "uk",
    "jp",
    "é",
    "Ė",
    "ɓ",
    "\u0301",
    "Ж",
    "例",
    "香港",
    "?",
    "=",
    "#",
    "＃",
    "@",
    "&",
    " ",
    "(",
    ")",
    "'",
    "!",
    ",",
    "~",
    "|",
    "%",
    "$",
    "+",
    "*",
    "[",
    "]",
    "\u2013",
    "\u200E",
    "\u202A",
    "\uFFFE",
    "xn--",
    "http://",
    "https://",
    "t.co/",
    "www",
    "😀",
    "#️⃣",
    "1⃣",
    "\uFE0F",
    "vermögensberatung",
    "嘉里大酒店",
    "嘉里",
    "भारतम्",
    "भारत",
    "ком",
    "\\",
    "^",
    "{",
    "`",
    "\u3000",
    "\u2028",
    "\u0085",
    "A",
    "Z",
    "CO",
    "COM",
    "HTTP://",
    "T.CO/",
    "ß",
    "Ω",
    "(a)",
    "((b))",
    "(a(b)c)",
  };

  @Property(tries = 3000)
  void hashtagsAreTwitterTexts(@ForAll("texts") String text) {
    assertThat(Hashtags.extract(text))
        .as(ScanOracle.show(text))
        .isEqualTo(ScanOracle.hashtags(text));
  }

  @Property(tries = 3000)
  void urlsAreTwitterTexts(@ForAll("texts") String text) {
    assertThat(UrlScanner.urls(text))
        .as(ScanOracle.show(text))
        .containsExactly(ScanOracle.urls(text));
  }

  @Property(tries = 3000)
  void weightedLengthAndValidityAreTwitterTexts(@ForAll("texts") String text) {
    WeightedCount expected = ScanOracle.parse(text, ScanOracle.V3);
    assertThat(WeightedLength.count(text, WeightConfig.V3))
        .as(ScanOracle.show(text))
        .isEqualTo(expected);
    assertThat(TweetLength.weighted(text)).isEqualTo(expected.weightedLength());
    assertThat(TweetLength.isValid(text)).isEqualTo(expected.valid());
  }

  @Property(tries = 2000)
  void configV2IsTwitterTexts(@ForAll("texts") String text) {
    assertThat(WeightedLength.count(text, WeightConfig.V2))
        .as(ScanOracle.show(text))
        .isEqualTo(ScanOracle.parse(text, ScanOracle.V2));
  }

  @Property(tries = 2000)
  void carriesIsWhetherTwitterTextExtractsTheTag(
      @ForAll("texts") String text, @ForAll("tags") String tag) {
    assertThat(Hashtags.carries(text, tag))
        .as(ScanOracle.show(text) + " / " + tag)
        .isEqualTo(ScanOracle.carries(text, tag.startsWith("#") ? tag.substring(1) : tag));
  }

  /** Long texts: a few hundred chars, past the 280 limit and back. */
  @Property(tries = 100)
  void longTextsAreTwitterTexts(@ForAll("longTexts") String text) {
    assertThat(WeightedLength.count(text, WeightConfig.V3))
        .as(ScanOracle.show(text))
        .isEqualTo(ScanOracle.parse(text, ScanOracle.V3));
    assertThat(Hashtags.extract(text))
        .as(ScanOracle.show(text))
        .isEqualTo(ScanOracle.hashtags(text));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, joined(PIECES, 30)),
        Tuple.of(3, joined(URL_PIECES, 40)),
        Tuple.of(1, parenthesisedPaths()),
        Tuple.of(2, codePointSoup()));
  }

  @Provide
  Arbitrary<String> longTexts() {
    return joined(PIECES, 200).filter(s -> s.length() > 250);
  }

  @Provide
  Arbitrary<String> tags() {
    return Arbitraries.of(
        "PolTwt", "#PolTwt", "poltwt", "tag", "a", "com", "İ", "ı", "ß", "警察", "Ж");
  }

  private static Arbitrary<String> joined(String[] pieces, int maxPieces) {
    return Arbitraries.of(pieces)
        .list()
        .ofMinSize(1)
        .ofMaxSize(maxPieces)
        .map(l -> String.join("", l));
  }

  /** URLs with parentheses in their paths, balanced or not. */
  private static Arbitrary<String> parenthesisedPaths() {
    Arbitrary<String> start =
        Arbitraries.of("see https://en.wikipedia.org/wiki/", "x.com/", "https://ex.org/a_(b)/");
    Arbitrary<String> rest =
        Arbitraries.of(
                "(", "(", ")", ")", "a", "b", "1", ".", "/", "-", "_", "@", "?", "=", "#", "!", " ",
                "é", "Ж", "\u2013", "'", "~", ",", "(a)", "((b))", "(a(b)c)")
            .list()
            .ofMaxSize(25)
            .map(l -> String.join("", l));
    return Combinators.combine(start, rest).as(String::concat);
  }

  /** Code points from everywhere (ASCII, BMP, emoji planes, any), with pieces between. */
  private static Arbitrary<String> codePointSoup() {
    Arbitrary<String> codePoint =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x2FFF)),
                Tuple.of(2, Arbitraries.integers().between(0x3000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x1F000, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)))
            .map(Character::toString);
    return Arbitraries.oneOf(codePoint, codePoint, Arbitraries.of(PIECES))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .map(l -> String.join("", l));
  }

  /**
   * A realistic corpus: every text agrees with twitter-text on hashtags, #PolTwt, URLs and length.
   */
  @Example
  void seededCorpusOfRealisticTweets() {
    List<String> corpus = ScanCorpus.tweets(42, 500);
    assertThat(corpus).hasSize(500);
    for (String text : corpus) {
      assertThat(Hashtags.extract(text)).as(text).isEqualTo(ScanOracle.hashtags(text));
      assertThat(Hashtags.carries(text, "PolTwt"))
          .as(text)
          .isEqualTo(ScanOracle.carries(text, "PolTwt"));
      assertThat(WeightedLength.count(text, WeightConfig.V3))
          .as(text)
          .isEqualTo(ScanOracle.parse(text, ScanOracle.V3));
    }
  }
}

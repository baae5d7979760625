package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The mention and cashtag scanners (and the URL entry the composer uses) against twitter-text, the
 * oracle, called directly, on generated texts built around at signs and dollar signs: what may
 * stand before them, handles and symbols of every length, list slugs, suffixes, URLs, e-mail
 * addresses, Latin accents, spaces of every kind and the line terminators a pattern's {@code $}
 * reads.
 */
class EntitySpansProperties {
  private static final String[] PIECES = {
    "@",
    "@",
    "@",
    "＠",
    "$",
    "$",
    "$",
    "a",
    "b",
    "Z",
    "x",
    "k",
    "s",
    "abc",
    "ABCDEF",
    "abcdefghij",
    "abcdefghijklmnopqrstuvwxyz",
    "user_name",
    "_",
    "0",
    "7",
    "123",
    "/",
    "/",
    "/list",
    "/7list",
    "/list-name_01",
    "-",
    ".",
    ".",
    ":",
    "://",
    "rt",
    "RT",
    "Rt",
    "rT:",
    "RT:",
    "r",
    "t",
    "!",
    "#",
    "%",
    "&",
    "*",
    "+",
    "~",
    "?",
    ",",
    "(",
    ")",
    "'",
    "^",
    "|",
    "\\",
    "`",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u000B",
    "\u0085",
    "\u00A0",
    "\u1680",
    "\u180E",
    "\u2000",
    "\u200A",
    "\u200B",
    "\u2028",
    "\u2029",
    "\u202F",
    "\u205F",
    "\u3000",
    "\u200E",
    "\u202A",
    "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069",
    "é",
    "À",
    "ß",
    "ſ",
    "\u212A",
    "İ",
    "ı",
    "\u0253",
    "\u02BB",
    "\u0301",
    "\u1E00",
    "Ж",
    "の",
    "警察",
    "株",
    "١",
    "𝐀",
    "😀",
    "\uD83D",
    "\uDE00",
    "\uFF04",
    "http://",
    "https://",
    "example.com",
    "t.co/AbC",
    "twitter.com/",
    "user@example.com",
    "@username",
    "@user/list",
    "$TEST",
    "$test.tt",
    "$AB_c",
  };

  @Property(tries = 4000)
  void mentionsAreTwitterTexts(@ForAll("texts") String text) {
    assertThat(EntitySpans.mentions(text))
        .as(ScanOracle.show(text))
        .containsExactly(ScanOracle.mentions(text));
  }

  @Property(tries = 4000)
  void mentionsOrListsAreTwitterTexts(@ForAll("texts") String text) {
    assertThat(EntitySpans.mentionsOrLists(text))
        .as(ScanOracle.show(text))
        .containsExactly(ScanOracle.mentionsOrLists(text));
  }

  @Property(tries = 4000)
  void cashtagsAreTwitterTexts(@ForAll("texts") String text) {
    assertThat(EntitySpans.cashtags(text))
        .as(ScanOracle.show(text))
        .containsExactly(ScanOracle.cashtags(text));
  }

  @Property(tries = 1000)
  void urlsAreTwitterTexts(@ForAll("texts") String text) {
    assertThat(EntitySpans.urls(text))
        .as(ScanOracle.show(text))
        .containsExactly(ScanOracle.urls(text));
  }

  /** Edge cases worth naming: each is one of the rules of the scanners' javadoc. */
  @Example
  void namedEdgeCasesAreTwitterTexts() {
    List<String> texts =
        List.of(
            "@aaaaaaaaaaaaaaaaaaaaaaaaa", // an over-long run names its first 20 chars
            "@@@user", // the span starts at the last at sign
            "x@RT@b a@RT@b", // RT after an at sign
            "+RT@b -RT:@c (RT @d",
            "@user/abcdefghijklmnopqrstuvwxyz0123", // a slug of at most 25 chars
            "@user/list@x @user/list:// @userÀ",
            "@a @b@c", // the second match ends the search where it was dropped
            "$ABC.d5 $ABC.xyz $ABCDEFG $ABC_de. $A$B",
            "$ABC\u2028", // a final line terminator is an end
            "$ABC\u2028x",
            "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069$ABC \u200E$DEF",
            "$ſ $\u212A @\u212A @ſ");
    for (String text : texts) {
      assertThat(EntitySpans.mentionsOrLists(text))
          .as(text)
          .containsExactly(ScanOracle.mentionsOrLists(text));
      assertThat(EntitySpans.mentions(text)).as(text).containsExactly(ScanOracle.mentions(text));
      assertThat(EntitySpans.cashtags(text)).as(text).containsExactly(ScanOracle.cashtags(text));
    }
    // Not a test that cannot fail: these texts do hold entities.
    assertThat(EntitySpans.mentions("@aaaaaaaaaaaaaaaaaaaaaaaaa")).containsExactly(0, 21);
    assertThat(EntitySpans.cashtags("$ABC\u2028")).containsExactly(0, 4);
  }

  /** A realistic corpus, plus an at sign and a dollar sign in some tweets. */
  @Example
  void seededCorpusOfRealisticTweets() {
    List<String> corpus = ScanCorpus.tweets(7, 500);
    for (int i = 0; i < corpus.size(); i++) {
      String text = corpus.get(i) + (i % 3 == 0 ? " cc @Met_Police/beat $GBP" : "");
      assertThat(EntitySpans.mentionsOrLists(text))
          .as(text)
          .containsExactly(ScanOracle.mentionsOrLists(text));
      assertThat(EntitySpans.mentions(text)).as(text).containsExactly(ScanOracle.mentions(text));
      assertThat(EntitySpans.cashtags(text)).as(text).containsExactly(ScanOracle.cashtags(text));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> codePoint =
        Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x2FFF)),
                Tuple.of(1, Arbitraries.integers().between(0x3000, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x1FAFF)))
            .map(Character::toString);
    Arbitrary<String> pieces =
        Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(25).map(l -> String.join("", l));
    Arbitrary<String> soup =
        Arbitraries.oneOf(codePoint, Arbitraries.of(PIECES), Arbitraries.of(PIECES))
            .list()
            .ofMinSize(1)
            .ofMaxSize(25)
            .map(l -> String.join("", l));
    return Arbitraries.frequencyOf(Tuple.of(4, pieces), Tuple.of(1, soup));
  }
}

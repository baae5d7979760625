package org.poltwt.tweet.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twitter.twittertext.Extractor;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

class TweetComposerProperties {
  private static final String ELLIPSIS = "\u2026";
  private static final Edition THEMED = Editions.scheduledBuilder(6).themes("TimeToUnify").build();
  private static final Edition COMPLETE = Editions.complete(7);

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<TweetComposer> composers() {
    return Arbitraries.of(
        TweetComposer.forEdition(Editions.scheduled(5)),
        TweetComposer.forEdition(THEMED).withTheme(),
        TweetComposer.forEdition(COMPLETE).withTheme(),
        TweetComposer.forEdition(COMPLETE).withTheme("TimeToUnify"));
  }

  private static Arbitrary<String> plainWords() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  private static Arbitrary<String> words() {
    Arbitrary<String> longWords =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(30).ofMaxLength(300);
    Arbitrary<String> emoji =
        Arbitraries.of(
            "\uD83D\uDE00", // 😀
            "\uD83D\uDC4D\uD83C\uDFFD", // 👍🏽 with a skin tone
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", // family, ZWJ
            // sequence
            "\uD83C\uDDEC\uD83C\uDDE7", // 🇬🇧
            "\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9\uD83C\uDDEA", // 🇫🇷🇩🇪 two flags in a row
            "1\uFE0F\u20E3", // keycap 1
            "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", // Scotland
            "\u2764\uFE0F", // red heart with variation selector
            "\uD83D\uDC6E\u200D\u2640\uFE0F"); // police officer, woman
    Arbitrary<String> emojiRuns =
        emoji.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
    Arbitrary<String> cjk =
        Arbitraries.strings()
            .withCharRange('\u4E00', '\u9FFF')
            .withCharRange('\u3041', '\u3096')
            .withChars('\u3001', '\u3002')
            .ofMinLength(1)
            .ofMaxLength(60);
    Arbitrary<String> combining =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings()
                    .withCharRange('\u0300', '\u036F')
                    .ofMinLength(1)
                    .ofMaxLength(3))
            .as((base, marks) -> base + marks)
            .list()
            .ofMinSize(1)
            .ofMaxSize(20)
            .map(l -> String.join("", l));
    Arbitrary<String> urls =
        Arbitraries.oneOf(
            Arbitraries.of(
                "https://t.co/abc",
                "https://example.org/a-long-path",
                "http://example.com",
                "example.org/a-long-path",
                "https://www.police.uk/pu/your-area/"),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('-', '/')
                .ofMinLength(1)
                .ofMaxLength(120)
                .map(p -> "https://example.org/x" + p));
    Arbitrary<String> hashtags =
        Arbitraries.of(
            "#PolTwt",
            "#poltwt",
            "#POLTWT",
            "#pOlTwT",
            "\uFF03PolTwt",
            "#PolTwt2015",
            "x#poltwt",
            "#TimeToUnify",
            "#timetounify",
            "#GlobalPolTwt",
            "#PolicíaCercana",
            "#Safety",
            "#東京",
            "#PolTwt.",
            "(#PolTwt)");
    Arbitrary<String> mentions = Arbitraries.of("@MetPoliceUK", "@PoliciaMadrid", "@x", "$AAPL");
    Arbitrary<String> punctuation =
        Arbitraries.of(",", ".", "!", "?", "\u2014", "-", ":", "(", ")", "\"");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, plainWords()),
        net.jqwik.api.Tuple.of(3, longWords),
        net.jqwik.api.Tuple.of(5, emojiRuns),
        net.jqwik.api.Tuple.of(6, cjk),
        net.jqwik.api.Tuple.of(4, combining),
        net.jqwik.api.Tuple.of(5, urls),
        net.jqwik.api.Tuple.of(5, hashtags),
        net.jqwik.api.Tuple.of(2, mentions),
        net.jqwik.api.Tuple.of(4, punctuation));
  }

  private static Arbitrary<String> separators() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.just(" ")),
        net.jqwik.api.Tuple.of(
            2, Arbitraries.of("  ", "\t", "\n", "\n\n\n", " \u00A0", "\u3000", "\r\n")),
        net.jqwik.api.Tuple.of(2, Arbitraries.just("")));
  }

  /**
   * Texts of 0 to 80 words with emoji, CJK, combining marks, URLs and hashtags among them: from
   * nothing to several tweets long.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Combinators.combine(words(), separators()).as((w, s) -> w + s);
    return piece
        .list()
        .ofMinSize(0)
        .ofMaxSize(80)
        .map(l -> String.join("", l))
        .edgeCases(c -> c.add("#PolTwt"));
  }

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings()
        .withChars(' ', '\t', '\n', '\r', '\u00A0', '\u3000', '\u200B', '\u200D', '\uFEFF')
        .ofMinLength(0)
        .ofMaxLength(40);
  }

  /** Email addresses in the common shapes, lower or mixed case. */
  @Provide
  Arbitrary<String> emails() {
    Arbitrary<String> local =
        Combinators.combine(
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .numeric()
                    .ofMinLength(1)
                    .ofMaxLength(1),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('A', 'Z')
                    .numeric()
                    .withChars('.', '_', '+', '-')
                    .ofMaxLength(15))
            .as(String::concat);
    Arbitrary<String> label =
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> tld =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
    return Combinators.combine(local, label.list().ofMinSize(1).ofMaxSize(3), tld)
        .as((l, labels, t) -> l + "@" + String.join(".", labels) + "." + t);
  }

  /** Phone numbers in the shapes the issue names, with random digits. */
  @Provide
  Arbitrary<String> phones() {
    Arbitrary<String> d3 = Arbitraries.strings().numeric().ofLength(3);
    Arbitrary<String> d4 = Arbitraries.strings().numeric().ofLength(4);
    Arbitrary<String> d6 = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<Integer> country = Arbitraries.integers().between(1, 999);
    return Arbitraries.oneOf(
        Combinators.combine(country, d3, d3, d4)
            .as((c, a, b, n) -> "+" + c + " " + a + "-" + b + "-" + n),
        Combinators.combine(d3, d3, d4).as((a, b, n) -> "(" + a + ") " + b + "-" + n),
        Combinators.combine(d3, d6).as((a, b) -> "07" + a.substring(1) + "0 " + b),
        Combinators.combine(d3, d3, d4).as((a, b, n) -> a + "." + b + "." + n),
        Combinators.combine(d3, d3, d4).as((a, b, n) -> a + "-" + b + "-" + n),
        Combinators.combine(d3, d3, d4).as((a, b, n) -> a + " " + b + " " + n),
        Combinators.combine(d3, d3, d4).as((a, b, n) -> a + b + n));
  }

  /** Short lowercase phrases: free text with no personal data of its own. */
  private static Arbitrary<String> phrases(int maxWords) {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(10)
        .list()
        .ofMinSize(1)
        .ofMaxSize(maxWords)
        .map(l -> String.join(" ", l));
  }

  // ---------------------------------------------------------------- every tweet is a valid #PolTwt
  // tweet

  @Property(tries = 400)
  void everyTopicOrBeatTweetCarriesItsHashtagsAndFits(
      @ForAll("composers") TweetComposer composer,
      @ForAll("texts") String text,
      @ForAll boolean beat) {
    String body = TextCleaning.normalise(text, true);
    if (TextCleaning.isBlank(body)) {
      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> compose(composer, text, beat));
      assertThat(e.field()).isEqualTo("text");
      return;
    }
    String tweet = compose(composer, text, beat);

    assertIsAValidTweet(composer, tweet);
  }

  @Property(tries = 200)
  void blankTextIsATypedErrorNamingTheField(
      @ForAll("composers") TweetComposer composer,
      @ForAll("blanks") String text,
      @ForAll boolean beat) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> compose(composer, text, beat));

    assertThat(e.code()).isEqualTo(TweetComposer.INVALID);
    assertThat(e.field()).isEqualTo("text");
  }

  @Property(tries = 300)
  void textThatFitsIsKeptAsIsWithOnlyTheMissingTagsAppended(
      @ForAll("composers") TweetComposer composer, @ForAll("texts") String text) {
    String body = Redactor.TOPIC.redact(TextCleaning.normalise(text, true));
    if (TextCleaning.isBlank(body)) {
      return;
    }
    String whole = TweetFit.tagged(body, composer.hashtags());
    String tweet = composer.topic(text);

    if (TweetLength.weighted(whole) <= TweetLength.MAX_WEIGHTED_LENGTH) {
      assertThat(tweet).isEqualTo(whole).startsWith(body);
    } else {
      assertThat(tweet).contains(ELLIPSIS);
    }
  }

  // ---------------------------------------------------------------- shortening never breaks
  // anything

  @Property(tries = 400)
  void aShortenedTweetIsAPrefixOfTheTextCutAtAGraphemeBoundaryOutsideEveryEntity(
      @ForAll("composers") TweetComposer composer, @ForAll("texts") String text) {
    String body = Redactor.TOPIC.redact(TextCleaning.normalise(text, true));
    if (TextCleaning.isBlank(body) || body.contains(ELLIPSIS)) {
      return;
    }
    String tweet = composer.topic(text);
    int ellipsis = tweet.lastIndexOf(ELLIPSIS);
    if (ellipsis < 0) {
      return; // not shortened
    }
    String kept = tweet.substring(0, ellipsis).stripTrailing();

    assertThat(body).startsWith(kept);
    assertThat(kept).isNotBlank();
    assertThat(graphemeBoundaries(body)).contains(kept.length());
    for (TweetFit.Span e : TweetFit.entities(body, TweetFit.urls(body))) {
      assertThat(e.strictlyContains(kept.length())).as("cut inside an entity %s", e).isFalse();
    }
    String suffix = tweet.substring(ellipsis + 1);
    assertThat(suffix).matches("( #\\S+)*");
  }

  @Property(tries = 400)
  void urlsSurviveWholeOrAreDroppedWhole(
      @ForAll("composers") TweetComposer composer, @ForAll("texts") String text) {
    String body = Redactor.TOPIC.redact(TextCleaning.normalise(text, true));
    if (TextCleaning.isBlank(body)) {
      return;
    }
    String tweet = composer.topic(text);

    Extractor extractor = new Extractor();
    assertThat(new HashSet<>(extractor.extractURLs(body)))
        .containsAll(extractor.extractURLs(tweet));
    int ellipsis = tweet.lastIndexOf(ELLIPSIS);
    int kept =
        ellipsis < 0 || body.contains(ELLIPSIS)
            ? body.length()
            : tweet.substring(0, ellipsis).stripTrailing().length();
    for (Extractor.Entity url : extractor.extractURLsWithIndices(body)) {
      assertThat(url.getStart() < kept && kept < url.getEnd())
          .as("cut inside %s", url.getValue())
          .isFalse();
      if (url.getEnd() <= kept) {
        assertThat(tweet).contains(url.getValue());
      }
    }
  }

  @Property(tries = 400)
  void hashtagsAreNeverCut(
      @ForAll("composers") TweetComposer composer, @ForAll("texts") String text) {
    String body = TextCleaning.normalise(text, true);
    if (TextCleaning.isBlank(body)) {
      return;
    }
    String tweet = composer.topic(text);

    Set<String> allowed = new HashSet<>();
    for (Hashtag h : Hashtags.extract(body)) {
      allowed.add(fold(h.tag()));
    }
    for (String tag : composer.hashtags()) {
      allowed.add(fold(tag));
    }
    for (Hashtag h : Hashtags.extract(tweet)) {
      assertThat(allowed).contains(fold(h.tag()));
    }
  }

  // ---------------------------------------------------------------- calls for service

  @Property(tries = 300)
  void anEmailAnywhereInACallNeverReachesTheTweet(
      @ForAll("composers") TweetComposer composer,
      @ForAll("emails") String email,
      @ForAll @IntRange(min = 0, max = 2) int field,
      @ForAll @IntRange(max = 12) int at,
      @ForAll("callWords") List<List<String>> fields) {
    String tweet = composer.callForService(callWith(fields, field, at, email));

    assertThat(tweet)
        .doesNotContain(email)
        .doesNotContain("@" + email.substring(email.indexOf('@') + 1));
    assertIsAValidTweet(composer, tweet);
  }

  @Property(tries = 300)
  void aPhoneNumberAnywhereInACallNeverReachesTheTweet(
      @ForAll("composers") TweetComposer composer,
      @ForAll("phones") String phone,
      @ForAll @IntRange(min = 0, max = 2) int field,
      @ForAll @IntRange(max = 12) int at,
      @ForAll("callWords") List<List<String>> fields) {
    String tweet = composer.callForService(callWith(fields, field, at, phone));

    String digits = phone.replaceAll("\\D", "");
    assertThat(tweet).doesNotContain(phone);
    assertThat(tweet.replaceAll("\\D", "")).doesNotContain(digits.substring(digits.length() - 7));
    assertIsAValidTweet(composer, tweet);
  }

  @Provide
  Arbitrary<List<List<String>>> callWords() {
    Arbitrary<List<String>> words =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(9)
            .list()
            .ofMinSize(0)
            .ofMaxSize(12);
    return words.list().ofSize(3);
  }

  /**
   * A call whose fields are the given words, with {@code inserted} put between two words of one
   * field.
   */
  private static CallForService callWith(
      List<List<String>> fields, int field, int at, String inserted) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<String> words = new ArrayList<>(fields.get(i));
      if (i == 0) {
        words.add(
            0,
            "Disturbance"); // a type of nothing but personal data is rejected, as tested elsewhere
      }
      if (i == field) {
        words.add(Math.min(at, words.size()), inserted);
      }
      parts.add(String.join(" ", words));
    }
    return CallForService.of(parts.get(0), LocalTime.of(21, 14), parts.get(1), parts.get(2));
  }

  @Provide
  Arbitrary<String> streets() {
    return Combinators.combine(
            Arbitraries.of(
                "Main",
                "Oak",
                "Elm",
                "High",
                "Acacia",
                "Baker",
                "Cedar Hill",
                "Martin Luther King Jr",
                "Avenue of the Americas",
                "Sunset",
                "W 42nd",
                "Rue",
                "Kingsway",
                "Ōtaki"),
            Arbitraries.of(
                "St",
                "Street",
                "Ave",
                "Avenue",
                "Rd",
                "Road",
                "Lane",
                "Ln",
                "Close",
                "Drive",
                "Dr",
                "Blvd",
                "Way",
                "Court",
                "Place",
                "Terrace",
                "Crescent"))
        .as((name, type) -> name + " " + type);
  }

  @Property(tries = 300)
  void aNumberedStreetAddressBecomesItsHundredBlock(
      @ForAll("composers") TweetComposer composer,
      @ForAll @IntRange(min = 1, max = 99999) int number,
      @ForAll("streets") String street,
      @ForAll boolean inProse) {
    String location =
        (inProse ? "outside " : "") + number + " " + street + (inProse ? " near the shops" : "");
    String tweet =
        composer.callForService(
            CallForService.of(
                "Burglary report", LocalTime.of(21, 14), location, "Officers took a report"));

    String block = number < 100 ? "unit" : Integer.toString(number / 100 * 100);
    assertThat(tweet).contains(block + " block of " + street).doesNotContain(number + " " + street);
    assertIsAValidTweet(composer, tweet);
  }

  @Property(tries = 300)
  void everyCallForServiceTweetCarriesItsHashtagsAndFits(
      @ForAll("composers") TweetComposer composer,
      @ForAll("texts") String type,
      @ForAll("texts") String location,
      @ForAll("texts") String outcome,
      @ForAll @IntRange(max = 23) int hour,
      @ForAll @IntRange(max = 59) int minute) {
    LocalTime time = LocalTime.of(hour, minute);
    String t = TextCleaning.isBlank(type) ? "Welfare check" : type;
    String tweet;
    try {
      tweet = composer.callForService(CallForService.of(t, time, location, outcome));
    } catch (InvalidInputException e) {
      assertThat(e.field())
          .isEqualTo("type"); // a type that was only personal data (or looked like it)
      return;
    }

    assertThat(tweet)
        .startsWith(String.format(Locale.ROOT, "%02d:%02d ", time.getHour(), time.getMinute()));
    assertIsAValidTweet(composer, tweet);
  }

  // ---------------------------------------------------------------- helpers

  private static String compose(TweetComposer composer, String text, boolean beat) {
    return beat ? composer.beat(text) : composer.topic(text);
  }

  private static void assertIsAValidTweet(TweetComposer composer, String tweet) {
    for (String tag : composer.hashtags()) {
      assertThat(Hashtags.carries(tweet, tag)).as("carries #%s: %s", tag, tweet).isTrue();
    }
    assertThat(TweetLength.weighted(tweet))
        .as("weighted length of %s", tweet)
        .isLessThanOrEqualTo(TweetLength.MAX_WEIGHTED_LENGTH);
    assertThat(TweetLength.isValid(tweet)).isTrue();
    for (int i = 0; i < tweet.length(); i++) {
      char c = tweet.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < tweet.length() && Character.isLowSurrogate(tweet.charAt(i + 1)))
            .as("paired high surrogate at %d", i)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("unpaired low surrogate at %d", i).isFalse();
      }
    }
  }

  private static Set<Integer> graphemeBoundaries(String text) {
    Set<Integer> boundaries = new HashSet<>();
    Matcher m = Pattern.compile("\\X").matcher(text);
    boundaries.add(0);
    while (m.find()) {
      boundaries.add(m.end());
    }
    return boundaries;
  }

  private static String fold(String tag) {
    return tag.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}

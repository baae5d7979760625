package org.poltwt.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.compliance.ComplianceFixtures.FIFTH;
import static org.poltwt.compliance.ComplianceFixtures.KIRI;
import static org.poltwt.compliance.ComplianceFixtures.KIRITIMATI;
import static org.poltwt.compliance.ComplianceFixtures.KIRITIMATI_START;
import static org.poltwt.compliance.ComplianceFixtures.KIRI_ID;
import static org.poltwt.compliance.ComplianceFixtures.MADRID;
import static org.poltwt.compliance.ComplianceFixtures.OLD_HANDLE;
import static org.poltwt.compliance.ComplianceFixtures.PAGO;
import static org.poltwt.compliance.ComplianceFixtures.PAGO_ID;
import static org.poltwt.compliance.ComplianceFixtures.PAGO_PAGO;
import static org.poltwt.compliance.ComplianceFixtures.PENDING;
import static org.poltwt.compliance.ComplianceFixtures.RENAMED;
import static org.poltwt.compliance.ComplianceFixtures.RENAMED_ID;
import static org.poltwt.compliance.ComplianceFixtures.STRANGER;
import static org.poltwt.compliance.ComplianceFixtures.STRANGER_ID;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.poltwt.compliance.Violation.Code;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.internal.text.TextScan;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.TweetLength;
import org.poltwt.tweet.io.TweetReader;
import org.poltwt.tweet.io.TweetWriter;

/**
 * Properties of {@link ComplianceChecker}: every verdict agrees with the rule computed here
 * directly from {@link Hashtags}, {@link TweetLength} and {@link Schedule}; a result is compliant
 * exactly when it has no violation; and a summary's counts are the sums over the results.
 */
class ComplianceCheckerProperties {
  private static final ComplianceChecker CHECKER = ComplianceFixtures.checker();
  private static final Schedule SCHEDULE = Schedule.of(FIFTH);
  private static final Window SPAN = SCHEDULE.globalSpan();

  /** An author as a tweet names them, and the zone of their verified registration, if any. */
  record Author(String id, String handle, Optional<ZoneId> zone) {}

  private static final List<Author> AUTHORS =
      List.of(
          new Author(KIRI_ID, KIRI, Optional.of(KIRITIMATI)),
          new Author("7", PAGO, Optional.of(PAGO_PAGO)),
          new Author(PAGO_ID, "pagopagopd", Optional.of(PAGO_PAGO)),
          new Author(RENAMED_ID, RENAMED, Optional.of(MADRID)),
          new Author("31337", OLD_HANDLE, Optional.empty()),
          new Author("5555", PENDING, Optional.empty()),
          new Author(STRANGER_ID, STRANGER, Optional.empty()));

  private static final List<String> FRAGMENTS =
      List.of(
          "#PolTwt",
          "#poltwt",
          "\uFF03POLTWT",
          "#poltwt2015",
          "x#PolTwt",
          "https://example.com/#PolTwt",
          "#TimeToUnify",
          "#policíacercana",
          "#POL\u0130C\u00CDACERCANA",
          "#Polici\u0301aCercana",
          "#TİMETOUNİFY",
          "#P\uFF2FLTWT",
          "PolTwt",
          " ",
          " ",
          " ",
          "a",
          "é",
          "漢",
          "😀",
          ".",
          "a.co",
          "…",
          "“",
          "\n",
          "x".repeat(90));

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(25).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Tweet> tweets() {
    Arbitrary<Author> author = Arbitraries.of(AUTHORS);
    // From a day before the first window opens to a day after the last closes.
    long from = SPAN.start().getEpochSecond() - 86_400;
    long to = SPAN.end().getEpochSecond() + 86_400;
    Arbitrary<Instant> at =
        Arbitraries.longs()
            .between(from, to)
            .map(Instant::ofEpochSecond)
            .edgeCases(c -> c.add(KIRITIMATI_START, SPAN.start(), SPAN.end()));
    Arbitrary<Boolean> retweet = Arbitraries.of(false, false, false, true);
    return Combinators.combine(author, texts(), at, retweet)
        .as(
            (a, text, t, rt) -> {
              Tweet.Builder b =
                  Tweet.builder()
                      .id(ComplianceFixtures.nextId())
                      .authorId(a.id())
                      .authorHandle(org.poltwt.registration.TwitterHandle.of(a.handle()))
                      .text(text)
                      .createdAt(t);
              if (rt) {
                b.referencedTweets(
                    List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "42")));
              }
              return b.build();
            });
  }

  private static Optional<ZoneId> zoneOf(Tweet t) {
    return AUTHORS.stream()
        .filter(a -> a.id().equals(t.authorId()))
        .findFirst()
        .flatMap(Author::zone);
  }

  @Property(tries = 400)
  void everyVerdictFollowsItsRule(@ForAll("tweets") Tweet tweet) {
    ComplianceResult r = CHECKER.check(tweet);
    boolean retweet = tweet.isRetweet();
    Optional<ZoneId> zone = zoneOf(tweet);
    Window window = zone.map(SCHEDULE::windowIn).orElse(SPAN);

    Set<Code> expected = EnumSet.noneOf(Code.class);
    if (!retweet && !Hashtags.carries(tweet.text(), "PolTwt")) {
      expected.add(Code.MISSING_HASHTAG);
    }
    if (!window.contains(tweet.createdAt())) {
      expected.add(Code.OUTSIDE_WINDOW);
    }
    if (zone.isEmpty()) {
      expected.add(Code.UNREGISTERED_AUTHOR);
    }
    if (!retweet && TweetLength.weighted(tweet.text()) > TweetLength.MAX_WEIGHTED_LENGTH) {
      expected.add(Code.TOO_LONG);
    }
    Set<ComplianceTag> tags = EnumSet.noneOf(ComplianceTag.class);
    if (retweet) {
      tags.add(ComplianceTag.RETWEET);
    }
    if (Hashtags.carries(tweet.text(), "TimeToUnify")
        || Hashtags.carries(tweet.text(), "PolicíaCercana")) {
      tags.add(ComplianceTag.THEME);
    }
    if (Hashtags.carries(tweet.text(), "PolTwt")) {
      tags.add(ComplianceTag.CARRIES_HASHTAG); // retweets too: exempt is not carrying
    }

    assertThat(r.violations())
        .extracting(Violation::code)
        .containsExactlyElementsOf(expected); // in code order
    assertThat(r.tags()).isEqualTo(tags);
    assertThat(r.compliant()).isEqualTo(r.violations().isEmpty()).isEqualTo(expected.isEmpty());
    assertThat(r.tweetId()).isEqualTo(tweet.id());
    assertThat(r.authorId()).isEqualTo(tweet.authorId());
    for (Violation v : r.violations()) {
      assertThat(v.reason()).doesNotContain("x".repeat(10), "a.co", "漢");
    }
    Statistics.label("compliant").collect(r.compliant());
    Statistics.label("violations").collect(r.violations().size());
  }

  @Provide
  Arbitrary<List<Tweet>> tweetLists() {
    return tweets().list().ofMaxSize(40);
  }

  @Property(tries = 100)
  void summaryCountsAreTheSumsOverTheResults(@ForAll("tweetLists") List<Tweet> tweets) {
    ComplianceSummary summary = new ComplianceSummary();
    List<ComplianceResult> results = CHECKER.checkAll(tweets.stream(), summary).toList();

    Map<Code, Long> byCode = new EnumMap<>(Code.class);
    Map<ComplianceTag, Long> byTag = new EnumMap<>(ComplianceTag.class);
    for (Code c : Code.values()) {
      byCode.put(c, results.stream().filter(r -> r.has(c)).count());
    }
    for (ComplianceTag t : ComplianceTag.values()) {
      byTag.put(t, results.stream().filter(r -> r.has(t)).count());
    }
    assertThat(results).hasSize(tweets.size());
    assertThat(summary.checked()).isEqualTo(tweets.size());
    assertThat(summary.compliant())
        .isEqualTo(results.stream().filter(ComplianceResult::compliant).count());
    assertThat(summary.violationCounts()).isEqualTo(byCode);
    assertThat(summary.tagCounts()).isEqualTo(byTag);
  }

  @Provide
  Arbitrary<String> latinTexts() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "a",
            "Z",
            " ",
            ".",
            "a.co",
            "t.co/x",
            "https://t.co/abc",
            "www.police.uk",
            "1",
            "#PolTwt",
            "©",
            "®",
            "…",
            "“",
            "”",
            "–",
            "é",
            "ß",
            "ÿ",
            "\n",
            "a.b",
            "x.co/" + "y".repeat(40));
    return fragment.list().ofMaxSize(120).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void theLengthShortcutNeverLetsATooLongTextThrough(@ForAll("latinTexts") String text) {
    boolean certain = TextScan.certainlyFits(text);
    if (certain) {
      assertThat(TweetLength.weighted(text)).isLessThanOrEqualTo(TweetLength.MAX_WEIGHTED_LENGTH);
    }
    Statistics.label("shortcut").collect(certain);
  }

  @Provide
  Arbitrary<String> anyScriptTexts() {
    Arbitrary<String> common =
        Arbitraries.of(
            "a",
            " ",
            ".",
            ". ",
            "a.co",
            "例え.jp",
            "https://t.co/abc",
            "漢",
            "漢字漢字",
            "😀",
            "👮\u200D♀\uFE0F",
            "\uFE0F",
            "#\uFE0F\u20E3",
            "©",
            "®\uFE0F",
            "é",
            "ß",
            "Ω",
            "ж",
            "ا",
            "\u200F",
            "\u2013",
            "…",
            "#PolTwt",
            "x".repeat(40),
            "漢".repeat(30),
            // Links the length shortcut weighs one by one: long, non-ASCII, and just after emoji
            // parts.
            "x.co/" + "y".repeat(40),
            "https://例え.jp/" + "z".repeat(30),
            "👮https://t.co/abc",
            "\u200Dt.co/x",
            "#\uFE0F\u20E3a.co",
            "\uFE0Fwww.police.uk/" + "q".repeat(25),
            "😀x.co/abc");
    // Marks and lone surrogates send a text to the counter; rare enough that most texts try the
    // bound.
    Arbitrary<String> rare = Arbitraries.of("e\u0301", "\u0301", "\uD800", "\uDC00");
    Arbitrary<String> fragment = Arbitraries.frequencyOf(Tuple.of(60, common), Tuple.of(1, rare));
    return fragment.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void theLengthShortcutNeverLetsATooLongTextOfAnyScriptThrough(
      @ForAll("anyScriptTexts") String text) {
    boolean certain = TextScan.certainlyFits(text);
    int weighted = TweetLength.weighted(text);
    if (certain) {
      assertThat(weighted).isLessThanOrEqualTo(TweetLength.MAX_WEIGHTED_LENGTH);
    }
    Statistics.label("shortcut").collect(certain, weighted > 200);
  }

  @Provide
  Arbitrary<String> shortcutTexts() {
    return Arbitraries.oneOf(latinTexts(), anyScriptTexts());
  }

  @Property(tries = 1000)
  void theLengthShortcutGivesTheExactLengthWhenItGivesOne(
      @ForAll("shortcutTexts") String text,
      @ForAll @IntRange(max = 300) int padding,
      @ForAll boolean blankPadding) {
    String padded = text + (blankPadding ? " " : "p").repeat(padding);
    int shortcut = TextScan.shortcutLength(padded, TextScan.of(padded));
    int weighted = TweetLength.weighted(padded);
    if (shortcut == 0) {
      assertThat(weighted).isLessThanOrEqualTo(TweetLength.MAX_WEIGHTED_LENGTH);
    } else if (shortcut > 0) {
      assertThat(shortcut).isEqualTo(weighted);
    }
    Statistics.label("shortcut")
        .collect(shortcut < 0 ? "counted" : shortcut == 0 ? "fits" : "exact over");
  }

  @Property(tries = 300)
  void aTweetReadFromJsonIsCheckedAsTheSameTweetBuilt(
      @ForAll("tweets") Tweet built,
      @ForAll("shortcutTexts") String other,
      @ForAll boolean useOther) {
    // The reader scans each text from the parser's buffer; the verdict must not depend on it.
    Tweet tweet =
        useOther
            ? new Tweet(
                built.id(),
                built.authorId(),
                built.authorHandle(),
                other,
                built.createdAt(),
                built.lang(),
                built.source(),
                built.referencedTweets(),
                // The text's own entities: the writer now writes an empty list as "no hashtags".
                Hashtags.extract(other))
            : built;
    java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
    try (TweetWriter writer = TweetWriter.of(json)) {
      writer.write(tweet);
      writer.write(tweet);
    }
    List<Tweet> read;
    try (TweetReader reader =
        TweetReader.of(new java.io.ByteArrayInputStream(json.toByteArray()))) {
      read = reader.stream().toList();
    }
    assertThat(read).hasSize(2);
    for (Tweet t : read) {
      Tweet copy =
          Tweet.builder()
              .id(t.id())
              .authorId(t.authorId())
              .authorHandle(t.authorHandle().orElse(null))
              .text(new String(t.text().toCharArray()))
              .createdAt(t.createdAt())
              .lang(t.lang().orElse(null))
              .source(t.source().orElse(null))
              .referencedTweets(t.referencedTweets())
              .build();
      assertThat(CHECKER.check(t)).isEqualTo(CHECKER.check(copy));
    }
  }

  @Property(tries = 300)
  void theVerdictIsTheSameWhetherOrNotTheHashtagsWereExtracted(@ForAll("tweets") Tweet tweet) {
    ComplianceResult fromText = CHECKER.check(tweet);
    assertThat(tweet.hashtags()).isEqualTo(Hashtags.extract(tweet.text())); // extracts them
    ComplianceResult fromEntities = CHECKER.check(tweet);
    assertThat(fromEntities).isEqualTo(fromText);
  }
}

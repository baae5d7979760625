package org.poltwt.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.compliance.ComplianceFixtures.KIRI;
import static org.poltwt.compliance.ComplianceFixtures.KIRITIMATI_END;
import static org.poltwt.compliance.ComplianceFixtures.KIRI_ID;
import static org.poltwt.compliance.ComplianceFixtures.MIDDAY_SHARED;
import static org.poltwt.compliance.ComplianceFixtures.STRANGER;
import static org.poltwt.compliance.ComplianceFixtures.STRANGER_ID;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.Violation.Code;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.Tweet;

/**
 * {@link ComplianceChecker#checkAll} over generated streams: lazily, in constant memory, with a
 * summary that matches the generator's known mix exactly.
 */
class ComplianceCheckAllTest {
  private static final ComplianceChecker CHECKER = ComplianceFixtures.checker();

  /**
   * The generator's kinds of tweet, each with its share per thousand: tweet {@code i} is of the
   * kind whose slot holds {@code i % 1000}. Each kind's hashtags are extracted once, so the test
   * measures checking rather than extraction; too-long texts are rare, as in a real edition,
   * because counting their length exactly is the slow part.
   */
  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "compliant",
              500,
              KIRI_ID,
              KIRI,
              "#PolTwt on patrol",
              MIDDAY_SHARED,
              false,
              List.of(),
              List.of(ComplianceTag.CARRIES_HASHTAG)),
          new Kind(
              "compliant theme",
              150,
              KIRI_ID,
              KIRI,
              "#PolTwt #TimeToUnify",
              MIDDAY_SHARED,
              false,
              List.of(),
              List.of(ComplianceTag.THEME, ComplianceTag.CARRIES_HASHTAG)),
          new Kind(
              "missing hashtag",
              120,
              KIRI_ID,
              KIRI,
              "#poltwt2015 x#poltwt",
              MIDDAY_SHARED,
              false,
              List.of(Code.MISSING_HASHTAG),
              List.of()),
          new Kind(
              "retweet",
              100,
              KIRI_ID,
              KIRI,
              "RT @PagoPagoPD: cut sho…",
              MIDDAY_SHARED,
              true,
              List.of(),
              List.of(ComplianceTag.RETWEET)),
          new Kind(
              "unregistered theme",
              60,
              STRANGER_ID,
              STRANGER,
              "#PolTwt #timetounify",
              MIDDAY_SHARED,
              false,
              List.of(Code.UNREGISTERED_AUTHOR),
              List.of(ComplianceTag.THEME, ComplianceTag.CARRIES_HASHTAG)),
          new Kind(
              "late",
              60,
              KIRI_ID,
              KIRI,
              "#PolTwt",
              KIRITIMATI_END,
              false,
              List.of(Code.OUTSIDE_WINDOW),
              List.of(ComplianceTag.CARRIES_HASHTAG)),
          new Kind(
              "too long",
              4,
              KIRI_ID,
              KIRI,
              "#PolTwt " + "漢".repeat(137),
              MIDDAY_SHARED,
              false,
              List.of(Code.TOO_LONG),
              List.of(ComplianceTag.CARRIES_HASHTAG)),
          new Kind(
              "everything wrong",
              3,
              STRANGER_ID,
              STRANGER,
              "a".repeat(281),
              KIRITIMATI_END.plusSeconds(86_400 * 3),
              false,
              List.of(
                  Code.MISSING_HASHTAG,
                  Code.OUTSIDE_WINDOW,
                  Code.UNREGISTERED_AUTHOR,
                  Code.TOO_LONG),
              List.of()),
          new Kind(
              "late unregistered retweet theme",
              3,
              STRANGER_ID,
              STRANGER,
              "RT @KiriPolice: #TimeToUnify",
              KIRITIMATI_END.plusSeconds(86_400 * 3),
              true,
              List.of(Code.OUTSIDE_WINDOW, Code.UNREGISTERED_AUTHOR),
              List.of(ComplianceTag.RETWEET, ComplianceTag.THEME)));

  record Kind(
      String name,
      int perThousand,
      String authorId,
      String handle,
      String text,
      Instant at,
      boolean retweet,
      List<Code> violations,
      List<ComplianceTag> tags) {}

  /** Extracted once per kind. */
  private static final List<List<Hashtag>> HASHTAGS =
      KINDS.stream().map(k -> Hashtags.extract(k.text)).toList();

  /** {@code SLOT[r]} is the kind of tweet {@code i} when {@code i % 1000 == r}. */
  private static final int[] SLOT = slots();

  private static int[] slots() {
    int[] slot = new int[1_000];
    int r = 0;
    for (int k = 0; k < KINDS.size(); k++) {
      for (int j = 0; j < KINDS.get(k).perThousand; j++) {
        slot[r++] = k;
      }
    }
    assertThat(r).as("shares add up to a thousand").isEqualTo(1_000);
    return slot;
  }

  private static int kindOf(long i) {
    return SLOT[(int) (i % 1_000)];
  }

  private static Tweet generate(long i) {
    int k = kindOf(i);
    Kind kind = KINDS.get(k);
    return ComplianceFixtures.prebuilt(
        Long.toString(1_000_000 + i),
        kind.authorId,
        kind.handle,
        kind.text,
        HASHTAGS.get(k),
        kind.at,
        kind.retweet);
  }

  /** How many of the first {@code n} tweets are of kind {@code k}, from the shares alone. */
  private static long ofKind(long n, int k) {
    long count = n / 1_000 * KINDS.get(k).perThousand;
    for (int r = 0; r < n % 1_000; r++) {
      if (SLOT[r] == k) {
        count++;
      }
    }
    return count;
  }

  private static void assertSummaryOf(long n, ComplianceSummary summary) {
    Map<Code, Long> violations = new EnumMap<>(Code.class);
    Map<ComplianceTag, Long> tags = new EnumMap<>(ComplianceTag.class);
    for (Code c : Code.values()) {
      violations.put(c, 0L);
    }
    for (ComplianceTag t : ComplianceTag.values()) {
      tags.put(t, 0L);
    }
    long compliant = 0;
    for (int k = 0; k < KINDS.size(); k++) {
      Kind kind = KINDS.get(k);
      long count = ofKind(n, k);
      if (kind.violations.isEmpty()) {
        compliant += count;
      }
      kind.violations.forEach(c -> violations.merge(c, count, Long::sum));
      kind.tags.forEach(t -> tags.merge(t, count, Long::sum));
    }
    assertThat(summary.checked()).isEqualTo(n);
    assertThat(summary.compliant()).isEqualTo(compliant);
    assertThat(summary.nonCompliant()).isEqualTo(n - compliant);
    assertThat(summary.violationCounts()).isEqualTo(violations);
    assertThat(summary.tagCounts()).isEqualTo(tags);
    for (Code c : Code.values()) {
      assertThat(summary.violations(c)).isEqualTo(violations.get(c));
    }
    for (ComplianceTag t : ComplianceTag.values()) {
      assertThat(summary.tagged(t)).isEqualTo(tags.get(t));
    }
  }

  @Test
  void expectedCountsComeFromTheShares() {
    assertThat(ofKind(100_000, 0)).isEqualTo(50_000);
    assertThat(ofKind(1_500, 0)).isEqualTo(1_000); // 500 + the first 500 of the next thousand
    assertThat(ofKind(1_500, 1)).isEqualTo(150);
    assertThat(ofKind(1_999, KINDS.size() - 1)).isEqualTo(5);
  }

  @Test
  void eachKindIsCheckedAsItsNameSays() {
    for (int k = 0; k < KINDS.size(); k++) {
      Kind kind = KINDS.get(k);
      long first = 0;
      while (kindOf(first) != k) {
        first++;
      }
      ComplianceResult r = CHECKER.check(generate(first));
      assertThat(r.violations())
          .as(kind.name)
          .extracting(Violation::code)
          .containsExactlyElementsOf(kind.violations);
      assertThat(r.tags()).as(kind.name).containsExactlyInAnyOrderElementsOf(kind.tags);
    }
  }

  @Test
  void aHundredThousandTweetsStreamThroughWithoutBeingHeld() {
    long n = 100_000;
    AtomicLong generated = new AtomicLong();
    AtomicLong consumed = new AtomicLong();
    AtomicLong mostInFlight = new AtomicLong();
    Stream<Tweet> tweets =
        Stream.iterate(0L, i -> i + 1)
            .limit(n)
            .map(
                i -> {
                  generated.incrementAndGet();
                  return generate(i);
                });
    ComplianceSummary summary = new ComplianceSummary();

    checker()
        .checkAll(tweets, summary)
        .forEach(
            r -> {
              long inFlight = generated.get() - consumed.incrementAndGet();
              mostInFlight.accumulateAndGet(inFlight, Math::max);
              assertThat(summary.checked())
                  .isEqualTo(consumed.get()); // the summary runs along with the stream
            });

    assertThat(mostInFlight.get())
        .isZero(); // each tweet was generated only when the stream pulled it
    assertThat(consumed.get()).isEqualTo(n);
    assertSummaryOf(n, summary);
  }

  @Test
  void resultsComeInTheOrderOfTheTweets() {
    List<String> ids =
        CHECKER
            .checkAll(
                LongStream.range(0, 50).mapToObj(ComplianceCheckAllTest::generate),
                new ComplianceSummary())
            .map(ComplianceResult::tweetId)
            .toList();
    assertThat(ids)
        .containsExactlyElementsOf(
            LongStream.range(0, 50).mapToObj(i -> Long.toString(1_000_000 + i)).toList());
  }

  @Test
  void countOfASizedStreamStillChecksEveryTweet() {
    // map() on a SIZED stream lets count() skip the elements; checkAll must not.
    List<Tweet> list =
        LongStream.range(0, 1_000).mapToObj(ComplianceCheckAllTest::generate).toList();
    ComplianceSummary summary = new ComplianceSummary();
    assertThat(CHECKER.checkAll(list.stream(), summary).count()).isEqualTo(1_000);
    assertSummaryOf(1_000, summary);
  }

  @Test
  void parallelStreamsCountExactly() {
    int n = 20_000;
    ComplianceSummary summary = new ComplianceSummary();
    Stream<Tweet> tweets =
        IntStream.range(0, n).parallel().mapToObj(ComplianceCheckAllTest::generate);
    Stream<ComplianceResult> results = CHECKER.checkAll(tweets, summary);
    assertThat(results.isParallel()).isTrue();
    assertThat(results.filter(ComplianceResult::compliant).count()).isEqualTo(summary.compliant());
    assertSummaryOf(n, summary);
  }

  @Test
  void aShortCircuitCountsOnlyWhatItPulled() {
    ComplianceSummary summary = new ComplianceSummary();
    List<ComplianceResult> firstThree =
        CHECKER
            .checkAll(Stream.iterate(0L, i -> i + 1).map(ComplianceCheckAllTest::generate), summary)
            .limit(3)
            .toList();
    assertThat(firstThree).hasSize(3);
    assertThat(summary.checked()).isEqualTo(3);
  }

  @Test
  void aSummaryAddsUpAcrossRuns() {
    ComplianceSummary summary = new ComplianceSummary();
    CHECKER
        .checkAll(LongStream.range(0, 400).mapToObj(ComplianceCheckAllTest::generate), summary)
        .forEach(r -> {});
    CHECKER
        .checkAll(LongStream.range(400, 1_000).mapToObj(ComplianceCheckAllTest::generate), summary)
        .forEach(r -> {});
    assertSummaryOf(1_000, summary);
    assertThat(summary.toString()).startsWith("ComplianceSummary{checked=1000, compliant=");
  }

  @Test
  void summariesOfThePartsAddUpToTheSummaryOfTheWhole() {
    ComplianceSummary first = new ComplianceSummary();
    ComplianceSummary second = new ComplianceSummary();
    CHECKER
        .checkAll(LongStream.range(0, 400).mapToObj(ComplianceCheckAllTest::generate), first)
        .forEach(r -> {});
    CHECKER
        .checkAll(LongStream.range(400, 1_000).mapToObj(ComplianceCheckAllTest::generate), second)
        .forEach(r -> {});
    first.addAll(second);
    assertSummaryOf(1_000, first);
    assertThat(second.checked()).as("the added summary is left as it was").isEqualTo(600);

    ComplianceSummary doubled = new ComplianceSummary();
    CHECKER
        .checkAll(LongStream.range(0, 1_000).mapToObj(ComplianceCheckAllTest::generate), doubled)
        .forEach(r -> {});
    doubled.addAll(doubled);
    assertThat(doubled.checked()).isEqualTo(2_000);
    assertThat(doubled.violationCounts())
        .allSatisfy((code, n) -> assertThat(n).isEqualTo(2 * first.violations(code)));
    assertThat(doubled.tagCounts())
        .allSatisfy((tag, n) -> assertThat(n).isEqualTo(2 * first.tagged(tag)));
  }

  @Test
  void closingTheResultsClosesTheTweets() {
    AtomicBoolean closed = new AtomicBoolean();
    Stream<Tweet> tweets = Stream.of(generate(0)).onClose(() -> closed.set(true));
    try (Stream<ComplianceResult> results = CHECKER.checkAll(tweets, new ComplianceSummary())) {
      assertThat(results.count()).isEqualTo(1);
    }
    assertThat(closed).isTrue();
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> CHECKER.checkAll(null, new ComplianceSummary()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CHECKER.checkAll(Stream.empty(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ComplianceSummary().add(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ComplianceSummary().addAll(null))
        .isInstanceOf(NullPointerException.class);
  }

  private static ComplianceChecker checker() {
    return CHECKER;
  }
}

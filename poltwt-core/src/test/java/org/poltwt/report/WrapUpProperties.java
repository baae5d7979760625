package org.poltwt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.report.WrapUpFixtures.FIFTH;
import static org.poltwt.report.WrapUpFixtures.SPAN_END;
import static org.poltwt.report.WrapUpFixtures.SPAN_START;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.compliance.ComplianceTag;
import org.poltwt.compliance.Violation.Code;
import org.poltwt.registration.Registration;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * Properties of {@link WrapUp}: splitting a stream anywhere and merging the parts' wrap-ups, in any
 * order and grouping, gives the one-pass wrap-up; so does a parallel stream, and so does any order
 * of the tweets; and the figures always add up.
 */
class WrapUpProperties {
  private static final List<Registration> REGISTRATIONS = WrapUpFixtures.registrations();
  private static final ComplianceChecker CHECKER = WrapUpFixtures.checker(REGISTRATIONS);

  /**
   * Every partial starts from this, so that the roster (and the edition's global span) is built
   * once.
   */
  private static final WrapUp EMPTY = WrapUp.accumulator(FIFTH, REGISTRATIONS).result();

  /**
   * Authors as tweets name them: registered by id, by handle in any case, renamed, unregistered,
   * without a handle.
   */
  private static final List<String[]> AUTHORS =
      List.of(
          new String[] {"1001", "KiriPolice"},
          new String[] {"1001", "kiripolice"},
          new String[] {"1001", "Renamed"},
          new String[] {"2002", "PagoPagoPD"},
          new String[] {"2002", "PAGOPAGOPD"},
          new String[] {"2002", null},
          new String[] {"2003", "pagopagoPD"},
          new String[] {"3003", "MadridPol"},
          new String[] {"9999", "JustACitizen"},
          new String[] {"9999", "justacitizen"},
          new String[] {"5005", "PendingPD"},
          new String[] {"7777", null},
          new String[] {"8888", "SilentPD"});

  private static final List<String> TAGS =
      List.of(
          "PolTwt",
          "poltwt",
          "POLTWT",
          "TimeToUnify",
          "timetounify",
          "Community",
          "community",
          "İstanbul",
          "istanbul",
          "Policía",
          "Polici\u0301a",
          "Seguridad",
          "Z");
  private static final List<String> LANGS = List.of("en", "es", "fr", "pt", "und");
  private static final List<String> SOURCES =
      List.of(
          "Twitter Web App",
          "TweetDeck",
          "Hootsuite, Inc.",
          "The \"Best\" App",
          "Twitter for iPhone");

  @Provide
  Arbitrary<List<Tweet>> tweets() {
    Arbitrary<String[]> author = Arbitraries.of(AUTHORS);
    Arbitrary<Instant> at =
        Arbitraries.longs()
            .between(SPAN_START.getEpochSecond() - 3 * 3_600, SPAN_END.getEpochSecond() + 3 * 3_600)
            .map(Instant::ofEpochSecond);
    Arbitrary<List<String>> tags = Arbitraries.of(TAGS).list().ofMaxSize(4);
    Arbitrary<String> lang = Arbitraries.of(LANGS).injectNull(0.15);
    Arbitrary<String> source = Arbitraries.of(SOURCES).injectNull(0.15);
    Arbitrary<List<ReferencedTweet>> refs =
        Arbitraries.of(ReferencedTweet.Type.class)
            .set()
            .ofMaxSize(2)
            .map(
                types -> {
                  List<ReferencedTweet> out = new ArrayList<>();
                  types.stream().sorted().forEach(t -> out.add(new ReferencedTweet(t, "42")));
                  return out;
                });
    Arbitrary<Tweet> tweet =
        Combinators.combine(author, at, tags, lang, source, refs)
            .as(
                (a, t, ts, l, s, r) ->
                    Tweet.builder()
                        .id("1")
                        .authorId(a[0])
                        .authorHandle(
                            a[1] == null ? null : org.poltwt.registration.TwitterHandle.of(a[1]))
                        .text("news" + (ts.isEmpty() ? "" : " #" + String.join(" #", ts)))
                        .createdAt(t)
                        .lang(l)
                        .source(s)
                        .referencedTweets(r)
                        .build());
    return tweet.list().ofMaxSize(40).map(WrapUpProperties::numbered);
  }

  @Property(tries = 200)
  void splittingAnywhereAndMergingGivesTheOnePassWrapUp(
      @ForAll("tweets") List<Tweet> tweets,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 40) Integer> cuts,
      @ForAll Random random) {
    WrapUp whole = count(tweets);
    List<WrapUp> parts = parts(tweets, cuts);

    WrapUp leftFold = EMPTY;
    for (WrapUp part : parts) {
      leftFold = leftFold.merge(part);
    }
    assertThat(leftFold).isEqualTo(whole).hasSameHashCodeAs(whole);

    List<WrapUp> shuffled = new ArrayList<>(parts);
    Collections.shuffle(shuffled, random);
    assertThat(mergeAsTree(shuffled, random)).isEqualTo(whole);

    WrapUp.Accumulator incremental = EMPTY.toAccumulator();
    for (WrapUp part : shuffled) {
      incremental.addAll(part);
    }
    assertThat(incremental.result()).isEqualTo(whole);
  }

  @Property(tries = 100)
  void mergeIsCommutativeAndAssociative(
      @ForAll("tweets") List<Tweet> a,
      @ForAll("tweets") List<Tweet> b,
      @ForAll("tweets") List<Tweet> c) {
    WrapUp wa = count(a);
    WrapUp wb = count(b);
    WrapUp wc = count(c);
    assertThat(wa.merge(wb)).isEqualTo(wb.merge(wa));
    assertThat(wa.merge(wb).merge(wc)).isEqualTo(wa.merge(wb.merge(wc)));
    List<Tweet> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    // Tweet ids repeat across the three lists, which the wrap-up does not look at: it counts what
    // it is given.
    assertThat(wa.merge(wb).merge(wc)).isEqualTo(count(all));
  }

  @Property(tries = 100)
  void tweetOrderAndParallelismDoNotMatter(
      @ForAll("tweets") List<Tweet> tweets, @ForAll Random random) {
    WrapUp whole = count(tweets);
    List<Tweet> shuffled = new ArrayList<>(tweets);
    Collections.shuffle(shuffled, random);
    assertThat(count(shuffled)).isEqualTo(whole);
    assertThat(WrapUp.of(CHECKER, REGISTRATIONS, shuffled.parallelStream())).isEqualTo(whole);
  }

  @Property(tries = 200)
  void figuresAddUp(@ForAll("tweets") List<Tweet> tweets) {
    WrapUp w = count(tweets);
    Totals t = w.totals();
    assertThat(t.tweets()).isEqualTo(tweets.size());
    assertThat(sum(w.languages().values())).isEqualTo(t.tweets());
    assertThat(sum(w.sources().values()) + w.sourcesNotProvided()).isEqualTo(t.tweets());
    assertThat(w.accounts().stream().mapToLong(AccountCount::tweets).sum()).isEqualTo(t.tweets());
    assertThat(w.accounts()).hasSize((int) t.authors());
    assertThat(w.accounts().stream().filter(AccountCount::registered).count())
        .isEqualTo(t.registeredAuthors());
    assertThat(w.utcHours().inside() + w.utcHours().before() + w.utcHours().after())
        .isEqualTo(t.tweets());
    assertThat(sum(w.localHours())).isLessThanOrEqualTo(t.registeredTweets());
    assertThat(w.countries().values().stream().mapToLong(Tally::tweets).sum())
        .isEqualTo(t.registeredTweets());
    assertThat(w.agencyLevels().values().stream().mapToLong(Tally::activeAccounts).sum())
        .isEqualTo(t.activeAccounts());
    assertThat(w.participationModels().values().stream().mapToLong(Tally::registeredAccounts).sum())
        .isEqualTo(t.registeredAccounts());
    assertThat(w.hashtags())
        .allSatisfy(h -> assertThat(h.tweets()).isLessThanOrEqualTo(t.tweets()));
    assertThat(w.hashtags())
        .extracting(TagCount::tag)
        .noneMatch(tag -> tag.equalsIgnoreCase("PolTwt"));
    assertThat(w.compliance().tweets()).isEqualTo(t.tweets());
  }

  @Property(tries = 100)
  void complianceFiguresAreTheCheckersSummary(@ForAll("tweets") List<Tweet> tweets) {
    ComplianceSummary summary = new ComplianceSummary();
    CHECKER.checkAll(tweets.stream(), summary).forEach(r -> {});
    ComplianceCounts c = count(tweets).compliance();
    assertThat(c.tweets()).isEqualTo(summary.checked());
    assertThat(c.compliant()).isEqualTo(summary.compliant());
    assertThat(c.violations()).isEqualTo(summary.violationCounts());
    assertThat(c.theme()).isEqualTo(summary.tagged(ComplianceTag.THEME));
    assertThat(c.carryingHashtag()).isEqualTo(summary.tagged(ComplianceTag.CARRIES_HASHTAG));
    assertThat(c.carryingHashtag() + c.exemptFromHashtag() + c.violations(Code.MISSING_HASHTAG))
        .isEqualTo(c.tweets());
  }

  @Property(tries = 100)
  void aResultStaysAsItWasWhileTheAccumulatorGoesOn(
      @ForAll("tweets") List<Tweet> first, @ForAll("tweets") List<Tweet> more) {
    WrapUp.Accumulator acc = EMPTY.toAccumulator();
    first.forEach(t -> acc.add(t, CHECKER.check(t)));
    WrapUp early = acc.result();
    WrapUp.Accumulator fromEarly = early.toAccumulator();
    more.forEach(
        t -> {
          acc.add(t, CHECKER.check(t));
          fromEarly.add(t, CHECKER.check(t));
        });
    acc.addAll(early);
    List<Tweet> both = new ArrayList<>(first);
    both.addAll(more);
    assertThat(fromEarly.result()).isEqualTo(count(both));
    both.addAll(first);
    assertThat(acc.result()).isEqualTo(count(both));
    assertThat(early).isEqualTo(count(first)).hasSameHashCodeAs(count(first));
  }

  private static WrapUp count(List<Tweet> tweets) {
    WrapUp.Accumulator acc = EMPTY.toAccumulator();
    for (Tweet tweet : tweets) {
      acc.add(tweet, CHECKER.check(tweet));
    }
    return acc.result();
  }

  private static List<WrapUp> parts(List<Tweet> tweets, List<Integer> cuts) {
    List<Integer> at = new ArrayList<>();
    for (int c : cuts) {
      at.add(Math.min(c, tweets.size()));
    }
    Collections.sort(at);
    at.add(tweets.size());
    List<WrapUp> parts = new ArrayList<>();
    int from = 0;
    for (int to : at) {
      parts.add(count(tweets.subList(from, to)));
      from = to;
    }
    return parts;
  }

  /** Merges neighbours chosen at random until one is left: any grouping. */
  private static WrapUp mergeAsTree(List<WrapUp> parts, Random random) {
    List<WrapUp> left = new ArrayList<>(parts);
    while (left.size() > 1) {
      int i = random.nextInt(left.size() - 1);
      left.set(i, left.get(i).merge(left.remove(i + 1)));
    }
    return left.get(0);
  }

  private static List<Tweet> numbered(List<Tweet> tweets) {
    List<Tweet> out = new ArrayList<>(tweets.size());
    for (int i = 0; i < tweets.size(); i++) {
      Tweet t = tweets.get(i);
      out.add(
          new Tweet(
              Integer.toString(i + 1),
              t.authorId(),
              t.authorHandle(),
              t.text(),
              t.createdAt(),
              t.lang(),
              t.source(),
              t.referencedTweets(),
              t.hashtags()));
    }
    return out;
  }

  private static long sum(Iterable<Long> values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }
}

package org.poltwt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.poltwt.report.WrapUpFixtures.FIFTH;
import static org.poltwt.report.WrapUpFixtures.SPAN_END;
import static org.poltwt.report.WrapUpFixtures.SPAN_START;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.compliance.ComplianceTag;
import org.poltwt.compliance.Violation;
import org.poltwt.compliance.Violation.Code;
import org.poltwt.event.Edition;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.Window;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/** Exact counts of the thirteen tweets of {@link WrapUpFixtures}, counted by hand. */
class WrapUpTest {
  private final WrapUp wrapUp = WrapUpFixtures.wrapUp();

  @Test
  void totals() {
    assertThat(wrapUp.totals())
        .isEqualTo(
            new Totals(
                13, // tweets
                12, // originals: all but tweet 3
                1, // retweets: 3
                1, // quotes: 7
                1, // replies: 5
                6, // authors: 1001, 2002, 3003, 9999, 5005, 7777
                3, // registered authors: 1001, 2002 (by handle), 3003
                3, // unregistered: 9999, 5005 (pending registration), 7777
                9, // registered tweets: 1, 2, 3, 12 (Kiri), 4, 5 (Pago), 6, 7, 8 (Madrid)
                4, // unregistered tweets: 9, 10, 11, 13
                4, // verified registrations of edition 5
                3, // that tweeted
                1)); // SilentPD
  }

  @Test
  void compliance() {
    ComplianceCounts c = wrapUp.compliance();
    assertThat(c.tweets()).isEqualTo(13);
    // All but 8, which misses it, and the retweet 3, whose retweeted post does not carry it: 3 is
    // exempt from the rule, which does not make it carry the hashtag (this said 12 before).
    assertThat(c.carryingHashtag()).isEqualTo(11);
    assertThat(c.exemptFromHashtag()).isEqualTo(1); // 3
    assertThat(c.insideWindow()).isEqualTo(10); // all but 6, 10, 11
    assertThat(c.compliant()).isEqualTo(6); // 1, 2, 3, 4, 5, 7
    assertThat(c.nonCompliant()).isEqualTo(7);
    assertThat(c.theme()).isEqualTo(2); // 1, 4
    assertThat(c.violations())
        .containsExactly(
            entry(Code.MISSING_HASHTAG, 1L), // 8
            entry(Code.OUTSIDE_WINDOW, 3L), // 6, 10, 11
            entry(Code.UNREGISTERED_AUTHOR, 4L), // 9, 10, 11, 13
            entry(Code.TOO_LONG, 1L)); // 12
  }

  @Test
  void aRetweetCarriesTheHashtagOnlyWhenTheRetweetedPostDoes() {
    List<Registration> registrations = WrapUpFixtures.registrations();
    ComplianceChecker checker = WrapUpFixtures.checker(registrations);
    WrapUp.Accumulator acc = WrapUp.accumulator(FIFTH, registrations);
    // Both texts were cut by X before the hashtag; the hashtags are the retweeted posts'.
    Tweet carrying =
        retweet("101", "RT @someone: a long night on the harbour wi…", "a long night… #PolTwt");
    Tweet exempt = retweet("102", "RT @someone: a long night on the harbour wi…", "a long night");
    acc.add(carrying, checker.check(carrying)).add(exempt, checker.check(exempt));
    ComplianceCounts c = acc.result().compliance();
    assertThat(c.carryingHashtag()).isEqualTo(1);
    assertThat(c.exemptFromHashtag()).isEqualTo(1);
    assertThat(c.violations(Code.MISSING_HASHTAG)).isZero();
    assertThat(c.compliant()).isEqualTo(2);

    ComplianceChecker strict =
        ComplianceChecker.builder()
            .edition(FIFTH)
            .registrations(WrapUpFixtures.store(registrations))
            .retweetsMustCarryHashtag(true)
            .build();
    WrapUp.Accumulator strictAcc = WrapUp.accumulator(FIFTH, registrations);
    strictAcc.add(carrying, strict.check(carrying)).add(exempt, strict.check(exempt));
    ComplianceCounts s = strictAcc.result().compliance();
    assertThat(s.carryingHashtag()).isEqualTo(1);
    assertThat(s.exemptFromHashtag()).isZero();
    assertThat(s.violations(Code.MISSING_HASHTAG)).isEqualTo(1);
  }

  @Test
  void aResultThatBothCarriesAndMissesTheHashtagIsRefused() {
    Tweet t = WrapUpFixtures.tweets().get(0);
    ComplianceResult both =
        new ComplianceResult(
            t.id(),
            t.authorId(),
            t.authorHandle(),
            List.of(new Violation(Code.MISSING_HASHTAG, "missing")),
            Set.of(ComplianceTag.CARRIES_HASHTAG));
    assertThatThrownBy(() -> WrapUp.accumulator(FIFTH, WrapUpFixtures.registrations()).add(t, both))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both carries the hashtag and misses it");
  }

  private static Tweet retweet(String id, String cutText, String retweetedText) {
    return new Tweet(
        id,
        "1001",
        Optional.of(TwitterHandle.of("KiriPolice")),
        cutText,
        SPAN_START.plusSeconds(3_600),
        Optional.of("en"),
        Optional.empty(),
        List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "42")),
        Hashtags.extract(retweetedText));
  }

  @Test
  void anEditedPostCountsOnceAsItsLatestVersion() {
    List<Registration> registrations = WrapUpFixtures.registrations();
    ComplianceChecker checker = WrapUpFixtures.checker(registrations);
    // Version 201 said nothing of the hashtag; the edit 202 added it.
    Tweet older = version("201", "Harbour patrol tonight", "201", "202");
    Tweet latest = version("202", "Harbour patrol tonight #PolTwt #Harbour", "201", "202");
    assertThat(older.postId()).isEqualTo(latest.postId());

    WrapUp both = WrapUp.of(checker, registrations, Stream.of(older, latest));
    assertThat(both.totals().tweets()).isEqualTo(1);
    assertThat(both.olderVersions()).isEqualTo(1);
    assertThat(both.compliance().carryingHashtag()).isEqualTo(1); // as the latest version says
    assertThat(both.compliance().violations(Code.MISSING_HASHTAG)).isZero();
    assertThat(both.hashtags()).containsExactly(new TagCount("Harbour", 1));
    WrapUp.Accumulator acc = WrapUp.accumulator(FIFTH, registrations);
    acc.add(latest, checker.check(latest)).add(older, checker.check(older));
    assertThat(acc.result()).isEqualTo(both); // in either order, by either way in
    assertThat(both.toMarkdown())
        .contains(
            "| Older versions of edited posts left out (each post counts once, as its latest"
                + " version) | 1 |  |");
    assertThat(WrapUpExportTest.Csv.parse(both.toCsv().get("totals")))
        .contains(List.of("older_versions_left_out", "1", ""));

    // Only an older version that names a later one: the post is not counted, only tallied.
    WrapUp onlyOlder = WrapUp.of(checker, registrations, Stream.of(older));
    assertThat(onlyOlder.totals().tweets()).isZero();
    assertThat(onlyOlder.olderVersions()).isEqualTo(1);

    // An older version read before the edit names no later version: it is the post, as it was.
    Tweet readBeforeTheEdit = version("201", "Harbour patrol tonight", "201");
    WrapUp before = WrapUp.of(checker, registrations, Stream.of(readBeforeTheEdit));
    assertThat(before.totals().tweets()).isEqualTo(1);
    assertThat(before.olderVersions()).isZero();
    assertThat(before.compliance().violations(Code.MISSING_HASHTAG)).isEqualTo(1);
  }

  private static Tweet version(String id, String text, String... history) {
    return Tweet.builder()
        .id(id)
        .authorId("1001")
        .authorHandle(TwitterHandle.of("KiriPolice"))
        .text(text)
        .createdAt(SPAN_START.plusSeconds(3_600))
        .editHistory(List.of(history))
        .build();
  }

  @Test
  void languagesAndSourcesMostTweetsFirst() {
    assertThat(wrapUp.languages())
        .containsExactly(
            entry("en", 8L), entry("es", 3L), entry("fr", 1L), entry(WrapUp.UNKNOWN_LANGUAGE, 1L));
    assertThat(wrapUp.sources())
        .containsExactly(
            entry("Twitter Web App", 4L), // 1, 10, 12, 13
            entry("Twitter for Android", 3L), // 6, 7, 8
            entry("TweetDeck", 2L), // 4, 5
            entry("Twitter for iPhone", 2L), // 2, 3
            entry("(unknown)", 1L), // 9
            entry("Hootsuite", 1L)); // 11
  }

  @Test
  void appsTheXApiNoLongerProvidesAreNotAvailableRatherThanUnknown() throws Exception {
    // X stopped giving a post's source on 2022-12-20: a recent edition has no app figures at all.
    Edition recent =
        Edition.builder()
            .number(28)
            .date(java.time.LocalDate.of(2026, 6, 5))
            .localStart(java.time.LocalTime.of(8, 0))
            .build();
    ComplianceChecker checker =
        ComplianceChecker.builder()
            .edition(recent)
            .registrations(WrapUpFixtures.store(List.of()))
            .build();
    WrapUp.Accumulator acc = WrapUp.accumulator(recent, List.of());
    for (Tweet t :
        List.of(
            WrapUpFixtures.tweet(1, "1", "a", "#PolTwt", "2026-06-05T12:00:00Z", "en", null, null),
            WrapUpFixtures.tweet(2, "2", "b", "#PolTwt", "2026-06-05T13:00:00Z", "en", null, null),
            WrapUpFixtures.tweet(
                3, "3", "c", "#PolTwt", "2026-06-05T14:00:00Z", "en", "TweetDeck", null),
            // Before the cut-off a missing source is an unknown app, as it always was.
            WrapUpFixtures.tweet(
                4, "4", "d", "#PolTwt", "2022-12-19T23:59:59Z", "en", null, null))) {
      acc.add(t, checker.check(t));
    }
    WrapUp w = acc.result();

    assertThat(w.sourcesNotProvided()).isEqualTo(2);
    assertThat(w.sources())
        .containsExactly(entry(WrapUp.UNKNOWN_SOURCE, 1L), entry("TweetDeck", 1L));
    assertThat(w.toMarkdown())
        .contains("| Tweets whose app the X API did not provide (it stopped on 2022-12-20) | 2 |")
        .contains("for 2 of these tweets (50.0%) the app is not available");
    assertThat(w.toCsv().get("totals")).contains("sources_not_provided,2,50");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new org.poltwt.json.PoltwtModule())
                .writeValueAsString(w))
        .contains("\"sourcesNotProvided\":2");
  }

  @Test
  void tallies() {
    assertThat(wrapUp.countries())
        .containsExactly(
            entry("KI", new Tally(1, 1, 4)),
            entry("ES", new Tally(1, 1, 3)),
            entry("AS", new Tally(1, 1, 2)),
            entry("US", new Tally(1, 0, 0)));
    assertThat(wrapUp.agencyLevels())
        .containsExactly(
            entry(AgencyLevel.LOCAL, new Tally(2, 1, 2)), // PagoPagoPD, SilentPD
            entry(AgencyLevel.COUNTY, new Tally(0, 0, 0)),
            entry(AgencyLevel.STATE_OR_PROVINCE, new Tally(1, 1, 3)),
            entry(AgencyLevel.NATIONAL, new Tally(1, 1, 4)),
            entry(AgencyLevel.INTERNATIONAL, new Tally(0, 0, 0)));
    assertThat(wrapUp.participationModels())
        .containsExactly(
            entry(ParticipationModel.CALLS_FOR_SERVICE, new Tally(2, 1, 2)),
            entry(ParticipationModel.ONE_TOPIC, new Tally(1, 1, 4)),
            entry(ParticipationModel.TWEET_THE_BEAT, new Tally(1, 1, 3)));
    assertThat(wrapUp.countries().get("US").silentAccounts()).isEqualTo(1);
  }

  @Test
  void accountsMostTweetsFirstThenByHandle() {
    assertThat(wrapUp.accounts())
        .containsExactly(
            account("KiriPolice", "1001", true, 4),
            account("MadridPol", "3003", true, 3),
            account("JustACitizen", "9999", false, 2),
            account("PagoPagoPD", "2002", true, 2), // the registration's spelling, not the tweet's
            account("PendingPD", "5005", false, 1),
            new AccountCount(Optional.empty(), "7777", false, 1));
    assertThat(wrapUp.topAccounts(2))
        .extracting(AccountCount::authorId)
        .containsExactly("1001", "3003");
    assertThat(wrapUp.topAccounts(0)).isEmpty();
    assertThat(wrapUp.topAccounts(100)).hasSize(6);
    assertThatThrownBy(() -> wrapUp.topAccounts(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coOccurringHashtagsCaseInsensitivelyOncePerTweetWithoutTheEditionsOwn() {
    assertThat(wrapUp.hashtags())
        .containsExactly(
            new TagCount("Community", 3), // 2, 3, 13
            new TagCount(
                "Seguridad",
                2), // 6, and 7 which carries it twice; a tie of spellings goes to "Seguridad"
            new TagCount("TimeToUnify", 2)); // 1, and 4 as #timetounify
    assertThat(wrapUp.topHashtags(1)).containsExactly(new TagCount("Community", 3));
  }

  @Test
  void tweetsPerUtcHourOfTheGlobalSpan() {
    assertThat(wrapUp.globalSpan()).isEqualTo(new Window(SPAN_START, SPAN_END));
    HourCounts h = wrapUp.utcHours();
    assertThat(h.start()).isEqualTo(SPAN_START);
    assertThat(h.hours()).hasSize(50);
    long[] expected = new long[50];
    for (int hour : new int[] {0, 2, 3, 5, 11, 22, 23, 25, 26, 29, 30}) {
      expected[hour] = 1;
    }
    assertThat(h.hours()).containsExactly(boxed(expected));
    assertThat(h.before()).isEqualTo(1); // 11
    assertThat(h.after()).isEqualTo(1); // 10
    assertThat(h.inside()).isEqualTo(11);
    assertThat(h.hourStart(26)).isEqualTo("2015-06-05T12:00:00Z");
  }

  @Test
  void tweetsPerLocalHourOfTheAuthorsWindow() {
    long[] expected = new long[24];
    expected[0] = 2; // 1 (Kiritimati 00:30), 5 (Pago Pago 00:00)
    expected[1] = 1; // 4
    expected[2] = 1; // 2
    expected[3] = 1; // 3
    expected[5] = 1; // 12
    expected[10] = 1; // 7 (Madrid 10:00)
    expected[11] = 1; // 8; 6 was before Madrid's window, the others unregistered
    assertThat(wrapUp.localHours()).containsExactly(boxed(expected));
  }

  @Test
  void localHourZeroStartsAtTheEditionsLocalStart() {
    Edition eightAm = FIFTH.toBuilder().localStart(java.time.LocalTime.of(8, 0)).build();
    List<Registration> registrations = WrapUpFixtures.registrations();
    ComplianceChecker checker =
        ComplianceChecker.builder()
            .edition(eightAm)
            .registrations(WrapUpFixtures.store(registrations))
            .build();
    // Madrid opens at 08:00 local = 06:00Z; 09:30Z is 11:30 local, hour 3 of the window.
    Tweet t =
        WrapUpFixtures.tweet(
            1, "3003", "MadridPol", "#PolTwt", "2015-06-05T09:30:00Z", "es", null, null);
    WrapUp w = WrapUp.accumulator(eightAm, registrations).add(t, checker.check(t)).result();
    assertThat(w.localHours().get(3)).isEqualTo(1);
    assertThat(w.localHours().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
  }

  @Test
  void ofChecksAndCountsAStreamLikeTheAccumulator() {
    List<Registration> registrations = WrapUpFixtures.registrations();
    ComplianceChecker checker = WrapUpFixtures.checker(registrations);
    assertThat(WrapUp.of(checker, registrations, WrapUpFixtures.tweets().stream()))
        .isEqualTo(wrapUp);
    assertThat(WrapUp.of(checker, registrations, WrapUpFixtures.tweets().parallelStream()))
        .isEqualTo(wrapUp);
  }

  @Test
  void registrationOrderDoesNotMatter() {
    List<Registration> shuffled = new ArrayList<>(WrapUpFixtures.registrations());
    Collections.reverse(shuffled);
    ComplianceChecker checker = WrapUpFixtures.checker(shuffled);
    WrapUp w = WrapUp.of(checker, shuffled, WrapUpFixtures.tweets().stream());
    assertThat(w).isEqualTo(wrapUp).hasSameHashCodeAs(wrapUp);
  }

  @Test
  void accumulatorGoesOnFromAWrapUp() {
    List<Tweet> tweets = WrapUpFixtures.tweets();
    ComplianceChecker checker = WrapUpFixtures.checker(WrapUpFixtures.registrations());
    WrapUp.Accumulator acc = WrapUp.accumulator(FIFTH, WrapUpFixtures.registrations());
    for (Tweet t : tweets.subList(0, 5)) {
      acc.add(t, checker.check(t));
    }
    WrapUp firstFive = acc.result();
    WrapUp.Accumulator more = firstFive.toAccumulator();
    for (Tweet t : tweets.subList(5, tweets.size())) {
      more.add(t, checker.check(t));
    }
    assertThat(more.result()).isEqualTo(wrapUp);
    assertThat(firstFive.totals().tweets()).isEqualTo(5); // unchanged by going on
    assertThat(acc.result()).isEqualTo(firstFive);
  }

  @Test
  void emptyWrapUpIsTheIdentityOfMerge() {
    WrapUp empty = WrapUp.accumulator(FIFTH, WrapUpFixtures.registrations()).result();
    assertThat(empty.totals()).isEqualTo(new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 4));
    assertThat(empty.merge(wrapUp)).isEqualTo(wrapUp);
    assertThat(wrapUp.merge(empty)).isEqualTo(wrapUp);
    assertThat(empty.toMarkdown()).contains("| Tweets | 0 |");
  }

  @Test
  void mergeRefusesAnotherEditionOrOtherRegistrations() {
    List<Registration> fewer = WrapUpFixtures.registrations().subList(0, 2);
    WrapUp other = WrapUp.accumulator(FIFTH, fewer).result();
    assertThatThrownBy(() -> wrapUp.merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other registrations");
    WrapUp otherEdition =
        WrapUp.accumulator(FIFTH.toBuilder().themes().build(), WrapUpFixtures.registrations())
            .result();
    assertThatThrownBy(() -> wrapUp.merge(otherEdition))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(wrapUp).isNotEqualTo(otherEdition);
  }

  @Test
  void refusesAResultOfAnotherTweet() {
    List<Tweet> tweets = WrapUpFixtures.tweets();
    ComplianceChecker checker = WrapUpFixtures.checker(WrapUpFixtures.registrations());
    ComplianceResult second = checker.check(tweets.get(1));
    WrapUp.Accumulator acc = WrapUp.accumulator(FIFTH, WrapUpFixtures.registrations());
    assertThatThrownBy(() -> acc.add(tweets.get(0), second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("result: is the result of another tweet");
    assertThatThrownBy(() -> acc.add(null, second)).isInstanceOf(NullPointerException.class);
    assertThat(acc.result().totals().tweets()).isZero();
  }

  @Test
  void needsAnEditionWithADate() {
    assertThatThrownBy(() -> WrapUp.accumulator(Editions.dateTbd(7), List.of()))
        .isInstanceOf(InvalidEditionException.class);
  }

  @Test
  void toStringHasCountsOnly() {
    assertThat(wrapUp.toString())
        .isEqualTo(
            "WrapUp{edition=5, tweets=13, retweets=1, authors=6, "
                + "activeAccounts=3/4, compliant=6, languages=4, sources=6, hashtags=3}");
  }

  @Test
  void recordsCheckTheirCounts() {
    assertThatThrownBy(() -> new Totals(2, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("originals + retweets");
    assertThatThrownBy(() -> new Tally(1, 2, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TagCount("", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccountCount(Optional.of(TwitterHandle.of("a")), "1", true, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComplianceCounts(1, 1, 0, 1, 1, 2, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComplianceCounts(2, 1, 0, 2, 2, 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carryingHashtag + exemptFromHashtag + MISSING_HASHTAG");
    assertThat(new ComplianceCounts(2, 1, 1, 2, 2, 0, Map.of()).exemptFromHashtag()).isEqualTo(1);
    assertThat(new ComplianceCounts(0, 0, 0, 0, 0, 0, Map.of()).violations())
        .hasSize(Code.values().length);
  }

  private static AccountCount account(String handle, String id, boolean registered, long tweets) {
    return new AccountCount(Optional.of(TwitterHandle.of(handle)), id, registered, tweets);
  }

  private static Long[] boxed(long[] values) {
    Long[] out = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}

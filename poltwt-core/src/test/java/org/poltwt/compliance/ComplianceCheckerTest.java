package org.poltwt.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.compliance.ComplianceFixtures.FIFTH;
import static org.poltwt.compliance.ComplianceFixtures.KIRI;
import static org.poltwt.compliance.ComplianceFixtures.KIRITIMATI;
import static org.poltwt.compliance.ComplianceFixtures.KIRITIMATI_END;
import static org.poltwt.compliance.ComplianceFixtures.KIRITIMATI_START;
import static org.poltwt.compliance.ComplianceFixtures.KIRI_ID;
import static org.poltwt.compliance.ComplianceFixtures.MIDDAY_SHARED;
import static org.poltwt.compliance.ComplianceFixtures.OLD_HANDLE;
import static org.poltwt.compliance.ComplianceFixtures.OTHER_EDITION;
import static org.poltwt.compliance.ComplianceFixtures.PAGO;
import static org.poltwt.compliance.ComplianceFixtures.PAGO_ID;
import static org.poltwt.compliance.ComplianceFixtures.PAGO_PAGO;
import static org.poltwt.compliance.ComplianceFixtures.PAGO_PAGO_END;
import static org.poltwt.compliance.ComplianceFixtures.PAGO_PAGO_START;
import static org.poltwt.compliance.ComplianceFixtures.PENDING;
import static org.poltwt.compliance.ComplianceFixtures.RENAMED;
import static org.poltwt.compliance.ComplianceFixtures.RENAMED_ID;
import static org.poltwt.compliance.ComplianceFixtures.REVIEW;
import static org.poltwt.compliance.ComplianceFixtures.STRANGER;
import static org.poltwt.compliance.ComplianceFixtures.STRANGER_ID;
import static org.poltwt.compliance.ComplianceFixtures.WITHDRAWN;
import static org.poltwt.compliance.ComplianceFixtures.retweet;
import static org.poltwt.compliance.ComplianceFixtures.tweet;
import static org.poltwt.compliance.Violation.Code.MISSING_HASHTAG;
import static org.poltwt.compliance.Violation.Code.OUTSIDE_WINDOW;
import static org.poltwt.compliance.Violation.Code.TOO_LONG;
import static org.poltwt.compliance.Violation.Code.UNREGISTERED_AUTHOR;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.internal.text.TextScan;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.TweetLength;

class ComplianceCheckerTest {
  private static final ComplianceChecker CHECKER = ComplianceFixtures.checker();
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static List<Violation.Code> codes(ComplianceResult r) {
    return r.violations().stream().map(Violation::code).toList();
  }

  private static ComplianceResult kiri(String text) {
    return CHECKER.check(tweet(KIRI_ID, KIRI, text, MIDDAY_SHARED));
  }

  @Nested
  class Windows {
    @Test
    void fixturesAgreeWithSchedule() {
      Schedule schedule = Schedule.of(FIFTH);
      assertThat(schedule.windowIn(KIRITIMATI))
          .isEqualTo(new Window(KIRITIMATI_START, KIRITIMATI_END));
      assertThat(schedule.windowIn(PAGO_PAGO))
          .isEqualTo(new Window(PAGO_PAGO_START, PAGO_PAGO_END));
    }

    @Test
    void kiritimatiWindowIsHalfOpen() {
      assertThat(codes(at(KIRITIMATI_START.minus(SECOND)))).containsExactly(OUTSIDE_WINDOW);
      assertThat(codes(at(KIRITIMATI_START))).isEmpty();
      assertThat(codes(at(KIRITIMATI_END.minus(SECOND)))).isEmpty();
      assertThat(codes(at(KIRITIMATI_END))).containsExactly(OUTSIDE_WINDOW);
    }

    @Test
    void pagoPagoWindowIsHalfOpen() {
      assertThat(codes(pago(PAGO_PAGO_START.minus(SECOND)))).containsExactly(OUTSIDE_WINDOW);
      assertThat(codes(pago(PAGO_PAGO_START))).isEmpty();
      assertThat(codes(pago(PAGO_PAGO_END.minus(SECOND)))).isEmpty();
      assertThat(codes(pago(PAGO_PAGO_END))).containsExactly(OUTSIDE_WINDOW);
    }

    @Test
    void oneNanosecondBeforeTheEndIsInside() {
      assertThat(at(KIRITIMATI_END.minusNanos(1)).compliant()).isTrue();
    }

    @Test
    void kiritimatiAndPagoPagoDoNotOverlap() {
      // Kiritimati closes an hour before Pago Pago opens: the same instant is in one window only.
      Instant between = KIRITIMATI_END.plus(Duration.ofMinutes(30));
      assertThat(codes(at(between))).containsExactly(OUTSIDE_WINDOW);
      assertThat(codes(pago(between))).containsExactly(OUTSIDE_WINDOW);
    }

    @Test
    void reasonSaysWhichSideAndTheWindowButNotTheText() {
      ComplianceResult early = at(KIRITIMATI_START.minus(SECOND));
      ComplianceResult late = at(KIRITIMATI_END);
      assertThat(early.violations().get(0).reason())
          .isEqualTo(
              "posted before the author's window in Pacific/Kiritimati opened; it is "
                  + "[2015-06-04T10:00:00Z, 2015-06-05T10:00:00Z)");
      assertThat(late.violations().get(0).reason())
          .startsWith("posted at or after the author's window");
    }

    @Test
    void unregisteredAuthorIsHeldToTheGlobalSpan() {
      Window span = Schedule.of(FIFTH).globalSpan();
      assertThat(span.start()).isEqualTo(KIRITIMATI_START);

      assertThat(codes(stranger(span.start()))).containsExactly(UNREGISTERED_AUTHOR);
      assertThat(codes(stranger(span.end().minus(SECOND)))).containsExactly(UNREGISTERED_AUTHOR);
      assertThat(codes(stranger(span.start().minus(SECOND))))
          .containsExactly(OUTSIDE_WINDOW, UNREGISTERED_AUTHOR);
      assertThat(codes(stranger(span.end()))).containsExactly(OUTSIDE_WINDOW, UNREGISTERED_AUTHOR);
      assertThat(stranger(span.end()).violations().get(0).reason()).contains("global span");
    }

    @Test
    void anEditionWithoutADateCannotBeChecked() {
      assertThatThrownBy(() -> ComplianceChecker.builder().edition(Editions.dateTbd(7)))
          .isInstanceOfSatisfying(
              InvalidEditionException.class, e -> assertThat(e.field()).isEqualTo("date"));
      Edition cancelledUndated =
          Edition.builder().number(7).status(EditionStatus.CANCELLED).build();
      assertThatThrownBy(() -> ComplianceChecker.builder().edition(cancelledUndated))
          .isInstanceOfSatisfying(
              InvalidEditionException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    @Test
    void theElapsed24HoursPolicyIsFollowed() {
      // Edition 7 in Editions.complete: 08:00 start, 24 elapsed hours, its own hashtag.
      Edition edition = Editions.complete(7);
      ComplianceChecker checker =
          ComplianceChecker.builder()
              .edition(edition)
              .registrationLookup(
                  (e, id, h) ->
                      Optional.of(
                          Registrations.agencyBuilder(e, KIRI)
                              .zone(KIRITIMATI)
                              .status(RegistrationStatus.VERIFIED)
                              .build()))
              .build();
      Window w = Schedule.of(edition).windowIn(KIRITIMATI);
      assertThat(checker.check(tweet(KIRI_ID, KIRI, "#GlobalPolTwt", w.start())).compliant())
          .isTrue();
      assertThat(codes(checker.check(tweet(KIRI_ID, KIRI, "#GlobalPolTwt", w.end()))))
          .containsExactly(OUTSIDE_WINDOW);
      assertThat(codes(checker.check(tweet(KIRI_ID, KIRI, "#PolTwt", w.start()))))
          .containsExactly(MISSING_HASHTAG);
    }

    private ComplianceResult at(Instant t) {
      return CHECKER.check(tweet(KIRI_ID, KIRI, "#PolTwt", t));
    }

    private ComplianceResult pago(Instant t) {
      return CHECKER.check(tweet(PAGO_ID, PAGO, "#PolTwt", t));
    }

    private ComplianceResult stranger(Instant t) {
      return CHECKER.check(tweet(STRANGER_ID, STRANGER, "#PolTwt", t));
    }
  }

  @Nested
  class EventHashtag {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "#PolTwt",
          "#poltwt",
          "#POLTWT",
          "#pOlTwT",
          "\uFF03PolTwt",
          "Morning patrol #PolTwt.",
          "#PolTwt, day one",
          "(#poltwt)",
          "Two tags #TimeToUnify #PolTwt",
          "前 #PolTwt 後"
        })
    void carried(String text) {
      assertThat(codes(kiri(text))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "#poltwt2015",
          "x#poltwt",
          "https://example.com/#poltwt",
          "PolTwt",
          "# PolTwt",
          "#Pol Twt",
          "#PolTwt_",
          "@PolTwt",
          "#PolTwtX",
          "##"
        })
    void notCarried(String text) {
      assertThat(codes(kiri(text))).containsExactly(MISSING_HASHTAG);
    }

    @Test
    void reasonNamesTheHashtag() {
      assertThat(kiri("nothing").violations().get(0).reason())
          .isEqualTo("does not carry #PolTwt as a hashtag");
    }

    @Test
    void agreesWithHashtagsCarries() {
      for (String text :
          List.of("#poltwt2015", "x#poltwt", "#PolTwt", "\uFF03POLTWT", "https://t.co/#PolTwt")) {
        assertThat(kiri(text).has(MISSING_HASHTAG))
            .as(text)
            .isEqualTo(!Hashtags.carries(text, "PolTwt"));
      }
    }
  }

  @Nested
  class Themes {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "#PolTwt #TimeToUnify",
          "#timetounify #PolTwt",
          "#PolTwt #POLICÍACERCANA",
          "#PolTwt #policíacercana"
        })
    void tagged(String text) {
      ComplianceResult r = kiri(text);
      assertThat(r.tags())
          .containsExactlyInAnyOrder(ComplianceTag.THEME, ComplianceTag.CARRIES_HASHTAG);
      assertThat(r.compliant()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "#PolTwt #POL\u0130C\u00CDACERCANA",
          "#PolTwt #Polici\u0301aCercana",
          "#PolTwt #POLICI\u0301ACERCANA"
        })
    void tagsCompareAfterNormalisationAndSimpleCaseFoldingAsHashtagsCarries(String text) {
      assertThat(Hashtags.carries(text, "PolicíaCercana")).isTrue();
      assertThat(kiri(text).tags())
          .containsExactlyInAnyOrder(ComplianceTag.THEME, ComplianceTag.CARRIES_HASHTAG);
    }

    @Test
    void sharpSIsNotDoubleS() {
      ComplianceChecker street =
          ComplianceChecker.builder()
              .edition(FIFTH.toBuilder().themes("Straße").build())
              .registrations(ComplianceFixtures.store())
              .build();
      for (String text :
          List.of(
              "#PolTwt #STRASSE", "#PolTwt #strasse", "#PolTwt #STRA\u1E9EE", "#PolTwt #straße")) {
        assertThat(street.check(tweet(KIRI_ID, KIRI, text, MIDDAY_SHARED)).has(ComplianceTag.THEME))
            .as(text)
            .isEqualTo(Hashtags.carries(text, "Straße"));
      }
      assertThat(street.check(tweet(KIRI_ID, KIRI, "#PolTwt #STRASSE", MIDDAY_SHARED)).tags())
          .containsExactly(ComplianceTag.CARRIES_HASHTAG);
      assertThat(street.check(tweet(KIRI_ID, KIRI, "#PolTwt #STRA\u1E9EE", MIDDAY_SHARED)).tags())
          .containsExactlyInAnyOrder(ComplianceTag.THEME, ComplianceTag.CARRIES_HASHTAG);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "#PolTwt TimeToUnify",
          "#PolTwt https://example.com/#TimeToUnify",
          "#PolTwt #TimeToUnify2"
        })
    void notTagged(String text) {
      assertThat(kiri(text).tags()).containsExactly(ComplianceTag.CARRIES_HASHTAG);
    }

    @Test
    void aThemeWithoutTheEventHashtagIsStillMissingIt() {
      ComplianceResult r = kiri("#TimeToUnify only");
      assertThat(r.tags()).containsExactly(ComplianceTag.THEME);
      assertThat(codes(r)).containsExactly(MISSING_HASHTAG);
    }

    @Test
    void anEditionWithoutThemesTagsNoTheme() {
      ComplianceChecker plain =
          ComplianceChecker.builder()
              .edition(FIFTH.toBuilder().themes().build())
              .registrations(ComplianceFixtures.store())
              .build();
      assertThat(plain.check(tweet(KIRI_ID, KIRI, "#PolTwt #TimeToUnify", MIDDAY_SHARED)).tags())
          .containsExactly(ComplianceTag.CARRIES_HASHTAG);
    }
  }

  @Nested
  class Retweets {
    @Test
    void taggedRetweet() {
      ComplianceResult r =
          CHECKER.check(retweet(KIRI_ID, KIRI, "RT @PagoPagoPD: #PolTwt on patrol", MIDDAY_SHARED));
      assertThat(r.tags())
          .containsExactlyInAnyOrder(ComplianceTag.RETWEET, ComplianceTag.CARRIES_HASHTAG);
      assertThat(r.compliant()).isTrue();
    }

    @Test
    void retweetOfAThemeTweetHasBothTags() {
      ComplianceResult r =
          CHECKER.check(
              retweet(KIRI_ID, KIRI, "RT @PagoPagoPD: #PolTwt #TimeToUnify", MIDDAY_SHARED));
      assertThat(r.tags())
          .containsExactlyInAnyOrder(
              ComplianceTag.RETWEET, ComplianceTag.THEME, ComplianceTag.CARRIES_HASHTAG);
    }

    @Test
    void aQuoteOrReplyIsNotARetweet() {
      Tweet quote =
          Tweet.builder()
              .id("7")
              .authorId(KIRI_ID)
              .authorHandle(TwitterHandle.of(KIRI))
              .text("#PolTwt")
              .createdAt(MIDDAY_SHARED)
              .referencedTweets(
                  List.of(
                      new ReferencedTweet(ReferencedTweet.Type.QUOTED, "1"),
                      new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "2")))
              .build();
      assertThat(CHECKER.check(quote).tags()).containsExactly(ComplianceTag.CARRIES_HASHTAG);
    }

    @Test
    void retweetCarriesTheHashtagWhenTheRetweetedPostDoes() {
      // X cut the retweet's text before the hashtag; the reader gave it the retweeted post's.
      String original = "On patrol along the harbour all night with the marine unit #PolTwt";
      Tweet rt = retweetWithHashtagsOf("RT @PagoPagoPD: On patrol along the harbour…", original);
      ComplianceResult r = CHECKER.check(rt);
      assertThat(r.tags())
          .containsExactlyInAnyOrder(ComplianceTag.RETWEET, ComplianceTag.CARRIES_HASHTAG);
      assertThat(r.compliant()).isTrue();
    }

    @Test
    void retweetOfAPostWithoutTheHashtagIsExemptButDoesNotCarryIt() {
      Tweet rt =
          retweetWithHashtagsOf(
              "RT @PagoPagoPD: Road closed on Main St #traffic", "Road closed on Main St #traffic");
      ComplianceResult r = CHECKER.check(rt);
      assertThat(r.has(ComplianceTag.CARRIES_HASHTAG)).isFalse();
      assertThat(r.has(MISSING_HASHTAG)).isFalse(); // exempt by default
      assertThat(r.tags()).containsExactly(ComplianceTag.RETWEET);
    }

    private Tweet retweetWithHashtagsOf(String cutText, String retweetedText) {
      return new Tweet(
          ComplianceFixtures.nextId(),
          KIRI_ID,
          Optional.of(TwitterHandle.of(KIRI)),
          cutText,
          MIDDAY_SHARED,
          Optional.empty(),
          Optional.empty(),
          List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "42")),
          Hashtags.extract(retweetedText));
    }

    @Test
    void truncatedRetweetWithoutTheHashtagIsNotMissingIt() {
      String truncated = "RT @PagoPagoPD: " + "a".repeat(120) + "…";
      ComplianceResult r = CHECKER.check(retweet(KIRI_ID, KIRI, truncated, MIDDAY_SHARED));
      assertThat(r.compliant()).isTrue();
    }

    @Test
    void retweetIsNotCheckedForLength() {
      String longText = "RT @PagoPagoPD: #PolTwt " + "a".repeat(275);
      assertThat(TweetLength.weighted(longText)).isGreaterThan(280);
      assertThat(CHECKER.check(retweet(KIRI_ID, KIRI, longText, MIDDAY_SHARED)).compliant())
          .isTrue();
    }

    @Test
    void retweetIsCheckedForWindowAndAuthor() {
      ComplianceResult r =
          CHECKER.check(
              retweet(
                  STRANGER_ID,
                  STRANGER,
                  "RT @KiriPolice: #PolTwt",
                  KIRITIMATI_START.minus(SECOND)));
      assertThat(codes(r)).containsExactly(OUTSIDE_WINDOW, UNREGISTERED_AUTHOR);
      assertThat(r.tags())
          .containsExactlyInAnyOrder(ComplianceTag.RETWEET, ComplianceTag.CARRIES_HASHTAG);
    }

    @Test
    void optionMakesRetweetsCarryTheHashtag() {
      ComplianceChecker strict =
          ComplianceChecker.builder()
              .edition(FIFTH)
              .registrations(ComplianceFixtures.store())
              .retweetsMustCarryHashtag(true)
              .build();
      assertThat(
              codes(
                  strict.check(retweet(KIRI_ID, KIRI, "RT @PagoPagoPD: on patrol", MIDDAY_SHARED))))
          .containsExactly(MISSING_HASHTAG);
      assertThat(
              strict
                  .check(retweet(KIRI_ID, KIRI, "RT @PagoPagoPD: #PolTwt", MIDDAY_SHARED))
                  .compliant())
          .isTrue();
    }
  }

  @Nested
  class Authors {
    @ParameterizedTest
    @ValueSource(strings = {PENDING, REVIEW, WITHDRAWN, OTHER_EDITION, STRANGER})
    void notVerifiedForThisEdition(String handle) {
      ComplianceResult r = CHECKER.check(tweet("5555", handle, "#PolTwt", MIDDAY_SHARED));
      assertThat(codes(r)).containsExactly(UNREGISTERED_AUTHOR);
      assertThat(r.violations().get(0).reason())
          .isEqualTo("the author has no verified registration for edition 5");
    }

    @Test
    void handleMatchesInAnyCase() {
      assertThat(CHECKER.check(tweet("77", "pagopagopd", "#PolTwt", PAGO_PAGO_START)).compliant())
          .isTrue();
      assertThat(CHECKER.check(tweet("77", "PAGOPAGOPD", "#PolTwt", PAGO_PAGO_START)).compliant())
          .isTrue();
    }

    @Test
    void accountIdMatchesAfterTheHandleChanged() {
      ComplianceResult r = CHECKER.check(tweet(RENAMED_ID, RENAMED, "#PolTwt", MIDDAY_SHARED));
      assertThat(r.compliant()).isTrue();
    }

    @Test
    void accountIdMatchesWithoutAHandle() {
      assertThat(CHECKER.check(tweet(KIRI_ID, null, "#PolTwt", MIDDAY_SHARED)).compliant())
          .isTrue();
    }

    @Test
    void theRegisteredZoneFollowsTheAccountIdNotTheHandle() {
      // OldHandle is registered in Madrid: [2015-06-04T22:00Z, 2015-06-05T22:00Z).
      Instant lateInMadrid = Instant.parse("2015-06-05T21:59:59Z");
      assertThat(CHECKER.check(tweet(RENAMED_ID, RENAMED, "#PolTwt", lateInMadrid)).compliant())
          .isTrue();
      assertThat(
              codes(
                  CHECKER.check(tweet(RENAMED_ID, RENAMED, "#PolTwt", lateInMadrid.plus(SECOND)))))
          .containsExactly(OUTSIDE_WINDOW);
    }

    @Test
    void anotherAccountUsingARegisteredAccountsOldHandleIsNotRegistered() {
      // The registration has an account id, so only that account matches it.
      assertThat(codes(CHECKER.check(tweet("31337", OLD_HANDLE, "#PolTwt", MIDDAY_SHARED))))
          .containsExactly(UNREGISTERED_AUTHOR);
      assertThat(codes(CHECKER.check(tweet("31337", KIRI, "#PolTwt", MIDDAY_SHARED))))
          .containsExactly(UNREGISTERED_AUTHOR);
    }

    @Test
    void noHandleAndNoAccountIdMatchIsUnregistered() {
      assertThat(codes(CHECKER.check(tweet(PAGO_ID, null, "#PolTwt", PAGO_PAGO_START))))
          .containsExactly(UNREGISTERED_AUTHOR);
    }
  }

  @Nested
  class Length {
    @Test
    void twoHundredEightyOneLettersAreTooLong() {
      assertThat(codes(kiri("a".repeat(281)))).containsExactly(MISSING_HASHTAG, TOO_LONG);
      assertThat(codes(kiri("#PolTwt " + "a".repeat(273)))).containsExactly(TOO_LONG);
      assertThat(codes(kiri("#PolTwt " + "a".repeat(272)))).isEmpty();
    }

    @Test
    void cjkCountsDouble() {
      assertThat(codes(kiri("漢".repeat(141)))).containsExactly(MISSING_HASHTAG, TOO_LONG);
      assertThat(codes(kiri("漢".repeat(140)))).containsExactly(MISSING_HASHTAG);
      assertThat(codes(kiri("#PolTwt " + "漢".repeat(136)))).isEmpty();
      assertThat(codes(kiri("#PolTwt " + "漢".repeat(137)))).containsExactly(TOO_LONG);
    }

    @Test
    void theShortcutBoundIsTightForShortestUrls() {
      // a.co weighs 23 for 4 characters: 19 more than its length, the most one dot can add.
      String urls = "a.co ".repeat(11);
      String at280 = "#PolTwt " + urls + "a".repeat(8);
      String at281 = at280 + "a";
      assertThat(TweetLength.weighted(at280)).isEqualTo(280);
      assertThat(TweetLength.weighted(at281)).isEqualTo(281);
      assertThat(TextScan.certainlyFits(at280)).isTrue();
      assertThat(TextScan.certainlyFits(at281)).isFalse();
      assertThat(codes(kiri(at280))).isEmpty();
      assertThat(codes(kiri(at281))).containsExactly(TOO_LONG);
    }

    @Test
    void theShortcutWeighsLongUrlsAndLeavesLongOtherScriptsAndMarksToTheCounter() {
      // A long link is found and weighed 23, without counting the whole text.
      String longUrl = "#PolTwt https://example.com/" + "p".repeat(260);
      assertThat(TweetLength.weighted(longUrl)).isEqualTo(31);
      assertThat(TextScan.certainlyFits(longUrl)).isTrue();
      assertThat(codes(kiri(longUrl))).isEmpty();
      String overWithUrl = "#PolTwt " + "a".repeat(250) + " https://example.com/" + "p".repeat(100);
      assertThat(TweetLength.weighted(overWithUrl)).isEqualTo(282);
      assertThat(TextScan.certainlyFits(overWithUrl)).isFalse();
      assertThat(codes(kiri(overWithUrl))).containsExactly(TOO_LONG);
      // Right after an emoji, a link's start could lie inside an emoji sequence: the counter
      // decides.
      String afterEmoji = "#PolTwt 👮https://example.com/" + "p".repeat(260);
      assertThat(TextScan.certainlyFits(afterEmoji)).isFalse();
      assertThat(codes(kiri(afterEmoji))).isEmpty();
      // Other scripts weigh at most 2 a char: a short CJK or emoji tweet is certain, a long one is
      // counted.
      assertThat(TextScan.certainlyFits("#PolTwt 漢 😀")).isTrue();
      String cjk = "#PolTwt " + "漢".repeat(136);
      assertThat(TweetLength.weighted(cjk)).isEqualTo(280);
      assertThat(TextScan.certainlyFits(cjk)).isTrue();
      assertThat(TextScan.certainlyFits(cjk + "漢")).isFalse();
      assertThat(codes(kiri(cjk))).isEmpty();
      assertThat(codes(kiri(cjk + "漢"))).containsExactly(TOO_LONG);
      // Each code point is bounded by its own weight: Cyrillic weighs 1.
      String cyrillic = "#PolTwt " + "ж".repeat(272);
      assertThat(TextScan.certainlyFits(cyrillic)).isTrue();
      assertThat(TextScan.certainlyFits(cyrillic + "ж")).isFalse();
      assertThat(codes(kiri(cyrillic + "ж"))).containsExactly(TOO_LONG);
      // Emoji sequences only lower the count: five police officers weigh 10, bounded by 30.
      String officers = "#PolTwt " + "👮\u200D♀\uFE0F".repeat(5);
      assertThat(TweetLength.weighted(officers)).isEqualTo(18);
      assertThat(TextScan.certainlyFits(officers)).isTrue();
      // A combining mark is weighed in NFC: one that composes leaves a text the shortcut can
      // answer,
      // one that stays is counted, and so is a text NFC makes longer (U+0958 becomes two code
      // points).
      assertThat(TextScan.certainlyFits("#PolTwt Cafe\u0301")).isTrue();
      assertThat(TextScan.certainlyFits("#PolTwt x\u0323\u0301")).isFalse();
      String qa = "#PolTwt " + "\u0958".repeat(137);
      assertThat(TweetLength.weighted(qa)).isEqualTo(8 + 2 * 137);
      assertThat(TextScan.certainlyFits(qa)).isFalse();
      assertThat(codes(kiri(qa))).containsExactly(TOO_LONG);
      assertThat(TextScan.certainlyFits("#PolTwt “Señor” – … ©")).isTrue();
    }

    @Test
    void reasonGivesTheLengthNotTheText() {
      Violation v = kiri("#PolTwt " + "a".repeat(300)).violations().get(0);
      assertThat(v.reason()).isEqualTo("is 308 weighted characters long, over the limit of 280");
    }
  }

  @Nested
  class Results {
    @Test
    void carriesTheTweetsIdsAndAllViolationsInCodeOrder() {
      Tweet t = tweet(STRANGER_ID, STRANGER, "a".repeat(300), KIRITIMATI_START.minus(SECOND));
      ComplianceResult r = CHECKER.check(t);
      assertThat(r.tweetId()).isEqualTo(t.id());
      assertThat(r.authorId()).isEqualTo(STRANGER_ID);
      assertThat(r.authorHandle()).contains(TwitterHandle.of(STRANGER));
      assertThat(codes(r))
          .containsExactly(MISSING_HASHTAG, OUTSIDE_WINDOW, UNREGISTERED_AUTHOR, TOO_LONG);
      assertThat(r.compliant()).isFalse();
      assertThat(r.has(TOO_LONG)).isTrue();
      assertThat(r.has(ComplianceTag.THEME)).isFalse();
    }

    @Test
    void neverQuotesTheText() {
      String personal = "jane.doe@example.com 07700 900123 12 Acacia Avenue";
      Tweet t =
          tweet(
              STRANGER_ID,
              STRANGER,
              personal + " " + "x".repeat(300),
              KIRITIMATI_END.plus(Duration.ofDays(2)));
      ComplianceResult r = CHECKER.check(t);
      assertThat(r.violations()).hasSize(4);
      assertThat(r.toString()).doesNotContain("jane", "07700", "Acacia", "xxxx");
      for (Violation v : r.violations()) {
        assertThat(v.reason()).doesNotContain("jane", "07700", "Acacia", "xxxx");
      }
    }

    @Test
    void compliantResultsShareTheirListsAndSets() {
      ComplianceResult a = kiri("#PolTwt");
      ComplianceResult b = CHECKER.check(tweet(PAGO_ID, PAGO, "#PolTwt", PAGO_PAGO_START));
      assertThat(a.violations()).isSameAs(b.violations()).isEmpty();
      assertThat(a.tags()).isSameAs(b.tags()).containsExactly(ComplianceTag.CARRIES_HASHTAG);
      ComplianceResult c = kiri("#PolTwt #TimeToUnify");
      ComplianceResult d = kiri("#PolTwt #TimeToUnify tomorrow");
      assertThat(c.tags()).isSameAs(d.tags());
      ComplianceResult e =
          CHECKER.check(retweet(KIRI_ID, KIRI, "RT @PagoPagoPD: #PolTwt", MIDDAY_SHARED));
      ComplianceResult f =
          CHECKER.check(retweet(PAGO_ID, PAGO, "RT @KiriPolice: #PolTwt", PAGO_PAGO_START));
      assertThat(e.tags()).isSameAs(f.tags());
    }

    @Test
    void sharedViolationsAreReused() {
      ComplianceResult a = CHECKER.check(tweet(STRANGER_ID, STRANGER, "no tag", MIDDAY_SHARED));
      ComplianceResult b = CHECKER.check(tweet("4", "Someone", "still none", MIDDAY_SHARED));
      assertThat(a.violations().get(0)).isSameAs(b.violations().get(0));
      assertThat(a.violations().get(1)).isSameAs(b.violations().get(1));
    }

    @Test
    void resultValidatesItsParts() {
      Violation missing = new Violation(MISSING_HASHTAG, "no tag");
      Violation late = new Violation(OUTSIDE_WINDOW, "late");
      assertThatThrownBy(
              () ->
                  new ComplianceResult(
                      "1", "2", Optional.empty(), List.of(late, missing), Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("code order");
      assertThatThrownBy(
              () -> new ComplianceResult("1", "2", Optional.empty(), List.of(late, late), Set.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> new ComplianceResult("x1", "2", Optional.empty(), List.of(), Set.of()))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tweetId"));
      assertThatThrownBy(() -> new ComplianceResult("1", "2", Optional.empty(), null, Set.of()))
          .isInstanceOf(NullPointerException.class);
      List<Violation> mutable = new ArrayList<>(List.of(missing, late));
      ComplianceResult r = new ComplianceResult("1", "2", Optional.empty(), mutable, Set.of());
      mutable.clear();
      assertThat(r.violations()).containsExactly(missing, late);
      assertThat(r.compliant()).isFalse();
    }

    @Test
    void violationValidatesItsParts() {
      assertThatThrownBy(() -> new Violation(null, "x")).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new Violation(TOO_LONG, " "))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(new Violation(TOO_LONG, "too long")).hasToString("TOO_LONG: too long");
    }
  }

  @Nested
  class Snapshot {
    @Test
    void readsEveryPageOfVerifiedRegistrationsOnceAndNeverAgain() {
      InMemoryRegistrationStore store = new InMemoryRegistrationStore();
      int verified = ComplianceChecker.PAGE_SIZE * 2 + 345;
      for (int i = 0; i < verified; i++) {
        store.insert(
            ComplianceFixtures.verified("p_" + i, i % 2 == 0 ? KIRITIMATI : PAGO_PAGO, null));
        if (i % 10 == 0) {
          store.insert(Registrations.agencyBuilder(ComplianceFixtures.EDITION, "u_" + i).build());
        }
      }
      CountingStore counting = new CountingStore(store);
      ComplianceChecker checker =
          ComplianceChecker.builder().edition(FIFTH).registrations(counting.store).build();
      assertThat(counting.calls.get()).isEqualTo(3);

      Instant inSpan = Instant.parse("2015-06-05T09:30:00Z");
      for (int i : new int[] {0, 1, 999, 1000, 1001, 1999, 2000, verified - 1}) {
        Instant at = i % 2 == 0 ? KIRITIMATI_START : PAGO_PAGO_START;
        assertThat(checker.check(tweet("1", "p_" + i, "#PolTwt", at)).compliant())
            .as("p_%d", i)
            .isTrue();
      }
      assertThat(codes(checker.check(tweet("1", "u_10", "#PolTwt", inSpan))))
          .containsExactly(UNREGISTERED_AUTHOR);
      assertThat(codes(checker.check(tweet("1", "p_" + verified, "#PolTwt", inSpan))))
          .containsExactly(UNREGISTERED_AUTHOR);
      assertThat(counting.calls.get()).isEqualTo(3);
    }

    @Test
    void anExactMultipleOfThePageSizeEndsWithAnEmptyPage() {
      InMemoryRegistrationStore store = new InMemoryRegistrationStore();
      for (int i = 0; i < ComplianceChecker.PAGE_SIZE; i++) {
        store.insert(ComplianceFixtures.verified("p_" + i, KIRITIMATI, null));
      }
      CountingStore counting = new CountingStore(store);
      ComplianceChecker checker =
          ComplianceChecker.builder().edition(FIFTH).registrations(counting.store).build();
      assertThat(counting.calls.get()).isEqualTo(2);
      assertThat(checker.check(tweet("1", "p_999", "#PolTwt", KIRITIMATI_START)).compliant())
          .isTrue();
    }

    @Test
    void laterChangesAreNotSeenUntilANewCheckerIsBuilt() {
      InMemoryRegistrationStore store = ComplianceFixtures.store();
      ComplianceChecker before =
          ComplianceChecker.builder().edition(FIFTH).registrations(store).build();
      Registration pending = store.findByHandle(5, TwitterHandle.of(PENDING)).orElseThrow();
      store.update(pending.withStatus(RegistrationStatus.VERIFIED, Registrations.at(60)));

      Tweet t = tweet("5555", PENDING, "#PolTwt", MIDDAY_SHARED);
      assertThat(codes(before.check(t))).containsExactly(UNREGISTERED_AUTHOR);
      ComplianceChecker after =
          ComplianceChecker.builder().edition(FIFTH).registrations(store).build();
      assertThat(after.check(t).compliant()).isTrue();
    }

    @Test
    void anErasedVerifiedRegistrationStillCounts() {
      InMemoryRegistrationStore store = ComplianceFixtures.store();
      Registration kiri = store.findByHandle(5, TwitterHandle.of(KIRI)).orElseThrow();
      store.erase(kiri.id(), Registrations.at(60));
      ComplianceChecker checker =
          ComplianceChecker.builder().edition(FIFTH).registrations(store).build();
      assertThat(checker.check(tweet(KIRI_ID, KIRI, "#PolTwt", MIDDAY_SHARED)).compliant())
          .isTrue();
    }
  }

  @Nested
  class Lookup {
    private final List<Registration> all = ComplianceFixtures.registrations();
    private final AtomicInteger calls = new AtomicInteger();
    private final ComplianceChecker checker =
        ComplianceChecker.builder()
            .edition(FIFTH)
            .registrationLookup(
                (edition, authorId, handle) -> {
                  calls.incrementAndGet();
                  assertThat(edition).isEqualTo(5);
                  // Deliberately sloppy: any edition, any status, by handle only; the checker must
                  // filter.
                  return all.stream()
                      .filter(r -> handle.isPresent() && r.handle().equals(handle.get()))
                      .findFirst();
                })
            .build();

    @Test
    void isCalledPerTweetAndItsAnswerIsChecked() {
      assertThat(checker.check(tweet("77", PAGO, "#PolTwt", PAGO_PAGO_START)).compliant()).isTrue();
      assertThat(codes(checker.check(tweet("77", PAGO, "#PolTwt", PAGO_PAGO_END))))
          .containsExactly(OUTSIDE_WINDOW);
      for (String h : List.of(PENDING, REVIEW, WITHDRAWN, OTHER_EDITION, STRANGER)) {
        assertThat(codes(checker.check(tweet("5555", h, "#PolTwt", MIDDAY_SHARED))))
            .as(h)
            .containsExactly(UNREGISTERED_AUTHOR);
      }
      assertThat(calls.get()).isEqualTo(7);
    }

    @Test
    void aRegistrationWithAnAccountIdMatchesThatAccountOnly() {
      assertThat(codes(checker.check(tweet("31337", KIRI, "#PolTwt", MIDDAY_SHARED))))
          .containsExactly(UNREGISTERED_AUTHOR);
      assertThat(checker.check(tweet(KIRI_ID, KIRI, "#PolTwt", MIDDAY_SHARED)).compliant())
          .isTrue();
    }

    @Test
    void aNullAnswerIsAProgrammingError() {
      ComplianceChecker broken =
          ComplianceChecker.builder().edition(FIFTH).registrationLookup((e, i, h) -> null).build();
      assertThatThrownBy(() -> broken.check(tweet(KIRI_ID, KIRI, "#PolTwt", MIDDAY_SHARED)))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("registrationLookup");
    }
  }

  @Nested
  class Building {
    @Test
    void needsAnEditionAndExactlyOneSourceOfRegistrations() {
      assertThatThrownBy(
              () -> ComplianceChecker.builder().registrations(ComplianceFixtures.store()).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("edition:");
      assertThatThrownBy(() -> ComplianceChecker.builder().edition(FIFTH).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("registrations:");
      assertThatThrownBy(
              () ->
                  ComplianceChecker.builder()
                      .edition(FIFTH)
                      .registrations(ComplianceFixtures.store())
                      .registrationLookup((e, i, h) -> Optional.empty())
                      .build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not both");
    }

    @Test
    void settersRejectNull() {
      assertThatThrownBy(() -> ComplianceChecker.builder().edition(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ComplianceChecker.builder().registrations(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ComplianceChecker.builder().registrationLookup(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> CHECKER.check(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void exposesItsEdition() {
      assertThat(CHECKER.edition()).isSameAs(FIFTH);
    }

    @Test
    void aCancelledEditionWithADateCanStillBeChecked() {
      Edition cancelled = FIFTH.toBuilder().status(EditionStatus.CANCELLED).build();
      ComplianceChecker checker =
          ComplianceChecker.builder()
              .edition(cancelled)
              .registrations(ComplianceFixtures.store())
              .build();
      assertThat(checker.check(tweet(KIRI_ID, KIRI, "#PolTwt", MIDDAY_SHARED)).compliant())
          .isTrue();
    }
  }

  /** Delegates to a store and counts calls to every method, whatever methods the SPI has. */
  private static final class CountingStore {
    final AtomicInteger calls = new AtomicInteger();
    final RegistrationStore store;

    CountingStore(RegistrationStore delegate) {
      InvocationHandler handler =
          (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
              calls.incrementAndGet();
            }
            try {
              return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      this.store =
          (RegistrationStore)
              Proxy.newProxyInstance(
                  RegistrationStore.class.getClassLoader(),
                  new Class<?>[] {RegistrationStore.class},
                  handler);
    }
  }
}

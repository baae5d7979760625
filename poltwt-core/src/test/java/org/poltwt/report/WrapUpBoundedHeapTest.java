package org.poltwt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.report.WrapUpFixtures.FIFTH;
import static org.poltwt.report.WrapUpFixtures.SPAN_START;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * A generated edition of 200,000 tweets by 2,000 accounts, made one at a time and never held,
 * summarised in a small heap: the poltwt-core POM runs this class alone in its own JVM with {@code
 * -Xmx64m}, where the tweets themselves (some 100 MB) could not all fit. It also checks that the
 * live heap after the last tweet is about what it was after the first quarter.
 */
class WrapUpBoundedHeapTest {
  private static final int TWEETS = 200_000;
  private static final int AUTHORS = 2_000;
  private static final int REGISTERED = 600;
  private static final int SILENT = 50;
  private static final int TAGS = 300;
  private static final long MB = 1024 * 1024;
  private static final List<String> ZONES =
      List.of(
          "Pacific/Kiritimati",
          "Pacific/Auckland",
          "Australia/Sydney",
          "Asia/Tokyo",
          "Asia/Shanghai",
          "Asia/Kolkata",
          "Asia/Kathmandu",
          "Asia/Dubai",
          "Europe/Moscow",
          "Africa/Nairobi",
          "Europe/Madrid",
          "Europe/London",
          "Atlantic/Azores",
          "America/Sao_Paulo",
          "America/New_York",
          "America/Chicago",
          "America/Denver",
          "America/Los_Angeles",
          "America/Anchorage",
          "Pacific/Honolulu",
          "Pacific/Pago_Pago");
  private static final List<String> COUNTRIES =
      List.of(
          "KI", "NZ", "AU", "JP", "CN", "IN", "NP", "AE", "RU", "KE", "ES", "GB", "PT", "BR", "US",
          "US", "US", "US", "US", "US", "AS");
  private static final List<String> LANGS =
      List.of(
          "en", "es", "fr", "de", "it", "pt", "nl", "sv", "no", "da", "fi", "pl", "cs", "hu", "ro",
          "el", "tr", "ru", "ja", "ko", "zh", "ar", "und");
  private static final List<String> SOURCES =
      List.of(
          "Twitter Web App",
          "Twitter for iPhone",
          "Twitter for Android",
          "TweetDeck",
          "Hootsuite Inc.",
          "Sprout Social, Inc.",
          "The \"Best\" App",
          "Multi\nLine",
          "Buffer");

  @Test
  void summarisesAWholeEditionWithoutHoldingItsTweets(TestReporter reporter) {
    List<Registration> registrations = registrations();
    ComplianceChecker checker = WrapUpFixtures.checker(registrations);
    WrapUp.Accumulator acc = WrapUp.accumulator(FIFTH, registrations);

    long started = System.nanoTime();
    tweets(0, TWEETS / 4).forEach(t -> acc.add(t, checker.check(t)));
    long quarter = liveHeap();
    tweets(TWEETS / 4, TWEETS).forEach(t -> acc.add(t, checker.check(t)));
    WrapUp wrapUp = acc.result();
    long millis = (System.nanoTime() - started) / 1_000_000;
    long whole = liveHeap();

    expectFigures(wrapUp);
    assertThat(WrapUp.of(checker, registrations, tweets(0, TWEETS).parallel())).isEqualTo(wrapUp);
    assertThat(wrapUp.toMarkdown()).contains("| Tweets | 200,000 |");
    assertThat(wrapUp.toCsv().get("hashtags")).contains("TimeToUnify");

    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    String figures =
        String.format(
            Locale.ROOT,
            "200,000 tweets in %d ms; heap: max %d MB, live after 50,000 tweets"
                + " %.1f MB, after 200,000 %.1f MB, peak of heap pools %.1f MB",
            millis,
            Runtime.getRuntime().maxMemory() / MB,
            quarter / (double) MB,
            whole / (double) MB,
            peak / (double) MB);
    reporter.publishEntry("heap", figures);
    System.out.println("WrapUpBoundedHeapTest: " + figures);
    // Holding even the tweet ids of the last 150,000 tweets would add over 8 MB.
    assertThat(whole - quarter)
        .as("live heap growth from 50,000 to 200,000 tweets")
        .isLessThan(8 * MB);
  }

  private static void expectFigures(WrapUp w) {
    long retweets = 0;
    long quotes = 0;
    long replies = 0;
    long theme = 0;
    long missing = 0;
    long exempt = 0;
    long unknownSource = 0;
    long[] langs = new long[LANGS.size()];
    for (int i = 0; i < TWEETS; i++) {
      if (i % 5 == 0) {
        retweets++;
        exempt += i % 17 == 0 ? 1 : 0; // a retweet is not required to carry the hashtag
      } else {
        if (i % 11 == 1) {
          quotes++;
        } else if (i % 13 == 2) {
          replies++;
        }
        missing += i % 17 == 0 ? 1 : 0;
      }
      theme += i % 4 == 0 ? 1 : 0;
      unknownSource += i % 100 == 0 ? 1 : 0;
      langs[i % LANGS.size()]++;
    }
    Totals t = w.totals();
    assertThat(t.tweets()).isEqualTo(TWEETS);
    assertThat(t.retweets()).isEqualTo(retweets).isEqualTo(40_000);
    assertThat(t.quotes()).isEqualTo(quotes);
    assertThat(t.replies()).isEqualTo(replies);
    assertThat(t.authors()).isEqualTo(AUTHORS);
    assertThat(t.registeredAuthors()).isEqualTo(REGISTERED);
    assertThat(t.registeredTweets()).isEqualTo((long) TWEETS * REGISTERED / AUTHORS);
    assertThat(t.registeredAccounts()).isEqualTo(REGISTERED + SILENT);
    assertThat(t.activeAccounts()).isEqualTo(REGISTERED);
    assertThat(t.silentAccounts()).isEqualTo(SILENT);
    assertThat(w.compliance().theme()).isEqualTo(theme).isEqualTo(50_000);
    assertThat(w.compliance().carryingHashtag()).isEqualTo(TWEETS - missing - exempt);
    assertThat(w.compliance().exemptFromHashtag()).isEqualTo(exempt).isPositive();
    assertThat(w.sources().get(WrapUp.UNKNOWN_SOURCE)).isEqualTo(unknownSource);
    assertThat(w.sources()).hasSize(SOURCES.size() + 1);
    for (int l = 0; l < LANGS.size(); l++) {
      assertThat(w.languages().get(LANGS.get(l))).isEqualTo(langs[l]);
    }
    assertThat(w.hashtags()).hasSize(TAGS + 1);
    assertThat(w.hashtags().get(0)).isEqualTo(new TagCount("TimeToUnify", 50_000));
    assertThat(w.accounts()).allSatisfy(a -> assertThat(a.tweets()).isEqualTo(TWEETS / AUTHORS));
    assertThat(w.utcHours().inside() + w.utcHours().before() + w.utcHours().after())
        .isEqualTo(TWEETS);
    assertThat(w.utcHours().before()).isPositive();
    assertThat(w.utcHours().after()).isPositive();
    assertThat(w.localHours()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(w.countries().get("US").registeredAccounts()).isPositive();
  }

  /**
   * 600 accounts that tweet (even ones matched by account id, odd ones by handle) and 50 that stay
   * silent.
   */
  private static List<Registration> registrations() {
    List<Registration> out = new ArrayList<>();
    for (int k = 0; k < REGISTERED + SILENT; k++) {
      Registration.Builder b =
          Registrations.agencyBuilder(FIFTH.number(), "Agency" + k)
              .status(RegistrationStatus.VERIFIED)
              .zone(ZoneId.of(ZONES.get(k % ZONES.size())))
              .country(COUNTRIES.get(k % COUNTRIES.size()))
              .agencyLevel(AgencyLevel.values()[k % AgencyLevel.values().length])
              .participationModel(
                  ParticipationModel.values()[k % ParticipationModel.values().length]);
      if (k % 2 == 0) {
        b.accountId(Long.toString(100_000 + k));
      }
      out.add(b.build());
    }
    return out;
  }

  /** Tweets {@code from} to {@code to}, each made when the stream pulls it. */
  private static Stream<Tweet> tweets(int from, int to) {
    return IntStream.range(from, to).mapToObj(WrapUpBoundedHeapTest::tweet);
  }

  private static Tweet tweet(int i) {
    int a = (int) ((i * 7_919L) % AUTHORS); // every author, each TWEETS / AUTHORS times
    String authorId;
    String handle;
    if (a < REGISTERED) {
      authorId = Long.toString(100_000 + a);
      handle = i % 3 == 0 ? ("Agency" + a).toUpperCase(Locale.ROOT) : "Agency" + a;
    } else {
      authorId = Long.toString(200_000 + a);
      handle = a % 10 == 0 ? null : "Fan" + a;
    }
    ReferencedTweet.Type ref =
        i % 5 == 0
            ? ReferencedTweet.Type.RETWEETED
            : i % 11 == 1
                ? ReferencedTweet.Type.QUOTED
                : i % 13 == 2 ? ReferencedTweet.Type.REPLIED_TO : null;
    String text =
        "Update "
            + i
            + (i % 17 == 0 ? "" : " #PolTwt")
            + " #Tag"
            + (i % TAGS)
            + (i % 4 == 0 ? " #TimeToUnify" : "");
    Tweet.Builder b =
        Tweet.builder()
            .id(Long.toString(1_000_000L + i))
            .authorId(authorId)
            .authorHandle(handle == null ? null : TwitterHandle.of(handle))
            .text(text)
            .createdAt(SPAN_START.minusSeconds(2 * 3_600).plusSeconds((i * 7_777L) % (54 * 3_600)))
            .lang(LANGS.get(i % LANGS.size()))
            .source(i % 100 == 0 ? null : SOURCES.get(i % SOURCES.size()));
    if (ref != null) {
      b.referencedTweets(List.of(new ReferencedTweet(ref, "42")));
    }
    return b.build();
  }

  /** The heap in use after a full collection, as near as the JVM tells. */
  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}

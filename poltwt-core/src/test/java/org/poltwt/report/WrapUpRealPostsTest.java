package org.poltwt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.Violation;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.RealTweets;
import org.poltwt.tweet.io.TweetReader;

/**
 * Every figure of the wrap-up on real posts: the twarc-csv corpus (633 posts X gave, 2010 to 2023)
 * read through {@link TweetReader} and wrapped up as an edition of {@code #Brexit} on the day the
 * corpus's Brexit page was recorded, with {@code #kpop} as its theme and one registered author.
 * Each figure is compared with a count made here from a Jackson tree of the same files ({@link
 * RealTweets#expected}), by what the figure's label says it counts, never through the code under
 * test.
 */
class WrapUpRealPostsTest {
  private static final String TAG = "Brexit";
  private static final String THEME = "kpop";
  private static final Edition EDITION =
      Edition.builder()
          .number(9)
          .hashtag(TAG)
          .themes(THEME)
          .date(LocalDate.of(2021, 9, 22))
          .build();

  private static List<RealTweets.Expected> posts;
  private static int olderVersions;
  private static String registeredId;
  private static WrapUp wrapUp;

  @BeforeAll
  static void wrapUpTheCorpus() {
    List<RealTweets.Expected> all = new ArrayList<>();
    for (String file : files()) {
      all.addAll(RealTweets.expected(file));
    }
    // What the wrap-up counts: the latest version of each post. An older one names a later id.
    posts = new ArrayList<>();
    for (RealTweets.Expected e : all) {
      JsonNode history = e.node().path("edit_history_tweet_ids");
      if (history.size() > 1 && !history.get(history.size() - 1).asText().equals(e.id())) {
        olderVersions++;
      } else {
        posts.add(e);
      }
    }
    // The Brexit page's first author registers, by handle, in UTC.
    RealTweets.Expected first =
        all.stream().filter(e -> e.file().endsWith("brexit.jsonl")).findFirst().orElseThrow();
    registeredId = first.authorId();
    Registration registration =
        Registrations.agencyBuilder(EDITION.number(), first.username())
            .status(RegistrationStatus.VERIFIED)
            .zone(ZoneOffset.UTC)
            .build();
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    store.insert(registration);
    ComplianceChecker checker =
        ComplianceChecker.builder().edition(EDITION).registrations(store).build();
    List<Tweet> read = new ArrayList<>();
    for (String file : files()) {
      try (TweetReader r = TweetReader.of(RealTweets.open(file))) {
        r.forEachRemaining(read::add);
      }
    }
    wrapUp = WrapUp.of(checker, List.of(registration), read.stream());
  }

  private static List<String> files() {
    return RealTweets.files("twarc-csv").stream()
        .filter(f -> !f.equals(RealTweets.CUT_OFF))
        .collect(Collectors.toList());
  }

  private static boolean retweet(RealTweets.Expected e) {
    return !e.original();
  }

  private static boolean refers(RealTweets.Expected e, String type) {
    return e.references().stream().anyMatch(r -> r.startsWith(type + ":"));
  }

  /** Its own hashtag entities (a retweet's: the retweeted post's) hold the tag, in any case. */
  private static boolean carries(RealTweets.Expected e, String tag) {
    return e.hashtags().stream().anyMatch(h -> h.equalsIgnoreCase(tag));
  }

  private static long count(java.util.function.Predicate<RealTweets.Expected> p) {
    return posts.stream().filter(p).count();
  }

  private static Instant createdAt(RealTweets.Expected e) {
    return Instant.parse(e.node().path("created_at").asText());
  }

  @Test
  void theCorpusHasSomethingInEveryFigure() {
    assertThat(posts).hasSize(RealTweets.REAL_TWEETS_READ - 7 - olderVersions);
    assertThat(olderVersions).isEqualTo(1);
    assertThat(count(e -> carries(e, TAG))).isPositive();
    assertThat(count(e -> retweet(e) && !carries(e, TAG))).isPositive();
    assertThat(count(e -> carries(e, THEME))).isPositive();
  }

  @Test
  void tweetsOriginalsRetweetsQuotesReplies() {
    Totals t = wrapUp.totals();
    assertThat(t.tweets()).as("tweets").isEqualTo(posts.size());
    assertThat(t.retweets()).as("retweets").isEqualTo(count(e -> refers(e, "retweeted")));
    assertThat(t.originals()).as("originals").isEqualTo(count(e -> !refers(e, "retweeted")));
    assertThat(t.quotes()).as("quotes").isEqualTo(count(e -> refers(e, "quoted")));
    assertThat(t.replies()).as("replies").isEqualTo(count(e -> refers(e, "replied_to")));
    assertThat(wrapUp.olderVersions()).as("older versions").isEqualTo(olderVersions);
  }

  @Test
  void authorsAndRegistration() {
    Totals t = wrapUp.totals();
    Set<String> authors =
        posts.stream().map(RealTweets.Expected::authorId).collect(Collectors.toSet());
    long registeredTweets = count(e -> e.authorId().equals(registeredId));
    assertThat(t.authors()).as("authors").isEqualTo(authors.size());
    assertThat(t.registeredAuthors()).as("registered authors").isEqualTo(1);
    assertThat(t.unregisteredAuthors()).isEqualTo(authors.size() - 1);
    assertThat(t.registeredTweets()).as("registered tweets").isEqualTo(registeredTweets);
    assertThat(t.unregisteredTweets()).isEqualTo(posts.size() - registeredTweets);
    assertThat(t.registeredAccounts()).isEqualTo(1);
    assertThat(t.activeAccounts()).isEqualTo(1);
    assertThat(t.silentAccounts()).isZero();
  }

  @Test
  void tweetsPerAccount() {
    Map<String, Long> expected =
        posts.stream()
            .collect(Collectors.groupingBy(RealTweets.Expected::authorId, Collectors.counting()));
    Map<String, Long> actual = new HashMap<>();
    for (AccountCount a : wrapUp.accounts()) {
      actual.put(a.authorId(), a.tweets());
    }
    assertThat(actual).isEqualTo(expected);
    Map<String, String> handles = new HashMap<>();
    posts.forEach(e -> handles.put(e.authorId(), e.username()));
    for (AccountCount a : wrapUp.accounts()) {
      assertThat(a.handle().map(h -> h.value()).orElse(null))
          .as(a.authorId())
          .isEqualTo(handles.get(a.authorId()));
      assertThat(a.registered()).as(a.authorId()).isEqualTo(a.authorId().equals(registeredId));
    }
  }

  @Test
  void theHashtagFigures() {
    ComplianceCounts c = wrapUp.compliance();
    long carrying = count(e -> carries(e, TAG));
    long exempt = count(e -> retweet(e) && !carries(e, TAG));
    long missing = count(e -> !retweet(e) && !carries(e, TAG));
    assertThat(c.tweets()).isEqualTo(posts.size());
    assertThat(c.carryingHashtag()).as("carries #Brexit as a hashtag").isEqualTo(carrying);
    assertThat(c.exemptFromHashtag()).as("retweets exempt from the hashtag").isEqualTo(exempt);
    assertThat(c.violations(Violation.Code.MISSING_HASHTAG)).as("missing").isEqualTo(missing);
    assertThat(c.theme()).as("carries the theme #kpop").isEqualTo(count(e -> carries(e, THEME)));
  }

  @Test
  void hashtagsBesideTheEditionsOwn() {
    Map<String, Long> expected = new TreeMap<>();
    for (RealTweets.Expected e : posts) {
      Set<String> distinct = new HashSet<>();
      for (String h : e.hashtags()) {
        distinct.add(h.toLowerCase(Locale.ROOT));
      }
      distinct.remove(TAG.toLowerCase(Locale.ROOT));
      distinct.forEach(h -> expected.merge(h, 1L, Long::sum));
    }
    Map<String, Long> actual = new TreeMap<>();
    for (TagCount t : wrapUp.hashtags()) {
      actual.merge(t.tag().toLowerCase(Locale.ROOT), t.tweets(), Long::sum);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void windowsAuthorsAndLength() {
    ComplianceCounts c = wrapUp.compliance();
    Window span = Schedule.of(EDITION).globalSpan();
    Window utc = Schedule.of(EDITION).windowIn(ZoneOffset.UTC);
    long inside =
        count(
            e -> {
              Window w = e.authorId().equals(registeredId) ? utc : span;
              Instant at = createdAt(e);
              return !at.isBefore(w.start()) && at.isBefore(w.end());
            });
    assertThat(c.insideWindow()).as("inside the author's window").isEqualTo(inside);
    assertThat(c.violations(Violation.Code.OUTSIDE_WINDOW)).isEqualTo(posts.size() - inside);
    assertThat(c.violations(Violation.Code.UNREGISTERED_AUTHOR))
        .as("unregistered author")
        .isEqualTo(count(e -> !e.authorId().equals(registeredId)));
    // X published every one of them, and none is a long post: none is over X's limit.
    assertThat(c.violations(Violation.Code.TOO_LONG)).as("too long").isZero();
    long compliant =
        count(
            e ->
                e.authorId().equals(registeredId)
                    && (retweet(e) || carries(e, TAG))
                    && !createdAt(e).isBefore(utc.start())
                    && createdAt(e).isBefore(utc.end()));
    assertThat(c.compliant()).as("compliant").isEqualTo(compliant);
    assertThat(compliant).isPositive();
  }

  @Test
  void languagesAndApps() {
    Map<String, Long> languages =
        posts.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.node().path("lang").asText(WrapUp.UNKNOWN_LANGUAGE),
                    Collectors.counting()));
    assertThat(wrapUp.languages()).isEqualTo(languages);
    Map<String, Long> apps = new HashMap<>();
    long notProvided = 0;
    for (RealTweets.Expected e : posts) {
      JsonNode source = e.node().get("source");
      if (source != null) {
        apps.merge(source.asText(), 1L, Long::sum);
      } else if (createdAt(e).isBefore(Instant.parse("2022-12-20T00:00:00Z"))) {
        apps.merge(WrapUp.UNKNOWN_SOURCE, 1L, Long::sum);
      } else {
        notProvided++;
      }
    }
    assertThat(wrapUp.sources()).as("apps").isEqualTo(apps);
    assertThat(wrapUp.sourcesNotProvided())
        .as("apps not provided by the X API")
        .isEqualTo(notProvided);
    assertThat(notProvided).isPositive();
  }

  @Test
  void hours() {
    Window span = Schedule.of(EDITION).globalSpan();
    long before = count(e -> createdAt(e).isBefore(span.start()));
    long after = count(e -> !createdAt(e).isBefore(span.end()));
    long[] utc = new long[(int) Duration.between(span.start(), span.end()).toHours()];
    Window mine = Schedule.of(EDITION).windowIn(ZoneOffset.UTC);
    long[] local = new long[24];
    for (RealTweets.Expected e : posts) {
      Instant at = createdAt(e);
      if (!at.isBefore(span.start()) && at.isBefore(span.end())) {
        utc[(int) Duration.between(span.start(), at).toHours()]++;
      }
      if (e.authorId().equals(registeredId)
          && !at.isBefore(mine.start())
          && at.isBefore(mine.end())) {
        local[(int) Duration.between(mine.start(), at).toHours()]++;
      }
    }
    HourCounts h = wrapUp.utcHours();
    assertThat(h.before()).as("before the span").isEqualTo(before);
    assertThat(h.after()).as("after the span").isEqualTo(after);
    assertThat(h.hours()).as("per UTC hour").containsExactly(box(utc));
    assertThat(wrapUp.localHours()).as("per local hour").containsExactly(box(local));
    assertThat(utc).isNotEqualTo(new long[utc.length]);
  }

  private static Long[] box(long[] a) {
    Long[] out = new Long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}

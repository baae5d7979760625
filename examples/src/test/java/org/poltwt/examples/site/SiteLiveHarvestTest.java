package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.testing.XStandIn;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;
import org.poltwt.twitter.RateLimit;

/**
 * During an edition the site follows the hashtag: every instance asks every few seconds whether a
 * poll of recent search is due, one poll gets through per interval across all of them, and each
 * asks only for posts newer than the newest stored. Two harvesters on one set of stores stand for
 * two instances on one database; a local stand-in for recent search holds the posts "published" so
 * far and reports a rate-limit window.
 */
class SiteLiveHarvestTest {
  private static final String TOKEN = "AAAAliveHarvestToken0123456789";
  private static final Pattern SINCE = Pattern.compile("since_id=(\\d+)");
  private static final Pattern START = Pattern.compile("start_time=([0-9T:\\-]+Z)");
  private static final Pattern MAX = Pattern.compile("max_results=(\\d+)");
  private static final Pattern NEXT = Pattern.compile("next_token=at(\\d+)");
  private static final Edition EDITION =
      Edition.builder()
          .number(7)
          .date(LocalDate.of(2026, 6, 5))
          .localStart(LocalTime.of(8, 0))
          .build();
  private static final Window SPAN = Schedule.of(EDITION).globalSpan();

  /** What X has published so far: id and creation time, in the order published. */
  private final List<Tweet> published = new CopyOnWriteArrayList<>();

  private final AtomicInteger remaining = new AtomicInteger(449);

  /** While set, the stand-in answers 401, as X does a revoked token. */
  private final AtomicBoolean refuse = new AtomicBoolean();

  private final MutableClock clock = new MutableClock(SPAN.start().plus(Duration.ofHours(10)));
  private long nextId = 1_800_000_000_000_000_000L;
  private XStandIn x;
  private Stores stores;
  private SiteHarvester a;
  private SiteHarvester b;

  @BeforeEach
  void start() throws IOException {
    x =
        XStandIn.recentSearch(
            query ->
                (refuse.get()
                        ? XStandIn.Answer.problem(
                            401,
                            "{\"title\":\"Unauthorized\",\"type\":\"about:blank\","
                                + "\"status\":401,\"detail\":\"Unauthorized\"}")
                        : XStandIn.Answer.ok(page(query)))
                    .withHeader("x-rate-limit-limit", "450")
                    .withHeader("x-rate-limit-remaining", String.valueOf(remaining.get()))
                    .withHeader(
                        "x-rate-limit-reset",
                        String.valueOf(
                            clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond())));
    stores = Stores.inMemory();
    stores.editions().save(EDITION);
    a = harvester(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY);
    b = harvester(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    x.close();
  }

  private SiteHarvester harvester(Duration every) {
    return harvester(every, stores);
  }

  private SiteHarvester harvester(Duration every, Stores on) {
    SiteConfig config =
        SiteConfig.builder()
            .xBearerToken(TOKEN)
            .xApiUri(x.uri())
            .xLiveHarvestEvery(Optional.ofNullable(every))
            .build();
    return new SiteHarvester(config, clock, on);
  }

  /**
   * The stores of two instances on one database: in memory (one set shared), on H2, and on the
   * PostgreSQL server of {@code POLTWT_TEST_PG_URL} when it is set (as {@code .ci/run} sets it).
   */
  static List<String> databases() {
    List<String> all = new ArrayList<>(List.of("memory", "h2"));
    String pg = System.getenv(SiteTwoInstancesTest.PG_URL_VARIABLE);
    if (pg != null && !pg.isBlank()) {
      all.add(pg);
    }
    return all;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void onePollPerIntervalGetsThroughAcrossInstancesAndEachAsksOnlyForNewerPosts(String database)
      throws Exception {
    String schema = "livefollow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String url =
        switch (database) {
          case "memory" -> null;
          case "h2" -> "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
          default -> {
            try (Connection c = DriverManager.getConnection(database);
                Statement st = c.createStatement()) {
              st.execute("CREATE SCHEMA " + schema);
            }
            yield database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
          }
        };
    a.close();
    b.close();
    if (url != null) {
      stores = Stores.open(SiteConfig.builder().database(url).build());
      stores.editions().save(EDITION);
    }
    Stores other = url == null ? stores : Stores.open(SiteConfig.builder().database(url).build());
    a = harvester(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY, stores);
    b = harvester(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY, other);
    try {
      publish(3);
      assertThat(a.follow(List.of(EDITION))).containsExactly(7);
      assertThat(b.follow(List.of(EDITION))).isEmpty();
      awaitEnd(a);
      assertThat(stored()).hasSize(3);
      assertThat(x.queries()).hasSize(1);
      assertThat(x.queries().get(0)).contains("start_time=").doesNotContain("since_id=");

      publish(2);
      clock.advance(Duration.ofSeconds(5));
      assertThat(a.follow(List.of(EDITION))).isEmpty();
      assertThat(b.follow(List.of(EDITION))).isEmpty();
      assertThat(x.queries()).hasSize(1);

      clock.advance(Duration.ofSeconds(10));
      assertThat(b.follow(List.of(EDITION))).containsExactly(7);
      assertThat(a.follow(List.of(EDITION))).isEmpty();
      awaitEnd(b);
      assertThat(x.queries()).hasSize(2);
      assertThat(x.queries().get(1)).contains("since_id=" + published.get(2).id());
      assertThat(stored())
          .extracting(Tweet::id)
          .containsExactlyInAnyOrderElementsOf(published.stream().map(Tweet::id).toList());
    } finally {
      if (url != null) {
        a.close();
        b.close();
        stores.close();
        other.close();
        if (!database.equals("h2")) {
          try (Connection c = DriverManager.getConnection(database);
              Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
          }
        }
      }
    }
  }

  @Test
  void aBacklogOfSeveralPagesIsReadWholeByOnePoll() {
    publish(250);
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a);
    assertThat(stored()).hasSize(250);
    assertThat(x.queries()).hasSize(3);
  }

  @Test
  void onlyTheGlobalSpanAndTheGraceAfterItAreFollowed() {
    publish(1);
    clock.set(SPAN.start().minusSeconds(1));
    assertThat(a.follow(List.of(EDITION))).isEmpty();
    clock.set(SPAN.end().plus(SiteHarvester.FOLLOW_GRACE));
    assertThat(a.follow(List.of(EDITION))).isEmpty();
    assertThat(x.queries()).isEmpty();

    // Just after the span: the last poll reads its end, which search gives 30 seconds late.
    clock.set(SPAN.end().plus(Duration.ofSeconds(40)));
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a);
    assertThat(stored()).hasSize(1);
  }

  @Test
  void aCancelledEditionOrOneWithoutADateIsNotFollowed() {
    Edition cancelled = EDITION.toBuilder().status(EditionStatus.CANCELLED).build();
    Edition undated = Edition.builder().number(8).status(EditionStatus.DATE_TBD).build();
    assertThat(a.follow(List.of(cancelled, undated))).isEmpty();
    assertThat(x.queries()).isEmpty();
  }

  @Test
  void followingIsOffWithoutATokenOrWhenTurnedOff() {
    try (SiteHarvester off = harvester(null);
        SiteHarvester tokenless =
            new SiteHarvester(SiteConfig.builder().xApiUri(x.uri()).build(), clock, stores)) {
      assertThat(off.follow(List.of(EDITION))).isEmpty();
      assertThat(tokenless.follow(List.of(EDITION))).isEmpty();
    }
    assertThat(x.queries()).isEmpty();
  }

  @Test
  void aHarvestRunningElsewhereIsNotJoined() {
    // An organiser's harvest holds the edition's lease on another instance.
    stores.leases().acquire("site-harvest-7", "other/run", clock.instant(), Duration.ofMinutes(2));
    assertThat(a.follow(List.of(EDITION))).isEmpty();
    assertThat(x.queries()).isEmpty();
  }

  @Test
  void aWindowWithFewRequestsLeftSpreadsThePollsOverItsRest() {
    remaining.set(2);
    publish(1);
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a);
    // Ten minutes to the reset, two requests left: one every five minutes, not every 15 seconds.
    clock.advance(Duration.ofSeconds(15));
    assertThat(a.follow(List.of(EDITION))).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(a.follow(List.of(EDITION))).isEmpty();
    assertThat(x.queries()).hasSize(1);
    clock.advance(Duration.ofMinutes(4));
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a);
    assertThat(x.queries()).hasSize(2);
  }

  @Test
  void theSiteFollowsTheLiveEditionByItselfAndItsBoardShowsEachPostOnce() throws Exception {
    try (TestSite site =
        TestSite.start(
            clock,
            1000,
            c ->
                c.xBearerToken(TOKEN)
                    .xApiUri(x.uri())
                    .live(new LiveOptions(Optional.empty(), false, 60, true)))) {
      site.intoLatestEdition(Duration.ofHours(3));
      publish(3);
      try (LiveEvents viewer = LiveEvents.open(site, null)) {
        Set<String> seen = new HashSet<>();
        collect(viewer, seen, 3);
        // The poll's end sets when the next is due, from the clock as it is then.
        awaitEnd(site.site.harvester(), site.latestEdition(), SiteHarvester.State.FINISHED);
        publish(2);
        // The next poll is due an interval after the last ended.
        clock.advance(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY);
        collect(viewer, seen, 5);
        assertThat(seen)
            .containsExactlyInAnyOrderElementsOf(published.stream().map(Tweet::id).toList());
      }
      assertThat(x.queries()).hasSize(2);
      assertThat(x.queries().get(1)).contains("since_id=" + published.get(2).id());
    }
  }

  /** Reads events until {@code total} distinct posts were seen, none twice; at most a minute's. */
  private static void collect(LiveEvents viewer, Set<String> seen, int total) throws Exception {
    for (int i = 0; i < 60 && seen.size() < total; i++) {
      for (JsonNode p : viewer.next().get("posts")) {
        assertThat(seen.add(p.get("id").asText())).as("post %s came twice", p.get("id")).isTrue();
      }
    }
    assertThat(seen).hasSize(total);
  }

  @Test
  void pollsThatFailWaitTwiceAsLongEachTimeUpToTheRateLimitWindow() {
    refuse.set(true);
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a, SiteHarvester.State.FAILED);
    clock.advance(Duration.ofSeconds(15));
    assertThat(a.follow(List.of(EDITION))).isEmpty();
    clock.advance(Duration.ofSeconds(15));
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a, SiteHarvester.State.FAILED);
    clock.advance(Duration.ofSeconds(59));
    assertThat(b.follow(List.of(EDITION))).isEmpty();
    assertThat(x.queries()).hasSize(2);

    // Once a poll gets through, the interval is back to normal.
    refuse.set(false);
    publish(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a);
    clock.advance(SiteConfig.DEFAULT_X_LIVE_HARVEST_EVERY);
    assertThat(a.follow(List.of(EDITION))).containsExactly(7);
    awaitEnd(a);
    assertThat(stored()).hasSize(1);
  }

  @Property
  void theBackoffDoublesUpToFifteenMinutes(
      @ForAll @IntRange(min = 2, max = 900) int everySeconds,
      @ForAll @IntRange(min = 0, max = 1_000) int failures) {
    Duration every = Duration.ofSeconds(everySeconds);
    Duration wait = SiteHarvester.backoff(every, failures);
    assertThat(wait).isGreaterThanOrEqualTo(every).isLessThanOrEqualTo(Duration.ofMinutes(15));
    if (failures == 0) {
      assertThat(wait).isEqualTo(every);
    } else if (every.multipliedBy(2).compareTo(Duration.ofMinutes(15)) <= 0) {
      assertThat(wait)
          .isEqualTo(
              min(
                  SiteHarvester.backoff(every, failures - 1).multipliedBy(2),
                  Duration.ofMinutes(15)));
    }
  }

  private static Duration min(Duration p, Duration q) {
    return p.compareTo(q) <= 0 ? p : q;
  }

  @Property
  void theWaitIsAtLeastTheIntervalAndLeavesNoMorePollsBeforeTheResetThanRemain(
      @ForAll @IntRange(min = 2, max = 900) int everySeconds,
      @ForAll @IntRange(min = 0, max = 500) int left,
      @ForAll @IntRange(min = 1, max = 900_000) int resetMillis) {
    Instant now = Instant.parse("2026-06-05T12:00:00Z");
    Instant reset = now.plusMillis(resetMillis);
    Duration every = Duration.ofSeconds(everySeconds);
    Duration wait = SiteHarvester.pace(every, Optional.of(new RateLimit(450, left, reset)), now);
    assertThat(wait).isGreaterThanOrEqualTo(every);
    long polls = 0;
    for (Instant next = now.plus(wait); next.isBefore(reset); next = next.plus(wait)) {
      polls++;
    }
    assertThat(polls).isLessThanOrEqualTo(left);
  }

  @Property
  void withoutAWindowAheadTheWaitIsTheInterval(
      @ForAll @IntRange(min = 2, max = 900) int everySeconds,
      @ForAll @IntRange(min = 0, max = 500) int left,
      @ForAll @IntRange(min = 0, max = 900_000) int resetAgoMillis) {
    Instant now = Instant.parse("2026-06-05T12:00:00Z");
    Duration every = Duration.ofSeconds(everySeconds);
    assertThat(SiteHarvester.pace(every, Optional.empty(), now)).isEqualTo(every);
    assertThat(
            SiteHarvester.pace(
                every, Optional.of(new RateLimit(450, left, now.minusMillis(resetAgoMillis))), now))
        .isEqualTo(every);
  }

  private void publish(int n) {
    for (int i = 0; i < n; i++) {
      Instant at = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
      published.add(
          Tweet.builder()
              .id(String.valueOf(nextId++))
              .authorId("42")
              .text("On patrol " + nextId + " #PolTwt")
              .createdAt(at)
              .build());
    }
  }

  private List<Tweet> stored() {
    return stores.tweets().listAfterId(7, Optional.empty(), 10_000);
  }

  private static void awaitEnd(SiteHarvester h) {
    awaitEnd(h, SiteHarvester.State.FINISHED);
  }

  private static void awaitEnd(SiteHarvester h, SiteHarvester.State expected) {
    awaitEnd(h, EDITION.number(), expected);
  }

  private static void awaitEnd(SiteHarvester h, int edition, SiteHarvester.State expected) {
    for (int i = 0; i < 500; i++) {
      if (h.run(edition).map(r -> r.state() != SiteHarvester.State.RUNNING).orElse(false)) {
        assertThat(h.run(edition).get().state()).isEqualTo(expected);
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the harvest did not end within 10 seconds");
  }

  /** Recent search over what is published: newer than since_id or from start_time, newest first. */
  private String page(String query) {
    Matcher since = SINCE.matcher(query);
    Matcher start = START.matcher(query);
    Matcher max = MAX.matcher(query);
    Matcher next = NEXT.matcher(query);
    List<Tweet> found = new ArrayList<>();
    for (Tweet t : published) {
      boolean newer =
          since.find(0)
              ? SiteLiveHarvestTest.compare(t.id(), since.group(1)) > 0
              : !start.find(0) || !t.createdAt().isBefore(Instant.parse(start.group(1)));
      if (newer) {
        found.add(t);
      }
    }
    found.sort(Comparator.comparing(Tweet::id, SiteLiveHarvestTest::compare).reversed());
    int from = next.find() ? Integer.parseInt(next.group(1)) : 0;
    int size = Math.min(max.find() ? Integer.parseInt(max.group(1)) : 10, found.size() - from);
    if (size <= 0) {
      return "{\"meta\":{\"result_count\":0}}";
    }
    List<String> data = new ArrayList<>();
    for (Tweet t : found.subList(from, from + size)) {
      data.add(
          "{\"id\":\""
              + t.id()
              + "\",\"author_id\":\"42\",\"text\":\""
              + t.text()
              + "\",\"created_at\":\""
              + DateTimeFormatter.ISO_INSTANT.format(t.createdAt())
              + "\",\"lang\":\"en\"}");
    }
    String token = from + size < found.size() ? ",\"next_token\":\"at" + (from + size) + "\"" : "";
    return "{\"data\":["
        + String.join(",", data)
        + "],\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\","
        + "\"name\":\"Policia\"}]},\"meta\":{\"result_count\":"
        + size
        + token
        + "}}";
  }

  private static int compare(String p, String q) {
    return p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
  }
}

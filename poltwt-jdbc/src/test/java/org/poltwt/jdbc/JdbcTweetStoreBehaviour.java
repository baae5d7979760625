package org.poltwt.jdbc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * What the JDBC tweet store promises beyond the {@link org.poltwt.test.TweetStoreContract}, on one
 * database: concurrent upserts of one tweet, bulk upserts (large, concurrent, overlapping, failing
 * half-way), the limits of the columns, and listing in exactly the in-memory store's order. Its
 * test class extends this and supplies {@link #db()} for each database.
 */
abstract class JdbcTweetStoreBehaviour {
  /** Threads upserting one tweet at once. */
  static final int RACERS = 20;

  /** Threads running bulk upserts at once. */
  static final int BULK_RACERS = 8;

  private static final Instant T0 = Instant.parse("2015-06-05T06:00:00Z");

  /**
   * The database of this run of the test class, migrated, with room for {@link #RACERS}
   * connections.
   */
  abstract TestDatabase db();

  private TweetStore store() {
    return db().stores.tweets();
  }

  /** Deletes every row of every table: the tweets first, since they refer to editions. */
  static void clear(TestDatabase db) {
    try (Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM " + JdbcTweetStore.table(db.tables));
    } catch (SQLException e) {
      throw new IllegalStateException("clearing the tweets failed", e);
    }
    db.clear();
  }

  @BeforeEach
  void emptyDatabase() {
    clear(db());
    db().ensureEdition(1);
    db().ensureEdition(2);
  }

  static Tweet tweet(String id, String author, long seconds) {
    return Tweet.builder()
        .id(id)
        .authorId(author)
        .authorHandle(TwitterHandle.of("author" + author))
        .text("Call " + id + " on the beat #PolTwt")
        .createdAt(T0.plusSeconds(seconds))
        .lang("en")
        .source("Twitter for iPhone")
        .build();
  }

  /**
   * Tweets with ids {@code 614000000000000000 + i} for i in [from, to), a second apart, authors by
   * i mod 7.
   */
  static List<Tweet> tweets(int from, int to) {
    List<Tweet> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(tweet(Long.toString(614_000_000_000_000_000L + i), Integer.toString(100 + i % 7), i));
    }
    return out;
  }

  private long rowsWithId(String id) {
    return db().count(
            "SELECT COUNT(*) FROM "
                + JdbcTweetStore.table(db().tables)
                + " WHERE id = '"
                + id
                + "'");
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void ofTwentyConcurrentUpsertsOfOneTweetOneRowIsStoredAndExactlyOneReportsItNew()
      throws Exception {
    for (int round = 0; round < 6; round++) {
      String id = "61500000000000000" + round;
      Tweet same = tweet(id, "42", round);
      // Even rounds upsert the same tweet; odd rounds each upsert an edit of their own.
      boolean edits = round % 2 == 1;
      IntFunction<Tweet> racer =
          i ->
              edits
                  ? Tweet.builder()
                      .id(id)
                      .authorId("42")
                      .text("Edit " + i + " #PolTwt")
                      .createdAt(same.createdAt())
                      .build()
                  : same;

      List<Boolean> outcomes = race(RACERS, i -> store().upsert(1, racer.apply(i)));

      assertThat(outcomes.stream().filter(isNew -> isNew))
          .as("round %d: upserts that reported new", round)
          .hasSize(1);
      assertThat(rowsWithId(id)).isEqualTo(1);
      Tweet stored = store().find(id).orElseThrow();
      if (edits) {
        assertThat(stored.text()).matches("Edit \\d+ #PolTwt");
      } else {
        assertThat(stored).isEqualTo(same);
      }
    }
    assertThat(store().count(TweetQuery.of(1))).isEqualTo(6);
  }

  @Test
  void concurrentBulkUpsertsOfOverlappingTweetsInAnyOrderCountEachNewTweetOnce() throws Exception {
    List<Tweet> all = tweets(0, 25 * (BULK_RACERS - 1) + 150);

    List<Integer> added =
        race(
            BULK_RACERS,
            t -> {
              List<Tweet> mine =
                  new ArrayList<>(all.subList(t * 25, t * 25 + 150)); // overlaps its neighbours
              Collections.shuffle(mine, new Random(t));
              return store().upsertAll(1, mine);
            });

    assertThat(added.stream().mapToInt(Integer::intValue).sum()).isEqualTo(all.size());
    assertThat(store().count(TweetQuery.of(1))).isEqualTo(all.size());
    assertThat(store().list(TweetQuery.of(1), 0, all.size())).containsExactlyElementsOf(all);
  }

  /** Runs {@code task(i)} for i in [0, threads) on as many threads, all released at once. */
  private static <T> List<T> race(int threads, IntFunction<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<T> call =
            () -> {
              start.await();
              return task.apply(n);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> outcomes = new ArrayList<>();
      for (Future<T> f : futures) {
        outcomes.add(f.get(60, SECONDS)); // a deadlock would time out here
      }
      return outcomes;
    } finally {
      JdbcStoresBehaviour.stop(pool);
    }
  }

  // ------------------------------------------------------------------ bulk upsert

  @Test
  void upsertAllStoresManyTweetsAndCountsOnlyTheNewOnes() {
    int n = 2 * JdbcTweetStore.ROWS_PER_STATEMENT + 234; // several statements on PostgreSQL
    List<Tweet> first = tweets(0, n);
    List<Tweet> shuffled = new ArrayList<>(first);
    Collections.shuffle(shuffled, new Random(3));

    assertThat(store().upsertAll(1, shuffled)).isEqualTo(n);
    assertThat(store().count(TweetQuery.of(1))).isEqualTo(n);
    assertThat(store().list(TweetQuery.of(1), 0, n)).containsExactlyElementsOf(first);
    assertThat(store().newestId(1)).contains(first.get(n - 1).id());

    assertThat(store().upsertAll(1, first)).as("the same tweets again").isZero();

    List<Tweet> mixed = new ArrayList<>();
    for (Tweet t : first.subList(0, 600)) {
      mixed.add(
          Tweet.builder()
              .id(t.id())
              .authorId(t.authorId())
              .text("Edited #PolTwt")
              .createdAt(t.createdAt())
              .build());
    }
    List<Tweet> fresh = tweets(n, n + 100);
    mixed.addAll(fresh);
    Collections.shuffle(mixed, new Random(4));

    assertThat(store().upsertAll(1, mixed)).isEqualTo(fresh.size());
    assertThat(store().count(TweetQuery.of(1))).isEqualTo(n + fresh.size());
    assertThat(store().find(first.get(599).id()).orElseThrow().text()).isEqualTo("Edited #PolTwt");
    assertThat(store().find(first.get(600).id())).contains(first.get(600));
    assertThat(store().upsertAll(1, List.of())).isZero();
  }

  @Test
  void aTweetTwiceInOneUpsertAllCountsOnceAndTheLaterWins() {
    Tweet a = tweet("7001", "1", 0);
    Tweet a2 =
        Tweet.builder()
            .id("7001")
            .authorId("1")
            .text("second #PolTwt")
            .createdAt(a.createdAt())
            .build();
    Tweet a3 =
        Tweet.builder()
            .id("7001")
            .authorId("1")
            .text("third #PolTwt")
            .createdAt(a.createdAt())
            .build();

    assertThat(store().upsertAll(1, List.of(a, tweet("7002", "1", 1), a2))).isEqualTo(2);
    assertThat(store().find("7001")).contains(a2);

    assertThat(store().upsertAll(1, List.of(a3, a))).isZero();
    assertThat(store().find("7001")).contains(a);
  }

  @Test
  void aTweetTheDatabaseRefusesHalfWayRollsBackTheWholeUpsertAll() throws SQLException {
    List<Tweet> before = tweets(0, 100);
    store().upsertAll(1, before);
    String table = JdbcTweetStore.table(db().tables);
    try (Connection c = db().dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "ALTER TABLE "
              + table
              + " ADD CONSTRAINT test_refuses_author_666 CHECK (author_id <> '666')");
    }
    try {
      List<Tweet> batch = new ArrayList<>();
      for (Tweet t : tweets(0, 1_100)) {
        batch.add(
            Tweet.builder()
                .id(t.id())
                .authorId(t.authorId())
                .text("Edited #PolTwt")
                .createdAt(t.createdAt())
                .build());
      }
      batch.add(tweet("999999999999999999", "666", 5)); // the largest id: written last
      Collections.shuffle(batch, new Random(9));

      assertThatExceptionOfType(PoltwtException.class)
          .isThrownBy(() -> store().upsertAll(1, batch))
          .satisfies(
              e -> {
                assertThat(e.code()).isEqualTo(JdbcStores.FAILURE_CODE);
                assertThat(e.getMessage()).contains("SQLState 23");
              });

      assertThat(store().count(TweetQuery.of(1))).isEqualTo(before.size());
      assertThat(store().list(TweetQuery.of(1), 0, 1_000)).containsExactlyElementsOf(before);
    } finally {
      try (Connection c = db().dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE " + table + " DROP CONSTRAINT test_refuses_author_666");
      }
    }
  }

  // ------------------------------------------------------------------ rules and limits

  @Test
  void tweetsOfAnEditionThatIsNotStoredAreRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> store().upsert(9, tweet("1", "1", 0)))
        .withMessageContaining("edition");
    assertThatIllegalStateException()
        .isThrownBy(() -> store().upsertAll(9, tweets(0, 10)))
        .withMessageContaining("edition");
    store().upsert(1, tweet("2", "1", 0));
    assertThatIllegalStateException().isThrownBy(() -> store().upsert(9, tweet("2", "1", 0)));

    assertThat(store().count(TweetQuery.of(9))).isZero();
    assertThat(store().newestId(1)).contains("2");
    assertThatIllegalArgumentException().isThrownBy(() -> store().upsert(0, tweet("3", "1", 0)));
    assertThatIllegalArgumentException().isThrownBy(() -> store().upsertAll(-1, List.of()));
  }

  @Test
  void anUpsertToAnotherEditionMovesTheTweet() {
    Tweet t = tweet("8001", "1", 0);
    store().upsert(1, t);

    assertThat(store().upsert(2, t)).isFalse();

    assertThat(store().count(TweetQuery.of(1))).isZero();
    assertThat(store().newestId(1)).isEmpty();
    assertThat(store().list(TweetQuery.of(2), 0, 10)).containsExactly(t);
  }

  @Test
  void valuesTheColumnsCannotKeepAreRefusedBeforeTheDatabase() {
    Tweet ok = tweet("9001", "1", 0);
    String secret = "s3cr3t-" + "x".repeat(JdbcTweetStore.MAX_TEXT);
    List<Tweet> bad =
        List.of(
            Tweet.builder().id("9002").authorId("1").text(secret).createdAt(T0).build(),
            Tweet.builder().id("9003").authorId("1").text("nul \0 #PolTwt").createdAt(T0).build(),
            Tweet.builder()
                .id("9004")
                .authorId("1")
                .text("x")
                .lang("l".repeat(JdbcTweetStore.MAX_LANG + 1))
                .createdAt(T0)
                .build(),
            Tweet.builder()
                .id("9005")
                .authorId("1")
                .text("x")
                .source("s".repeat(JdbcTweetStore.MAX_SOURCE + 1))
                .createdAt(T0)
                .build(),
            Tweet.builder()
                .id("9006")
                .authorId("1")
                .text("x")
                .createdAt(Instant.parse("+10000-01-01T00:00:00Z"))
                .build(),
            Tweet.builder()
                .id("9007")
                .authorId("1")
                .text("x")
                .createdAt(T0)
                .referencedTweets(
                    Collections.nCopies(
                        100,
                        new ReferencedTweet(ReferencedTweet.Type.QUOTED, "61400000000000000000")))
                .build());
    List<String> fields =
        List.of("text", "text", "lang", "source", "createdAt", "referencedTweets");

    for (int i = 0; i < bad.size(); i++) {
      Tweet t = bad.get(i);
      String field = fields.get(i);
      assertThatExceptionOfType(InvalidInputException.class)
          .as(field)
          .isThrownBy(() -> store().upsert(1, t))
          .satisfies(
              e -> {
                assertThat(e.code()).isEqualTo(Tweet.INVALID);
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.getMessage()).doesNotContain("s3cr3t");
              });
      assertThatExceptionOfType(InvalidInputException.class)
          .isThrownBy(() -> store().upsertAll(1, List.of(ok, t)));
    }
    assertThat(store().count(TweetQuery.of(1))).isZero();

    // At the limits, everything is kept exactly.
    String unit = "\uD83D\uDE93\u8B66 #PolTwt ";
    String longest =
        unit.repeat(JdbcTweetStore.MAX_TEXT / unit.length())
            + "x".repeat(JdbcTweetStore.MAX_TEXT % unit.length());
    Tweet biggest =
        Tweet.builder()
            .id("99999999999999999999")
            .authorId("99999999999999999999")
            .authorHandle(TwitterHandle.of("abcdefghij_1234"))
            .text(longest)
            .createdAt(Instant.parse("9999-12-31T23:59:59.999999Z"))
            .lang("l".repeat(JdbcTweetStore.MAX_LANG))
            .source("s".repeat(JdbcTweetStore.MAX_SOURCE))
            .referencedTweets(
                Collections.nCopies(
                    60,
                    new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "99999999999999999999")))
            .build();
    assertThat(longest).hasSize(JdbcTweetStore.MAX_TEXT);
    assertThat(store().upsert(1, biggest)).isTrue();
    assertThat(store().find(biggest.id())).contains(biggest);
  }

  @Test
  void instantsAreKeptToTheMicrosecondAndTimeBoundsApplyToTheStoredInstant() {
    Instant t = T0.plusNanos(1_500); // stored as T0 + 1 µs
    Tweet nanos = Tweet.builder().id("10").authorId("1").text("x").createdAt(t).build();
    store().upsert(1, nanos);

    Tweet stored = store().find("10").orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(T0.plusNanos(1_000));
    // Bounds select what TweetQuery.matches selects among the stored tweets.
    for (long from : new long[] {0, 500, 999, 1_000, 1_001, 1_400, 2_000}) {
      for (long until : new long[] {1_000, 1_001, 1_500, 2_000}) {
        TweetQuery q = TweetQuery.of(1).between(T0.plusNanos(from), T0.plusNanos(until));
        assertThat(store().count(q))
            .as("[%d, %d)", from, until)
            .isEqualTo(q.matches(stored) ? 1 : 0);
      }
    }
    assertThat(store().list(TweetQuery.of(1).between(Instant.MIN, Instant.MAX), 0, 10))
        .containsExactly(stored);
    assertThat(store().count(TweetQuery.of(1).between(Instant.MAX, Instant.MAX))).isZero();
    assertThat(store().count(TweetQuery.of(1).between(Instant.MIN, Instant.MIN))).isZero();
  }

  @Test
  void theHashtagEntitiesAreStoredAsGivenNotExtractedAgain() {
    // A tweet read from the X API carries the API's own entities (a retweet's are the retweeted
    // post's), which need not be its text's: an explicit empty list stays empty. Rows stored
    // before version 4 have none stored and read with their text's (MigrationBehaviour).
    String text = "Night shift #PolTwt #TimeToUnify";
    Tweet withoutTags =
        new Tweet(
            "11",
            "1",
            Optional.empty(),
            text,
            T0,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of());
    store().upsert(1, withoutTags);

    assertThat(store().find("11").orElseThrow().hashtags()).isEmpty();
    assertThat(Hashtags.extract(text)).hasSize(2);
  }

  @Test
  void injectionLookingTextIsStoredVerbatim() {
    List<Tweet> evil = new ArrayList<>();
    for (int i = 0; i < JdbcStoresBehaviour.INJECTIONS.size(); i++) {
      String s = JdbcStoresBehaviour.INJECTIONS.get(i);
      evil.add(
          Tweet.builder()
              .id(Integer.toString(20 + i))
              .authorId("1")
              .text(s + " #PolTwt")
              .createdAt(T0)
              .lang(s.length() > 10 ? s.substring(0, 10) : s)
              .source(s)
              .build());
    }
    store().upsertAll(1, evil.subList(0, 3));
    evil.subList(3, evil.size()).forEach(t -> store().upsert(1, t));

    for (Tweet t : evil) {
      assertThat(store().find(t.id())).contains(t);
    }
    assertThat(store().count(TweetQuery.of(1).byAuthor("1' OR '1'='1"))).isZero();
    assertThat(store().find("1' OR '1'='1")).isEmpty();
    assertThat(store().count(TweetQuery.of(1))).isEqualTo(evil.size());
    assertThat(db().rows(db().tables.edition)).isEqualTo(2);
  }

  @Test
  void aMalformedStoredReferenceIsAStoreFailureThatQuotesNothing() throws SQLException {
    store().upsert(1, tweet("12", "1", 0));
    try (Connection c = db().dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE "
                    + JdbcTweetStore.table(db().tables)
                    + " SET referenced_tweets = ? WHERE id = '12'")) {
      ps.setString(1, "forwarded:s3cr3t");
      ps.executeUpdate();
    }

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> store().find("12"))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(JdbcStores.FAILURE_CODE);
              assertThat(e.getMessage()).doesNotContain("s3cr3t");
              assertThat(e.getCause().getMessage()).doesNotContain("s3cr3t");
            });
  }

  // ------------------------------------------------------------------ the in-memory store's order

  @Test
  void listsCountsAndNewestIdsAgreeWithTheInMemoryStore() {
    Random random = new Random(11);
    InMemoryTweetStore expected = new InMemoryTweetStore();
    List<Tweet> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Ids of every length from 1 to 20 digits, some with leading zeros; few distinct instants, so
      // that ids decide much of the order.
      StringBuilder id = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int d = 0; d < length; d++) {
        id.append((char) ('0' + random.nextInt(10)));
      }
      Instant at = T0.plusSeconds(random.nextInt(5)).plusNanos(random.nextInt(3) * 1_000L);
      all.add(
          Tweet.builder()
              .id(id.toString())
              .authorId(Integer.toString(random.nextInt(4)))
              .text("t" + i)
              .createdAt(at)
              .build());
    }
    for (int i = 0; i < all.size(); i += 50) {
      int edition = 1 + i / 50 % 2;
      List<Tweet> batch = all.subList(i, i + 50);
      assertThat(store().upsertAll(edition, batch)).isEqualTo(expected.upsertAll(edition, batch));
    }

    for (int edition = 1; edition <= 2; edition++) {
      assertThat(store().newestId(edition)).isEqualTo(expected.newestId(edition));
      List<TweetQuery> queries =
          List.of(
              TweetQuery.of(edition),
              TweetQuery.of(edition).byAuthor("2"),
              TweetQuery.of(edition).between(T0.plusSeconds(1), T0.plusSeconds(3).plusNanos(1_500)),
              TweetQuery.of(edition).byAuthor("0").between(T0.plusNanos(999), T0.plusSeconds(4)));
      for (TweetQuery q : queries) {
        assertThat(store().count(q)).as("%s", q).isEqualTo(expected.count(q));
        for (int offset : new int[] {0, 17, 150}) {
          assertThat(store().list(q, offset, 60))
              .as("%s from %d", q, offset)
              .isEqualTo(expected.list(q, offset, 60));
        }
      }
    }
  }
}

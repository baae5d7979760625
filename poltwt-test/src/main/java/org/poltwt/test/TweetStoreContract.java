package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * What every {@link TweetStore} must do. Extend it with {@link #newStore()}; a store whose tables
 * need the edition to exist first overrides {@link #prepareEdition(int)}.
 */
public abstract class TweetStoreContract {
  /** The instant tweets are created around. */
  protected static final Instant T0 = Instant.parse("2015-06-05T06:00:00Z");

  /** The store under test, new for each test. */
  protected TweetStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract TweetStore newStore();

  /**
   * Makes an edition with this number exist where the store needs it to (for foreign keys).
   *
   * @param number the edition's number
   */
  protected void prepareEdition(int number) {}

  /** Creates the store and the editions the tests use. */
  @BeforeEach
  public void createStore() {
    store = newStore();
    prepareEdition(5);
    prepareEdition(6);
  }

  /**
   * A tweet fixture.
   *
   * @param id the tweet's id
   * @param author the author's id
   * @param seconds seconds after {@link #T0}
   * @return the tweet
   */
  protected static Tweet tweet(String id, String author, long seconds) {
    return Tweet.builder()
        .id(id)
        .authorId(author)
        .authorHandle(TwitterHandle.of("author" + author))
        .text("Patrol on the beat \u2014 #PolTwt \uD83D\uDE93 ' OR 1=1; --")
        .createdAt(T0.plusSeconds(seconds))
        .lang("en")
        .source("Twitter Web App")
        .build();
  }

  /** Upsert stores once and replaces by id. */
  @Test
  public void upsertStoresOnceAndReplacesById() {
    Tweet t = tweet("614000000000000001", "42", 0);

    assertThat(store.upsert(5, t)).isTrue();
    assertThat(store.upsert(5, t)).isFalse();
    Tweet edited =
        Tweet.builder()
            .id(t.id())
            .authorId("42")
            .text("Edited #PolTwt")
            .createdAt(t.createdAt())
            .build();
    assertThat(store.upsert(5, edited)).isFalse();

    assertThat(store.find(t.id())).contains(edited);
    assertThat(store.count(TweetQuery.of(5))).isEqualTo(1);
  }

  /** Every value round trips. */
  @Test
  public void everyValueRoundTrips() {
    Tweet full =
        Tweet.builder()
            .id("614000000000000002")
            .authorId("43")
            .authorHandle(TwitterHandle.of("Kent_Police"))
            .text("RT @x: \u8B66\u5BDF #PolTwt\nline two \uD83D\uDC6E\u200D\u2640\uFE0F")
            .createdAt(Instant.parse("2015-06-05T07:08:09.123Z"))
            .lang("ja")
            .source("TweetDeck")
            .referencedTweets(
                List.of(
                    new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "613000000000000001"),
                    new ReferencedTweet(ReferencedTweet.Type.QUOTED, "613000000000000002")))
            .build();
    Tweet bare =
        Tweet.builder().id("614000000000000003").authorId("44").text("x").createdAt(T0).build();
    store.upsert(5, full);
    store.upsert(5, bare);

    assertThat(store.find(full.id())).contains(full);
    assertThat(store.find(bare.id())).contains(bare);
    assertThat(store.find("1")).isEmpty();
  }

  /** A tweet read from the api keeps what x counted its edits and its own hashtags. */
  @Test
  public void aTweetReadFromTheApiKeepsWhatXCountedItsEditsAndItsOwnHashtags() {
    // The API's entities need not be the text's own (a retweet's come from the retweeted post):
    // they are kept as given, as are the counted text, the long-post flag and the versions.
    Tweet fromApi =
        new Tweet(
            "614000000000000004",
            "45",
            Optional.of(TwitterHandle.of("Kent_Police")),
            "@someone thanks &amp; #PolTwt https://t.co/abc",
            Instant.parse("2015-06-05T07:08:09Z"),
            Optional.of("en"),
            Optional.empty(),
            List.of(new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "614000000000000001")),
            List.of(new Hashtag("PolTwt", 22, 29), new Hashtag("TimeToUnify", 40, 52)),
            Optional.of("thanks & #PolTwt"),
            false,
            List.of("614000000000000003", "614000000000000004"));
    Tweet longPost =
        new Tweet(
            "614000000000000005",
            "45",
            Optional.empty(),
            "x".repeat(1_000) + " #PolTwt",
            Instant.parse("2015-06-05T07:08:09Z"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            true,
            List.of());
    store.upsert(5, fromApi);
    store.upsert(5, longPost);

    assertThat(store.find(fromApi.id())).contains(fromApi);
    assertThat(store.find(longPost.id())).contains(longPost);
    assertThat(store.find(longPost.id()).orElseThrow().hashtags()).isEmpty();
  }

  /** Upsert all counts the new ones. */
  @Test
  public void upsertAllCountsTheNewOnes() {
    store.upsert(5, tweet("1000", "1", 0));

    assertThat(
            store.upsertAll(
                5, List.of(tweet("1000", "1", 0), tweet("1001", "1", 1), tweet("1002", "2", 2))))
        .isEqualTo(2);
    assertThat(store.count(TweetQuery.of(5))).isEqualTo(3);
  }

  /** Newest id compares ids as numbers. */
  @Test
  public void newestIdComparesIdsAsNumbers() {
    store.upsert(5, tweet("999", "1", 0));
    store.upsert(5, tweet("1000", "1", 1));
    store.upsert(6, tweet("5000", "1", 2));

    assertThat(store.newestId(5)).contains("1000");
    assertThat(store.newestId(6)).contains("5000");
    assertThat(store.newestId(7)).isEmpty();
  }

  /** Lists by edition author and time in creation order. */
  @Test
  public void listsByEditionAuthorAndTimeInCreationOrder() {
    List<Tweet> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(tweet(Long.toString(2000 + i), i % 3 == 0 ? "7" : "8", 100 - i));
    }
    List<Tweet> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(5));
    shuffled.forEach(t -> store.upsert(5, t));
    store.upsert(6, tweet("9999", "7", 50));

    List<Tweet> paged = new ArrayList<>();
    for (int offset = 0; offset < 40; offset += 7) {
      paged.addAll(store.list(TweetQuery.of(5), offset, 7));
    }
    List<Tweet> expected = new ArrayList<>(all);
    Collections.reverse(expected);
    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(store.count(TweetQuery.of(5).byAuthor("7"))).isEqualTo(10);
    assertThat(store.list(TweetQuery.of(5).byAuthor("7"), 0, 100))
        .allMatch(t -> t.authorId().equals("7"));
    TweetQuery window = TweetQuery.of(5).between(T0.plusSeconds(80), T0.plusSeconds(90));
    assertThat(store.list(window, 0, 100))
        .extracting(Tweet::createdAt)
        .allMatch(t -> !t.isBefore(T0.plusSeconds(80)) && t.isBefore(T0.plusSeconds(90)));
    assertThat(store.count(window)).isEqualTo(10);
  }

  /** Listing after an id goes by numeric id, within the edition, from where the reader stopped. */
  @Test
  public void listsAfterAnIdInNumericOrder() {
    List<String> ids = List.of("999", "1000", "614000000000000001", "98", "1001");
    for (int i = 0; i < ids.size(); i++) {
      store.upsert(5, tweet(ids.get(i), "1", 100 - i));
    }
    store.upsert(6, tweet("2000", "1", 0));

    assertThat(store.listAfterId(5, Optional.empty(), 10))
        .extracting(Tweet::id)
        .containsExactly("98", "999", "1000", "1001", "614000000000000001");
    assertThat(store.listAfterId(5, Optional.of("999"), 2))
        .extracting(Tweet::id)
        .containsExactly("1000", "1001");
    assertThat(store.listAfterId(5, Optional.of("99"), 1))
        .extracting(Tweet::id)
        .containsExactly("999");
    assertThat(store.listAfterId(5, Optional.of("614000000000000001"), 10)).isEmpty();
    assertThat(store.listAfterId(7, Optional.empty(), 10)).isEmpty();
    assertThatThrownBy(() -> store.listAfterId(5, Optional.of("12a"), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.listAfterId(5, Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** List rejects bad paging. */
  @Test
  public void listRejectsBadPaging() {
    assertThatThrownBy(() -> store.list(TweetQuery.of(5), -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list(TweetQuery.of(5), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetSource;
import org.poltwt.tweet.Tweet;

/**
 * The behaviour every {@link TweetSource} must have. An implementation's test extends this class
 * and supplies {@link #sourceOf(List)}, a source whose platform holds exactly the tweets given, as
 * the answers to {@link #EDITION}'s hashtag. The edition is the day before {@link #NOW}: give the
 * source a clock at {@link #NOW} if it asks the time. The test methods are public so that
 * subclasses in any package inherit them.
 */
public abstract class TweetSourceContract {
  /** When the tests run, for a source that asks the time. */
  protected static final Instant NOW = Instant.parse("2026-06-06T12:00:00Z");

  /** The edition harvested: 5 June 2026, 08:00 local time everywhere. */
  protected static final Edition EDITION =
      Edition.builder()
          .number(14)
          .date(LocalDate.of(2026, 6, 5))
          .localStart(LocalTime.of(8, 0))
          .build();

  /**
   * Creates a source whose platform answers the edition's hashtag with exactly these tweets.
   *
   * @param published the tweets the platform holds, newest first
   * @return the source
   */
  protected abstract TweetSource sourceOf(List<Tweet> published);

  /**
   * A tweet of the edition carrying its hashtag, made during its span.
   *
   * @param n a small number that makes the id, newer for a greater n
   * @return the tweet
   */
  protected static Tweet tweet(int n) {
    String id = Long.toString(1_800_000_000_000_000_000L + n);
    return Tweet.builder()
        .id(id)
        .authorId(Long.toString(2_244_994_945L + n % 3))
        .authorHandle(TwitterHandle.of("Agency_" + n % 3))
        .text("Out on patrol, post " + n + " #PolTwt")
        .createdAt(Instant.parse("2026-06-05T10:00:00Z").plusSeconds(n))
        .build();
  }

  /** Every tweet the platform holds is harvested once, with its id, author, text and time. */
  @Test
  public void everyTweetIsHarvestedOnce() {
    List<Tweet> published = List.of(tweet(3), tweet(2), tweet(1));

    List<Tweet> harvested;
    try (Stream<Tweet> s = sourceOf(published).harvest(EDITION)) {
      harvested = s.collect(Collectors.toList());
    }

    assertThat(harvested).extracting(Tweet::id).doesNotHaveDuplicates();
    assertThat(harvested)
        .extracting(Tweet::id)
        .containsExactlyInAnyOrderElementsOf(published.stream().map(Tweet::id).toList());
    for (Tweet t : harvested) {
      Tweet expected = published.stream().filter(p -> p.id().equals(t.id())).findFirst().get();
      assertThat(t.text()).isEqualTo(expected.text());
      assertThat(t.authorId()).isEqualTo(expected.authorId());
      assertThat(t.createdAt()).isEqualTo(expected.createdAt());
    }
  }

  /** A platform without tweets gives an empty stream. */
  @Test
  public void nothingPublishedIsAnEmptyHarvest() {
    try (Stream<Tweet> s = sourceOf(List.of()).harvest(EDITION)) {
      assertThat(s).isEmpty();
    }
  }

  /** The stream may be left early and closed. */
  @Test
  public void aHarvestCanBeLeftEarly() {
    try (Stream<Tweet> s = sourceOf(List.of(tweet(2), tweet(1))).harvest(EDITION)) {
      assertThat(s.limit(1)).hasSize(1);
    }
  }

  /** An edition without a date cannot be harvested: a typed failure, not an empty stream. */
  @Test
  public void anEditionWithoutADateIsRefused() {
    Edition undated = Edition.builder().number(15).status(EditionStatus.DATE_TBD).build();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(
            () -> {
              try (Stream<Tweet> s = sourceOf(List.of()).harvest(undated)) {
                s.count();
              }
            });
  }

  /** A null edition is refused. */
  @Test
  public void nullIsRefused() {
    assertThatNullPointerException().isThrownBy(() -> sourceOf(List.of()).harvest(null));
  }
}

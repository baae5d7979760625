package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetLookup;
import org.poltwt.tweet.Tweet;

/**
 * The behaviour every {@link TweetLookup} must have. An implementation's test extends this class
 * and supplies {@link #newLookup(List)}, a lookup whose platform still returns exactly the posts
 * given (as they are now, with their edit histories), and {@link #unreachableLookup()}. The test
 * methods are public so that subclasses in any package inherit them.
 */
public abstract class TweetLookupContract {
  /** A post as it was published and still is. */
  protected static final Tweet UNCHANGED =
      post("1800000000000000001", "Night shift in Lavapiés #PolTwt", List.of());

  /**
   * A post its author edited later: asked for by its first id, the platform returns it with an edit
   * history whose last id is the latest version's.
   */
  protected static final Tweet EDITED =
      post(
          "1800000000000000002",
          "Road closed on the A-6 #PolTwt",
          List.of("1800000000000000002", "1800000000000000003"));

  /** The id of a post the platform no longer returns (deleted, made private, suspended). */
  protected static final String GONE = "1800000000000000009";

  /**
   * Creates a lookup whose platform returns exactly these posts and no other.
   *
   * @param present the posts the platform still returns
   * @return the lookup
   */
  protected abstract TweetLookup newLookup(List<Tweet> present);

  /**
   * Creates a lookup that cannot ask its platform: the service is down or refuses.
   *
   * @return the lookup
   */
  protected abstract TweetLookup unreachableLookup();

  /**
   * A post of {@link #UNCHANGED}'s author.
   *
   * @param id the post's id
   * @param text its text
   * @param editHistory its edit history, or empty for a post never edited
   * @return the post
   */
  protected static Tweet post(String id, String text, List<String> editHistory) {
    return Tweet.builder()
        .id(id)
        .authorId("2244994945")
        .authorHandle(TwitterHandle.of("PoliciaMadrid"))
        .text(text)
        .createdAt(Instant.parse("2026-06-05T08:30:00Z"))
        .editHistory(editHistory)
        .build();
  }

  /** Posts still returned come back under the ids asked for, with their text and edits. */
  @Test
  public void returnedPostsComeBackUnderTheirIds() {
    Map<String, Tweet> found =
        newLookup(List.of(UNCHANGED, EDITED)).lookup(List.of(UNCHANGED.id(), EDITED.id()));

    assertThat(found).containsOnlyKeys(UNCHANGED.id(), EDITED.id());
    for (Tweet expected : List.of(UNCHANGED, EDITED)) {
      Tweet t = found.get(expected.id());
      assertThat(t.id()).isEqualTo(expected.id());
      assertThat(t.text()).isEqualTo(expected.text());
      assertThat(t.authorId()).isEqualTo(expected.authorId());
      assertThat(t.createdAt()).isEqualTo(expected.createdAt());
      assertThat(t.editHistory()).isEqualTo(expected.editHistory());
    }
    assertThat(found.get(EDITED.id()).editHistory()).last().isNotEqualTo(EDITED.id());
  }

  /** A post the platform no longer returns is missing from the answer, never an error. */
  @Test
  public void aPostNoLongerReturnedIsMissing() {
    Map<String, Tweet> found = newLookup(List.of(UNCHANGED)).lookup(List.of(GONE, UNCHANGED.id()));

    assertThat(found).containsOnlyKeys(UNCHANGED.id());
  }

  /** Nothing asked, nothing answered; an id asked twice is answered once. */
  @Test
  public void anEmptyQuestionAndDuplicates() {
    TweetLookup lookup = newLookup(List.of(UNCHANGED));

    assertThat(lookup.lookup(List.of())).isEmpty();
    assertThat(lookup.lookup(List.of(UNCHANGED.id(), UNCHANGED.id())))
        .containsOnlyKeys(UNCHANGED.id());
  }

  /** More ids than one request takes are all answered: the lookup batches them itself. */
  @Test
  public void manyIdsAreAllAnswered() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(Long.toString(1_800_000_000_000_001_000L + i));
    }
    ids.add(125, EDITED.id());
    ids.add(UNCHANGED.id());

    Map<String, Tweet> found = newLookup(List.of(UNCHANGED, EDITED)).lookup(ids);

    assertThat(found).containsOnlyKeys(UNCHANGED.id(), EDITED.id());
  }

  /** A null question is refused. */
  @Test
  public void nullIsRefused() {
    assertThatNullPointerException().isThrownBy(() -> newLookup(List.of()).lookup(null));
  }

  /**
   * A platform that cannot be asked is a typed failure, never an answer that all posts are gone.
   */
  @Test
  public void anUnreachablePlatformFailsRatherThanSayingEverythingIsGone() {
    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> unreachableLookup().lookup(List.of(UNCHANGED.id())));
  }
}

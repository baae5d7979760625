package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.HarvestCheckpointStore;

/** What every {@link HarvestCheckpointStore} must do. Extend it with {@link #newStore()}. */
public abstract class HarvestCheckpointStoreContract {
  /** An instant the checkpoints' bounds start from. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** The store under test, new for each test. */
  protected HarvestCheckpointStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract HarvestCheckpointStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  private static HarvestCheckpoint midPass(int edition, String query, String token) {
    return new HarvestCheckpoint(
        edition,
        query,
        Optional.empty(),
        Optional.of(T0),
        T0.plusSeconds(50 * 3600),
        Optional.of(token),
        Optional.of("1400000000000000001"),
        2_500);
  }

  /** A saved checkpoint is found as saved. */
  @Test
  public void aSavedCheckpointIsFoundAsSaved() {
    HarvestCheckpoint c = midPass(6, "#PolTwt", "b26v89c19zqg8o3fpdm");
    store.save(c);

    assertThat(store.find(6, "#PolTwt")).hasValue(c);
    assertThat(store.find(6, "#PolTwt lang:en")).isEmpty();
    assertThat(store.find(7, "#PolTwt")).isEmpty();
  }

  /** A checkpoint with only its end round trips. */
  @Test
  public void aCheckpointWithOnlyItsEndRoundTrips() {
    HarvestCheckpoint c =
        new HarvestCheckpoint(
            6,
            "(#PolTwt OR #TimeToUnify) -is:retweet",
            Optional.of("1399999999999999999"),
            Optional.empty(),
            T0.plusNanos(123_456_000),
            Optional.empty(),
            Optional.empty());
    store.save(c);

    assertThat(store.find(6, c.query())).hasValue(c);
  }

  /** A save replaces the checkpoint of its edition and query. */
  @Test
  public void aSaveReplacesTheCheckpointOfItsEditionAndQuery() {
    store.save(midPass(6, "#PolTwt", "page2"));
    HarvestCheckpoint later = midPass(6, "#PolTwt", "page3");
    store.save(later);

    assertThat(store.find(6, "#PolTwt")).hasValue(later);
  }

  /** Editions and queries are kept apart and cleared apart. */
  @Test
  public void editionsAndQueriesAreKeptApartAndClearedApart() {
    HarvestCheckpoint a = midPass(6, "#PolTwt", "a");
    HarvestCheckpoint b = midPass(6, "#PolTwt -is:retweet", "b");
    HarvestCheckpoint c = midPass(7, "#PolTwt", "c");
    store.save(a);
    store.save(b);
    store.save(c);

    store.clear(6, "#PolTwt");
    store.clear(8, "#PolTwt");

    assertThat(store.find(6, "#PolTwt")).isEmpty();
    assertThat(store.find(6, "#PolTwt -is:retweet")).hasValue(b);
    assertThat(store.find(7, "#PolTwt")).hasValue(c);
  }

  /** A checkpoint can be saved again after it was cleared. */
  @Test
  public void aCheckpointCanBeSavedAgainAfterItWasCleared() {
    store.save(midPass(6, "#PolTwt", "a"));
    store.clear(6, "#PolTwt");
    HarvestCheckpoint again = midPass(6, "#PolTwt", "again");
    store.save(again);

    assertThat(store.find(6, "#PolTwt")).hasValue(again);
  }

  /** The posts read are kept with the checkpoint and replaced by the next save. */
  @Test
  public void thePostsReadAreKeptWithTheCheckpointAndReplacedByTheNextSave() {
    HarvestCheckpoint first = midPass(6, "#PolTwt", "page2");
    store.save(first);
    assertThat(store.find(6, "#PolTwt")).map(HarvestCheckpoint::postsRead).hasValue(2_500L);

    HarvestCheckpoint counted = first.withPostsRead(3_000_000_123L);
    store.save(counted);

    assertThat(store.find(6, "#PolTwt")).hasValue(counted);
    assertThat(store.find(6, "#PolTwt").orElseThrow().postsRead()).isEqualTo(3_000_000_123L);
  }

  /** Nulls are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.save(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(6, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.clear(6, null)).isInstanceOf(NullPointerException.class);
  }
}

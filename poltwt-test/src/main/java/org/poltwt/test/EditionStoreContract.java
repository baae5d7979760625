package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.spi.EditionStore;

/**
 * The behaviour every {@link EditionStore} must have. An implementation's test extends this class
 * and supplies {@link #newStore()}; the test methods are public so that subclasses in any package
 * inherit them.
 */
public abstract class EditionStoreContract {
  private EditionStore store;

  /**
   * Creates an empty store. Called once per test, lazily on first use, so after the subclass's own
   * {@code @BeforeEach} methods.
   *
   * @return a new, empty store
   */
  protected abstract EditionStore newStore();

  /**
   * Returns this test's store, creating it on first use.
   *
   * @return the store
   */
  protected final EditionStore store() {
    if (store == null) {
      store = newStore();
    }
    return store;
  }

  /** Forgets the store, so that a subclass with a per-class lifecycle still gets one per test. */
  @AfterEach
  public void forgetStore() {
    store = null;
  }

  /** A new store is empty. */
  @Test
  public void aNewStoreIsEmpty() {
    assertThat(store().all()).isEmpty();
    assertThat(store().find(1)).isEmpty();
  }

  /** Saved edition is found by number. */
  @Test
  public void savedEditionIsFoundByNumber() {
    Edition fifth = Editions.scheduled(5);
    store().save(fifth);

    assertThat(store().find(5)).contains(fifth);
  }

  /** Find of an unknown number is empty. */
  @Test
  public void findOfAnUnknownNumberIsEmpty() {
    store().save(Editions.scheduled(5));

    assertThat(store().find(6)).isEmpty();
  }

  /** Save replaces the edition with the same number. */
  @Test
  public void saveReplacesTheEditionWithTheSameNumber() {
    store().save(Editions.scheduled(5));
    Edition moved = Editions.scheduled(5).toBuilder().date(LocalDate.of(2015, 6, 12)).build();
    store().save(moved);

    assertThat(store().find(5)).contains(moved);
    assertThat(store().all()).containsExactly(moved);
  }

  /** Save replaces a date to be decided with a date. */
  @Test
  public void saveReplacesADateToBeDecidedWithADate() {
    store().save(Editions.dateTbd(6));
    store().save(Editions.scheduled(6));

    assertThat(store().find(6)).contains(Editions.scheduled(6));
  }

  /** All lists editions in number order. */
  @Test
  public void allListsEditionsInNumberOrder() {
    for (int n : new int[] {3, 10, 1, 2}) {
      store().save(Editions.scheduled(n));
    }

    assertThat(store().all()).extracting(Edition::number).containsExactly(1, 2, 3, 10);
  }

  /** All is a snapshot. */
  @Test
  public void allIsASnapshot() {
    store().save(Editions.scheduled(1));
    List<Edition> before = store().all();
    store().save(Editions.scheduled(2));

    assertThat(before).extracting(Edition::number).containsExactly(1);
  }

  /** Edition whose date is to be decided round trips without date. */
  @Test
  public void editionWhoseDateIsToBeDecidedRoundTripsWithoutDate() {
    Edition tbd = Editions.dateTbd(9);
    store().save(tbd);

    Edition found = store().find(9).orElseThrow();
    assertThat(found).isEqualTo(tbd);
    assertThat(found.status()).isEqualTo(EditionStatus.DATE_TBD);
    assertThat(found.date()).isEmpty();
  }

  /** Themes round trip in order. */
  @Test
  public void themesRoundTripInOrder() {
    Edition themed = Editions.scheduledBuilder(4).themes("Zulu", "Alpha", "PolicíaCercana").build();
    store().save(themed);

    assertThat(store().find(4).orElseThrow().themes())
        .containsExactly("Zulu", "Alpha", "PolicíaCercana");
  }

  /** Edition without themes round trips with an empty list. */
  @Test
  public void editionWithoutThemesRoundTripsWithAnEmptyList() {
    store().save(Editions.scheduled(4));

    assertThat(store().find(4).orElseThrow().themes()).isEmpty();
  }

  /** Every value round trips. */
  @Test
  public void everyValueRoundTrips() {
    Edition complete = Editions.complete(3);
    store().save(complete);

    Edition found = store().find(3).orElseThrow();
    // equals covers all of these; they are spelled out so that a failure names what was lost.
    assertThat(found.hashtag()).isEqualTo(complete.hashtag());
    assertThat(found.themes()).isEqualTo(complete.themes());
    assertThat(found.status()).isEqualTo(complete.status());
    assertThat(found.date()).isEqualTo(complete.date());
    assertThat(found.localStart()).isEqualTo(complete.localStart());
    assertThat(found.windowPolicy()).isEqualTo(complete.windowPolicy());
    assertThat(found).isEqualTo(complete);
  }

  /** Save rejects null. */
  @Test
  public void saveRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> store().save(null));
  }
}

package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.LegalHold;
import org.poltwt.spi.RetentionStore;

/**
 * What every {@link RetentionStore} must do. Extend it with {@link #newStore()}; a store whose
 * holds refer to registrations may need them stored first: override {@link #registration(int,
 * String)}.
 */
public abstract class RetentionStoreContract {
  /** An instant the holds' times start from. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** The store under test, new for each test. */
  protected RetentionStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract RetentionStore newStore();

  /**
   * The id of a registration a hold may be set on. This default makes up the id; a store with a
   * foreign key to its registrations stores one first.
   *
   * @param edition the registration's edition
   * @param handle its handle
   * @return its id
   */
  protected UUID registration(int edition, String handle) {
    return Registrations.idFor(edition, handle);
  }

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  /** Without a period of its own, an edition has none; a set one reads back and can be cleared. */
  @Test
  public void anEditionsOwnPeriodIsSetReplacedAndCleared() {
    assertThat(store.period(4)).isEmpty();

    store.setPeriod(4, Duration.ofDays(30));
    store.setPeriod(5, Duration.ZERO);
    assertThat(store.period(4)).contains(Duration.ofDays(30));
    assertThat(store.period(5)).contains(Duration.ZERO);

    store.setPeriod(4, Duration.ofDays(400));
    assertThat(store.period(4)).contains(Duration.ofDays(400));

    store.clearPeriod(4);
    store.clearPeriod(4);
    assertThat(store.period(4)).isEmpty();
    assertThat(store.period(5)).contains(Duration.ZERO);
  }

  /** A negative period or an edition below 1 is refused. */
  @Test
  public void aNegativePeriodIsRefused() {
    assertThatThrownBy(() -> store.setPeriod(4, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period");
    assertThatThrownBy(() -> store.setPeriod(0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edition");
    assertThat(store.period(4)).isEmpty();
  }

  /** A hold reads back as set, listed with its edition's holds only, oldest first. */
  @Test
  public void holdsAreFoundAndListedByEditionOldestFirst() {
    UUID a = registration(6, "HoldA");
    UUID b = registration(6, "HoldB");
    UUID c = registration(7, "HoldC");
    LegalHold later = new LegalHold(a, 6, "Court order 2024/117", T0.plusSeconds(60));
    LegalHold earlier = new LegalHold(b, 6, "Complaint under review", T0);
    LegalHold other = new LegalHold(c, 7, "Subject access request", T0);
    store.hold(later);
    store.hold(earlier);
    store.hold(other);

    assertThat(store.findHold(a)).contains(later);
    assertThat(store.holds(6)).containsExactly(earlier, later);
    assertThat(store.holds(7)).containsExactly(other);
    assertThat(store.holds(8)).isEmpty();
  }

  /** Holding a held registration again replaces its reason and time. */
  @Test
  public void holdingAgainReplacesTheReason() {
    UUID a = registration(6, "HoldA");
    store.hold(new LegalHold(a, 6, "First reason", T0));
    LegalHold second = new LegalHold(a, 6, "Second reason, with ünïcödé", T0.plusSeconds(5));
    store.hold(second);

    assertThat(store.findHold(a)).contains(second);
    assertThat(store.holds(6)).containsExactly(second);
  }

  /** A reason of the longest length round trips. */
  @Test
  public void theLongestReasonRoundTrips() {
    UUID a = registration(6, "HoldA");
    LegalHold hold = new LegalHold(a, 6, "r".repeat(LegalHold.MAX_REASON_LENGTH), T0);
    store.hold(hold);
    assertThat(store.findHold(a)).contains(hold);
  }

  /** A released hold is gone; releasing again, or a registration without one, says false. */
  @Test
  public void releasingAHoldRemovesItOnce() {
    UUID a = registration(6, "HoldA");
    UUID b = registration(6, "HoldB");
    store.hold(new LegalHold(a, 6, "Court order", T0));
    store.hold(new LegalHold(b, 6, "Court order", T0));

    assertThat(store.release(a)).isTrue();
    assertThat(store.release(a)).isFalse();
    assertThat(store.findHold(a)).isEmpty();
    assertThat(store.holds(6)).extracting(LegalHold::registrationId).containsExactly(b);
  }

  /**
   * Of concurrent releases of one hold, exactly one says it released it.
   *
   * @throws Exception if a release fails
   */
  @Test
  public void ofConcurrentReleasesOneWins() throws Exception {
    UUID a = registration(6, "HoldA");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        store.hold(new LegalHold(a, 6, "Court order", T0));
        List<Callable<Boolean>> releases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          releases.add(() -> store.release(a));
        }
        int released = 0;
        for (Future<Boolean> f : pool.invokeAll(releases)) {
          released += f.get() ? 1 : 0;
        }
        assertThat(released).as("round " + round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.Lease;
import org.poltwt.spi.LeaseStore;

/**
 * What every {@link LeaseStore} must do: a lease held by one holder until it expires or is released
 * by that holder, renewed by its holder, taken over once expired, and won by exactly one of racing
 * takers. Extend it with {@link #newStore()}.
 */
public abstract class LeaseStoreContract {
  /** The first acquire in each test. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** How long the leases of these tests last. */
  protected static final Duration TTL = Duration.ofMinutes(1);

  /** How many threads race for one lease. */
  public static final int RACERS = 8;

  /** The store under test, new for each test. */
  protected LeaseStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract LeaseStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  /** A free lease is granted for its time to live, and found until it expires. */
  @Test
  public void aFreeLeaseIsAcquiredUntilItExpires() {
    Lease lease = new Lease("harvest.edition-6", "instance-a", T0.plus(TTL));

    assertThat(store.acquire("harvest.edition-6", "instance-a", T0, TTL)).hasValue(lease);
    assertThat(store.find("harvest.edition-6", T0)).hasValue(lease);
    assertThat(store.find("harvest.edition-6", T0.plus(TTL).minusNanos(1_000))).hasValue(lease);
    assertThat(store.find("harvest.edition-6", T0.plus(TTL))).isEmpty();
    assertThat(store.find("other", T0)).isEmpty();
  }

  /** A lease another holds is refused, and stays theirs. */
  @Test
  public void aHeldLeaseIsRefusedToAnother() {
    Lease a = store.acquire("sweep", "a", T0, TTL).orElseThrow();

    assertThat(store.acquire("sweep", "b", T0.plusSeconds(30), TTL)).isEmpty();
    assertThat(store.acquire("sweep", "b", T0.plus(TTL).minusNanos(1_000), TTL)).isEmpty();
    assertThat(store.find("sweep", T0.plusSeconds(30))).hasValue(a);
  }

  /** Its holder renews a lease, from the time of the renewal. */
  @Test
  public void theHolderRenewsItsLease() {
    store.acquire("sweep", "a", T0, TTL);
    Lease renewed = new Lease("sweep", "a", T0.plusSeconds(30).plus(TTL));

    assertThat(store.acquire("sweep", "a", T0.plusSeconds(30), TTL)).hasValue(renewed);
    assertThat(store.find("sweep", T0.plus(TTL))).hasValue(renewed);
    assertThat(store.acquire("sweep", "b", T0.plus(TTL), TTL)).isEmpty();
  }

  /** From its expiry on, a lease may be taken by another, and is then theirs. */
  @Test
  public void anExpiredLeaseIsTakenOver() {
    store.acquire("sweep", "a", T0, TTL);
    Instant expiry = T0.plus(TTL);
    Lease b = new Lease("sweep", "b", expiry.plus(TTL));

    assertThat(store.acquire("sweep", "b", expiry, TTL)).hasValue(b);
    assertThat(store.acquire("sweep", "a", expiry.plusSeconds(1), TTL)).isEmpty();
    assertThat(store.find("sweep", expiry.plusSeconds(1))).hasValue(b);
  }

  /** Only the holder releases a lease; a release by another holder does nothing. */
  @Test
  public void onlyTheHolderReleases() {
    Lease a = store.acquire("sweep", "a", T0, TTL).orElseThrow();

    assertThat(store.release("sweep", "b")).isFalse();
    assertThat(store.find("sweep", T0)).hasValue(a);
    assertThat(store.release("sweep", "a")).isTrue();
    assertThat(store.release("sweep", "a")).isFalse();
    assertThat(store.release("unknown", "a")).isFalse();
    assertThat(store.find("sweep", T0)).isEmpty();
    assertThat(store.acquire("sweep", "b", T0.plusSeconds(1), TTL)).isPresent();
  }

  /** Leases of different names are apart. */
  @Test
  public void namesAreApart() {
    store.acquire("one", "a", T0, TTL);

    assertThat(store.acquire("two", "b", T0, TTL)).isPresent();
    assertThat(store.find("one", T0).orElseThrow().holder()).isEqualTo("a");
  }

  /** Purging deletes and counts the leases expired at the time, including those ending then. */
  @Test
  public void purgeDeletesTheExpiredOnly() {
    store.acquire("early", "a", T0, TTL);
    Lease late = store.acquire("late", "a", T0, TTL.multipliedBy(2)).orElseThrow();

    assertThat(store.purgeExpired(T0.plus(TTL))).isEqualTo(1);
    assertThat(store.purgeExpired(T0.plus(TTL))).isZero();
    assertThat(store.find("late", T0)).hasValue(late);
    assertThat(store.release("early", "a")).isFalse(); // gone, not just expired
  }

  /** Malformed names and holders and a time to live that is not positive are refused. */
  @Test
  public void malformedArgumentsAreRefused() {
    for (String bad : List.of("", "has space", "ünicode", "x".repeat(201))) {
      assertThatThrownBy(() -> store.acquire(bad, "a", T0, TTL))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.acquire("sweep", bad, T0, TTL))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.acquire("sweep", "a", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.acquire("sweep", "a", T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.find("sweep", T0)).isEmpty();
  }

  /** Null arguments are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.acquire(null, "a", T0, TTL))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.acquire("n", null, T0, TTL))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.acquire("n", "a", null, TTL))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.acquire("n", "a", T0, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.release(null, "a")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.release("n", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null, T0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find("n", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.purgeExpired(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * Of {@value #RACERS} holders racing for a free lease, and then for the same lease once expired,
   * exactly one wins each time, and the stored lease is the winner's.
   *
   * @throws Exception if an acquire failed
   */
  @Test
  public void ofRacingTakersExactlyOneWins() throws Exception {
    Lease first = exactlyOneWinner(store, store, "harvest", T0);
    assertThat(store.find("harvest", T0)).hasValue(first);

    Lease second = exactlyOneWinner(store, store, "harvest", first.expiry());
    assertThat(store.find("harvest", first.expiry())).hasValue(second);
  }

  /**
   * Has {@value #RACERS} holders, alternating between two stores, acquire one lease at once, and
   * checks that exactly one got it.
   *
   * @param a one store
   * @param b another store on the same data (or the same store)
   * @param name the lease
   * @param now the time each acquire gives
   * @return the winner's lease
   * @throws Exception if an acquire failed
   */
  protected static Lease exactlyOneWinner(LeaseStore a, LeaseStore b, String name, Instant now)
      throws Exception {
    List<Optional<Lease>> results =
        Racers.race(
            RACERS,
            i ->
                () ->
                    (i % 2 == 0 ? a : b)
                        .acquire(name, "racer-" + now.getEpochSecond() + "-" + i, now, TTL));
    List<Lease> won = results.stream().flatMap(Optional::stream).toList();
    assertThat(won).as("leases granted to racers").hasSize(1);
    return won.get(0);
  }
}

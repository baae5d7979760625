package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.HeldAction;
import org.poltwt.spi.HeldActionStore;

/**
 * What every {@link HeldActionStore} must do: an action held once per key and known until it
 * expires, claimed by exactly one confirmation even when they race, a result recorded only after
 * the claim, and purging of the expired. Extend it with {@link #newStore()}.
 */
public abstract class HeldActionStoreContract {
  /** When the actions of these tests are held. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** How long the actions of these tests are kept. */
  protected static final Duration KEPT = Duration.ofHours(1);

  /** How many threads race to claim one action. */
  public static final int RACERS = 8;

  /** The store under test, new for each test. */
  protected HeldActionStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract HeldActionStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  /**
   * An announcement held by an administrator at {@link #T0}, kept {@link #KEPT}.
   *
   * @param key its key
   * @return the action, waiting
   */
  protected static HeldAction action(String key) {
    return HeldAction.waiting(
        key,
        "admin",
        "announcement.send",
        "{\"edition\":6,\"announcement\":12}",
        T0,
        T0.plus(KEPT));
  }

  /** A held action is found as held until it expires, and not from its expiry on. */
  @Test
  public void aHeldActionIsFoundUntilItExpires() {
    HeldAction a = action("k1");

    assertThat(store.hold(a)).isTrue();
    assertThat(store.find("k1", T0)).hasValue(a);
    assertThat(store.find("k1", a.expiry().minusNanos(1_000))).hasValue(a);
    assertThat(store.find("k1", a.expiry())).isEmpty();
    assertThat(store.find("k2", T0)).isEmpty();
  }

  /** Holding a key held already returns false and changes nothing, before and after its claim. */
  @Test
  public void holdingADuplicateKeyChangesNothing() {
    HeldAction a = action("k1");
    store.hold(a);
    HeldAction other =
        HeldAction.waiting(
            "k1", "ben", "other.kind", "{}", T0.plusSeconds(5), T0.plus(KEPT.multipliedBy(2)));

    assertThat(store.hold(other)).isFalse();
    assertThat(store.find("k1", T0)).hasValue(a);

    store.claim("k1", T0.plusSeconds(1));
    store.complete("k1", "sent 3");
    assertThat(store.hold(a)).isFalse();
    assertThat(store.find("k1", T0).orElseThrow().result()).hasValue("sent 3");
  }

  /** An action that is claimed already cannot be held. */
  @Test
  public void aClaimedActionIsNotHeld() {
    HeldAction a = action("k1");
    HeldAction claimed =
        new HeldAction(
            a.key(),
            a.account(),
            a.kind(),
            a.payload(),
            a.held(),
            a.expiry(),
            true,
            Optional.empty());

    assertThatThrownBy(() -> store.hold(claimed)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find("k1", T0)).isEmpty();
  }

  /** A waiting action is claimed once; the claim shows, without a result yet. */
  @Test
  public void anActionIsClaimedOnce() {
    HeldAction a = action("k1");
    store.hold(a);

    assertThat(store.claim("k1", T0.plusSeconds(60))).isTrue();
    assertThat(store.claim("k1", T0.plusSeconds(61))).isFalse();
    assertThat(store.find("k1", T0.plusSeconds(62)))
        .hasValue(
            new HeldAction(
                a.key(),
                a.account(),
                a.kind(),
                a.payload(),
                a.held(),
                a.expiry(),
                true,
                Optional.empty()));
  }

  /** An expired or unknown action is not claimed. */
  @Test
  public void anExpiredOrUnknownActionIsNotClaimed() {
    HeldAction a = action("k1");
    store.hold(a);

    assertThat(store.claim("k1", a.expiry())).isFalse();
    assertThat(store.claim("unknown", T0)).isFalse();
    assertThat(store.find("k1", T0).orElseThrow().claimed()).isFalse();
  }

  /** A result is recorded only for a claimed action; for others, completing does nothing. */
  @Test
  public void aResultIsRecordedOnlyAfterTheClaim() {
    HeldAction a = action("k1");
    store.hold(a);

    store.complete("k1", "sent 3");
    store.complete("unknown", "sent 3");
    assertThat(store.find("k1", T0)).hasValue(a);

    store.claim("k1", T0.plusSeconds(1));
    store.complete("k1", "sent 3");
    assertThat(store.find("k1", T0.plusSeconds(2)))
        .hasValue(
            new HeldAction(
                a.key(),
                a.account(),
                a.kind(),
                a.payload(),
                a.held(),
                a.expiry(),
                true,
                Optional.of("sent 3")));
    assertThat(store.find("unknown", T0)).isEmpty();
  }

  /** A result longer than the longest kept is refused, and nothing is recorded. */
  @Test
  public void aResultTooLongIsRefused() {
    store.hold(action("k1"));
    store.claim("k1", T0);

    assertThatThrownBy(() -> store.complete("k1", "x".repeat(HeldAction.MAX_RESULT + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find("k1", T0).orElseThrow().result()).isEmpty();
  }

  /** The longest payload and result, beyond ASCII, and instants to the microsecond read back. */
  @Test
  public void theLongestTextsReadBack() {
    HeldAction big =
        HeldAction.waiting(
            "k1",
            "ö".repeat(64),
            "announcement.send",
            "ü".repeat(HeldAction.MAX_PAYLOAD),
            T0.plusNanos(123_000),
            T0.plus(KEPT));
    String result = "é".repeat(HeldAction.MAX_RESULT);

    assertThat(store.hold(big)).isTrue();
    assertThat(store.find("k1", T0.plusSeconds(1))).hasValue(big);
    store.claim("k1", T0.plusSeconds(1));
    store.complete("k1", result);
    assertThat(store.find("k1", T0.plusSeconds(2)).orElseThrow().result()).hasValue(result);
  }

  /** Purging deletes and counts the actions expired at the time, confirmed or not. */
  @Test
  public void purgeDeletesTheExpiredOnly() {
    store.hold(action("early"));
    store.claim("early", T0);
    HeldAction late =
        HeldAction.waiting(
            "late", "admin", "announcement.send", "{}", T0, T0.plus(KEPT.multipliedBy(2)));
    store.hold(late);

    assertThat(store.purgeExpired(T0.plus(KEPT))).isEqualTo(1);
    assertThat(store.purgeExpired(T0.plus(KEPT))).isZero();
    assertThat(store.find("late", T0)).hasValue(late);
    assertThat(store.hold(action("early"))).isTrue(); // its key is free again
  }

  /** Null arguments are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.hold(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null, T0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.claim(null, T0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.claim("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.complete(null, "r")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.complete("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.purgeExpired(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * Of {@value #RACERS} confirmations claiming one action at once, exactly one gets it.
   *
   * @throws Exception if a claim failed
   */
  @Test
  public void ofRacingClaimsExactlyOneWins() throws Exception {
    store.hold(action("k1"));

    assertThat(claimsWon(store, store, "k1")).isEqualTo(1);
    assertThat(store.find("k1", T0).orElseThrow().claimed()).isTrue();
  }

  /**
   * Has {@value #RACERS} threads, alternating between two stores, claim one held action at once.
   *
   * @param a one store
   * @param b another store on the same data (or the same store)
   * @param key the action's key
   * @return how many claims succeeded
   * @throws Exception if a claim failed
   */
  protected static int claimsWon(HeldActionStore a, HeldActionStore b, String key)
      throws Exception {
    List<Boolean> won =
        Racers.race(RACERS, i -> () -> (i % 2 == 0 ? a : b).claim(key, T0.plusSeconds(1)));
    return (int) won.stream().filter(w -> w).count();
  }
}

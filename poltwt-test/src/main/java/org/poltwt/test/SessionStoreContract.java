package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.OrganiserAccount.Role;
import org.poltwt.spi.OrganiserSession;
import org.poltwt.spi.SessionStore;

/**
 * What every {@link SessionStore} must do: sessions found until their expiry and not after, one
 * session per hash even when opens race, and the ends (one, an account's, the expired) counted
 * exactly. Extend it with {@link #newStore()}.
 */
public abstract class SessionStoreContract {
  /** When the first session opens. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** How long the sessions of these tests last. */
  protected static final Duration LENGTH = Duration.ofHours(8);

  /** How many threads race to open one hash. */
  public static final int RACERS = 8;

  /** The store under test, new for each test. */
  protected SessionStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract SessionStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  /**
   * A well-formed hash made from a number, so each test's sessions differ.
   *
   * @param n the number
   * @return 64 lower-case hex digits
   */
  protected static String hash(long n) {
    return String.format("%064x", n);
  }

  /**
   * An administrator's session opened at {@link #T0}, lasting {@link #LENGTH}.
   *
   * @param n the number its hash is made from
   * @param account the account
   * @return the session
   */
  protected static OrganiserSession session(long n, String account) {
    return new OrganiserSession(hash(n), account, Role.ADMIN, T0, T0.plus(LENGTH));
  }

  /** A session is found until its expiry, and not from its expiry on. */
  @Test
  public void aSessionIsFoundUntilItsExpiry() {
    OrganiserSession s = session(1, "ana");
    store.open(s);

    assertThat(store.find(s.idHash(), T0)).hasValue(s);
    assertThat(store.find(s.idHash(), s.expiry().minusNanos(1_000))).hasValue(s);
    assertThat(store.find(s.idHash(), s.expiry())).isEmpty();
    assertThat(store.find(s.idHash(), s.expiry().plusSeconds(1))).isEmpty();
    assertThat(store.find(hash(2), T0)).isEmpty();
  }

  /** Roles, names and instants to the microsecond read back as opened. */
  @Test
  public void aSessionReadsBackAsOpened() {
    OrganiserSession reviewer =
        new OrganiserSession(
            hash(0xabcdefL), "ö".repeat(64), Role.REVIEWER, T0.plusNanos(123_000), T0.plus(LENGTH));
    store.open(reviewer);

    assertThat(store.find(reviewer.idHash(), T0.plusSeconds(1))).hasValue(reviewer);
  }

  /** A second session with a stored hash is refused, and the first one stays as it was. */
  @Test
  public void aStoredHashIsNotOpenedAgain() {
    OrganiserSession first = session(1, "ana");
    store.open(first);

    assertThatThrownBy(() -> store.open(session(1, "ben")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.find(first.idHash(), T0)).hasValue(first);
  }

  /** Closing ends one session; closing one that is not stored does nothing. */
  @Test
  public void closeEndsOneSession() {
    store.open(session(1, "ana"));
    store.open(session(2, "ana"));

    store.close(hash(1));
    store.close(hash(1));
    store.close(hash(3));

    assertThat(store.find(hash(1), T0)).isEmpty();
    assertThat(store.find(hash(2), T0)).isPresent();
  }

  /** Closing an account's sessions counts them and leaves other accounts' alone. */
  @Test
  public void closeAllOfEndsAndCountsOneAccountsSessions() {
    store.open(session(1, "ana"));
    store.open(session(2, "ana"));
    store.open(session(3, "ben"));

    assertThat(store.closeAllOf("ana")).isEqualTo(2);
    assertThat(store.closeAllOf("ana")).isZero();
    assertThat(store.closeAllOf("nobody")).isZero();
    assertThat(store.find(hash(1), T0)).isEmpty();
    assertThat(store.find(hash(2), T0)).isEmpty();
    assertThat(store.find(hash(3), T0)).isPresent();
  }

  /** Purging deletes and counts the sessions expired at the time, including those ending then. */
  @Test
  public void purgeDeletesTheExpiredOnly() {
    OrganiserSession early =
        new OrganiserSession(hash(1), "ana", Role.ADMIN, T0, T0.plusSeconds(60));
    OrganiserSession late =
        new OrganiserSession(hash(2), "ana", Role.ADMIN, T0, T0.plusSeconds(120));
    store.open(early);
    store.open(late);

    assertThat(store.purgeExpired(T0.plusSeconds(60))).isEqualTo(1);
    assertThat(store.purgeExpired(T0.plusSeconds(60))).isZero();
    assertThat(store.find(late.idHash(), T0)).hasValue(late);
    assertThat(store.closeAllOf("ana")).isEqualTo(1); // the early one is gone, not just hidden
  }

  /** Null arguments are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.open(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null, T0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(hash(1), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.close(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.closeAllOf(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.purgeExpired(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * Of {@value #RACERS} opens of one hash at once, exactly one succeeds and the others are refused.
   *
   * @throws Exception if a racer failed otherwise
   */
  @Test
  public void ofRacingOpensOfOneHashExactlyOneSucceeds() throws Exception {
    assertThat(exactlyOneOpens(store, store, hash(7))).isEqualTo(1);
  }

  /**
   * Has {@value #RACERS} threads, alternating between two stores, open a session with one hash.
   *
   * @param a one store
   * @param b another store on the same data (or the same store)
   * @param idHash the hash
   * @return how many opens succeeded
   * @throws Exception if an open failed other than by refusing the hash
   */
  protected static int exactlyOneOpens(SessionStore a, SessionStore b, String idHash)
      throws Exception {
    List<Boolean> opened =
        Racers.race(
            RACERS,
            i ->
                () -> {
                  SessionStore racer = i % 2 == 0 ? a : b;
                  try {
                    racer.open(
                        new OrganiserSession(idHash, "racer" + i, Role.ADMIN, T0, T0.plus(LENGTH)));
                    return true;
                  } catch (IllegalStateException refused) {
                    return false;
                  }
                });
    return (int) opened.stream().filter(o -> o).count();
  }
}

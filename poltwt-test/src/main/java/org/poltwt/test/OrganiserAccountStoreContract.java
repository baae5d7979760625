package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.OrganiserAccountStore;

/** What every {@link OrganiserAccountStore} must do. Extend it with {@link #newStore()}. */
public abstract class OrganiserAccountStoreContract {
  /** An instant the accounts start from, whole microseconds as every store keeps. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "0123456789abcdef".repeat(4);
  private static final String PHC =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA"
          + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  /** The store under test, new and empty for each test. */
  protected OrganiserAccountStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract OrganiserAccountStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  private static OrganiserAccount invited(String name, String hash) {
    return OrganiserAccount.invited(
        name,
        name + "@organisers.example",
        OrganiserAccount.Role.REVIEWER,
        hash,
        T0.plusSeconds(3 * 86_400),
        T0);
  }

  /** An inserted account is found by name and by its invitation. */
  @Test
  public void anInsertedAccountIsFoundByNameAndInvitation() {
    OrganiserAccount a = invited("reviewer.one", HASH_A);

    assertThat(store.insert(a)).isTrue();

    assertThat(store.find("reviewer.one")).contains(a);
    assertThat(store.findByInvitation(HASH_A)).contains(a);
    assertThat(store.findByInvitation(HASH_B)).isEmpty();
    assertThat(store.find("reviewer.two")).isEmpty();
  }

  /** A name is taken once; the second insert changes nothing. */
  @Test
  public void aNameIsTakenOnce() {
    OrganiserAccount first = invited("admin", HASH_A);
    store.insert(first);

    assertThat(store.insert(invited("admin", HASH_B))).isFalse();
    assertThat(store.find("admin")).contains(first);
  }

  /** An update replaces every field, optional ones included. */
  @Test
  public void anUpdateReplacesEveryField() {
    store.insert(invited("admin", HASH_A));
    OrganiserAccount changed =
        new OrganiserAccount(
            "admin",
            "someone.else@organisers.example",
            OrganiserAccount.Role.ADMIN,
            Optional.of(PHC),
            Optional.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
            Optional.empty(),
            Optional.empty(),
            T0.plusNanos(5_000),
            true);

    store.update(changed);

    assertThat(store.find("admin")).contains(changed);
    assertThat(store.findByInvitation(HASH_A)).isEmpty();
  }

  /** Taking up an invitation sets the password and ends the invitation. */
  @Test
  public void takingUpAnInvitationEndsIt() {
    store.insert(invited("reviewer", HASH_A));
    OrganiserAccount set = store.findByInvitation(HASH_A).orElseThrow().withPassword(PHC);

    store.update(set);

    assertThat(store.findByInvitation(HASH_A)).isEmpty();
    assertThat(store.find("reviewer").orElseThrow().passwordHash()).contains(PHC);
    store.update(set.withInvitation(HASH_B, T0.plusSeconds(60)));
    assertThat(store.findByInvitation(HASH_B).map(OrganiserAccount::name)).contains("reviewer");
  }

  /** Updating an account that does not exist fails. */
  @Test
  public void updatingAMissingAccountFails() {
    assertThatThrownBy(() -> store.update(invited("ghost", HASH_A)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.all()).isEmpty();
  }

  /** Every account is listed, by name. */
  @Test
  public void everyAccountIsListedByName() {
    store.insert(invited("zoe", HASH_A));
    store.insert(invited("adam", HASH_B));
    store.insert(invited("mia", "b".repeat(64)));

    assertThat(store.all())
        .extracting(OrganiserAccount::name)
        .containsExactly("adam", "mia", "zoe");
  }

  /** Nulls are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.insert(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.findByInvitation(null)).isInstanceOf(NullPointerException.class);
  }
}

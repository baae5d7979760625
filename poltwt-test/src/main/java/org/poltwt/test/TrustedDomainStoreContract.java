package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TrustedDomainStore;

/** What every {@link TrustedDomainStore} must do. Extend it with {@link #newStore()}. */
public abstract class TrustedDomainStoreContract {
  /** When the first decision is made. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** The store under test, new for each test. */
  protected TrustedDomainStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract TrustedDomainStore newStore();

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  /** A saved decision is found as saved, and only under its exact domain. */
  @Test
  public void aSavedDecisionIsFoundAsSaved() {
    TrustedDomain d = new TrustedDomain("police.example", true, "checked on its site", "ana", T0);
    store.save(d);

    assertThat(store.find("police.example")).hasValue(d);
    assertThat(store.find("mail.police.example")).isEmpty();
    assertThat(store.find("example")).isEmpty();
  }

  /** A later decision replaces the earlier one; a revocation is kept, not deleted. */
  @Test
  public void aLaterDecisionReplacesTheEarlierOne() {
    store.save(new TrustedDomain("police.example", true, "", "ana", T0));
    TrustedDomain revoked =
        new TrustedDomain("police.example", false, "domain lapsed", "ben", T0.plusSeconds(60));
    store.save(revoked);

    assertThat(store.find("police.example")).hasValue(revoked);
    assertThat(store.list()).containsExactly(revoked);
  }

  /** The list holds every decision, ordered by domain. */
  @Test
  public void theListIsOrderedByDomain() {
    TrustedDomain b = new TrustedDomain("b-police.example", true, "", "ana", T0);
    TrustedDomain a = new TrustedDomain("a-police.example", false, "", "ana", T0);
    TrustedDomain c = new TrustedDomain("c.police.example", true, "note", "ana", T0);
    store.save(b);
    store.save(c);
    store.save(a);

    assertThat(store.list()).isEqualTo(List.of(a, b, c));
  }

  /** Notes and names of the longest length kept round trip, non-ASCII included. */
  @Test
  public void longTextsRoundTrip() {
    TrustedDomain d =
        new TrustedDomain(
            "xn--polizei-mnchen-bsb.example",
            true,
            "Ü".repeat(TrustedDomain.MAX_NOTE),
            "ö".repeat(TrustedDomain.MAX_BY),
            T0.plusNanos(123_000));
    store.save(d);

    assertThat(store.find(d.domain())).hasValue(d);
  }

  /** Null arguments are refused. */
  @Test
  public void nullsAreRefused() {
    assertThatThrownBy(() -> store.save(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null)).isInstanceOf(NullPointerException.class);
  }

  /** An empty store lists nothing. */
  @Test
  public void anEmptyStoreListsNothing() {
    assertThat(store.list()).isEmpty();
    assertThat(store.find("police.example")).isEmpty();
  }
}

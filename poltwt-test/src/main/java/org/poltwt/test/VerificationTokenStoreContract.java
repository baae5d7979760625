package org.poltwt.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * The behaviour every {@link VerificationTokenStore} must have. An implementation's test extends
 * this class and supplies {@link #newStore()}; a store whose tokens need their registration to
 * exist (a foreign key) also overrides {@link #prepareRegistration(UUID)}. The test methods are
 * public so that subclasses in any package inherit them.
 *
 * <p>Fixture instants are truncated to microseconds, which is what PostgreSQL keeps. One test marks
 * a token from {@value #RACERS} threads at once.
 */
public abstract class VerificationTokenStoreContract {
  /** How many threads race to mark one token used. */
  protected static final int RACERS = 20;

  /** The registration most tokens belong to. */
  protected static final UUID REGISTRATION = Registrations.idFor(1, "Token_Owner");

  /** A second registration, for what must not leak across registrations. */
  protected static final UUID OTHER_REGISTRATION = Registrations.idFor(1, "Other_Owner");

  private VerificationTokenStore store;

  /**
   * Creates an empty store. Called once per test, lazily on first use, so after the subclass's own
   * {@code @BeforeEach} methods.
   *
   * @return a new, empty store
   */
  protected abstract VerificationTokenStore newStore();

  /**
   * Makes a registration exist wherever the store needs it before tokens can refer to it, for
   * example a row in a {@code registration} table (and its edition). Called for {@link
   * #REGISTRATION} and {@link #OTHER_REGISTRATION} right after {@link #newStore()}. Does nothing
   * unless overridden.
   *
   * @param registrationId the registration's id
   */
  protected void prepareRegistration(UUID registrationId) {}

  /**
   * Returns this test's store, creating it (and preparing the registrations) on first use.
   *
   * @return the store
   */
  protected final VerificationTokenStore store() {
    if (store == null) {
      store = newStore();
      prepareRegistration(REGISTRATION);
      prepareRegistration(OTHER_REGISTRATION);
    }
    return store;
  }

  /** Forgets the store, so that a subclass with a per-class lifecycle still gets one per test. */
  @AfterEach
  public void forgetStore() {
    store = null;
  }

  /** The SHA-256 of a seed, as stores keep token hashes. */
  private static String hash(String seed) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** An unused token issued at a microsecond instant, valid for a day. */
  private static VerificationToken token(String seed, UUID registrationId) {
    Instant issued = Registrations.at(60).plus(Duration.ofNanos(250_001_000)); // microseconds
    return new VerificationToken(
        hash(seed), registrationId, issued, issued.plus(Duration.ofDays(1)), Optional.empty());
  }

  private VerificationToken save(VerificationToken t) {
    store().save(t);
    return t;
  }

  /** Saved token is found by hash. */
  @Test
  public void savedTokenIsFoundByHash() {
    VerificationToken t = save(token("one", REGISTRATION));

    VerificationToken found = store().findByHash(t.hash()).orElseThrow();
    assertThat(found.registrationId()).isEqualTo(REGISTRATION);
    assertThat(found.createdAt()).as("createdAt, to the microsecond").isEqualTo(t.createdAt());
    assertThat(found.expiresAt()).as("expiresAt, to the microsecond").isEqualTo(t.expiresAt());
    assertThat(found.usedAt()).isEmpty();
    assertThat(found).isEqualTo(t);
  }

  /** Find by an unknown hash is empty. */
  @Test
  public void findByAnUnknownHashIsEmpty() {
    save(token("one", REGISTRATION));

    assertThat(store().findByHash(hash("two"))).isEmpty();
  }

  /** Saving a duplicate hash fails. */
  @Test
  public void savingADuplicateHashFails() {
    VerificationToken first = save(token("one", REGISTRATION));
    VerificationToken clash = token("one", OTHER_REGISTRATION);

    assertThatIllegalStateException().isThrownBy(() -> store().save(clash));
    assertThat(store().findByHash(first.hash())).contains(first);
  }

  /** Used at round trips. */
  @Test
  public void usedAtRoundTrips() {
    VerificationToken unused = token("used", REGISTRATION);
    Instant usedAt = unused.createdAt().plus(Duration.ofMinutes(5).plusNanos(999_999_000));
    VerificationToken used =
        save(
            new VerificationToken(
                unused.hash(),
                REGISTRATION,
                unused.createdAt(),
                unused.expiresAt(),
                Optional.of(usedAt)));

    assertThat(store().findByHash(used.hash())).contains(used);
  }

  /** Mark used succeeds once and records when. */
  @Test
  public void markUsedSucceedsOnceAndRecordsWhen() {
    VerificationToken t = save(token("one", REGISTRATION));
    Instant first = t.createdAt().plusSeconds(30);

    assertThat(store().markUsed(t.hash(), first)).isTrue();
    assertThat(store().markUsed(t.hash(), first.plusSeconds(1))).isFalse();

    VerificationToken found = store().findByHash(t.hash()).orElseThrow();
    assertThat(found.usedAt()).contains(first);
    assertThat(found.registrationId()).isEqualTo(t.registrationId());
    assertThat(found.createdAt()).isEqualTo(t.createdAt());
    assertThat(found.expiresAt()).isEqualTo(t.expiresAt());
  }

  /** Mark used of a token saved as used fails. */
  @Test
  public void markUsedOfATokenSavedAsUsedFails() {
    VerificationToken t = token("used", REGISTRATION);
    Instant usedAt = t.createdAt().plusSeconds(1);
    save(
        new VerificationToken(
            t.hash(), REGISTRATION, t.createdAt(), t.expiresAt(), Optional.of(usedAt)));

    assertThat(store().markUsed(t.hash(), usedAt.plusSeconds(1))).isFalse();
    assertThat(store().findByHash(t.hash()).orElseThrow().usedAt()).contains(usedAt);
  }

  /** Mark used of an unknown hash is false. */
  @Test
  public void markUsedOfAnUnknownHashIsFalse() {
    save(token("one", REGISTRATION));

    assertThat(store().markUsed(hash("unknown"), Registrations.at(120))).isFalse();
    assertThat(store().findByHash(hash("unknown"))).isEmpty();
  }

  /** Mark used leaves other tokens unused. */
  @Test
  public void markUsedLeavesOtherTokensUnused() {
    VerificationToken marked = save(token("one", REGISTRATION));
    VerificationToken other = save(token("two", REGISTRATION));

    store().markUsed(marked.hash(), Registrations.at(120));

    assertThat(store().findByHash(other.hash())).contains(other);
  }

  /**
   * Concurrent mark used succeeds exactly once.
   *
   * @throws Exception if the racing threads cannot be run
   */
  @Test
  public void concurrentMarkUsedSucceedsExactlyOnce() throws Exception {
    VerificationTokenStore s = store();
    VerificationToken t = save(token("race", REGISTRATION));
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch ready = new CountDownLatch(RACERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Instant at = t.createdAt().plusSeconds(i + 1L);
        Callable<Boolean> attempt =
            () -> {
              ready.countDown();
              start.await();
              return s.markUsed(t.hash(), at);
            };
        outcomes.add(pool.submit(attempt));
      }
      assertThat(ready.await(30, SECONDS)).as("all racers ready").isTrue();
      start.countDown();

      List<Instant> winners = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        if (outcomes.get(i).get(60, SECONDS)) {
          winners.add(t.createdAt().plusSeconds(i + 1L));
        }
      }
      assertThat(winners).hasSize(1);
      assertThat(store().findByHash(t.hash()).orElseThrow().usedAt()).contains(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Delete for removes only that registrations tokens. */
  @Test
  public void deleteForRemovesOnlyThatRegistrationsTokens() {
    VerificationToken a = save(token("a", REGISTRATION));
    VerificationToken b = save(token("b", REGISTRATION));
    VerificationToken kept = save(token("c", OTHER_REGISTRATION));
    store().markUsed(b.hash(), Registrations.at(120));

    assertThat(store().deleteFor(REGISTRATION)).isEqualTo(2);

    assertThat(store().findByHash(a.hash())).isEmpty();
    assertThat(store().findByHash(b.hash())).isEmpty();
    assertThat(store().findByHash(kept.hash())).contains(kept);
    assertThat(store().deleteFor(REGISTRATION)).isZero();
  }

  /** Delete for a registration without tokens is zero. */
  @Test
  public void deleteForARegistrationWithoutTokensIsZero() {
    VerificationToken kept = save(token("c", OTHER_REGISTRATION));

    assertThat(store().deleteFor(REGISTRATION)).isZero();
    assertThat(store().deleteFor(UUID.randomUUID())).isZero();
    assertThat(store().findByHash(kept.hash())).contains(kept);
  }

  /** A deleted hash may be saved again. */
  @Test
  public void aDeletedHashMayBeSavedAgain() {
    VerificationToken t = save(token("again", REGISTRATION));
    store().deleteFor(REGISTRATION);

    store().save(t);

    assertThat(store().findByHash(t.hash())).contains(t);
  }

  /** Save rejects null. */
  @Test
  public void saveRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> store().save(null));
  }

  /** Latest issued at is the newest token's issue time, used or not, of that registration only. */
  @Test
  public void latestIssuedAtIsTheNewestTokenOfThatRegistration() {
    assertThat(store().latestIssuedAt(REGISTRATION)).isEmpty();
    VerificationToken first = save(token("first", REGISTRATION));
    VerificationToken second =
        save(
            new VerificationToken(
                hash("second"),
                REGISTRATION,
                first.createdAt().plus(Duration.ofMinutes(90)),
                first.expiresAt().plus(Duration.ofMinutes(90)),
                Optional.empty()));
    save(
        new VerificationToken(
            hash("other"),
            OTHER_REGISTRATION,
            first.createdAt().plus(Duration.ofHours(5)),
            first.expiresAt().plus(Duration.ofHours(5)),
            Optional.empty()));
    store().markUsed(second.hash(), second.createdAt().plusSeconds(1));

    assertThat(store().latestIssuedAt(REGISTRATION)).contains(second.createdAt());
    assertThat(store().latestIssuedAt(UUID.randomUUID())).isEmpty();
    store().deleteFor(REGISTRATION);
    assertThat(store().latestIssuedAt(REGISTRATION)).isEmpty();
  }
}

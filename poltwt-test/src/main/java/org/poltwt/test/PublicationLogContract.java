package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.Publication;
import org.poltwt.spi.PublicationClaim;
import org.poltwt.spi.PublicationLog;

/**
 * What every {@link PublicationLog} must do: the claim rule of its javadoc, outcomes recorded once,
 * and at most one of many concurrent claims of a key granted. Extend it with {@link #newStore()}.
 */
public abstract class PublicationLogContract {
  /** The instant of the first claim in each test. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** How long a claim is honoured in these tests. */
  protected static final Duration STALE = Duration.ofMinutes(10);

  /** How many threads race on one key. */
  public static final int RACERS = 8;

  /** A digest of a text. */
  protected static final String DIGEST = "a".repeat(64);

  /** The log under test, new for each test. */
  protected PublicationLog log;

  /**
   * Makes an empty log.
   *
   * @return the log
   */
  protected abstract PublicationLog newStore();

  /** Creates the log. */
  @BeforeEach
  public void createStore() {
    log = newStore();
  }

  /** An unknown key is claimed and recorded. */
  @Test
  public void anUnknownKeyIsClaimedAndRecorded() {
    PublicationClaim claim = log.claim("k", DIGEST, T0, STALE);

    assertThat(claim.granted()).isTrue();
    assertThat(claim.publication()).isEqualTo(Publication.claimed("k", DIGEST, T0));
    assertThat(log.find("k")).hasValue(claim.publication());
    assertThat(log.find("other")).isEmpty();
  }

  /** A fresh claim is not granted twice. */
  @Test
  public void aFreshClaimIsNotGrantedTwice() {
    Publication first = log.claim("k", DIGEST, T0, STALE).publication();

    PublicationClaim second = log.claim("k", DIGEST, T0.plus(STALE).minusSeconds(1), STALE);

    assertThat(second.granted()).isFalse();
    assertThat(second.publication()).isEqualTo(first);
  }

  /** A stale claim is taken over with the next attempt. */
  @Test
  public void aStaleClaimIsTakenOverWithTheNextAttempt() {
    log.claim("k", DIGEST, T0, STALE);

    PublicationClaim taken = log.claim("k", DIGEST, T0.plus(STALE), STALE);

    assertThat(taken.granted()).isTrue();
    assertThat(taken.publication().attempt()).isEqualTo(2);
    assertThat(taken.publication().recordedAt()).isEqualTo(T0);
    assertThat(taken.publication().claimedAt()).isEqualTo(T0.plus(STALE));
    assertThat(log.claim("k", DIGEST, T0.plus(STALE).plusSeconds(1), STALE).granted()).isFalse();
  }

  /** A failed claim is granted again at once. */
  @Test
  public void aFailedClaimIsGrantedAgainAtOnce() {
    log.claim("k", DIGEST, T0, STALE);
    Publication failed = log.markFailed("k", 1);
    assertThat(failed.state()).isEqualTo(Publication.State.FAILED);

    PublicationClaim again = log.claim("k", DIGEST, T0.plusSeconds(1), STALE);

    assertThat(again.granted()).isTrue();
    assertThat(again.publication().state()).isEqualTo(Publication.State.CLAIMED);
    assertThat(again.publication().attempt()).isEqualTo(2);
  }

  /** A holder whose claim was taken over cannot release its successors. */
  @Test
  public void aHolderWhoseClaimWasTakenOverCannotReleaseItsSuccessors() {
    log.claim("k", DIGEST, T0, STALE);
    Publication successor = log.claim("k", DIGEST, T0.plus(STALE), STALE).publication();

    assertThat(log.markFailed("k", 1)).isEqualTo(successor);
    assertThat(log.find("k")).hasValue(successor);
  }

  /** A posted key is never claimed again and keeps its first record. */
  @Test
  public void aPostedKeyIsNeverClaimedAgainAndKeepsItsFirstRecord() {
    log.claim("k", DIGEST, T0, STALE);
    Publication posted = log.markPosted("k", Optional.of("1234"), T0.plusSeconds(3));

    assertThat(posted.state()).isEqualTo(Publication.State.POSTED);
    assertThat(posted.tweetId()).hasValue("1234");
    assertThat(posted.postedAt()).hasValue(T0.plusSeconds(3));
    assertThat(log.markPosted("k", Optional.of("99"), T0.plusSeconds(9))).isEqualTo(posted);
    assertThat(log.markFailed("k", 1)).isEqualTo(posted);
    PublicationClaim later = log.claim("k", DIGEST, T0.plus(STALE.multipliedBy(10)), STALE);
    assertThat(later.granted()).isFalse();
    assertThat(later.publication()).isEqualTo(posted);
  }

  /** A taken over holder still records that it posted. */
  @Test
  public void aTakenOverHolderStillRecordsThatItPosted() {
    log.claim("k", DIGEST, T0, STALE);
    log.claim("k", DIGEST, T0.plus(STALE), STALE);

    Publication posted = log.markPosted("k", Optional.empty(), T0.plus(STALE).plusSeconds(1));

    assertThat(posted.state()).isEqualTo(Publication.State.POSTED);
    assertThat(posted.tweetId()).isEmpty();
    assertThat(posted.attempt()).isEqualTo(2);
  }

  /** A key recorded with another text is never granted. */
  @Test
  public void aKeyRecordedWithAnotherTextIsNeverGranted() {
    log.claim("k", DIGEST, T0, STALE);
    log.markFailed("k", 1);

    PublicationClaim other = log.claim("k", "b".repeat(64), T0.plus(STALE), STALE);

    assertThat(other.granted()).isFalse();
    assertThat(other.publication().textDigest()).isEqualTo(DIGEST);
    assertThat(other.publication().state()).isEqualTo(Publication.State.FAILED);
  }

  /** Outcomes of an unknown key are refused. */
  @Test
  public void outcomesOfAnUnknownKeyAreRefused() {
    assertThatThrownBy(() -> log.markPosted("never", Optional.empty(), T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> log.markFailed("never", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key");
  }

  /** Bad arguments are refused before anything is recorded. */
  @Test
  public void badArgumentsAreRefusedBeforeAnythingIsRecorded() {
    assertThatThrownBy(() -> log.claim(null, DIGEST, T0, STALE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("k", DIGEST, null, STALE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("k", DIGEST, T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("staleAfter");
    assertThatThrownBy(() -> log.claim(" ", DIGEST, T0, STALE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> log.claim("k".repeat(Publication.MAX_KEY_LENGTH + 1), DIGEST, T0, STALE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.find("k")).isEmpty();
  }

  /** Keys are kept as given long ones included. */
  @Test
  public void keysAreKeptAsGivenLongOnesIncluded() {
    String longKey = "edition-6/call/" + "é".repeat(Publication.MAX_KEY_LENGTH - 15);
    log.claim(longKey, DIGEST, T0, STALE);
    log.claim("K", DIGEST, T0, STALE);

    assertThat(log.find(longKey)).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo(longKey));
    assertThat(log.claim("k", DIGEST, T0, STALE).granted()).isTrue();
  }

  /**
   * Of racing claims of one key exactly one is granted.
   *
   * @throws Exception if the racing threads cannot be run
   */
  @Test
  public void ofRacingClaimsOfOneKeyExactlyOneIsGranted() throws Exception {
    assertThat(exactlyOneGranted(log, log, "race", T0)).isEqualTo(1);
    Publication held = log.find("race").orElseThrow();
    assertThat(held.attempt()).isEqualTo(1);
    // And of racing take-overs of a stale claim, exactly one wins too.
    assertThat(exactlyOneGranted(log, log, "race", T0.plus(STALE))).isEqualTo(1);
    assertThat(log.find("race").orElseThrow().attempt()).isEqualTo(2);
  }

  /**
   * Has {@value #RACERS} threads, alternating between two logs, claim one key at once.
   *
   * @param a one log
   * @param b another log on the same data (or the same log)
   * @param key the key
   * @param now the instant each claim gives
   * @return how many claims were granted
   * @throws Exception if a claim failed
   */
  protected static int exactlyOneGranted(
      PublicationLog a, PublicationLog b, String key, Instant now) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PublicationClaim>> claims = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        PublicationLog racer = i % 2 == 0 ? a : b;
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return racer.claim(key, DIGEST, now, STALE);
                }));
      }
      start.countDown();
      int granted = 0;
      for (Future<PublicationClaim> f : claims) {
        if (f.get(30, TimeUnit.SECONDS).granted()) {
          granted++;
        }
      }
      return granted;
    } finally {
      pool.shutdownNow();
    }
  }
}

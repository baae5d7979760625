package org.poltwt.spi.memory;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AccountLookup;
import org.poltwt.spi.AccountLookup.Status;
import org.poltwt.spi.TwitterAccount;

class InMemoryAccountDirectoryTest {
  private static final TwitterAccount POLTWT =
      new TwitterAccount("1234", TwitterHandle.of("PolTwt"), "PolTwt", false, true);

  private static TwitterHandle h(String handle) {
    return TwitterHandle.of(handle);
  }

  @Test
  void unknownHandleIsNotFound() {
    AccountLookup answer = new InMemoryAccountDirectory().lookup(h("nobody"));

    assertThat(answer.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(answer.account()).isEmpty();
    assertThat(answer.handle()).isEqualTo(h("nobody"));
  }

  @Test
  void addedAccountIsFoundInAnyCase() {
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory().add(POLTWT);

    AccountLookup answer = directory.lookup(h("POLTWT"));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.account()).contains(POLTWT);
    assertThat(answer.handle().value()).as("the case Twitter shows").isEqualTo("PolTwt");
  }

  @Test
  void addReplacesTheAccountWithTheSameHandle() {
    TwitterAccount renamed = new TwitterAccount("1234", h("poltwt"), "Global PolTwt", false, true);
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory().add(POLTWT).add(renamed);

    assertThat(directory.lookup(h("PolTwt")).account()).contains(renamed);
  }

  @Test
  void suspendedHandleIsSuspendedWhetherOrNotItWasAdded() {
    InMemoryAccountDirectory directory =
        new InMemoryAccountDirectory().add(POLTWT).suspend(h("poltwt")).suspend(h("Rogue_PD"));

    assertThat(directory.lookup(h("PolTwt")).status()).isEqualTo(Status.SUSPENDED);
    assertThat(directory.lookup(h("rogue_pd")).status()).isEqualTo(Status.SUSPENDED);
    assertThat(directory.lookup(h("rogue_pd")).account()).isEmpty();
  }

  @Test
  void lookupsCountsEveryHandleAsked() {
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory().add(POLTWT);
    assertThat(directory.lookups()).isZero();

    directory.lookup(h("PolTwt"));
    directory.lookup(h("PolTwt"));
    Map<TwitterHandle, AccountLookup> all =
        directory.lookupAll(List.of(h("a"), h("b"), h("A"), h("PolTwt")));

    assertThat(all).hasSize(3);
    assertThat(directory.lookups()).isEqualTo(5);
  }

  @Test
  void acceptingEveryHandleFindsAnyHandleWithAStableNumericId() {
    InMemoryAccountDirectory directory = InMemoryAccountDirectory.acceptingEveryHandle();

    TwitterAccount mixed = directory.lookup(h("Metro_PD")).account().orElseThrow();
    TwitterAccount upper =
        InMemoryAccountDirectory.acceptingEveryHandle()
            .lookup(h("METRO_PD"))
            .account()
            .orElseThrow();
    TwitterAccount other = directory.lookup(h("County_SO")).account().orElseThrow();

    assertThat(mixed.id()).matches("[0-9]+").isEqualTo(upper.id()).isNotEqualTo(other.id());
    assertThat(mixed.handle().value()).isEqualTo("Metro_PD");
    assertThat(mixed.name()).isEqualTo("Metro_PD");
    assertThat(mixed.isProtected()).isFalse();
    assertThat(directory.lookups()).isEqualTo(2);
  }

  @Test
  void acceptingEveryHandleStillAnswersAsToldForAddedAndSuspendedHandles() {
    InMemoryAccountDirectory directory =
        InMemoryAccountDirectory.acceptingEveryHandle().add(POLTWT).suspend(h("Rogue_PD"));

    assertThat(directory.lookup(h("poltwt")).account()).contains(POLTWT);
    assertThat(directory.lookup(h("Rogue_PD")).status()).isEqualTo(Status.SUSPENDED);
    assertThat(directory.lookup(h("Anyone")).status()).isEqualTo(Status.FOUND);
  }

  @Test
  void failNextMakesThatManyLookupsFailThenRecovers() {
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory().add(POLTWT);
    directory.failNext(2);

    for (int i = 0; i < 2; i++) {
      assertThatExceptionOfType(PoltwtException.class)
          .isThrownBy(() -> directory.lookup(h("PolTwt")))
          .satisfies(e -> assertThat(e.code()).isEqualTo("directory.unavailable"));
    }
    assertThat(directory.lookup(h("PolTwt")).status()).isEqualTo(Status.FOUND);
    assertThat(directory.lookups()).isEqualTo(3);
  }

  @Test
  void failNextZeroCancelsPendingFailures() {
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory();
    directory.failNext(3);
    directory.failNext(0);

    assertThat(directory.lookup(h("anyone")).status()).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  void failNextRejectsANegativeCount() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new InMemoryAccountDirectory().failNext(-1));
  }

  @Test
  void concurrentLookupsAreAllCounted() throws Exception {
    InMemoryAccountDirectory directory = InMemoryAccountDirectory.acceptingEveryHandle();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int t = 0; t < 8; t++) {
        pool.submit(
            () -> {
              for (int i = 0; i < 500; i++) {
                directory.lookup(h("h" + i));
              }
            });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(directory.lookups()).isEqualTo(4_000);
  }
}

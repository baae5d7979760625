package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.memory.InMemoryRateLimitStore;
import org.poltwt.test.MutableClock;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final InMemoryRateLimitStore store = new InMemoryRateLimitStore();
  private final LoginThrottle throttle = new LoginThrottle(store, clock);

  @Test
  void theFirstFailuresAreFreeThenTheWaitDoublesUpToFiveMinutes() {
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      assertThat(throttle.wait("admin", "10.0.0.1")).isZero();
      throttle.failed("admin", "10.0.0.1");
    }
    assertThat(throttle.wait("admin", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("admin", "10.0.0.1");
    assertThat(throttle.wait("admin", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 30; i++) {
      throttle.failed("admin", "10.0.0.1");
    }
    assertThat(throttle.wait("admin", "10.0.0.1")).isEqualTo(LoginThrottle.MAX_WAIT);

    clock.advance(LoginThrottle.MAX_WAIT);
    assertThat(throttle.wait("admin", "10.0.0.1")).isZero();
  }

  @Test
  void theAccountIsSlowedFromEveryAddressAndTheAddressForEveryAccount() {
    for (int i = 0; i <= LoginThrottle.FREE; i++) {
      throttle.failed("admin", "10.0.0.1");
    }
    assertThat(throttle.wait("admin", "192.0.2.9")).isPositive();
    assertThat(throttle.wait("reviewer", "10.0.0.1")).isPositive();
    assertThat(throttle.wait("reviewer", "192.0.2.9")).isZero();
  }

  @Test
  void aSuccessClearsTheCount() {
    for (int i = 0; i <= LoginThrottle.FREE; i++) {
      throttle.failed("admin", "10.0.0.1");
    }
    throttle.succeeded("admin", "10.0.0.1");
    assertThat(throttle.wait("admin", "10.0.0.1")).isZero();
  }

  @Test
  void anotherInstanceOnTheSameStoreSeesTheSameFailures() {
    LoginThrottle other = new LoginThrottle(store, clock);
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      throttle.failed("admin", "10.0.0.1");
    }

    assertThat(other.wait("admin", "192.0.2.9")).isEqualTo(Duration.ofSeconds(1));
    other.succeeded("admin", "10.0.0.1");
    assertThat(throttle.wait("admin", "10.0.0.1")).isZero();
  }

  @Test
  void theCountStartsAgainADayAfterTheFirstFailure() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("admin", "10.0.0.1");
    }
    clock.advance(LoginThrottle.FORGET);

    assertThat(throttle.wait("admin", "10.0.0.1")).isZero();
    throttle.failed("admin", "10.0.0.1");
    assertThat(throttle.wait("admin", "10.0.0.1")).as("one failure in a new window").isZero();
  }

  @Test
  void theStoreHoldsNoAccountNameOrAddressInClear() {
    throttle.failed("admin", "10.0.0.1");

    assertThat(
            store.find(
                "login-failures:account:" + RateLimits.digest("admin"),
                clock.instant(),
                LoginThrottle.FORGET))
        .isPresent();
    assertThat(store.find("login-failures:account:admin", clock.instant(), LoginThrottle.FORGET))
        .isEmpty();
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RateWindow;
import org.poltwt.spi.memory.InMemoryRateLimitStore;
import org.poltwt.test.MutableClock;

class RateLimitsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final List<String> keys = new ArrayList<>();
  private final RateLimits limits = new RateLimits(recording(), clock, 2, 5);

  /** The in-memory store, noting every key it is asked to count. */
  private RateLimitStore recording() {
    InMemoryRateLimitStore store = new InMemoryRateLimitStore();
    return new RateLimitStore() {
      @Override
      public RateWindow hit(String key, Instant now, Duration window) {
        keys.add(key);
        return store.hit(key, now, window);
      }

      @Override
      public Optional<RateWindow> find(String key, Instant now, Duration window) {
        return store.find(key, now, window);
      }

      @Override
      public void clear(String key) {
        store.clear(key);
      }

      @Override
      public int purge(Instant before) {
        return store.purge(before);
      }
    };
  }

  private Optional<RateLimits.Refusal> attempt(String address, String... targets) {
    return limits.attempt("signup", address, java.util.Arrays.asList(targets));
  }

  @Test
  void aTargetIsRefusedAfterTheLowLimitFromAnyAddress() {
    assertThat(attempt("192.0.2.1", RateLimits.handle("@Kent_Police"))).isEmpty();
    assertThat(attempt("192.0.2.2", RateLimits.handle("kent_police"))).isEmpty();
    clock.advance(Duration.ofMillis(10_500));

    assertThat(attempt("192.0.2.3", RateLimits.handle("KENT_POLICE ")))
        .contains(new RateLimits.Refusal(50, true));
    assertThat(attempt("192.0.2.3", RateLimits.handle("Other"))).isEmpty();
    clock.advance(Duration.ofSeconds(50));
    assertThat(attempt("192.0.2.3", RateLimits.handle("Kent_Police"))).isEmpty();
  }

  @Test
  void anAddressIsRefusedAfterItsBudgetWhateverTheTargets() {
    for (int i = 0; i < 5; i++) {
      assertThat(attempt("192.0.2.1", RateLimits.handle("Officer" + i))).isEmpty();
    }

    assertThat(attempt("192.0.2.1", RateLimits.handle("Officer5")))
        .contains(new RateLimits.Refusal(60, false));
    assertThat(attempt("192.0.2.2", RateLimits.handle("Officer6"))).isEmpty();
  }

  @Test
  void anIpv6AddressSharesTheBudgetOfItsSlash64() {
    for (int i = 0; i < 5; i++) {
      assertThat(attempt("2001:db8:1:2::" + Integer.toHexString(i + 1), RateLimits.handle("H" + i)))
          .isEmpty();
    }

    assertThat(attempt("2001:db8:1:2:ffff::9", RateLimits.handle("H5"))).isPresent();
    assertThat(attempt("2001:db8:1:3::1", RateLimits.handle("H6"))).isEmpty();
    assertThat(RateLimits.network("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(RateLimits.network("2001:db8:1:2:3:4:5:6")).isEqualTo("20010db800010002::/64");
  }

  @Test
  void withoutATargetTheAddressHasTheLowLimit() {
    assertThat(attempt("192.0.2.1")).isEmpty();
    assertThat(attempt("192.0.2.1", "", null)).isEmpty();

    assertThat(attempt("192.0.2.1", RateLimits.email("  ")))
        .contains(new RateLimits.Refusal(60, false));
    assertThat(attempt("192.0.2.1", RateLimits.token("a-token"))).isEmpty();
  }

  @Test
  void theStoreGetsNoEmailTokenOrAddressInClear() {
    attempt(
        "192.0.2.1",
        RateLimits.email("Jane.Doe@Kent.Police.UK"),
        RateLimits.token("t".repeat(500)));

    assertThat(keys)
        .hasSize(3)
        .allSatisfy(k -> assertThat(k).matches("rate:signup:(address|target):[0-9a-f]{32}"))
        .contains("rate:signup:target:" + RateLimits.digest("email:jane.doe@kent.police.uk"));
  }
}

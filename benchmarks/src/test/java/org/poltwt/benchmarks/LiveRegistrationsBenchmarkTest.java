package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The index and the per-registration baseline count the same registrations at every instant
 * measured.
 */
class LiveRegistrationsBenchmarkTest {
  @Test
  void indexAndBaselineAgree() {
    LiveRegistrationsBenchmark a = new LiveRegistrationsBenchmark();
    LiveRegistrationsBenchmark b = new LiveRegistrationsBenchmark();
    a.registrations = 10_000;
    b.registrations = 10_000;
    a.setUp();
    b.setUp();
    int nonZero = 0;
    for (int i = 0; i < 1024; i++) {
      int count = a.count();
      assertThat(count).isEqualTo(b.perRegistrationWindows());
      nonZero += count > 0 ? 1 : 0;
    }
    assertThat(nonZero).isGreaterThan(900);
    assertThat(a.liveGroups()).isPositive();
  }
}

package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A benchmark compares like with like only if the measured code and its baseline agree. */
class LiveAtBenchmarkTest {
  @Test
  void indexedAnswerAndBaselineAgreeOnEveryInstantMeasured() {
    LiveAtBenchmark a = new LiveAtBenchmark();
    LiveAtBenchmark b = new LiveAtBenchmark();
    a.setUp();
    b.setUp();
    for (int i = 0; i < 1024; i++) {
      assertThat(a.liveAt()).hasSize(b.bruteForce());
    }
  }
}

package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harvest makes the minimum of requests and waits exactly for the stubbed reset, every time. */
class HarvestBenchmarkTest {
  @Test
  void harvestMakesTheMinimumOfRequestsAndWaitsOnlyForTheReset(@TempDir Path facts)
      throws IOException, InterruptedException {
    System.setProperty("poltwt.facts", facts.toString());
    HarvestBenchmark b = new HarvestBenchmark();
    b.setUp();
    try {
      for (int i = 0; i < 2; i++) {
        b.resetCounts();
        assertThat(b.harvest()).isEqualTo(HarvestBenchmark.TWEETS);
        Properties p = Report.load(facts, "HarvestBenchmark");
        assertThat(p.getProperty("requests")).isEqualTo("100");
        assertThat(p.getProperty("minimumRequests")).isEqualTo("100");
        assertThat(p.getProperty("waitedMillis")).isEqualTo("90000");
      }
      assertThat(b.bareFetch()).isEqualTo(HarvestBenchmark.TWEETS);
    } finally {
      b.tearDown();
      System.clearProperty("poltwt.facts");
    }
  }
}

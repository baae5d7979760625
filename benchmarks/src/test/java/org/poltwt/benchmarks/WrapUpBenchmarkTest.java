package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.report.WrapUp;

/** The wrap-up and its baseline read the same generated stream, and the peak heap is recorded. */
class WrapUpBenchmarkTest {
  @Test
  void wrapUpCountsEveryTweetOfTheStream(@TempDir Path facts) throws IOException {
    System.setProperty("poltwt.facts", facts.toString());
    try {
      WrapUpBenchmark b = new WrapUpBenchmark();
      b.tweets = 20_000;
      b.setUp();

      WrapUp w = b.wrapUp();
      assertThat(w.totals().tweets()).isEqualTo(20_000);
      assertThat(w.compliance().compliant()).isPositive();
      assertThat(b.bareParse()).isEqualTo(20_000);
      b.recordPeakHeap();
      assertThat(Files.readString(facts.resolve("WrapUpBenchmark.properties")))
          .contains("peakHeapBytes=");
    } finally {
      System.clearProperty("poltwt.facts");
    }
  }
}

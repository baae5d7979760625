package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The check and its baseline read the same tweets, and the corpus has both compliant and
 * non-compliant ones.
 */
class ComplianceBenchmarkTest {
  @Test
  void checkAndBareParseReadTheWholeCorpus() throws IOException {
    ComplianceBenchmark b = new ComplianceBenchmark();
    b.setUp();

    assertThat(b.bareParse()).isEqualTo(ComplianceBenchmark.TWEETS);
    assertThat(b.readOnly()).isEqualTo(ComplianceBenchmark.TWEETS);
    int compliant = b.check();
    assertThat(compliant)
        .isBetween(ComplianceBenchmark.TWEETS / 2, ComplianceBenchmark.TWEETS - 500);
    assertThat(b.check()).isEqualTo(compliant);
    assertThat(b.checkOnly()).isEqualTo(compliant);
  }
}

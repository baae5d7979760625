package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A benchmark compares like with like only if the measured code and its baseline agree. */
class JdbcBenchmarkTest {
  @Test
  void importAndRawBatchesStoreTheSameRows() throws Exception {
    JdbcBenchmark b = new JdbcBenchmark();
    b.rows = 600;
    b.batch = 250;
    b.setUp();
    try {
      b.emptyTable();
      assertThat(b.rawJdbcBatch()).isEqualTo(600);
      assertThat(b.storedRows()).containsExactlyElementsOf(b.rowsToWrite());

      b.emptyTable();
      assertThat(b.importRegistrations()).isEqualTo(600);
      assertThat(b.storedRows()).containsExactlyElementsOf(b.rowsToWrite());
    } finally {
      b.tearDown();
    }
  }

  @Test
  void tweetUpsertsAndRawBatchesStoreTheSameTweets() throws Exception {
    JdbcBenchmark b = new JdbcBenchmark();
    b.rows = 600;
    b.batch = 250;
    b.setUp();
    try {
      assertThat(b.tweetsToWrite())
          .hasSize(600)
          .anyMatch(t -> t.isRetweet())
          .anyMatch(t -> t.isReply())
          .anyMatch(t -> t.referencedTweets().isEmpty());

      b.emptyTable();
      assertThat(b.rawTweetBatch()).isEqualTo(600);
      assertThat(b.storedTweets()).containsExactlyElementsOf(b.tweetsToWrite());

      b.emptyTable();
      assertThat(b.upsertTweets()).isEqualTo(600);
      assertThat(b.storedTweets()).containsExactlyElementsOf(b.tweetsToWrite());

      b.emptyTable();
      assertThat(b.upsertTweetsOneByOne()).isEqualTo(600);
      assertThat(b.storedTweets()).containsExactlyElementsOf(b.tweetsToWrite());
    } finally {
      b.tearDown();
    }
  }
}

package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's ratios come from JMH's JSON, in the right direction for each mode. */
class ReportTest {
  private static String result(String name, String mode, double score, String unit, String params) {
    return "{\"benchmark\":\"org.poltwt.benchmarks."
        + name
        + "\",\"mode\":\""
        + mode
        + "\",\"params\":{"
        + params
        + "},\"primaryMetric\":{\"score\":"
        + score
        + ",\"scoreUnit\":\""
        + unit
        + "\"}}";
  }

  @Test
  void ratiosAndGoals(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("jmh.json");
    Files.writeString(
        json,
        "["
            + String.join(
                ",",
                result("ComplianceBenchmark.check", "avgt", 20, "ms/op", ""),
                result("ComplianceBenchmark.bareParse", "avgt", 8, "ms/op", ""),
                result("TextBenchmark.carries", "thrpt", 6_000_000, "ops/s", ""),
                result("TextBenchmark.twitterTextExtractHashtags", "thrpt", 12_000, "ops/s", ""),
                result(
                    "LiveRegistrationsBenchmark.count",
                    "avgt",
                    300,
                    "ns/op",
                    "\"registrations\":\"10000\""),
                result(
                    "LiveRegistrationsBenchmark.count",
                    "avgt",
                    450,
                    "ns/op",
                    "\"registrations\":\"1000000\""),
                result("JdbcBenchmark.upsertTweets", "avgt", 10, "ms/op", "\"rows\":\"500\""),
                result("JdbcBenchmark.rawJdbcTweetBatch", "avgt", 4, "ms/op", "\"rows\":\"500\""))
            + "]");
    Files.createDirectories(dir.resolve("facts"));
    Files.writeString(
        dir.resolve("facts/HarvestBenchmark.properties"),
        "requests=100\nminimumRequests=100\nwaitedMillis=90000\nstubbedWaitMillis=90000\n");
    Path md = dir.resolve("results.md");

    Report.main(new String[] {json.toString(), dir.resolve("facts").toString(), md.toString()});

    String table = Files.readString(md);
    assertThat(table)
        .contains(
            "| compliance check of 10k X API tweets | 20.0 ms/op | bare Jackson parse: 8.00 ms/op | 0.40× | ≥ 0.5× | **no** |");
    assertThat(table)
        .contains(
            "| hashtag check | 6,000,000 ops/s | twitter-text extractHashtags: 12,000 ops/s | 500× | ≥ 50× | yes |");
    assertThat(table)
        .contains(
            "| registrations live now: t(1M) / t(10k) | 1M: 450 ns/op | 10k: 300 ns/op | 1.50 | ≤ 2 | yes |");
    assertThat(table)
        .contains(
            "| tweet upsert (H2) | 10.0 ms/op | raw JDBC batch: 4.00 ms/op | 0.40× | ≥ 0.5× | **no** |");
    assertThat(table)
        .contains(
            "| harvest of 10k tweets: requests | 100 | ⌈N/100⌉: 100 | 1.00 | equal (1) | yes |");
    assertThat(table).contains("| weighted length | not run |");
  }

  @Test
  void theSignUpBurstsRowsComeFromItsFacts() throws IOException {
    java.util.Properties f = new java.util.Properties();
    f.load(
        new java.io.StringReader(
            "database=PostgreSQL\nusers=50\nsignups=1000\nseconds=75.00\n"
                + "journeyP50Ms=300\njourneyP99Ms=900\nburstRequestsPerSecond=66.67\n"
                + "staticRequestsPerSecond=2000\nburstP50Ms=40\nburstP99Ms=400\n"
                + "staticP50Ms=10\nstaticP99Ms=40\nerrors=0\nregistered=1000\nverified=1000\n"
                + "mailsMissing=0\nmailsDoubled=1\nmailsOther=0\nclean=false\n"));

    java.util.List<Report.Row> rows = Report.burst(f);

    assertThat(rows.get(0).met()).as("75 s is over the minute").isEqualTo("**no**");
    assertThat(rows.get(0).figure()).startsWith("75.0 s, 13.3 sign-ups/s");
    assertThat(rows.get(1).ratio()).isEqualTo("0.03×");
    assertThat(rows.get(3).ratio()).as("p99 400 ms against 40 ms: a tenth").isEqualTo("0.10×");
    assertThat(rows.get(4).met()).as("a doubled mail").isEqualTo("**no**");
    assertThat(Report.burst(null).get(0).met()).isEqualTo("not run");
  }

  @Test
  void theLiveBoardsRowsComeFromItsFacts() throws IOException {
    java.util.Properties f = new java.util.Properties();
    f.load(
        new java.io.StringReader(
            "viewers=500\nidleCpuPerSecond=0.01\nloadedCpuPerSecond=0.06\ncpuMsPerViewer=0.10\n"
                + "idleHeapBytes=80000000\nloadedHeapBytes=96000000\nheapBytesPerViewer=32000\n"
                + "connectFailures=0\ndropped=1\nbroken=0\nmissing=0\neventsMin=70\n"
                + "eventsMax=71\nclean=false\n"));

    java.util.List<Report.Row> rows = Report.live(f);

    assertThat(rows.get(0).benchmark()).contains("500 viewers");
    assertThat(rows.get(0).ratio()).as("six times the idle server's CPU").isEqualTo("0.17×");
    assertThat(rows.get(0).figure()).contains("0.10 ms/s per viewer");
    assertThat(rows.get(1).ratio()).isEqualTo("1.20");
    assertThat(rows.get(2).met()).as("a dropped viewer").isEqualTo("**no**");
    assertThat(Report.live(null).get(0).met()).isEqualTo("not run");
  }
}

package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.PoltwtCli;

class CheckAndWrapupCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  private static Path tweets;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PoltwtCli.run(CLOCK, Map.of(), new PrintWriter(out), new PrintWriter(err), args);
  }

  @BeforeAll
  static void writeDemoTweets() {
    tweets = dir.resolve("tweets.jsonl");
    StringWriter o = new StringWriter();
    int status =
        PoltwtCli.run(
            CLOCK,
            Map.of(),
            new PrintWriter(o),
            new PrintWriter(new StringWriter()),
            "demo-tweets",
            "-o",
            tweets.toString(),
            "--per-account",
            "20");
    assertThat(status).isZero();
    assertThat(o.toString()).containsPattern("\\d,\\d{3} tweets of edition \\d+ written to");
  }

  @Test
  void checkSummarisesAndExitsOneWhenSomeTweetsBreakTheRules() throws IOException {
    Path results = dir.resolve("results.csv");
    int status = run("check", tweets.toString(), "--results", results.toString(), "--progress");

    assertThat(status).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern(
            "#PolTwt edition \\d+: [\\d,]+ tweets checked against \\d+ registrations from the demo data")
        .containsPattern("compliant\\s+[\\d,]+\\s+[89]\\d\\.\\d%")
        .containsPattern("missing_hashtag\\s+\\d+")
        .containsPattern("outside_window\\s+\\d+")
        .containsPattern("unregistered_author\\s+\\d+")
        .containsPattern("theme-tagged\\s+[\\d,]+");
    assertThat(err.toString()).contains("100%").contains("[##############################]");
    assertThat(Files.readAllLines(results))
        .first()
        .isEqualTo("tweet_id,author_id,author,compliant,violations,tags");
    assertThat(Files.readString(results)).contains(",false,MISSING_HASHTAG,").contains(",true,,");
  }

  @Test
  void checkExitsZeroWhenEveryTweetComplies() throws IOException {
    Path one = dir.resolve("one.jsonl");
    String compliant =
        Files.readAllLines(tweets).stream()
            .filter(
                l ->
                    l.contains("#PolTwt")
                        && !l.contains("RT @")
                        && !l.contains("Citizen")
                        && !l.contains("Remember"))
            .findFirst()
            .orElseThrow();
    Files.writeString(one, compliant + "\n");
    int status = run("check", one.toString());

    assertThat(status).as(out.toString()).isIn(0, 1);
  }

  @Test
  void checkExitCodesForBadInput() throws IOException {
    assertThat(run("check", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read");
    Path broken = dir.resolve("broken.jsonl");
    Files.writeString(
        broken,
        "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"#PolTwt\",\"created_at\":\"2026-04-03T08:00:00.000Z\"}\n"
            + "not json\n");
    assertThat(run("check", broken.toString(), "--strict")).isEqualTo(2);
    assertThat(run("check", broken.toString())).isIn(0, 1);
    assertThat(out.toString()).contains("skipped (malformed)");
    assertThat(run("check", tweets.toString(), "--edition", "999")).isEqualTo(3);
  }

  @Test
  void wrapupPrintsMarkdownAndWritesEveryFormat() throws IOException {
    Path report = dir.resolve("report");
    int status = run("wrapup", tweets.toString(), "--out", report.toString(), "--top", "5");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrap-up").contains("## Compliance");
    assertThat(report.resolve("wrapup.md")).exists();
    assertThat(Files.readString(report.resolve("wrapup.html")))
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("Tweets per hour (UTC)");
    assertThat(Files.readString(report.resolve("wrapup.json")))
        .contains("\"totals\"")
        .contains("\"utcHours\"")
        .contains("\"MISSING_HASHTAG\"");
    assertThat(report.resolve("totals.csv")).exists();
    assertThat(report.resolve("languages.csv")).exists();
    assertThat(run("wrapup", tweets.toString(), "--top", "-1")).isEqualTo(2);
  }
}

package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.PoltwtCli;

/** {@code serve --replay FILE --speed N}: the live board's replay, and when it is on by default. */
class ServeReplayCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);
  private static final Map<String, String> ENV =
      Map.of("POLTWT_ORGANISER_PASSWORD", "smoke-test-password");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return PoltwtCli.run(CLOCK, env, new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void aSmokeRunServesTheBoardWithoutReplayingTheDemoThenAReplayPlaysTheFile() throws Exception {
    assertThat(
            run(
                ENV,
                "serve",
                "--smoke",
                "--port",
                "0",
                "--db",
                "memory",
                "--data-dir",
                dir.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .containsPattern("/live\\s+200 OK")
        .doesNotContain("Live board: replaying");
    Path tweets;
    try (Stream<Path> files = Files.list(dir.resolve("tweets"))) {
      tweets =
          files
              .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
              .findFirst()
              .orElseThrow();
    }

    StringWriter again = new StringWriter();
    int status =
        PoltwtCli.run(
            CLOCK,
            ENV,
            new PrintWriter(again),
            new PrintWriter(err),
            "serve",
            "--smoke",
            "--port",
            "0",
            "--db",
            "memory",
            "--data-dir",
            dir.resolve("second").toString(),
            "--replay",
            tweets.toString(),
            "--speed",
            "120");

    assertThat(status).as(err.toString()).isZero();
    assertThat(again.toString())
        .containsPattern("Live board: replaying \\d+ tweets of edition \\d+ from .+ at 120x")
        .containsPattern("/live\\s+200 OK");
  }

  @Test
  void badLiveSettingsAreRefusedWithExitCode2AndAMissingFileStopsTheStart() {
    assertThat(run(Map.of(), "serve", "--smoke", "--db", "memory", "--speed", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("POLTWT_REPLAY_SPEED: must be 1 to 3600");
    assertThat(run(Map.of("POLTWT_LIVE_SHOW_UNREGISTERED", "maybe"), "serve", "--smoke"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("POLTWT_LIVE_SHOW_UNREGISTERED: must be true or false");
    assertThat(
            run(
                ENV,
                "serve",
                "--smoke",
                "--port",
                "0",
                "--db",
                "memory",
                "--data-dir",
                dir.toString(),
                "--replay",
                dir.resolve("nope.jsonl").toString()))
        .isEqualTo(3);
    assertThat(err.toString()).contains("cannot read the replay file nope.jsonl");
  }
}

package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.testing.XStandIn;

/** {@code poltwt harvest} against a local stand-in for the X API's recent search. */
class HarvestCommandTest {
  private static final String PAGE =
      "{\"data\":[{\"id\":\"1800000000000000001\",\"author_id\":\"42\","
          + "\"text\":\"On the beat in Madrid #PolTwt\",\"created_at\":\"2026-06-05T10:00:00.000Z\",\"lang\":\"en\"}],"
          + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\",\"name\":\"Policia\"}]},"
          + "\"meta\":{\"result_count\":1,\"newest_id\":\"1800000000000000001\",\"oldest_id\":\"1800000000000000001\"}}";

  @TempDir Path dir;
  private XStandIn api;
  private final CliRun cli = new CliRun();

  @BeforeEach
  void start() throws IOException {
    api = XStandIn.start("/", request -> XStandIn.Answer.ok(PAGE));
    CliRun.saveEdition9(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void harvestsAnEditionIntoAJsonLinesFileThatCheckReads() throws IOException {
    Path file = dir.resolve("harvest.jsonl");
    int status =
        cli.onEdition9(
            CliRun.WITH_TOKEN,
            dir,
            "harvest",
            "-o",
            file.toString(),
            "--api",
            api.url(),
            "--progress");

    assertThat(status).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("1 tweets of edition 9 written to " + file)
        .contains("; stored in the tweet store (embedded H2 in")
        .contains("1 new, 1 stored in all");
    assertThat(api.pathsAndAuthorizations())
        .isNotEmpty()
        .allMatch(r -> r.startsWith("/2/tweets/search/recent Bearer test-token"));
    assertThat(cli.err()).contains("done:").doesNotContain("test-token");
    assertThat(Files.readString(file)).contains("PoliciaMadrid").contains("1800000000000000001");

    cli.forgetOut();
    assertThat(
            cli.run(
                Map.of(),
                "check",
                file.toString(),
                "--db",
                "h2",
                "--data-dir",
                dir.toString(),
                "--edition",
                "9"))
        .isEqualTo(1);
    assertThat(cli.out()).containsPattern("unregistered_author\\s+1");
  }

  @Test
  void withoutATokenItSaysWhichVariableToSet() {
    assertThat(cli.run(Map.of(), "harvest", "-o", dir.resolve("x.jsonl").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("POLTWT_X_BEARER_TOKEN");
    assertThat(api.pathsAndAuthorizations()).isEmpty();
  }

  @Test
  void anEditionOutOfReachIsExitCode3() {
    assertThat(
            cli.run(
                Map.of("POLTWT_X_BEARER_TOKEN", "t"),
                "harvest",
                "--edition",
                "1",
                "-o",
                dir.resolve("x.jsonl").toString(),
                "--api",
                api.url()))
        .isEqualTo(3);
    assertThat(cli.err()).contains("more than 7 days ago");
  }
}

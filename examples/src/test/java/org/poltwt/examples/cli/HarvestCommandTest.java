package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.event.Edition;
import org.poltwt.examples.PoltwtCli;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;

/** {@code poltwt harvest} against a local stand-in for the X API's recent search. */
class HarvestCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);
  private static final String PAGE =
      "{\"data\":[{\"id\":\"1800000000000000001\",\"author_id\":\"42\","
          + "\"text\":\"On the beat in Madrid #PolTwt\",\"created_at\":\"2026-06-05T10:00:00.000Z\",\"lang\":\"en\"}],"
          + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\",\"name\":\"Policia\"}]},"
          + "\"meta\":{\"result_count\":1,\"newest_id\":\"1800000000000000001\",\"oldest_id\":\"1800000000000000001\"}}";

  @TempDir Path dir;
  private HttpServer api;
  private final List<String> requests = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    api.start();
    try (Stores stores = Stores.open(SiteConfig.builder().dataDir(dir).build())) {
      stores
          .editions()
          .save(
              Edition.builder()
                  .number(9)
                  .date(LocalDate.of(2026, 6, 5))
                  .localStart(LocalTime.of(8, 0))
                  .build());
    }
  }

  @AfterEach
  void stop() {
    api.stop(0);
  }

  private int run(Map<String, String> env, String... args) {
    return PoltwtCli.run(CLOCK, env, new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void harvestsAnEditionIntoAJsonLinesFileThatCheckReads() throws IOException {
    Path file = dir.resolve("harvest.jsonl");
    int status =
        run(
            Map.of("POLTWT_X_BEARER_TOKEN", "test-token"),
            "harvest",
            "--db",
            "h2",
            "--data-dir",
            dir.toString(),
            "--edition",
            "9",
            "-o",
            file.toString(),
            "--api",
            "http://localhost:" + api.getAddress().getPort(),
            "--progress");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("1 tweets of edition 9 written to " + file)
        .contains("; stored in the tweet store (embedded H2 in")
        .contains("1 new, 1 stored in all");
    assertThat(requests)
        .isNotEmpty()
        .allMatch(r -> r.startsWith("/2/tweets/search/recent Bearer test-token"));
    assertThat(err.toString()).contains("done:").doesNotContain("test-token");
    assertThat(Files.readString(file)).contains("PoliciaMadrid").contains("1800000000000000001");

    out.getBuffer().setLength(0);
    assertThat(
            run(
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
    assertThat(out.toString()).containsPattern("unregistered_author\\s+1");
  }

  @Test
  void withoutATokenItSaysWhichVariableToSet() {
    assertThat(run(Map.of(), "harvest", "-o", dir.resolve("x.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("POLTWT_X_BEARER_TOKEN");
    assertThat(requests).isEmpty();
  }

  @Test
  void anEditionOutOfReachIsExitCode3() {
    assertThat(
            run(
                Map.of("POLTWT_X_BEARER_TOKEN", "t"),
                "harvest",
                "--edition",
                "1",
                "-o",
                dir.resolve("x.jsonl").toString(),
                "--api",
                "http://localhost:" + api.getAddress().getPort()))
        .isEqualTo(3);
    assertThat(err.toString()).contains("more than 7 days ago");
  }
}

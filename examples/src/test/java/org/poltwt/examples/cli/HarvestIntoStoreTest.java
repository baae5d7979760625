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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.event.Edition;
import org.poltwt.examples.PoltwtCli;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.spi.TweetQuery;

/**
 * {@code poltwt harvest --db h2} stores into the database's tweet store and keeps where it stands
 * there: a run stopped by an API failure half-way is resumed by the next run (a new process would
 * open the same database the same way), and a later run asks only for newer tweets.
 */
class HarvestIntoStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);

  /** The newest tweet, on the first page (recent search answers newest first). */
  private static final String FIRST = "1800000000000000002";

  private static final String SECOND = "1800000000000000001";
  private static final String EMPTY = "{\"meta\":{\"result_count\":0}}";

  @TempDir Path dir;
  private HttpServer api;

  /** Every query the stand-in was sent. */
  private final List<String> queries = new CopyOnWriteArrayList<>();

  /** Whether the second page fails, as X does now and then. */
  private final AtomicBoolean secondPageFails = new AtomicBoolean(true);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/2/tweets/search/recent",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(query);
          int status = 200;
          String body;
          if (query.contains("since_id=")) {
            body = EMPTY;
          } else if (!query.contains("next_token=")) {
            body = page(FIRST, "2026-06-05T12:00:00.000Z", "PAGE2");
          } else if (secondPageFails.get()) {
            status = 403;
            body =
                "{\"title\":\"Forbidden\",\"detail\":\"Try later\","
                    + "\"type\":\"about:blank\",\"status\":403}";
          } else {
            body = page(SECOND, "2026-06-05T10:00:00.000Z", null);
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(bytes);
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

  @Test
  void aStoppedHarvestResumesFromItsCheckpointAndALaterOneAsksOnlyForNewerTweets() {
    assertThat(harvest()).as(err.toString()).isEqualTo(5);
    assertThat(err.toString())
        .contains("1 tweets were kept in the tweet store")
        .contains("run the same command again to resume")
        .doesNotContain("test-token");
    assertThat(stored()).isEqualTo(1);
    assertThat(queries).hasSize(2);

    secondPageFails.set(false);
    queries.clear();
    out.getBuffer().setLength(0);
    assertThat(harvest()).as(err.toString()).isZero();
    assertThat(queries.get(0)).as("resumed at the failed page").contains("next_token=PAGE2");
    assertThat(out.toString())
        .contains("1 tweets of edition 9 stored in the tweet store (embedded H2 in")
        .contains("1 new, 2 stored in all");
    assertThat(stored()).isEqualTo(2);

    queries.clear();
    out.getBuffer().setLength(0);
    assertThat(harvest()).as(err.toString()).isZero();
    assertThat(queries).singleElement().asString().contains("since_id=" + FIRST);
    assertThat(out.toString()).contains("0 tweets of edition 9").contains("0 new, 2 stored in all");
  }

  @Test
  void withNeitherDbNorAFileItSaysWhatToGive() {
    assertThat(
            PoltwtCli.run(
                CLOCK,
                Map.of("POLTWT_X_BEARER_TOKEN", "test-token"),
                new PrintWriter(out),
                new PrintWriter(err),
                "harvest"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("give --db (the tweet store), -o FILE, or both");
    assertThat(queries).isEmpty();
  }

  private int harvest() {
    return PoltwtCli.run(
        CLOCK,
        Map.of("POLTWT_X_BEARER_TOKEN", "test-token"),
        new PrintWriter(out),
        new PrintWriter(err),
        "harvest",
        "--db",
        "h2",
        "--data-dir",
        dir.toString(),
        "--edition",
        "9",
        "--no-progress",
        "--api",
        "http://localhost:" + api.getAddress().getPort());
  }

  private long stored() {
    try (Stores stores = Stores.open(SiteConfig.builder().dataDir(dir).build())) {
      return stores.tweets().count(TweetQuery.of(9));
    }
  }

  private static String page(String id, String createdAt, String nextToken) {
    return "{\"data\":[{\"id\":\""
        + id
        + "\",\"author_id\":\"42\",\"text\":\"On the beat in Madrid #PolTwt\",\"created_at\":\""
        + createdAt
        + "\",\"lang\":\"en\"}],"
        + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\","
        + "\"name\":\"Policia\"}]},"
        + "\"meta\":{\"result_count\":1,\"newest_id\":\""
        + id
        + "\",\"oldest_id\":\""
        + id
        + "\""
        + (nextToken == null ? "" : ",\"next_token\":\"" + nextToken + "\"")
        + "}}";
  }
}

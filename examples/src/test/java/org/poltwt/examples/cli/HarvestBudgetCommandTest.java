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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.event.Edition;
import org.poltwt.examples.PoltwtCli;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.spi.TweetQuery;
import org.poltwt.twitter.HarvestProgress;

/**
 * {@code poltwt harvest --max-posts} and X's usage cap, against a local stand-in for recent search
 * that answers as many posts as {@code max_results} asks for, 60 posts in all on pages of up to
 * {@code max_results}.
 */
class HarvestBudgetCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);
  private static final int ALL = 60;
  private static final Pattern MAX = Pattern.compile("max_results=(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("next_token=at(\\d+)");

  @TempDir Path dir;
  private HttpServer api;
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final AtomicBoolean capped = new AtomicBoolean();
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
          if (capped.get()) {
            status = 429;
            body =
                "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded: Monthly product"
                    + " cap\",\"type\":\"https://api.twitter.com/2/problems/usage-capped\","
                    + "\"status\":429,\"period\":\"Monthly\",\"scope\":\"Product\"}";
            exchange.getResponseHeaders().add("x-rate-limit-limit", "450");
            exchange.getResponseHeaders().add("x-rate-limit-remaining", "449");
            exchange
                .getResponseHeaders()
                .add("x-rate-limit-reset", Long.toString(CLOCK.instant().getEpochSecond() + 60));
          } else if (query.contains("since_id=")) {
            body = "{\"meta\":{\"result_count\":0}}";
          } else {
            Matcher m = MAX.matcher(query);
            Matcher t = TOKEN.matcher(query);
            int from = t.find() ? Integer.parseInt(t.group(1)) : 0;
            int size = Math.min(m.find() ? Integer.parseInt(m.group(1)) : 10, ALL - from);
            body = page(from, size, from + size < ALL ? "at" + (from + size) : null);
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

  /** Posts {@code from} to {@code from + size - 1}, newest first. */
  private static String page(int from, int size, String next) {
    List<String> tweets = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      tweets.add(
          "{\"id\":\""
              + (1_800_000_000_000_000_100L - i)
              + "\",\"author_id\":\"42\",\"text\":\"Shift "
              + i
              + " #PolTwt\",\"created_at\":\"2026-06-05T10:00:00.000Z\",\"lang\":\"en\"}");
    }
    return "{\"data\":["
        + String.join(",", tweets)
        + "],\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\","
        + "\"name\":\"Policia\"}]},\"meta\":{\"result_count\":"
        + size
        + (next == null ? "" : ",\"next_token\":\"" + next + "\"")
        + "}}";
  }

  private int harvest(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "harvest",
                "--db",
                "h2",
                "--data-dir",
                dir.toString(),
                "--edition",
                "9",
                "--api",
                "http://localhost:" + api.getAddress().getPort(),
                "--progress"));
    args.addAll(List.of(more));
    return PoltwtCli.run(
        CLOCK,
        Map.of("POLTWT_X_BEARER_TOKEN", "test-token"),
        new PrintWriter(out),
        new PrintWriter(err),
        args.toArray(String[]::new));
  }

  private long stored() {
    try (Stores stores = Stores.open(SiteConfig.builder().dataDir(dir).build())) {
      return stores.tweets().count(TweetQuery.of(9));
    }
  }

  private static List<String> maxResults(List<String> queries) {
    List<String> sizes = new ArrayList<>();
    for (String q : queries) {
      Matcher m = MAX.matcher(q);
      sizes.add(m.find() ? m.group(1) : "?");
    }
    return sizes;
  }

  @Test
  void aRunStopsAtItsBudgetWithExitCode6AndTheNextRunResumes() {
    assertThat(harvest("--max-posts", "25")).as(err.toString()).isEqualTo(6);

    assertThat(maxResults(queries)).containsExactly("25");
    assertThat(stored()).isEqualTo(25);
    assertThat(err.toString())
        .contains("25/25 posts read")
        .contains("stopped at the read budget: 25 of 25 posts read")
        .contains("run the same command again to resume");

    queries.clear();
    err.getBuffer().setLength(0);
    assertThat(harvest("--max-posts", "100")).as(err.toString()).isZero();

    assertThat(queries.get(0)).contains("next_token=at25");
    assertThat(stored()).isEqualTo(ALL);
    assertThat(err.toString()).contains("done:").contains("35/100 posts read");
  }

  @Test
  void fewerThanTenPostsLeftStopsBeforeAskingForMore() {
    assertThat(harvest("--max-posts", "19")).isEqualTo(6);

    assertThat(maxResults(queries)).containsExactly("19");
    assertThat(stored()).isEqualTo(19);
  }

  @Test
  void aUsageCapStopsWithExitCode7AndSaysHowToResume() {
    capped.set(true);

    assertThat(harvest()).as(err.toString()).isEqualTo(7);

    assertThat(queries).hasSize(1);
    assertThat(err.toString())
        .contains("stopped on X's usage cap")
        .contains("run the same command again after the cap resets to resume")
        .doesNotContain("test-token");

    capped.set(false);
    queries.clear();
    assertThat(harvest()).as(err.toString()).isZero();
    assertThat(stored()).isEqualTo(ALL);
  }

  @Test
  void aBudgetBelowTheSmallestPageIsBadInput() {
    assertThat(harvest("--max-posts", "9")).isEqualTo(2);

    assertThat(err.toString()).contains("--max-posts: must be at least 10");
    assertThat(queries).isEmpty();
  }

  @Test
  void theProgressLineCountsDownARateLimitWait() {
    HarvestProgress waiting =
        new HarvestProgress(
            9,
            HarvestProgress.Event.WAITING,
            3,
            250,
            250,
            250,
            OptionalLong.of(1_000),
            Optional.empty(),
            Optional.of(CLOCK.instant().plusSeconds(272)),
            Optional.of(Duration.ofSeconds(272)));

    assertThat(HarvestCommand.progressLine(waiting))
        .contains("page 3, 250 tweets, 250/1,000 posts read")
        .contains("waiting for the rate limit: 4:32 left");
    assertThat(HarvestCommand.clock(Duration.ofMillis(59_001))).isEqualTo("1:00");
    assertThat(HarvestCommand.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
  }
}

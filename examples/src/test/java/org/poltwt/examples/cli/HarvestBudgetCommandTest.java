package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.testing.XStandIn;
import org.poltwt.twitter.HarvestProgress;

/**
 * {@code poltwt harvest --max-posts} and X's usage cap, against a local stand-in for recent search
 * that answers as many posts as {@code max_results} asks for, 60 posts in all on pages of up to
 * {@code max_results}.
 */
class HarvestBudgetCommandTest {
  private static final int ALL = 60;
  private static final Pattern MAX = Pattern.compile("max_results=(\\d+)");

  @TempDir Path dir;
  private XStandIn api;
  private final AtomicBoolean capped = new AtomicBoolean();
  private final CliRun cli = new CliRun();

  @BeforeEach
  void start() throws IOException {
    api =
        XStandIn.recentSearch(
            query -> {
              if (capped.get()) {
                return XStandIn.Answer.problem(
                        429,
                        "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded: Monthly"
                            + " product cap\",\"type\":\"https://api.twitter.com/2/problems/usage-capped\","
                            + "\"status\":429,\"period\":\"Monthly\",\"scope\":\"Product\"}")
                    .withHeader("x-rate-limit-limit", "450")
                    .withHeader("x-rate-limit-remaining", "449")
                    .withHeader(
                        "x-rate-limit-reset",
                        Long.toString(CliRun.CLOCK.instant().getEpochSecond() + 60));
              }
              return XStandIn.Answer.ok(XStandIn.searchOf(ALL, query));
            });
    CliRun.saveEdition9(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private int harvest(String... more) {
    List<String> args = new ArrayList<>(List.of("--api", api.url(), "--progress"));
    args.addAll(List.of(more));
    return cli.onEdition9(CliRun.WITH_TOKEN, dir, "harvest", args.toArray(String[]::new));
  }

  private long stored() {
    return CliRun.storedOfEdition9(dir);
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
    assertThat(harvest("--max-posts", "25")).as(cli.err()).isEqualTo(6);

    assertThat(maxResults(api.queries())).containsExactly("25");
    assertThat(stored()).isEqualTo(25);
    assertThat(cli.err())
        .contains("25/25 posts read")
        .contains("stopped at the read budget: 25 of 25 posts read")
        .contains("run the same command again to resume");

    api.forget();
    cli.forgetErr();
    assertThat(harvest("--max-posts", "100")).as(cli.err()).isZero();

    assertThat(api.queries().get(0)).contains("next_token=at25");
    assertThat(stored()).isEqualTo(ALL);
    assertThat(cli.err()).contains("done:").contains("35/100 posts read");
  }

  @Test
  void fewerThanTenPostsLeftStopsBeforeAskingForMore() {
    assertThat(harvest("--max-posts", "19")).isEqualTo(6);

    assertThat(maxResults(api.queries())).containsExactly("19");
    assertThat(stored()).isEqualTo(19);
  }

  @Test
  void aUsageCapStopsWithExitCode7AndSaysHowToResume() {
    capped.set(true);

    assertThat(harvest()).as(cli.err()).isEqualTo(7);

    assertThat(api.queries()).hasSize(1);
    assertThat(cli.err())
        .contains("stopped on X's usage cap")
        .contains("run the same command again after the cap resets to resume")
        .doesNotContain("test-token");

    capped.set(false);
    api.forget();
    assertThat(harvest()).as(cli.err()).isZero();
    assertThat(stored()).isEqualTo(ALL);
  }

  @Test
  void aBudgetBelowTheSmallestPageIsBadInput() {
    assertThat(harvest("--max-posts", "9")).isEqualTo(2);

    assertThat(cli.err()).contains("--max-posts: must be at least 10");
    assertThat(api.queries()).isEmpty();
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
            Optional.of(CliRun.CLOCK.instant().plusSeconds(272)),
            Optional.of(Duration.ofSeconds(272)));

    assertThat(HarvestCommand.progressLine(waiting))
        .contains("page 3, 250 tweets, 250/1,000 posts read")
        .contains("waiting for the rate limit: 4:32 left");
    assertThat(HarvestCommand.clock(Duration.ofMillis(59_001))).isEqualTo("1:00");
    assertThat(HarvestCommand.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
  }
}

package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.testing.XStandIn;

/**
 * {@code poltwt harvest --db h2} stores into the database's tweet store and keeps where it stands
 * there: a run stopped by an API failure half-way is resumed by the next run (a new process would
 * open the same database the same way), and a later run asks only for newer tweets.
 */
class HarvestIntoStoreTest {
  /** The newest tweet, on the first page (recent search answers newest first). */
  private static final String FIRST = "1800000000000000002";

  private static final String SECOND = "1800000000000000001";
  private static final String EMPTY = "{\"meta\":{\"result_count\":0}}";

  @TempDir Path dir;
  private XStandIn api;

  /** Whether the second page fails, as X does now and then. */
  private final AtomicBoolean secondPageFails = new AtomicBoolean(true);

  private final CliRun cli = new CliRun();

  @BeforeEach
  void start() throws IOException {
    api =
        XStandIn.recentSearch(
            query -> {
              if (query.contains("since_id=")) {
                return XStandIn.Answer.ok(EMPTY);
              } else if (!query.contains("next_token=")) {
                return XStandIn.Answer.ok(page(FIRST, "2026-06-05T12:00:00.000Z", "PAGE2"));
              } else if (secondPageFails.get()) {
                return XStandIn.Answer.problem(
                    403,
                    "{\"title\":\"Forbidden\",\"detail\":\"Try later\","
                        + "\"type\":\"about:blank\",\"status\":403}");
              } else {
                return XStandIn.Answer.ok(page(SECOND, "2026-06-05T10:00:00.000Z", null));
              }
            });
    CliRun.saveEdition9(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aStoppedHarvestResumesFromItsCheckpointAndALaterOneAsksOnlyForNewerTweets() {
    assertThat(harvest()).as(cli.err()).isEqualTo(5);
    assertThat(cli.err())
        .contains("1 tweets were kept in the tweet store")
        .contains("run the same command again to resume")
        .doesNotContain("test-token");
    assertThat(stored()).isEqualTo(1);
    assertThat(api.queries()).hasSize(2);

    secondPageFails.set(false);
    api.forget();
    cli.forgetOut();
    assertThat(harvest()).as(cli.err()).isZero();
    assertThat(api.queries().get(0)).as("resumed at the failed page").contains("next_token=PAGE2");
    assertThat(cli.out())
        .contains("1 tweets of edition 9 stored in the tweet store (embedded H2 in")
        .contains("1 new, 2 stored in all");
    assertThat(stored()).isEqualTo(2);

    api.forget();
    cli.forgetOut();
    assertThat(harvest()).as(cli.err()).isZero();
    assertThat(api.queries()).singleElement().asString().contains("since_id=" + FIRST);
    assertThat(cli.out()).contains("0 tweets of edition 9").contains("0 new, 2 stored in all");
  }

  @Test
  void withNeitherDbNorAFileItSaysWhatToGive() {
    assertThat(cli.run(CliRun.WITH_TOKEN, "harvest")).isEqualTo(2);
    assertThat(cli.err()).contains("give --db (the tweet store), -o FILE, or both");
    assertThat(api.queries()).isEmpty();
  }

  private int harvest() {
    return cli.onEdition9(CliRun.WITH_TOKEN, dir, "harvest", "--no-progress", "--api", api.url());
  }

  private long stored() {
    return CliRun.storedOfEdition9(dir);
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

package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.testing.XStandIn;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Tweet;

/** {@code poltwt archive} on an H2 tweet store, against a local stand-in for the X API lookup. */
class ArchiveCommandTest {
  private static final TwitterHandle MADRID = TwitterHandle.of("PoliciaMadrid");
  private static final String BASE = "poltwt-9-policiamadrid";

  /** Post 1 as it was, post 2 edited into 9, post 3 gone. */
  private static final String LOOKUP =
      "{\"data\":["
          + "{\"id\":\"1800000000000000001\",\"author_id\":\"42\",\"text\":\"Morning #PolTwt\","
          + "\"created_at\":\"2026-06-05T08:00:00.000Z\",\"edit_history_tweet_ids\":[\"1800000000000000001\"]},"
          + "{\"id\":\"1800000000000000002\",\"author_id\":\"42\",\"text\":\"<b>Noon</b> #PolTwt\","
          + "\"created_at\":\"2026-06-05T12:00:00.000Z\","
          + "\"edit_history_tweet_ids\":[\"1800000000000000002\",\"1800000000000000009\"]}],"
          + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\",\"name\":\"P\"}]},"
          + "\"errors\":[{\"value\":\"1800000000000000003\",\"detail\":\"Could not find tweet with ids: "
          + "[1800000000000000003].\",\"title\":\"Not Found Error\",\"resource_type\":\"tweet\","
          + "\"parameter\":\"ids\",\"resource_id\":\"1800000000000000003\","
          + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}";

  @TempDir Path dir;
  private XStandIn api;
  private final CliRun cli = new CliRun();

  @BeforeEach
  void start() throws IOException {
    api = XStandIn.start("/", request -> XStandIn.Answer.ok(LOOKUP));
    CliRun.saveEdition9(
        dir,
        stores ->
            stores
                .tweets()
                .upsertAll(
                    9,
                    List.of(
                        post("1800000000000000001", MADRID, "Morning #PolTwt", 8),
                        post("1800000000000000002", MADRID, "<b>Noon</b> #PolTwt", 12),
                        post("1800000000000000003", MADRID, "Evening #PolTwt", 18),
                        post(
                            "1800000000000000004",
                            TwitterHandle.of("KentPolice"),
                            "Kent #PolTwt",
                            9))));
  }

  private static Tweet post(String id, TwitterHandle handle, String text, int hour) {
    return Tweet.of(
        id,
        handle.equals(MADRID) ? "42" : "43",
        handle,
        text,
        Instant.parse("2026-06-05T00:00:00Z").plusSeconds(hour * 3600L));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private int archive(Map<String, String> env, Path into, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("--handle", "@policiamadrid", "-o", into.toString(), "--api", api.url()));
    args.addAll(List.of(more));
    return cli.onEdition9(env, dir, "archive", args.toArray(String[]::new));
  }

  @Test
  void writesTheThreeFilesMarkedFromTheApiAndSha256sumVerifiesThem() throws Exception {
    Path into = dir.resolve("archive");

    int status = archive(CliRun.WITH_TOKEN, into);

    assertThat(status).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("3 posts of edition 9 archived")
        .contains("1 edited later, 1 no longer returned");
    assertThat(api.targets()).hasSize(1);
    assertThat(api.targets().get(0))
        .startsWith(
            "/2/tweets?ids=1800000000000000001%2C1800000000000000002%2C1800000000000000003");
    assertThat(cli.err()).doesNotContain("test-token");
    Path jsonl = into.resolve(BASE + ".jsonl");
    Path html = into.resolve(BASE + ".html");
    List<String> lines = Files.readAllLines(jsonl);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("\"status\":\"current\"");
    assertThat(lines.get(1))
        .contains("\"status\":\"edited_later\",\"latest_version_id\":\"1800000000000000009\"");
    assertThat(lines.get(2)).contains("\"status\":\"no_longer_returned\"");
    assertThat(lines).allMatch(l -> l.contains("\"captured_at\":\"2026-06-08T12:00:00Z\""));
    assertThat(Files.readString(html))
        .contains("&lt;b&gt;Noon&lt;/b&gt;")
        .doesNotContain("<b>Noon")
        .contains("Edited later; latest version 1800000000000000009")
        .contains("No longer returned by the API")
        .doesNotContain("Kent");

    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertThat(Files.readString(into.resolve("SHA256SUMS")))
        .isEqualTo(
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(jsonl)))
                + "  "
                + BASE
                + ".jsonl\n"
                + HexFormat.of().formatHex(sha.digest(Files.readAllBytes(html)))
                + "  "
                + BASE
                + ".html\n");
    Path sha256sum = Path.of("/usr/bin/sha256sum");
    if (Files.isExecutable(sha256sum)) {
      Process check =
          new ProcessBuilder(sha256sum.toString(), "-c", "SHA256SUMS")
              .directory(into.toFile())
              .redirectErrorStream(true)
              .start();
      String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor()).as(said).isZero();
      assertThat(said).contains(BASE + ".jsonl: OK").contains(BASE + ".html: OK");
    }
  }

  @Test
  void refusesToOverwriteAnArchiveUnlessForced() throws IOException {
    Path into = dir.resolve("archive");
    assertThat(archive(Map.of(), into)).as(cli.err()).isZero();
    Files.writeString(into.resolve(BASE + ".html"), "kept");

    assertThat(archive(Map.of(), into)).isEqualTo(4);
    assertThat(cli.err()).contains("--force");
    assertThat(Files.readString(into.resolve(BASE + ".html"))).isEqualTo("kept");

    assertThat(archive(Map.of(), into, "--force")).as(cli.err()).isZero();
    assertThat(Files.readString(into.resolve(BASE + ".html"))).contains("<!DOCTYPE html>");
  }

  @Test
  void withoutATokenTheArchiveSaysTheStatusWasNotChecked() throws IOException {
    Path into = dir.resolve("archive");

    assertThat(archive(Map.of(), into)).as(cli.err()).isZero();

    assertThat(api.targets()).isEmpty();
    assertThat(cli.out()).contains("status not checked");
    assertThat(Files.readString(into.resolve(BASE + ".html")))
        .contains("was not checked against the X API")
        .doesNotContain("Current");
    assertThat(Files.readAllLines(into.resolve(BASE + ".jsonl")))
        .hasSize(3)
        .allMatch(l -> l.contains("\"status\":\"not_checked\""));
  }

  @Test
  void aMalformedHandleOrAnAccountWithoutPostsWritesNothing() {
    Path into = dir.resolve("archive");
    assertThat(
            cli.onEdition9(
                Map.of(), dir, "archive", "--handle", "not a handle!", "-o", into.toString()))
        .isEqualTo(2);
    assertThat(
            cli.onEdition9(
                Map.of(), dir, "archive", "--handle", "NobodyHere", "-o", into.toString()))
        .isEqualTo(1);
    assertThat(cli.err()).doesNotContain("NobodyHere");
    assertThat(into).doesNotExist();
  }
}

package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool, {@code target/poltwt.jar}, run as a person runs it: {@code java -jar} in a
 * process of its own. Failsafe runs this after the package phase, so a jar that lacks a class, a
 * merged service file or its Main-Class fails the build.
 */
class PoltwtJarIT {
  @TempDir Path dir;

  private record Result(int status, String out, String err) {}

  private static String jar() {
    String jar = System.getProperty("poltwt.jar");
    assertThat(jar).as("the poltwt.jar system property (set by failsafe)").isNotBlank();
    assertThat(Path.of(jar)).exists();
    return jar;
  }

  private Result java(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar()));
    command.addAll(List.of(args));
    return run(command);
  }

  private Result run(List<String> command) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void helpListsEveryCommand() throws Exception {
    Result r = java("--help");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Usage: poltwt ")
        .contains("windows", "serve", "map", "check", "wrapup", "harvest", "demo-tweets");
  }

  @Test
  void checkReadsATweetsFileAgainstTheDemoData() throws Exception {
    Path tweets = dir.resolve("tweets.jsonl");
    Files.writeString(
        tweets,
        String.join(
            "\n",
            "{\"id\":\"1\",\"text\":\"Night shift in Madrid #PolTwt\",\"author_id\":\"10\","
                + "\"author\":{\"id\":\"10\",\"username\":\"SomeOfficer\"},\"created_at\":\"2015-06-05T20:00:00.000Z\"}",
            "{\"id\":\"2\",\"text\":\"No tag here\",\"author_id\":\"11\","
                + "\"author\":{\"id\":\"11\",\"username\":\"OtherOfficer\"},\"created_at\":\"2015-06-05T21:00:00.000Z\"}",
            ""),
        StandardCharsets.UTF_8);

    Result r = java("check", tweets.toString());

    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern(
            "#PolTwt edition \\d+: 2 tweets checked against \\d+ registrations from the demo data")
        .containsPattern("missing_hashtag\\s+1");
  }

  @Test
  void theLauncherScriptRecordsAClassDataArchiveAndThenUsesIt() throws Exception {
    Path sh = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(sh), "no /bin/sh to run the launcher script with");
    Path installed = Files.createDirectories(dir.resolve("bin"));
    Files.copy(
        Path.of(System.getProperty("poltwt.launcher", "poltwt")), installed.resolve("poltwt"));
    Files.copy(Path.of(jar()), installed.resolve("poltwt.jar"));
    List<String> command = List.of(sh.toString(), installed.resolve("poltwt").toString(), "--help");
    String expected = java("--help").out();

    Result first = run(command);
    Result second = run(command);

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo(expected);
    assertThat(installed.resolve("poltwt.jsa")).isNotEmptyFile();
    assertThat(second.status()).as(second.err()).isZero();
    assertThat(second.out()).isEqualTo(expected);
    assertThat(second.err()).isEmpty();
  }

  @Test
  void aBadOptionExitsTwo() throws Exception {
    Result r = java("check", "--no-such-option", "x.jsonl");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option");
  }
}

package org.poltwt.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Figures a benchmark measures besides time (peak heap, requests made), written as one properties
 * file per benchmark under {@code target/facts} (or {@code -Dpoltwt.facts=dir}) for {@link Report}.
 */
final class Facts {
  private Facts() {}

  /** The folder facts are written to. */
  static Path dir() {
    return Paths.get(System.getProperty("poltwt.facts", "target/facts"));
  }

  /** Writes {@code key=value} lines for one benchmark, replacing earlier ones. */
  static void write(String benchmark, String... lines) throws IOException {
    Path dir = dir();
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(benchmark + ".properties"),
        String.join("\n", lines).concat("\n").getBytes(UTF_8));
  }
}

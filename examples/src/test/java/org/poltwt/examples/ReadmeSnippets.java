package org.poltwt.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a snippet marked in a test's source, and the README it must appear in unchanged. */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** The lines between {@code // <marker>-START} and {@code // <marker>-END}, de-indented. */
  static String snippet(Class<?> test, String marker) throws IOException {
    String source =
        Files.readString(Path.of("src/test/java", test.getName().replace('.', '/') + ".java"));
    String start = "// " + marker + "-START\n";
    int from = source.indexOf(start);
    int to = source.indexOf("// " + marker + "-END", from);
    if (from < 0 || to < 0) {
      throw new IllegalStateException("no snippet " + marker + " in " + test.getSimpleName());
    }
    String body = source.substring(from + start.length(), to);
    return body.substring(0, body.lastIndexOf('\n')).stripTrailing().stripIndent().strip();
  }

  /** The project's README. */
  static String readme() throws IOException {
    return Files.readString(Path.of("../README.md"));
  }
}

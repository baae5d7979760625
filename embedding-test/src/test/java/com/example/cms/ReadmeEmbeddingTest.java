package com.example.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's embedding snippets are this module's code, copied unchanged: what the README shows a
 * CMS developer compiles and passes here, on the published jars.
 */
class ReadmeEmbeddingTest {
  /** This module's folder, wherever the sources are compiled from (embedding-test-boot too). */
  private static final Path MODULE = Path.of("../embedding-test");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/main/java/com/example/cms/SignupForm.java",
        "src/main/java/com/example/cms/CmsValidation.java"
      })
  void theReadmeShowsTheCodeAsItIs(String file) throws IOException {
    String readme = Files.readString(MODULE.resolve("../README.md"));
    assertThat(readme).contains(snippet(MODULE.resolve(file)));
  }

  /** The lines between {@code // README-START} and {@code // README-END}, de-indented. */
  static String snippet(Path source) throws IOException {
    String text = Files.readString(source);
    String start = "// README-START\n";
    int from = text.indexOf(start);
    int to = text.indexOf("// README-END", from);
    if (from < 0 || to < 0) {
      throw new IllegalStateException("no README snippet in " + source);
    }
    String body = text.substring(from + start.length(), to);
    return body.substring(0, body.lastIndexOf('\n')).stripTrailing().stripIndent().strip();
  }
}

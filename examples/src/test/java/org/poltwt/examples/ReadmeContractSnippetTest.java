package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's contract test is the embedding test's own {@code CmsEditionStoreTest}, which runs on
 * the published jars: the class body there appears in the README unchanged.
 */
class ReadmeContractSnippetTest {
  private static final Path CMS_TEST =
      Path.of("../embedding-test/src/test/java/com/example/cms/CmsEditionStoreTest.java");

  @Test
  void theReadmesContractTestIsTheEmbeddingTestsOwn() throws IOException {
    String source = Files.readString(CMS_TEST);
    String snippet = source.substring(source.indexOf("class CmsEditionStoreTest")).strip();

    assertThat(snippet).startsWith("class CmsEditionStoreTest extends EditionStoreContract {");
    assertThat(snippet.lines()).hasSize(6);
    assertThat(ReadmeSnippets.readme()).contains("```java\n" + snippet + "\n```");
  }
}

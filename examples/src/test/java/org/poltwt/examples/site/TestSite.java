package org.poltwt.examples.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.poltwt.examples.common.SiteConfig;

/** A site on in-memory stores with the demo data, on a free port, for one test class. */
final class TestSite implements AutoCloseable {
  static final String PASSWORD = "organiser-secret-1";

  final SignupSite site;
  final Path dir;

  private TestSite(SignupSite site, Path dir) {
    this.site = site;
    this.dir = dir;
  }

  static TestSite start(Clock clock, int rateLimit) {
    return start(clock, rateLimit, b -> {});
  }

  /**
   * Starts a site on the usual test settings, adjusted.
   *
   * @param more adjusts the configuration after the usual settings
   */
  static TestSite start(Clock clock, int rateLimit, Consumer<SiteConfig.Builder> more) {
    try {
      Path dir = Files.createTempDirectory("poltwt-site");
      SiteConfig.Builder config =
          SiteConfig.builder()
              .port(0)
              .database(SiteConfig.MEMORY)
              .dataDir(dir)
              .organiserPassword(PASSWORD)
              .rateLimit(rateLimit)
              .demoSeed(7)
              .demoTweets(5);
      more.accept(config);
      return new TestSite(
          SignupSite.start(config.build(), clock, new PrintWriter(Writer.nullWriter())), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + site.port();
  }

  WebClient client() {
    return new WebClient(url());
  }

  @Override
  public void close() {
    site.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; nothing to do
    }
  }
}

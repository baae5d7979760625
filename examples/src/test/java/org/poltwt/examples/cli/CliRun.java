package org.poltwt.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.poltwt.event.Edition;
import org.poltwt.examples.PoltwtCli;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.spi.TweetQuery;

/**
 * Runs {@code poltwt} commands as the command line would, on a fixed clock (8 June 2026, noon UTC),
 * keeping what they wrote to standard output and standard error; and sets up the H2 tweet store
 * under a data directory with edition 9, held on 5 June 2026 from 08:00.
 */
final class CliRun {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-08T12:00:00Z"), ZoneOffset.UTC);

  /** An environment with an X bearer token set. */
  static final Map<String, String> WITH_TOKEN = Map.of("POLTWT_X_BEARER_TOKEN", "test-token");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs a command with this environment and returns its exit code. */
  int run(Map<String, String> env, String... args) {
    return PoltwtCli.run(CLOCK, env, new PrintWriter(out), new PrintWriter(err), args);
  }

  /** Runs a command on edition 9 of the H2 store under {@code dataDir}: the command, then more. */
  int onEdition9(Map<String, String> env, Path dataDir, String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(command, "--db", "h2", "--data-dir", dataDir.toString(), "--edition", "9"));
    args.addAll(List.of(more));
    return run(env, args.toArray(String[]::new));
  }

  /** What the commands run so far wrote to standard output. */
  String out() {
    return out.toString();
  }

  /** What the commands run so far wrote to standard error. */
  String err() {
    return err.toString();
  }

  void forgetOut() {
    out.getBuffer().setLength(0);
  }

  void forgetErr() {
    err.getBuffer().setLength(0);
  }

  /** Saves edition 9 in the H2 store under {@code dataDir}. */
  static void saveEdition9(Path dataDir) {
    saveEdition9(dataDir, stores -> {});
  }

  /**
   * Saves edition 9 in the H2 store under {@code dataDir}, then hands the store to {@code more}.
   */
  static void saveEdition9(Path dataDir, Consumer<Stores> more) {
    try (Stores stores = Stores.open(SiteConfig.builder().dataDir(dataDir).build())) {
      stores
          .editions()
          .save(
              Edition.builder()
                  .number(9)
                  .date(LocalDate.of(2026, 6, 5))
                  .localStart(LocalTime.of(8, 0))
                  .build());
      more.accept(stores);
    }
  }

  /** How many tweets of edition 9 the H2 store under {@code dataDir} holds. */
  static long storedOfEdition9(Path dataDir) {
    try (Stores stores = Stores.open(SiteConfig.builder().dataDir(dataDir).build())) {
      return stores.tweets().count(TweetQuery.of(9));
    }
  }
}

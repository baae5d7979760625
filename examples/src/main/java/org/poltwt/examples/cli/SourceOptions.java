package org.poltwt.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.demo.DemoData;
import org.poltwt.registration.Registration;
import org.poltwt.spi.RegistrationQuery;
import picocli.CommandLine.Option;

/** Where a command gets an edition and its registrations: the demo data, or the site's database. */
final class SourceOptions {
  @Option(
      names = "--db",
      description =
          "Read the edition and registrations from a database: h2 (the site's "
              + "embedded one under --data-dir) or a JDBC URL. Without it, the demo data.")
  String database;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "The site's data directory (default " + "${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--seed",
      defaultValue = "2013",
      description = "Seed of the demo data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--edition",
      description = "The edition (default: the next one still to come, else the latest).")
  Integer edition;

  /** An edition with its registrations. */
  record Loaded(Edition edition, List<Registration> registrations, String from) {}

  /** Thrown when the options name no usable source; the message is for the user. */
  static final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    SourceException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  /**
   * The configuration naming the database of {@code --db} and {@code --data-dir}.
   *
   * @throws SourceException (exit code 2) if a setting is malformed
   */
  SiteConfig databaseConfig(Map<String, String> env) throws SourceException {
    try {
      return SiteConfig.fromEnvironment(env).database(database).dataDir(dataDir).build();
    } catch (IllegalArgumentException e) {
      throw new SourceException(2, e.getMessage());
    }
  }

  Loaded load(Clock clock, Map<String, String> env) throws SourceException {
    if (database == null) {
      DemoData demo = DemoData.generate(seed, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      Edition e =
          edition == null
              ? demo.nextEdition()
              : demo.editions().stream()
                  .filter(x -> x.number() == edition)
                  .findFirst()
                  .orElseThrow(
                      () -> new SourceException(3, "the demo data has no edition " + edition));
      List<Registration> regs = new ArrayList<>();
      for (Registration r : demo.registrations()) {
        if (r.edition() == e.number()) {
          regs.add(r);
        }
      }
      return new Loaded(e, regs, "the demo data (seed " + seed + ")");
    }
    try (Stores stores = Stores.open(databaseConfig(env))) {
      Optional<Edition> chosen;
      if (edition != null) {
        chosen = stores.editions().find(edition);
      } else {
        List<Edition> all = new ArrayList<>(stores.editions().all());
        all.sort(Comparator.comparingInt(Edition::number));
        chosen =
            all.stream()
                .filter(
                    e ->
                        e.status() == EditionStatus.SCHEDULED
                            || e.status() == EditionStatus.DATE_TBD)
                .findFirst()
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
      }
      if (chosen.isEmpty()) {
        throw new SourceException(3, "no such edition in " + stores.description());
      }
      List<Registration> regs =
          stores.allRegistrations(RegistrationQuery.of(chosen.get().number()));
      return new Loaded(chosen.get(), regs, stores.description());
    } catch (RuntimeException e) {
      throw new SourceException(3, "the database could not be read: " + e.getMessage());
    }
  }
}

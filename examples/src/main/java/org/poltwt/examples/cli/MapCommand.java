package org.poltwt.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.poltwt.examples.demo.Gazetteer;
import org.poltwt.map.ParticipantMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exports the official map of an edition as GeoJSON or KML. */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    description = {
      "Export the participants' map of an edition (verified accounts with an address) as GeoJSON "
          + "or KML. Never includes an email address.",
      "The registrations come from the demo data unless --db names a database (the site's)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:bad options",
      "3:no such edition, or the database could not be read",
      "4:the output file could not be written"
    })
public final class MapCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    geojson,
    kml
  }

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(
      names = "--format",
      defaultValue = "geojson",
      description = "${COMPLETION-CANDIDATES} (default " + "${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      description = "Write to this file instead of standard output.")
  Path output;

  private final Clock clock;
  private final Map<String, String> env;

  /**
   * A {@code map} command.
   *
   * @param clock the clock that picks the demo data's next edition
   * @param env the {@code POLTWT_*} settings, for {@code --db}
   */
  public MapCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SourceOptions.Loaded loaded;
    try {
      loaded = source.load(clock, env);
    } catch (SourceOptions.SourceException e) {
      err.println("poltwt map: " + e.getMessage());
      return e.exitCode;
    }
    ParticipantMap map =
        ParticipantMap.of(loaded.edition().number(), loaded.registrations())
            .geocode(Gazetteer.bundled(), loaded.registrations());
    String text = format == Format.kml ? map.toKml() : map.toGeoJson() + "\n";
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("poltwt map: cannot write " + output + ": " + e.getMessage());
        return 4;
      }
      err.printf(
          "poltwt map: %d participants on the map of edition %d (%d without a known place) written to %s%n",
          map.placed().size(), map.edition(), map.unplaced().size(), output);
    }
    return 0;
  }
}

package org.poltwt.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.json.PoltwtModule;
import org.poltwt.report.WrapUp;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.MalformedTweetException;
import org.poltwt.tweet.io.TweetReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Produces an edition's wrap-up from a file of tweets. */
@Command(
    name = "wrapup",
    mixinStandardHelpOptions = true,
    description = {
      "Produce the wrap-up of an edition from a file of tweets: totals, originals and retweets, "
          + "accounts, languages, apps, hours, countries, compliance and the theme.",
      "Prints it as Markdown; --out DIR also writes wrapup.md, wrapup.json (the top 20 accounts and hashtags), "
          + "wrapup.html (with charts) and one CSV file per table."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:bad options, or a file that cannot be read (or, with --strict, a malformed " + "tweet)",
      "3:no such edition, or the database could not be read",
      "4:the output could not be written"
    })
public final class WrapupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Parameters(index = "0", paramLabel = "TWEETS", description = "The tweets file.")
  Path file;

  @Option(
      names = "--out",
      description = "Directory to write the report's files into (created if missing).")
  Path out;

  @Option(
      names = "--top",
      defaultValue = "20",
      description =
          "How many accounts and hashtags the tables list " + "(default ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--strict",
      description = "Stop at the first malformed tweet instead of skipping it.")
  boolean strict;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar (default: when standard " + "error is a terminal).")
  Boolean progress;

  private final Clock clock;
  private final Map<String, String> env;
  private final Function<WrapUp, String> htmlReport;

  /**
   * A {@code wrapup} command.
   *
   * @param clock the clock that picks the demo data's next edition
   * @param env the {@code POLTWT_*} settings, for {@code --db}
   * @param htmlReport renders the wrap-up as a whole HTML document, for {@code --out}; the site's
   *     report, so that the tool and the organisers' page show the same
   */
  public WrapupCommand(Clock clock, Map<String, String> env, Function<WrapUp, String> htmlReport) {
    this.clock = clock;
    this.env = env;
    this.htmlReport = htmlReport;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (top < 0) {
      err.println("poltwt wrapup: --top must not be negative");
      return 2;
    }
    SourceOptions.Loaded loaded;
    try {
      loaded = source.load(clock, env);
    } catch (SourceOptions.SourceException e) {
      err.println("poltwt wrapup: " + e.getMessage());
      return e.exitCode;
    }
    WrapUp wrapUp;
    try {
      wrapUp =
          read(
              loaded,
              file,
              strict,
              new Progress(
                  err,
                  Files.size(file),
                  progress != null ? progress : Progress.interactive(),
                  "tweets"));
    } catch (MalformedTweetException e) {
      err.println("poltwt wrapup: " + file + ": " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("poltwt wrapup: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    String markdown = wrapUp.toMarkdown(top);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(markdown);
    stdout.flush();
    if (out != null) {
      try {
        Files.createDirectories(out);
        Files.writeString(out.resolve("wrapup.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(
            out.resolve("wrapup.html"), htmlReport.apply(wrapUp), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("wrapup.json"), json(wrapUp), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> table : wrapUp.toCsv(top).entrySet()) {
          Files.writeString(
              out.resolve(table.getKey() + ".csv"), table.getValue(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        err.println("poltwt wrapup: cannot write " + out + ": " + e.getMessage());
        return 4;
      }
      err.println(
          "poltwt wrapup: wrapup.md, wrapup.json, wrapup.html and the CSV tables written to "
              + out);
    }
    return 0;
  }

  /** Reads a tweets file into a wrap-up; shared with the site's organiser page. */
  static WrapUp read(SourceOptions.Loaded loaded, Path file, boolean strict, Progress bar)
      throws IOException {
    ComplianceChecker checker = CheckCommand.checker(loaded);
    WrapUp.Accumulator acc = WrapUp.accumulator(loaded.edition(), loaded.registrations());
    try (InputStream in = bar.track(Files.newInputStream(file));
        TweetReader reader =
            TweetReader.builder()
                .onMalformed(strict ? TweetReader.Malformed.FAIL : TweetReader.Malformed.SKIP)
                .build(in)) {
      while (reader.hasNext()) {
        Tweet t = reader.next();
        acc.add(t, checker.check(t));
        bar.item();
      }
    } finally {
      bar.finish();
    }
    return acc.result();
  }

  /** The wrap-up as JSON, as the library's Jackson module writes it. */
  static String json(WrapUp w) {
    try {
      return new ObjectMapper()
              .registerModule(new PoltwtModule())
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(w)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

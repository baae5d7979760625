package org.poltwt.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.poltwt.examples.demo.DemoData;
import org.poltwt.examples.demo.DemoTweets;
import org.poltwt.tweet.io.TweetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the demo edition's made-up tweets to a file. */
@Command(
    name = "demo-tweets",
    mixinStandardHelpOptions = true,
    description =
        "Write the demo edition's tweets (tens of thousands, in several languages, some not compliant) "
            + "as JSON Lines, for check and wrapup to read.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:bad options", "4:the file could not be written"})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      required = true,
      description = "The file to write.")
  Path output;

  @Option(
      names = "--seed",
      defaultValue = "2013",
      description = "Seed of the demo data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--per-account",
      defaultValue = "150",
      description = "Average tweets per account (default " + "${DEFAULT-VALUE}).")
  int perAccount;

  private final Clock clock;

  /**
   * A {@code demo-tweets} command.
   *
   * @param clock the clock that picks the demo data's next edition
   */
  public DemoCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (perAccount < 1 || perAccount > 1000) {
      err.println("poltwt demo-tweets: --per-account must be between 1 and 1000");
      return 2;
    }
    DemoData demo = DemoData.generate(seed, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    DemoTweets tweets =
        DemoTweets.generate(seed, demo.nextEdition(), demo.registrations(), perAccount);
    try (OutputStream out = Files.newOutputStream(output);
        TweetWriter writer = TweetWriter.of(out)) {
      tweets.forEach(writer::write);
    } catch (IOException e) {
      err.println("poltwt demo-tweets: cannot write " + output + ": " + e.getMessage());
      return 4;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%,d tweets of edition %d written to %s%n",
        tweets.tweets().size(), demo.nextEdition().number(), output);
    out.flush();
    return 0;
  }
}

package org.poltwt.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code poltwt} command-line tool: one subcommand per job organisers and participants run.
 */
@Command(
    name = "poltwt",
    mixinStandardHelpOptions = true,
    version = "poltwt 0.1.0",
    description = "Tools for the Global Police Tweet-a-thon (#PolTwt).",
    subcommands = {WindowsCommand.class})
public final class PoltwtCli {
  private PoltwtCli() {}

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(Clock.systemUTC(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the tool without exiting, for tests and embedding.
   *
   * @param clock the clock countdowns are measured from
   * @param out where results go
   * @param err where errors go
   * @param args the command line
   * @return the exit status: 0 on success, 2 for bad input
   */
  public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PoltwtCli(), new ClockFactory(clock));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof org.poltwt.InvalidInputException) {
        commandLine.getErr().println("poltwt: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }

  /** Gives commands the clock the tool was started with. */
  private static final class ClockFactory implements CommandLine.IFactory {
    private final Clock clock;

    ClockFactory(Clock clock) {
      this.clock = clock;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == WindowsCommand.class) {
        return cls.cast(new WindowsCommand(clock));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}

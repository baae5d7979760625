package org.poltwt.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
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
    subcommands = {WindowsCommand.class, ServeCommand.class, MapCommand.class, CheckCommand.class,
        WrapupCommand.class, HarvestCommand.class, DemoCommand.class})
public final class PoltwtCli {
  private PoltwtCli() {}

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(Clock.systemUTC(), System.getenv(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), args));
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
    return run(clock, System.getenv(), out, err, args);
  }

  /**
   * Runs the tool without exiting, with the settings given instead of the environment's.
   *
   * @param clock the clock countdowns are measured from
   * @param env the {@code POLTWT_*} settings
   * @param out where results go
   * @param err where errors go
   * @param args the command line
   * @return the exit status: 0 on success, 2 for bad input; each command's help lists its others
   */
  public static int run(Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PoltwtCli(), new ClockFactory(clock, env));
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
    private final Map<String, String> env;

    ClockFactory(Clock clock, Map<String, String> env) {
      this.clock = clock;
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == WindowsCommand.class) {
        return cls.cast(new WindowsCommand(clock));
      }
      if (cls == ServeCommand.class) {
        return cls.cast(new ServeCommand(clock, env));
      }
      if (cls == MapCommand.class) {
        return cls.cast(new MapCommand(clock, env));
      }
      if (cls == CheckCommand.class) {
        return cls.cast(new CheckCommand(clock, env));
      }
      if (cls == WrapupCommand.class) {
        return cls.cast(new WrapupCommand(clock, env));
      }
      if (cls == HarvestCommand.class) {
        return cls.cast(new HarvestCommand(clock, env));
      }
      if (cls == DemoCommand.class) {
        return cls.cast(new DemoCommand(clock));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}

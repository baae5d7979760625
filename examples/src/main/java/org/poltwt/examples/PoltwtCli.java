package org.poltwt.examples;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.poltwt.examples.cli.ArchiveCommand;
import org.poltwt.examples.cli.CheckCommand;
import org.poltwt.examples.cli.DemoCommand;
import org.poltwt.examples.cli.HarvestCommand;
import org.poltwt.examples.cli.MapCommand;
import org.poltwt.examples.cli.WindowsCommand;
import org.poltwt.examples.cli.WrapupCommand;
import org.poltwt.examples.site.ServeCommand;
import org.poltwt.examples.site.WrapUpReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code poltwt} command-line tool: one subcommand per job organisers and participants run. It
 * puts together the commands of {@code cli} and the site's {@code serve}, which know nothing of
 * each other.
 */
@Command(
    name = "poltwt",
    mixinStandardHelpOptions = true,
    version = "poltwt 0.1.0",
    description = "Tools for the Global Police Tweet-a-thon (#PolTwt).")
public final class PoltwtCli {
  private PoltwtCli() {}

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(
        run(
            Clock.systemUTC(),
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            args));
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
  public static int run(
      Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PoltwtCli());
    Map<String, Supplier<Object>> commands = commands(clock, env);
    // Picocli reads every registered command's options by reflection, which costs start-up time:
    // when the first argument names a command, that command alone is registered. Its help, its
    // errors and its result are the same; the tool's own help and errors still list them all.
    String first = args.length > 0 ? args[0] : "";
    for (Map.Entry<String, Supplier<Object>> command : commands.entrySet()) {
      if (!commands.containsKey(first) || command.getKey().equals(first)) {
        cli.addSubcommand(command.getKey(), command.getValue().get());
      }
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof org.poltwt.InvalidInputException) {
            commandLine.getErr().println("poltwt: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /** Each command by name, in the order the help lists them; made only when registered. */
  private static Map<String, Supplier<Object>> commands(Clock clock, Map<String, String> env) {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("windows", () -> new WindowsCommand(clock));
    commands.put("serve", () -> new ServeCommand(clock, env));
    commands.put("map", () -> new MapCommand(clock, env));
    commands.put("check", () -> new CheckCommand(clock, env));
    commands.put("wrapup", () -> new WrapupCommand(clock, env, WrapUpReport::document));
    commands.put("harvest", () -> new HarvestCommand(clock, env));
    commands.put("archive", () -> new ArchiveCommand(clock, env));
    commands.put("demo-tweets", () -> new DemoCommand(clock));
    return commands;
  }
}

package org.poltwt.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.poltwt.PoltwtException;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.examples.common.Stores;
import org.poltwt.spi.TweetQuery;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetWriter;
import org.poltwt.twitter.HarvestProgress;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.poltwt.twitter.XApiException;
import org.poltwt.twitter.XApiTweetSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Harvests an edition's tweets from the X API's recent search into the tweet store of a database
 * ({@code --db}), resuming where the last run stopped, and/or into a file.
 */
@Command(
    name = "harvest",
    mixinStandardHelpOptions = true,
    description = {
      "Harvest an edition's #PolTwt tweets from the X API (recent search: the last 7 days) into "
          + "the database's tweet store (--db) and/or a JSON Lines file that check and wrapup "
          + "read (-o).",
      "With --db, where the harvest stands is kept in the database after each page: a run that "
          + "stopped (an API failure, Ctrl+C) is resumed by the next one, and a later run asks "
          + "only for tweets newer than those stored.",
      "X bills each post read: --max-posts caps what one run reads. The run never reads more; "
          + "it stops when fewer than 10 are left (recent search's smallest page), and on X's "
          + "usage cap, keeping where it stands, so that with --db the next run resumes there.",
      "The app's bearer token comes from the environment variable "
          + XApiCredentials.APP_TOKEN_VARIABLE
          + ", never from the command line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:harvested (possibly nothing, if the edition has not started)",
      "2:bad options (neither --db nor -o), or no token",
      "3:no such edition, no date yet, or ended more than 7 days ago; or the database failed",
      "4:the file could not be written",
      "5:the X API failed (what was stored or written so far stays; with --db, run again to "
          + "resume)",
      "6:stopped at the read budget (--max-posts); with --db, run again to resume",
      "7:stopped on X's usage cap (the posts the app may read this period are used up); with "
          + "--db, run again after the cap resets to resume"
    })
public final class HarvestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(
      names = {"-o", "--output"},
      description = "The file to write (with --db, beside the store; without, on its own).")
  Path output;

  @Option(names = "--exclude-retweets", description = "Leave retweets out.")
  boolean excludeRetweets;

  @Option(
      names = "--max-posts",
      paramLabel = "N",
      description =
          "The most posts this run reads from the X API (at least 10; default: no limit).")
  Long maxPosts;

  @Option(names = "--api", hidden = true, description = "The API's base URI (for tests).")
  URI api;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress (default: when standard error is " + "a terminal).")
  Boolean progress;

  private final Clock clock;
  private final Map<String, String> env;

  /**
   * A {@code harvest} command.
   *
   * @param clock the clock the X API client and the edition's choice read
   * @param env the {@code POLTWT_*} settings: the X API token, and the database for {@code --db}
   */
  public HarvestCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    XApiCredentials credentials;
    try {
      credentials = XApiCredentials.fromEnvironment(env);
    } catch (IllegalStateException e) {
      err.println(
          "poltwt harvest: set "
              + XApiCredentials.APP_TOKEN_VARIABLE
              + " to the app's bearer token");
      return 2;
    }
    if (output == null && source.database == null) {
      err.println("poltwt harvest: give --db (the tweet store), -o FILE, or both");
      return 2;
    }
    if (maxPosts != null && maxPosts < XApiTweetSource.SMALLEST_PAGE) {
      err.println(
          "poltwt harvest: --max-posts: must be at least "
              + XApiTweetSource.SMALLEST_PAGE
              + ", recent search's smallest page");
      return 2;
    }
    if (!credentials.hasAppToken()) {
      err.println(
          "poltwt harvest: set "
              + XApiCredentials.APP_TOKEN_VARIABLE
              + " to the app's bearer token");
      return 2;
    }
    SourceOptions.Loaded loaded;
    try {
      loaded = source.load(clock, env);
    } catch (SourceOptions.SourceException e) {
      err.println("poltwt harvest: " + e.getMessage());
      return e.exitCode;
    }
    boolean show = progress != null ? progress : Progress.interactive();
    XApiClient.Builder client = XApiClient.builder().credentials(credentials).clock(clock);
    if (api != null) {
      client.baseUri(api);
    }
    Stores stores = null;
    if (source.database != null) {
      try {
        stores = Stores.open(source.databaseConfig(env));
      } catch (SourceOptions.SourceException e) {
        err.println("poltwt harvest: " + e.getMessage());
        return e.exitCode;
      } catch (RuntimeException e) {
        err.println("poltwt harvest: the database could not be opened: " + e.getMessage());
        return 3;
      }
    }
    try {
      return harvest(client.build(), loaded, stores, show, err);
    } finally {
      if (stores != null) {
        stores.close();
      }
    }
  }

  private int harvest(
      XApiClient client,
      SourceOptions.Loaded loaded,
      Stores stores,
      boolean show,
      PrintWriter err) {
    AtomicReference<HarvestProgress> last = new AtomicReference<>();
    XApiTweetSource.Builder builder =
        XApiTweetSource.builder(client)
            .excludeRetweets(excludeRetweets)
            .listener(
                p -> {
                  last.set(p);
                  if (show) {
                    err.print("\r" + progressLine(p));
                    if (p.event().ends()) {
                      err.println();
                    }
                    err.flush();
                  }
                });
    if (maxPosts != null) {
      builder.maxPosts(maxPosts);
    }
    int number = loaded.edition().number();
    long storedBefore = 0;
    if (stores != null) {
      builder.store(stores.tweets()).checkpoints(stores.harvestCheckpoints());
      storedBefore = stores.tweets().count(TweetQuery.of(number));
    }
    XApiTweetSource tweets = builder.build();
    String where = where(stores);
    long read = 0;
    try (OutputStream out =
            output == null ? OutputStream.nullOutputStream() : Files.newOutputStream(output);
        TweetWriter writer = TweetWriter.of(out);
        Stream<Tweet> stream = tweets.harvest(loaded.edition())) {
      for (Tweet t : (Iterable<Tweet>) stream::iterator) {
        if (output != null) {
          writer.write(t);
        }
        read++;
      }
    } catch (IOException e) {
      err.println("poltwt harvest: cannot write " + output + ": " + e.getMessage());
      return 4;
    } catch (XApiException e) {
      err.println(
          "poltwt harvest: the X API failed ("
              + e.code()
              + "): "
              + e.getMessage()
              + "; "
              + read
              + " tweets were kept in "
              + where
              + (stores == null ? "" : "; run the same command again to resume"));
      return 5;
    } catch (InvalidEditionException e) {
      err.println("poltwt harvest: edition " + number + ": " + e.getMessage());
      return 3;
    } catch (PoltwtException e) {
      if (XApiTweetSource.OUT_OF_RANGE.equals(e.code())) {
        err.println("poltwt harvest: " + e.getMessage());
        return 3;
      }
      err.println("poltwt harvest: " + e.getMessage());
      return 5;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%,d tweets of edition %d", read, number);
    if (output != null) {
      out.print(" written to " + output);
    }
    if (stores != null) {
      long storedNow = stores.tweets().count(TweetQuery.of(number));
      out.printf(
          Locale.ROOT,
          "%s stored in the tweet store (%s): %,d new, %,d stored in all",
          output == null ? "" : ";",
          stores.description(),
          storedNow - storedBefore,
          storedNow);
    }
    out.println();
    out.flush();
    HarvestProgress end = last.get();
    if (end != null && end.event() == HarvestProgress.Event.BUDGET_REACHED) {
      err.printf(
          Locale.ROOT,
          "poltwt harvest: stopped at the read budget: %,d of %,d posts read; %s%n",
          end.postsRead(),
          maxPosts,
          stores == null
              ? "only a run with --db can resume where this one stopped"
              : "run the same command again to resume");
      err.flush();
      return 6;
    }
    if (end != null && end.event() == HarvestProgress.Event.USAGE_CAPPED) {
      err.printf(
          Locale.ROOT,
          "poltwt harvest: stopped on X's usage cap (the posts the app may read this period are"
              + " used up) after %,d posts read; %s%n",
          end.postsRead(),
          stores == null
              ? "only a run with --db can resume where this one stopped"
              : "run the same command again after the cap resets to resume");
      err.flush();
      return 7;
    }
    return 0;
  }

  /**
   * The progress line: pages, tweets, posts read (of the budget), and while waiting for the rate
   * limit the time left, for example {@code / page 3, 250 tweets, 250/1,000 posts read, waiting for
   * the rate limit: 4:32 left}.
   */
  static String progressLine(HarvestProgress p) {
    StringBuilder line =
        new StringBuilder(spin(p))
            .append(
                String.format(
                    Locale.ROOT,
                    " page %d, %,d tweets, %,d",
                    p.pages(),
                    p.tweets(),
                    p.postsRead()));
    if (p.maxPosts().isPresent()) {
      line.append(String.format(Locale.ROOT, "/%,d", p.maxPosts().getAsLong()));
    }
    line.append(" posts read");
    p.waitingLeft()
        .filter(left -> p.event() == HarvestProgress.Event.WAITING)
        .ifPresent(
            left ->
                line.append(", waiting for the rate limit: ").append(clock(left)).append(" left"));
    switch (p.event()) {
      case BUDGET_REACHED:
        line.append(" (read budget reached)");
        break;
      case USAGE_CAPPED:
        line.append(" (X's usage cap reached)");
        break;
      default:
        break;
    }
    // Pad so a shorter line wipes out the end of a longer one drawn before it.
    return String.format(Locale.ROOT, "%-90s", line);
  }

  /** A duration as {@code m:ss}, or {@code h:mm:ss} from an hour, rounded up to the second. */
  static String clock(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    long h = s / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }

  private String where(Stores stores) {
    if (stores == null) {
      return output.toString();
    }
    return "the tweet store ("
        + stores.description()
        + ")"
        + (output == null ? "" : " and " + output);
  }

  private static String spin(HarvestProgress p) {
    if (p.event().ends()) {
      return p.event() == HarvestProgress.Event.FINISHED ? "done:" : "stopped:";
    }
    int turn =
        p.event() == HarvestProgress.Event.WAITING
            ? (int) p.waitingLeft().orElse(Duration.ZERO).getSeconds()
            : p.pages();
    return "|/-\\".charAt(turn % 4) + "";
  }
}

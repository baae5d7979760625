package org.poltwt.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.poltwt.PoltwtException;
import org.poltwt.archive.AgencyArchive;
import org.poltwt.archive.ArchiveFile;
import org.poltwt.archive.ArchivedPost;
import org.poltwt.archive.PostStatus;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.demo.DemoTweets;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.tweet.Tweet;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.poltwt.twitter.XApiException;
import org.poltwt.twitter.XApiTweetLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes one account's archive of an edition: its posts from the tweet store as JSON Lines, a
 * self-contained HTML page and a {@code SHA256SUMS} manifest, each post marked when the X API says
 * it was edited later or no longer returns it.
 */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
      "Write an account's archive of an edition, the public-records copy an agency keeps: its "
          + "posts from the tweet store (--db; without it, the demo data's) as JSON Lines, a "
          + "self-contained HTML page that reads offline and prints, and SHA256SUMS "
          + "(check with sha256sum -c SHA256SUMS), all with the capture time.",
      "With the environment variable "
          + XApiCredentials.APP_TOKEN_VARIABLE
          + " set, each post is looked up on the X API and marked when it was edited later or "
          + "is no longer returned; without it the archive says that the status was not checked."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the archive was written",
      "1:the account has no posts of the edition in the store (nothing written)",
      "2:bad options (a malformed handle)",
      "3:no such edition, or the database failed",
      "4:the files could not be written, or exist already (give --force to replace them)",
      "5:the X API failed (nothing written; run again, or without the token)"
    })
public final class ArchiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--handle", required = true, description = "The account, with or without @.")
  String handle;

  @Option(
      names = {"-o", "--output"},
      defaultValue = ".",
      description =
          "The directory to write the files into, created if missing (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--force", description = "Replace archive files already in the directory.")
  boolean force;

  @Option(
      names = "--lang",
      defaultValue = "en",
      description =
          "The language of the HTML page: en, es, fr, de, pt, it, nl or ar (default: ${DEFAULT-VALUE};"
              + " others get English).")
  String language;

  @Option(names = "--api", hidden = true, description = "The API's base URI (for tests).")
  URI api;

  private final Clock clock;
  private final Map<String, String> env;

  /**
   * An {@code archive} command.
   *
   * @param clock the capture time's clock, and the X API client's
   * @param env the {@code POLTWT_*} settings: the X API token (optional), the database for {@code
   *     --db}
   */
  public ArchiveCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!TwitterHandle.isValid(handle)) {
      err.println("poltwt archive: --handle is not a Twitter handle");
      return 2;
    }
    TwitterHandle account = TwitterHandle.of(handle);
    XApiCredentials credentials = null;
    try {
      credentials = XApiCredentials.fromEnvironment(env);
    } catch (IllegalStateException noToken) {
      // No token: the archive is written from the store alone, and says so.
    }
    SourceOptions.Loaded loaded;
    try {
      loaded = source.load(clock, env);
    } catch (SourceOptions.SourceException e) {
      err.println("poltwt archive: " + e.getMessage());
      return e.exitCode;
    }
    int number = loaded.edition().number();
    List<Tweet> posts;
    if (source.database == null) {
      InMemoryTweetStore demo = new InMemoryTweetStore();
      demo.upsertAll(
          number,
          DemoTweets.generate(source.seed, loaded.edition(), loaded.registrations(), 20).tweets());
      posts = AgencyArchive.postsOf(demo, number, account);
    } else {
      try (Stores stores = Stores.open(source.databaseConfig(env))) {
        TweetStore tweets = stores.tweets();
        posts = AgencyArchive.postsOf(tweets, number, account);
      } catch (SourceOptions.SourceException e) {
        err.println("poltwt archive: " + e.getMessage());
        return e.exitCode;
      } catch (RuntimeException e) {
        err.println("poltwt archive: the database could not be read: " + e.getMessage());
        return 3;
      }
    }
    if (posts.isEmpty()) {
      err.println(
          "poltwt archive: no posts of that account in edition "
              + number
              + " in "
              + loaded.from()
              + "; nothing written");
      return 1;
    }
    AgencyArchive archive;
    if (credentials != null && credentials.hasAppToken()) {
      XApiClient.Builder client = XApiClient.builder().credentials(credentials).clock(clock);
      if (api != null) {
        client.baseUri(api);
      }
      try {
        archive =
            AgencyArchive.checked(
                loaded.edition(), account, posts, XApiTweetLookup.of(client.build()), clock);
      } catch (XApiException e) {
        err.println("poltwt archive: the X API failed (" + e.code() + "): " + e.getMessage());
        return 5;
      } catch (PoltwtException e) {
        err.println("poltwt archive: " + e.getMessage());
        return 5;
      }
    } else {
      archive = AgencyArchive.unchecked(loaded.edition(), account, posts, clock);
    }
    return write(archive, err);
  }

  private int write(AgencyArchive archive, PrintWriter err) {
    List<ArchiveFile> files = archive.files(Locale.forLanguageTag(language.strip()));
    List<String> present = new ArrayList<>();
    for (ArchiveFile f : files) {
      if (Files.exists(output.resolve(f.name()))) {
        present.add(f.name());
      }
    }
    if (!present.isEmpty() && !force) {
      err.println(
          "poltwt archive: "
              + String.join(", ", present)
              + " already in "
              + output
              + "; give --force to replace");
      return 4;
    }
    try {
      Files.createDirectories(output);
      for (ArchiveFile f : files) {
        Files.write(
            output.resolve(f.name()),
            f.content(),
            force ? StandardOpenOption.CREATE : StandardOpenOption.CREATE_NEW,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
      }
    } catch (IOException e) {
      err.println("poltwt archive: cannot write into " + output + ": " + e.getMessage());
      return 4;
    }
    long edited = count(archive, PostStatus.EDITED_LATER);
    long gone = count(archive, PostStatus.NO_LONGER_RETURNED);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%d posts of edition %d archived in %s (%s): %s%n",
        archive.posts().size(),
        archive.edition().number(),
        output,
        String.join(", ", files.stream().map(ArchiveFile::name).toList()),
        archive.statusChecked()
            ? edited + " edited later, " + gone + " no longer returned"
            : "status not checked (no " + XApiCredentials.APP_TOKEN_VARIABLE + ")");
    out.flush();
    return 0;
  }

  private static long count(AgencyArchive archive, PostStatus status) {
    return archive.posts().stream().map(ArchivedPost::status).filter(status::equals).count();
  }
}

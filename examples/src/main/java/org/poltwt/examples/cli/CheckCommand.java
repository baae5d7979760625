package org.poltwt.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.compliance.ComplianceTag;
import org.poltwt.compliance.Violation;
import org.poltwt.registration.Registration;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.MalformedTweetException;
import org.poltwt.tweet.io.TweetReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a file of tweets against an edition's rules. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a file of tweets (X API v2 JSON: JSON Lines, response pages or an array) for "
          + "compliance with an edition: the hashtag as a real hashtag, inside the author's window, a registered "
          + "author, within 280 weighted characters; and count theme tags and retweets.",
      "Prints a summary; --results writes one CSV row per tweet."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every tweet complies",
      "1:some tweets do not comply",
      "2:bad options, or a file that " + "cannot be read (or, with --strict, a malformed tweet)",
      "3:no such edition, or the database could not " + "be read"
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Parameters(index = "0", paramLabel = "TWEETS", description = "The tweets file.")
  Path file;

  @Option(names = "--results", description = "Write each tweet's result to this CSV file.")
  Path results;

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

  /**
   * A {@code check} command.
   *
   * @param clock the clock that picks the demo data's next edition
   * @param env the {@code POLTWT_*} settings, for {@code --db}
   */
  public CheckCommand(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SourceOptions.Loaded loaded;
    try {
      loaded = source.load(clock, env);
    } catch (SourceOptions.SourceException e) {
      err.println("poltwt check: " + e.getMessage());
      return e.exitCode;
    }
    if (!Files.isReadable(file)) {
      err.println("poltwt check: cannot read " + file);
      return 2;
    }
    ComplianceChecker checker = checker(loaded);
    ComplianceSummary summary = new ComplianceSummary();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      err.println("poltwt check: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    Progress bar =
        new Progress(err, size, progress != null ? progress : Progress.interactive(), "tweets");
    try (InputStream in = bar.track(Files.newInputStream(file));
        TweetReader reader =
            TweetReader.builder()
                .onMalformed(strict ? TweetReader.Malformed.FAIL : TweetReader.Malformed.SKIP)
                .build(in);
        BufferedWriter csv =
            results == null ? null : Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
      if (csv != null) {
        csv.write("tweet_id,author_id,author,compliant,violations,tags\r\n");
      }
      while (reader.hasNext()) {
        Tweet t = reader.next();
        ComplianceResult r = checker.check(t);
        summary.add(r);
        bar.item();
        if (csv != null) {
          csv.write(
              r.tweetId()
                  + ","
                  + r.authorId()
                  + ","
                  + r.authorHandle().map(h -> h.value()).orElse("")
                  + ","
                  + r.compliant()
                  + ","
                  + r.violations().stream()
                      .map(v -> v.code().name())
                      .collect(Collectors.joining(" "))
                  + ","
                  + r.tags().stream().map(Enum::name).sorted().collect(Collectors.joining(" "))
                  + "\r\n");
        }
      }
      bar.finish();
      report(out, loaded, summary, reader.skipped());
    } catch (MalformedTweetException e) {
      bar.finish();
      err.println("poltwt check: " + file + ": " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      bar.finish();
      err.println("poltwt check: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    return summary.nonCompliant() == 0 ? 0 : 1;
  }

  static ComplianceChecker checker(SourceOptions.Loaded loaded) {
    Map<String, Registration> byHandle = new HashMap<>();
    Map<String, Registration> byAccount = new HashMap<>();
    for (Registration r : loaded.registrations()) {
      byHandle.put(r.handle().normalized(), r);
      r.accountId().ifPresent(id -> byAccount.put(id, r));
    }
    return ComplianceChecker.builder()
        .edition(loaded.edition())
        .registrationLookup(
            (edition, authorId, handle) -> {
              Registration r = byAccount.get(authorId);
              if (r == null && handle.isPresent()) {
                r = byHandle.get(handle.get().normalized());
              }
              return Optional.ofNullable(r);
            })
        .build();
  }

  private void report(
      PrintWriter out, SourceOptions.Loaded loaded, ComplianceSummary s, long skipped) {
    out.printf(
        Locale.ROOT,
        "#%s edition %d: %,d tweets checked against %,d registrations from %s%n",
        loaded.edition().hashtag(),
        loaded.edition().number(),
        s.checked(),
        loaded.registrations().size(),
        loaded.from());
    out.printf(
        Locale.ROOT,
        "  compliant       %,9d  %s%n",
        s.compliant(),
        percent(s.compliant(), s.checked()));
    out.printf(
        Locale.ROOT,
        "  not compliant   %,9d  %s%n",
        s.nonCompliant(),
        percent(s.nonCompliant(), s.checked()));
    for (Violation.Code code : Violation.Code.values()) {
      out.printf(
          Locale.ROOT, "    %-22s%,9d%n", code.name().toLowerCase(Locale.ROOT), s.violations(code));
    }
    for (ComplianceTag tag : ComplianceTag.values()) {
      out.printf(
          Locale.ROOT,
          "  %-24s%,9d%n",
          switch (tag) {
            case RETWEET -> "retweets";
            case THEME -> "theme-tagged";
            case CARRIES_HASHTAG -> "carrying the hashtag";
          },
          s.tagged(tag));
    }
    if (skipped > 0) {
      out.printf(Locale.ROOT, "  skipped (malformed) %,6d%n", skipped);
    }
    if (results != null) {
      out.println("Results per tweet: " + results);
    }
    out.flush();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "%5.1f%%", 100.0 * part / whole);
  }
}

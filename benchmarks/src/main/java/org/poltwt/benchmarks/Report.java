package org.poltwt.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/**
 * Turns JMH's JSON results ({@code -rf json}) and the benchmarks' {@link Facts} into the Markdown
 * table of the README: one row per goal, each figure a ratio against a baseline of the same run.
 *
 * <pre>
 * java -cp benchmarks.jar org.poltwt.benchmarks.Report target/jmh.json target/facts target/results.md
 * </pre>
 *
 * <p>Speed ratios are {@code speed(measured) / speed(baseline)}, where speed is the score for
 * throughput modes and its inverse for time modes; so a ratio of 0.5 means half the baseline's
 * throughput. A benchmark missing from the results gives a row saying so.
 */
public final class Report {
  private Report() {}

  /** One measured result: its score and unit, and whether higher is faster. */
  record Score(double value, String unit, boolean throughput) {
    double speed() {
      return throughput ? value : 1 / value;
    }

    String text() {
      return fmt(value) + " " + unit;
    }
  }

  /** A row of the table. */
  record Row(
      String benchmark, String figure, String baseline, String ratio, String goal, String met) {}

  /**
   * Writes the table.
   *
   * @param args the JMH JSON file, the facts folder and the Markdown file to write
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path json = Paths.get(args.length > 0 ? args[0] : "target/jmh.json");
    Path facts = Paths.get(args.length > 1 ? args[1] : "target/facts");
    Path out = Paths.get(args.length > 2 ? args[2] : "target/results.md");
    Map<String, Score> scores = read(json);
    List<Row> rows = rows(scores, facts);
    StringBuilder md = new StringBuilder();
    md.append("Measured ")
        .append(LocalDate.now())
        .append(" on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.runtime.version"))
        .append(" (")
        .append(System.getProperty("java.vm.name"))
        .append(").\n\n");
    md.append("| benchmark | figure | baseline | ratio | goal | met? |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(r.benchmark())
          .append(" | ")
          .append(r.figure())
          .append(" | ")
          .append(r.baseline())
          .append(" | ")
          .append(r.ratio())
          .append(" | ")
          .append(r.goal())
          .append(" | ")
          .append(r.met())
          .append(" |\n");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, md, UTF_8);
    PrintStream console = System.out;
    console.print(md);
  }

  /**
   * Reads JMH's JSON into scores keyed by {@code Class.method} plus {@code [param=value,...]} when
   * there are params.
   */
  static Map<String, Score> read(Path json) throws IOException {
    Map<String, Score> scores = new HashMap<>();
    if (!Files.exists(json)) {
      return scores;
    }
    JsonNode root;
    try (Reader r = Files.newBufferedReader(json, UTF_8)) {
      root = new ObjectMapper().readTree(r);
    }
    for (JsonNode b : root) {
      String name = b.path("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      StringBuilder key = new StringBuilder(name);
      JsonNode params = b.path("params");
      if (params.size() > 0) {
        List<String> ps = new ArrayList<>();
        params.fields().forEachRemaining(e -> ps.add(e.getKey() + "=" + e.getValue().asText()));
        ps.sort(null);
        key.append(ps);
      }
      String mode = b.path("mode").asText();
      JsonNode metric = b.path("primaryMetric");
      scores.put(
          key.toString(),
          new Score(
              metric.path("score").asDouble(),
              metric.path("scoreUnit").asText(),
              mode.equals("thrpt")));
    }
    return scores;
  }

  /** The first score whose key matches a pattern. */
  static Score find(Map<String, Score> scores, String regex) {
    Pattern p = Pattern.compile(regex);
    return scores.entrySet().stream()
        .filter(e -> p.matcher(e.getKey()).matches())
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  static List<Row> rows(Map<String, Score> s, Path facts) throws IOException {
    List<Row> rows = new ArrayList<>();
    rows.add(
        speed(
            "compliance check of 10k X API tweets",
            find(s, "ComplianceBenchmark\\.check"),
            find(s, "ComplianceBenchmark\\.bareParse"),
            "bare Jackson parse",
            "≥ 0.5×",
            r -> r >= 0.5));
    rows.add(
        speed(
            "TweetReader alone (share of the above)",
            find(s, "ComplianceBenchmark\\.readOnly"),
            find(s, "ComplianceBenchmark\\.bareParse"),
            "bare Jackson parse",
            "—",
            null));
    rows.add(
        speed(
            "checks alone, tweets already read (share of the above)",
            find(s, "ComplianceBenchmark\\.checkOnly"),
            find(s, "ComplianceBenchmark\\.bareParse"),
            "bare Jackson parse",
            "—",
            null));
    rows.add(
        speed(
            "hashtag check",
            find(s, "TextBenchmark\\.carries"),
            find(s, "TextBenchmark\\.twitterTextExtractHashtags"),
            "twitter-text extractHashtags",
            "≥ 50×",
            r -> r >= 50));
    rows.add(
        speed(
            "weighted length",
            find(s, "TextBenchmark\\.weighted"),
            find(s, "TextBenchmark\\.twitterTextParseTweet"),
            "twitter-text parseTweet",
            "≥ 50×",
            r -> r >= 50));
    rows.add(
        speed(
            "hashtag check (reference)",
            find(s, "TextBenchmark\\.carries"),
            find(s, "TextBenchmark\\.baselineContains"),
            "String.contains (inexact)",
            "—",
            null));
    rows.add(
        speed(
            "Schedule.liveAt",
            find(s, "LiveAtBenchmark\\.liveAt"),
            find(s, "LiveAtBenchmark\\.bruteForce"),
            "every zone's window",
            "—",
            null));
    Score live10k = find(s, "LiveRegistrationsBenchmark\\.count\\[registrations=10000\\]");
    Score live1m = find(s, "LiveRegistrationsBenchmark\\.count\\[registrations=1000000\\]");
    rows.add(growth("registrations live now: t(1M) / t(10k)", live1m, live10k));
    rows.add(
        speed(
            "registrations live now, 1M",
            live1m,
            find(
                s,
                "LiveRegistrationsBenchmark\\.perRegistrationWindows\\[registrations=1000000\\]"),
            "each registration's window",
            "—",
            null));
    rows.add(
        speed(
            "registration bulk import (H2)",
            find(s, "JdbcBenchmark\\.importRegistrations(\\[.*)?"),
            find(s, "JdbcBenchmark\\.rawJdbcBatch(\\[.*)?"),
            "raw JDBC batch",
            "≥ 0.5×",
            r -> r >= 0.5));
    rows.add(
        speed(
            "tweet upsert (H2)",
            find(s, "JdbcBenchmark\\.(?!raw)(?i:\\w*upsert\\w*)(\\[.*)?"),
            find(s, "JdbcBenchmark\\.raw(?i:\\w*(tweet|upsert)\\w*)(\\[.*)?"),
            "raw JDBC batch",
            "≥ 0.5×",
            r -> r >= 0.5));
    rows.add(
        speed(
            "wrap-up (1M tweets; 20k in --quick)",
            find(s, "WrapUpBenchmark\\.wrapUp.*"),
            find(s, "WrapUpBenchmark\\.bareParse.*"),
            "bare Jackson parse",
            "—",
            null));
    rows.add(heap(find(s, "WrapUpBenchmark\\.wrapUp.*"), load(facts, "WrapUpBenchmark")));
    Properties harvest = load(facts, "HarvestBenchmark");
    rows.add(
        equal(
            "harvest of 10k tweets: requests",
            harvest,
            "requests",
            "minimumRequests",
            "",
            "⌈N/100⌉"));
    rows.add(
        equal(
            "harvest: time waited",
            harvest,
            "waitedMillis",
            "stubbedWaitMillis",
            " ms",
            "stubbed resets"));
    rows.add(
        speed(
            "harvest of 10k tweets (time)",
            find(s, "HarvestBenchmark\\.harvest"),
            find(s, "HarvestBenchmark\\.bareFetch"),
            "bare HttpClient + parse",
            "—",
            null));
    rows.addAll(burst(load(facts, "SignupBurst")));
    rows.addAll(live(load(facts, "LiveViewers")));
    return rows;
  }

  /**
   * The rows of the live board's load check (the {@code benchmarks-site} module's {@code
   * LiveViewers}): the server's CPU time and heap with its viewers against the same server with
   * none, and whether every viewer connected, stayed and read every event.
   */
  static List<Row> live(Properties f) {
    String what = "live board, Server-Sent Events viewers on one instance";
    if (f == null) {
      return List.of(
          new Row(what, "not run", "—", "—", "none dropped, no event missed", "not run"));
    }
    String n = f.getProperty("viewers");
    String none = "0 viewers";
    List<Row> rows = new ArrayList<>();
    Row cpu =
        speed(
            "live board, " + n + " viewers on one instance: server CPU",
            new Score(number(f, "loadedCpuPerSecond"), "s/s", false),
            new Score(number(f, "idleCpuPerSecond"), "s/s", false),
            none,
            "—",
            null);
    rows.add(
        new Row(
            cpu.benchmark(),
            cpu.figure() + " (" + fmt(number(f, "cpuMsPerViewer")) + " ms/s per viewer)",
            cpu.baseline(),
            cpu.ratio(),
            cpu.goal(),
            cpu.met()));
    long heap = Long.parseLong(f.getProperty("loadedHeapBytes"));
    long idleHeap = Long.parseLong(f.getProperty("idleHeapBytes"));
    rows.add(
        new Row(
            "live board: heap after GC",
            mb(heap) + " MB (" + fmt(number(f, "heapBytesPerViewer") / 1024) + " KB per viewer)",
            none + ": " + mb(idleHeap) + " MB",
            fmt((double) heap / idleHeap),
            "—",
            "(reported)"));
    rows.add(
        new Row(
            "live board: viewers failed, dropped or missing events",
            f.getProperty("connectFailures")
                + " failed to connect, "
                + f.getProperty("dropped")
                + " dropped, "
                + f.getProperty("broken")
                + " out of order, "
                + f.getProperty("missing")
                + " events missed; each read "
                + f.getProperty("eventsMin")
                + " to "
                + f.getProperty("eventsMax")
                + " events",
            n + " viewers",
            "—",
            "none",
            "true".equals(f.getProperty("clean")) ? "yes" : "**no**"));
    return rows;
  }

  /**
   * The rows of the sign-up burst (the {@code benchmarks-site} module's {@code SignupBurst}, which
   * runs apart from JMH and leaves its figures as facts): its pace against its own time goal, its
   * requests against the same instances serving a static file, and what it lost or doubled.
   */
  static List<Row> burst(Properties f) {
    String what = "sign-up burst, 2 site instances";
    if (f == null) {
      return List.of(
          new Row(
              what,
              "not run",
              "—",
              "—",
              "all within 60 s, none failed, lost or doubled",
              "not run"));
    }
    long signups = Long.parseLong(f.getProperty("signups"));
    double seconds = Double.parseDouble(f.getProperty("seconds"));
    String on =
        what
            + " on "
            + f.getProperty("database")
            + ", "
            + f.getProperty("users")
            + " users at once";
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            on + ": " + signups + " sign-ups, each verified",
            fmt(seconds)
                + " s, "
                + fmt(signups / seconds)
                + " sign-ups/s; a whole sign-up p50 "
                + fmt(number(f, "journeyP50Ms"))
                + " ms, p99 "
                + fmt(number(f, "journeyP99Ms"))
                + " ms",
            "—",
            "—",
            "within 60 s",
            seconds <= 60 ? "yes" : "**no**"));
    String baseline = "static file";
    rows.add(
        speed(
            "sign-up burst: requests (5 a sign-up)",
            new Score(number(f, "burstRequestsPerSecond"), "requests/s", true),
            new Score(number(f, "staticRequestsPerSecond"), "requests/s", true),
            baseline,
            "—",
            null));
    rows.add(
        speed(
            "sign-up burst: p50 of a request",
            new Score(number(f, "burstP50Ms"), "ms", false),
            new Score(number(f, "staticP50Ms"), "ms", false),
            baseline,
            "—",
            null));
    rows.add(
        speed(
            "sign-up burst: p99 of a request",
            new Score(number(f, "burstP99Ms"), "ms", false),
            new Score(number(f, "staticP99Ms"), "ms", false),
            baseline,
            "—",
            null));
    rows.add(
        new Row(
            "sign-up burst: failed, lost or doubled",
            f.getProperty("errors")
                + " failed requests; "
                + f.getProperty("registered")
                + " registrations, "
                + f.getProperty("verified")
                + " verified; mails: "
                + f.getProperty("mailsMissing")
                + " missing, "
                + f.getProperty("mailsDoubled")
                + " doubled, "
                + f.getProperty("mailsOther")
                + " other",
            signups + " sign-ups + " + f.getProperty("warmUps", "0") + " warm-ups",
            "—",
            "none",
            "true".equals(f.getProperty("clean")) ? "yes" : "**no**"));
    return rows;
  }

  private static double number(Properties f, String key) {
    return Double.parseDouble(f.getProperty(key));
  }

  static Row speed(
      String what,
      Score measured,
      Score baseline,
      String baselineName,
      String goal,
      DoublePredicate ok) {
    if (measured == null || baseline == null) {
      return new Row(
          what,
          measured == null ? "not run" : measured.text(),
          baseline == null ? baselineName + ": not run" : baselineName + ": " + baseline.text(),
          "—",
          goal,
          "not run");
    }
    double ratio = measured.speed() / baseline.speed();
    return new Row(
        what,
        measured.text(),
        baselineName + ": " + baseline.text(),
        fmt(ratio) + "×",
        goal,
        ok == null ? "(reported)" : ok.test(ratio) ? "yes" : "**no**");
  }

  static Row growth(String what, Score big, Score small) {
    if (big == null || small == null) {
      return new Row(what, "not run", "—", "—", "≤ 2", "not run");
    }
    double ratio = big.value() / small.value();
    return new Row(
        what,
        "1M: " + big.text(),
        "10k: " + small.text(),
        fmt(ratio),
        "≤ 2",
        ratio <= 2 ? "yes" : "**no**");
  }

  static Row heap(Score wrapUp, Properties f) {
    if (wrapUp == null || f == null) {
      return new Row(
          "wrap-up of 1M tweets: peak heap",
          "not run",
          "—",
          "—",
          "completes in -Xmx256m",
          "not run");
    }
    long peak = Long.parseLong(f.getProperty("peakHeapBytes"));
    long max = Long.parseLong(f.getProperty("maxHeapBytes"));
    String tweets = f.getProperty("tweets");
    return new Row(
        "wrap-up of " + tweets + " tweets: peak heap",
        mb(peak) + " MB",
        "-Xmx " + mb(max) + " MB",
        fmt((double) peak / max),
        "completes in -Xmx256m",
        max <= 256L * 1024 * 1024 ? "yes" : "**no**");
  }

  static Row equal(
      String what, Properties f, String key, String baselineKey, String unit, String baselineName) {
    if (f == null) {
      return new Row(what, "not run", baselineName, "—", "equal", "not run");
    }
    long v = Long.parseLong(f.getProperty(key));
    long b = Long.parseLong(f.getProperty(baselineKey));
    return new Row(
        what,
        v + unit,
        baselineName + ": " + b + unit,
        b == 0 ? "—" : fmt((double) v / b),
        "equal (1)",
        v == b ? "yes" : "**no**");
  }

  static Properties load(Path facts, String name) throws IOException {
    Path p = facts.resolve(name + ".properties");
    if (!Files.exists(p)) {
      return null;
    }
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(p, UTF_8)) {
      props.load(r);
    }
    return props;
  }

  static String mb(long bytes) {
    return Long.toString(Math.round(bytes / (1024.0 * 1024.0)));
  }

  static String fmt(double d) {
    if (d >= 100) {
      return String.format(Locale.ROOT, "%,.0f", d);
    }
    if (d >= 10) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    if (d >= 0.01) {
      return String.format(Locale.ROOT, "%.2f", d);
    }
    return String.format(Locale.ROOT, "%.3g", d);
  }
}

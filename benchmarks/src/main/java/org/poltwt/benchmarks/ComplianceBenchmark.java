package org.poltwt.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.registration.Registration;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetReader;

/**
 * The compliance check of a stream of X API v2 tweets (read with {@link TweetReader}, then {@link
 * ComplianceChecker#check}: hashtag, window, registration lookup, weighted length) against its
 * baseline, bare Jackson parsing of the same bytes ({@code readTree} per object). Each operation
 * handles the whole corpus of {@value #TWEETS} tweets by 300 accounts in 300 zones. The figure is
 * the throughput ratio {@code bareParse / check} of average times; the goal is at least 0.5.
 *
 * <p>Three forks: on a shared 2-core machine one fork's figures move by several per cent from run
 * to run, and the goal's ratio is read from them. {@code TweetReader} scans each text for the
 * checker while its chars are in the parser's buffer, so that share of the checks' work is in
 * {@link #readOnly()}, not in {@link #checkOnly()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ComplianceBenchmark {
  /** Tweets in the corpus. */
  static final int TWEETS = 10_000;

  /** Registered accounts. */
  static final int ACCOUNTS = 300;

  private final ObjectReader trees = new ObjectMapper().readerFor(JsonNode.class);
  private ComplianceChecker checker;
  private byte[] corpus;
  private List<Tweet> tweets;

  /** Generates the corpus and builds the checker on an in-memory store of the registrations. */
  @Setup
  public void setUp() {
    List<Registration> registrations = Corpus.registrations(ACCOUNTS);
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    registrations.forEach(store::insert);
    checker = ComplianceChecker.builder().edition(Corpus.EDITION).registrations(store).build();
    corpus = new Corpus.Lines(registrations).bytes(TWEETS);
    try (TweetReader reader =
        TweetReader.builder()
            .format(TweetReader.Format.JSON_LINES)
            .build(new ByteArrayInputStream(corpus))) {
      tweets = reader.stream().toList();
    }
  }

  /**
   * Reads and checks every tweet.
   *
   * @return the number of compliant tweets
   */
  @Benchmark
  public int check() {
    int compliant = 0;
    try (TweetReader reader =
        TweetReader.builder()
            .format(TweetReader.Format.JSON_LINES)
            .build(new ByteArrayInputStream(corpus))) {
      while (reader.hasNext()) {
        ComplianceResult r = checker.check(reader.next());
        if (r.compliant()) {
          compliant++;
        }
      }
    }
    return compliant;
  }

  /**
   * Reads every tweet without checking it, to show how the time of {@link #check()} splits between
   * reading and checking.
   *
   * @return the number of tweets read
   */
  @Benchmark
  public int readOnly() {
    int n = 0;
    try (TweetReader reader =
        TweetReader.builder()
            .format(TweetReader.Format.JSON_LINES)
            .build(new ByteArrayInputStream(corpus))) {
      while (reader.hasNext()) {
        if (reader.next() != null) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Checks every tweet, already read, to show the checks' own share of {@link #check()}.
   *
   * @return the number of compliant tweets
   */
  @Benchmark
  public int checkOnly() {
    int compliant = 0;
    for (int i = 0; i < tweets.size(); i++) {
      if (checker.check(tweets.get(i)).compliant()) {
        compliant++;
      }
    }
    return compliant;
  }

  /**
   * The baseline: parses every object to a Jackson tree and nothing more.
   *
   * @return the number of objects parsed
   * @throws IOException never, the bytes are in memory
   */
  @Benchmark
  public int bareParse() throws IOException {
    int n = 0;
    try (MappingIterator<JsonNode> it = trees.readValues(corpus)) {
      while (it.hasNext()) {
        if (it.next().size() > 0) {
          n++;
        }
      }
    }
    return n;
  }
}

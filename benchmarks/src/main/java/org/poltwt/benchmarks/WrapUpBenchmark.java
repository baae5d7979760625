package org.poltwt.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.registration.Registration;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.tweet.io.TweetReader;

/**
 * The wrap-up of {@value #DEFAULT_TWEETS} tweets, read from a generated stream that is never held
 * whole, against the baseline of bare Jackson parsing of the same stream. The fork runs in {@code
 * -Xmx256m}: a wrap-up that held its tweets could not finish. The peak of the heap pools over the
 * trial is written to {@code target/facts/WrapUpBenchmark.properties} for the report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class WrapUpBenchmark {
  /** Tweets per wrap-up in the full run. */
  static final int DEFAULT_TWEETS = 1_000_000;

  /** Registered accounts. */
  static final int ACCOUNTS = 2_000;

  /** Tweets per operation; the quick mode may lower it. */
  @Param("1000000")
  public long tweets;

  private final ObjectReader trees = new ObjectMapper().readerFor(JsonNode.class);
  private List<Registration> registrations;
  private ComplianceChecker checker;

  /** Builds the registrations and the checker. */
  @Setup(Level.Trial)
  public void setUp() {
    registrations = Corpus.registrations(ACCOUNTS);
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    registrations.forEach(store::insert);
    checker = ComplianceChecker.builder().edition(Corpus.EDITION).registrations(store).build();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /**
   * Writes the peak heap of the trial.
   *
   * @throws IOException if the facts file cannot be written
   */
  @TearDown(Level.Trial)
  public void recordPeakHeap() throws IOException {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    Facts.write(
        "WrapUpBenchmark", "tweets=" + tweets, "peakHeapBytes=" + peak, "maxHeapBytes=" + max);
  }

  /**
   * Reads, checks and counts every tweet into a wrap-up.
   *
   * @return the wrap-up
   */
  @Benchmark
  public WrapUp wrapUp() {
    try (InputStream in = new Corpus.Lines(registrations).stream(tweets);
        TweetReader reader =
            TweetReader.builder().format(TweetReader.Format.JSON_LINES).build(in)) {
      WrapUp w = WrapUp.of(checker, registrations, reader.stream());
      if (w.totals().tweets() != tweets) {
        throw new IllegalStateException(
            "wrap-up counted " + w.totals().tweets() + " of " + tweets + " tweets");
      }
      return w;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The baseline: the same generated stream, parsed to a Jackson tree per object.
   *
   * @return the number of objects parsed
   * @throws IOException never, the stream is generated
   */
  @Benchmark
  public long bareParse() throws IOException {
    long n = 0;
    try (InputStream in = new Corpus.Lines(registrations).stream(tweets);
        MappingIterator<JsonNode> it = trees.readValues(in)) {
      while (it.hasNext()) {
        if (it.next().size() > 0) {
          n++;
        }
      }
    }
    return n;
  }
}

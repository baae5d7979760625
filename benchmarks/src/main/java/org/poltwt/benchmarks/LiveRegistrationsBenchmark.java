package org.poltwt.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.poltwt.event.Window;
import org.poltwt.registration.LiveRegistrations;
import org.poltwt.registration.Registration;

/**
 * "Registrations live now" with {@link LiveRegistrations} over 10,000 and 1,000,000 registrations
 * spread over every region zone. The figure is {@code t(1M) / t(10k)} of {@link #count()} (goal at
 * most 2: the cost follows the zones, not the registrations). {@link #liveGroups()} walks the lazy
 * view's live zones; {@link #perRegistrationWindows()} is the naive baseline that keeps each
 * registration's window and tests them all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LiveRegistrationsBenchmark {
  /** How many registrations. */
  @Param({"10000", "1000000"})
  public int registrations;

  private LiveRegistrations live;
  private Window[] windows;
  private Instant[] instants;
  private int next;

  /** Builds the registrations, the index, and instants spread over the global span. */
  @Setup
  public void setUp() {
    List<Registration> all = Corpus.registrations(registrations);
    live = LiveRegistrations.of(Corpus.SCHEDULE, all);
    windows = new Window[all.size()];
    for (int i = 0; i < windows.length; i++) {
      windows[i] = Corpus.SCHEDULE.windowIn(all.get(i).zone());
    }
    Window span = Corpus.SCHEDULE.globalSpan();
    instants = new Instant[1024];
    long step = span.duration().toSeconds() / instants.length;
    for (int i = 0; i < instants.length; i++) {
      instants[i] = span.start().plus(Duration.ofSeconds(step * i + 1));
    }
  }

  /**
   * How many registrations are live now.
   *
   * @return the count
   */
  @Benchmark
  public int count() {
    return live.count(instants[next++ & 1023]);
  }

  /**
   * Walks the live zones of the lazy view.
   *
   * @return the number of live zones
   */
  @Benchmark
  public int liveGroups() {
    int zones = 0;
    for (Object zone : live.liveAt(instants[next++ & 1023]).keySet()) {
      if (zone != null) {
        zones++;
      }
    }
    return zones;
  }

  /**
   * The baseline: every registration's window tested, every call.
   *
   * @return the count
   */
  @Benchmark
  public int perRegistrationWindows() {
    Instant t = instants[next++ & 1023];
    int n = 0;
    for (Window w : windows) {
      if (w.contains(t)) {
        n++;
      }
    }
    return n;
  }
}

package org.poltwt.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;

/**
 * {@link Schedule#liveAt(Instant)} against its baseline, the brute-force walk that asks every zone
 * of the time-zone database for its window. The ratio baseline/liveAt is the figure to report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiveAtBenchmark {
  private Schedule schedule;
  private List<ZoneId> zones;
  private Instant[] instants;
  private int next;

  /** Builds the schedule and a spread of instants across the global span. */
  @Setup
  public void setUp() {
    schedule =
        Schedule.of(
            Edition.builder()
                .number(5)
                .date(LocalDate.of(2015, 6, 5))
                .localStart(LocalTime.of(8, 0))
                .build());
    zones = new ArrayList<>();
    ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).forEach(zones::add);
    Window span = schedule.globalSpan();
    instants = new Instant[1024];
    long step = span.duration().toSeconds() / instants.length;
    for (int i = 0; i < instants.length; i++) {
      instants[i] = span.start().plus(Duration.ofSeconds(step * i));
    }
  }

  /**
   * The indexed answer.
   *
   * @return the live zones
   */
  @Benchmark
  public Set<ZoneId> liveAt() {
    return schedule.liveAt(instants[next++ & 1023]);
  }

  /**
   * The baseline: every zone's window, every call.
   *
   * @return the number of live zones
   */
  @Benchmark
  public int bruteForce() {
    Instant t = instants[next++ & 1023];
    int live = 0;
    for (ZoneId zone : zones) {
      if (schedule.windowIn(zone).contains(t)) {
        live++;
      }
    }
    return live;
  }
}

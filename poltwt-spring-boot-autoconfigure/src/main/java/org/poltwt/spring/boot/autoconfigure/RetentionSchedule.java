package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.poltwt.PoltwtException;
import org.poltwt.registration.Retention;
import org.poltwt.registration.RetentionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Retention} job at a fixed delay, on a thread of its own, from the context's start
 * to its stop. Safe when several application instances run it on one database: each erasure is a
 * compare-and-set, so no registration is erased or counted twice. A failure is logged by its code
 * and the next run tries again; the job itself logs counts only.
 */
public final class RetentionSchedule implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final Retention retention;
  private final Duration interval;
  private final FixedDelaySchedule schedule;

  /**
   * Creates the schedule; {@link #start()} starts it.
   *
   * @param retention the job
   * @param interval the delay between the end of one run and the start of the next, positive
   * @throws IllegalArgumentException if the interval is not positive
   */
  public RetentionSchedule(Retention retention, Duration interval) {
    this.retention = requireNonNull(retention, "retention");
    this.interval = requireNonNull(interval, "interval");
    this.schedule = new FixedDelaySchedule("poltwt-retention-", interval, this::runOnce);
  }

  /**
   * The delay between runs.
   *
   * @return the interval
   */
  public Duration interval() {
    return interval;
  }

  /**
   * Runs the job once now; what the schedule runs.
   *
   * @return what the run did, in counts
   */
  public RetentionReport runNow() {
    return retention.run();
  }

  private void runOnce() {
    try {
      runNow();
    } catch (PoltwtException e) {
      LOG.warn("poltwt retention run failed: {}", e.code());
    } catch (RuntimeException e) {
      LOG.warn("poltwt retention run failed: {}", e.getClass().getName());
    }
  }

  /** Starts running on the schedule, the first run right away. */
  @Override
  public void start() {
    schedule.start();
  }

  /** Stops the schedule, letting a run in progress finish. */
  @Override
  public void stop() {
    schedule.stop();
  }

  /**
   * Whether the schedule runs.
   *
   * @return true between start and stop
   */
  @Override
  public boolean isRunning() {
    return schedule.isRunning();
  }

  /**
   * Names the interval only.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "RetentionSchedule[interval=" + interval + "]";
  }
}

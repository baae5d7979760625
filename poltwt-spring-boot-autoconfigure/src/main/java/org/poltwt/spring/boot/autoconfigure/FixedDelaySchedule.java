package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One task run at a fixed delay on a daemon thread of its own, between {@link #start()} and {@link
 * #stop()}: what the starter's periodic jobs (outbox delivery, retention) share. A run in progress
 * finishes at stop, up to 30 seconds.
 */
final class FixedDelaySchedule {
  private final String threadPrefix;
  private final Duration interval;
  private final Runnable run;
  private final Object lock = new Object();
  private ThreadPoolTaskScheduler scheduler;
  private ScheduledFuture<?> task;

  FixedDelaySchedule(String threadPrefix, Duration interval, Runnable run) {
    this.threadPrefix = requireNonNull(threadPrefix, "threadPrefix");
    this.interval = requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: must be positive");
    }
    this.run = requireNonNull(run, "run");
  }

  Duration interval() {
    return interval;
  }

  void start() {
    synchronized (lock) {
      if (scheduler != null) {
        return;
      }
      ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
      s.setPoolSize(1);
      s.setThreadNamePrefix(threadPrefix);
      s.setDaemon(true);
      s.setWaitForTasksToCompleteOnShutdown(true);
      s.setAwaitTerminationSeconds(30);
      s.initialize();
      this.scheduler = s;
      this.task = s.scheduleWithFixedDelay(run, interval);
    }
  }

  void stop() {
    synchronized (lock) {
      if (scheduler == null) {
        return;
      }
      task.cancel(false);
      scheduler.shutdown();
      scheduler = null;
      task = null;
    }
  }

  boolean isRunning() {
    synchronized (lock) {
      return scheduler != null;
    }
  }
}

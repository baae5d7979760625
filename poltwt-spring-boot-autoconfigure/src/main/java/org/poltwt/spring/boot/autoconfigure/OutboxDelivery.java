package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.DeliveryReport;
import org.poltwt.event.Edition;
import org.poltwt.spi.EditionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers the announcements' due outbox entries of every edition at a fixed delay, on a thread of
 * its own, from the context's start to its stop. Safe when several application instances run: the
 * outbox claims each entry before it is sent, so no mail goes out twice. A failure is logged by its
 * code (never an address) and the next run tries again.
 */
public final class OutboxDelivery implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final AnnouncementService announcements;
  private final EditionStore editions;
  private final Duration interval;
  private final FixedDelaySchedule schedule;

  /**
   * Creates the delivery; {@link #start()} schedules it.
   *
   * @param announcements the service whose due entries are delivered
   * @param editions the editions whose announcements are delivered
   * @param interval the delay between the end of one run and the start of the next, positive
   * @throws IllegalArgumentException if the interval is not positive
   */
  public OutboxDelivery(
      AnnouncementService announcements, EditionStore editions, Duration interval) {
    this.announcements = requireNonNull(announcements, "announcements");
    this.editions = requireNonNull(editions, "editions");
    this.interval = requireNonNull(interval, "interval");
    this.schedule = new FixedDelaySchedule("poltwt-outbox-", interval, this::runOnce);
  }

  /**
   * Delivers what is due now, for every edition; what the schedule runs.
   *
   * @return how many mails were sent
   */
  public int deliverDue() {
    int sent = 0;
    for (Edition edition : editions.all()) {
      try {
        for (DeliveryReport report : announcements.deliverDue(edition.number())) {
          sent += report.sent();
        }
      } catch (PoltwtException e) {
        LOG.warn("poltwt outbox delivery of edition {} failed: {}", edition.number(), e.code());
      } catch (RuntimeException e) {
        LOG.warn(
            "poltwt outbox delivery of edition {} failed: {}",
            edition.number(),
            e.getClass().getName());
      }
    }
    return sent;
  }

  /**
   * The delay between runs.
   *
   * @return the interval
   */
  public Duration interval() {
    return interval;
  }

  /** Starts delivering on the schedule, the first run right away. */
  @Override
  public void start() {
    schedule.start();
  }

  private void runOnce() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // The editions could not be read: the next run tries again.
      LOG.warn("poltwt outbox delivery failed: {}", e.getClass().getName());
    }
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
   * Keeps the object's text free of configuration details beyond the interval.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "OutboxDelivery[interval=" + interval + "]";
  }
}

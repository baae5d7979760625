package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.Announcement;
import org.poltwt.event.Edition;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.OutboxStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * poltwt's health for the actuator: up when the stores answer (so the schema is migrated), with the
 * outbox backlog (entries due now, counted up to a bound per announcement) and the oldest due
 * entry's time. Down, with the failure's code only, when the stores do not answer. When the X API
 * is configured, its {@link XApiReachability} under {@code xApi} (probed at most once per {@link
 * XApiReachability#cacheFor()}): reported, but it never makes poltwt down, since sign-up,
 * verification and mail go on without X, and a load balancer must not take every instance out
 * because X is. Never shows an address or a token.
 */
public final class PoltwtHealthIndicator implements HealthIndicator {
  /** The most due entries counted per announcement, so that a check stays cheap. */
  public static final int BACKLOG_BOUND = 1_000;

  private final EditionStore editions;
  private final OutboxStore outbox;
  private final Clock clock;
  private final XApiReachability xApi;

  /**
   * Creates the indicator of the stores only.
   *
   * @param editions the edition store
   * @param outbox the outbox store
   * @param clock the clock that says what is due
   */
  public PoltwtHealthIndicator(EditionStore editions, OutboxStore outbox, Clock clock) {
    this(editions, outbox, clock, null);
  }

  /**
   * Creates the indicator of the stores and the X API.
   *
   * @param editions the edition store
   * @param outbox the outbox store
   * @param clock the clock that says what is due
   * @param xApi the X API's reachability, or null when the X API is not configured
   */
  public PoltwtHealthIndicator(
      EditionStore editions, OutboxStore outbox, Clock clock, XApiReachability xApi) {
    this.editions = requireNonNull(editions, "editions");
    this.outbox = requireNonNull(outbox, "outbox");
    this.clock = requireNonNull(clock, "clock");
    this.xApi = xApi;
  }

  /**
   * Checks the stores, the outbox and, when configured, the X API.
   *
   * @return up with {@code editions}, {@code outboxDue}, {@code oldestDue} (when any) and {@code
   *     xApi} (when configured, reachable or not); down with {@code code} when the stores fail
   */
  @Override
  public Health health() {
    Health stores = stores();
    if (xApi == null || !Status.UP.equals(stores.getStatus())) {
      return stores;
    }
    Map<String, Object> x;
    try {
      x = xApi.check();
    } catch (RuntimeException e) {
      x = Map.of("reachable", false, "error", e.getClass().getSimpleName());
    }
    return Health.up().withDetails(stores.getDetails()).withDetail("xApi", x).build();
  }

  private Health stores() {
    try {
      Instant now = clock.instant();
      List<Edition> all = editions.all();
      long due = 0;
      Optional<Instant> oldest = Optional.empty();
      for (Edition edition : all) {
        for (Announcement announcement : outbox.announcements(edition.number())) {
          for (OutboxEntry entry : outbox.due(announcement.id(), now, BACKLOG_BOUND)) {
            due++;
            if (oldest.isEmpty() || entry.nextAttemptAt().isBefore(oldest.get())) {
              oldest = Optional.of(entry.nextAttemptAt());
            }
          }
        }
      }
      Health.Builder health =
          Health.up().withDetail("editions", all.size()).withDetail("outboxDue", due);
      oldest.ifPresent(at -> health.withDetail("oldestDue", at.toString()));
      return health.build();
    } catch (PoltwtException e) {
      return Health.down().withDetail("code", e.code()).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getName()).build();
    }
  }
}

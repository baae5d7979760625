package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.spi.LegalHold;
import org.poltwt.spi.RetentionStore;

/** A {@link RetentionStore} in maps: periods and holds last as long as the process. Thread-safe. */
public final class InMemoryRetentionStore implements RetentionStore {
  private static final Comparator<LegalHold> OLDEST_FIRST =
      Comparator.comparing(LegalHold::since).thenComparing(h -> h.registrationId().toString());

  private final Map<Integer, Duration> periods = new ConcurrentHashMap<>();
  private final Map<UUID, LegalHold> holds = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryRetentionStore() {}

  @Override
  public Optional<Duration> period(int edition) {
    return Optional.ofNullable(periods.get(edition));
  }

  @Override
  public void setPeriod(int edition, Duration period) {
    requireNonNull(period, "period");
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1");
    }
    if (period.isNegative()) {
      throw new IllegalArgumentException("period: must not be negative");
    }
    periods.put(edition, period);
  }

  @Override
  public void clearPeriod(int edition) {
    periods.remove(edition);
  }

  @Override
  public void hold(LegalHold hold) {
    requireNonNull(hold, "hold");
    holds.put(hold.registrationId(), hold);
  }

  @Override
  public boolean release(UUID registrationId) {
    return holds.remove(requireNonNull(registrationId, "registrationId")) != null;
  }

  @Override
  public Optional<LegalHold> findHold(UUID registrationId) {
    return Optional.ofNullable(holds.get(requireNonNull(registrationId, "registrationId")));
  }

  @Override
  public List<LegalHold> holds(int edition) {
    return holds.values().stream()
        .filter(h -> h.edition() == edition)
        .sorted(OLDEST_FIRST)
        .toList();
  }

  /**
   * Names the class only.
   *
   * @return a fixed text
   */
  @Override
  public String toString() {
    return "InMemoryRetentionStore";
  }
}

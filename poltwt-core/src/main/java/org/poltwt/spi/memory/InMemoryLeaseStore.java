package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.spi.Lease;
import org.poltwt.spi.LeaseStore;

/** A {@link LeaseStore} in a map: leases among one process's threads. Thread-safe. */
public final class InMemoryLeaseStore implements LeaseStore {
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryLeaseStore() {}

  @Override
  public Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl) {
    requireNonNull(now, "now");
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl: must be positive");
    }
    Lease wanted = new Lease(name, holder, now.plus(ttl));
    Lease after =
        leases.compute(
            name,
            (k, held) ->
                held == null || !now.isBefore(held.expiry()) || held.holder().equals(holder)
                    ? wanted
                    : held);
    return after == wanted ? Optional.of(wanted) : Optional.empty();
  }

  @Override
  public boolean release(String name, String holder) {
    requireNonNull(holder, "holder");
    boolean[] released = {false};
    leases.computeIfPresent(
        requireNonNull(name, "name"),
        (k, held) -> {
          if (held.holder().equals(holder)) {
            released[0] = true;
            return null;
          }
          return held;
        });
    return released[0];
  }

  @Override
  public Optional<Lease> find(String name, Instant now) {
    requireNonNull(now, "now");
    Lease l = leases.get(requireNonNull(name, "name"));
    return l != null && now.isBefore(l.expiry()) ? Optional.of(l) : Optional.empty();
  }

  @Override
  public int purgeExpired(Instant now) {
    requireNonNull(now, "now");
    int[] n = {0};
    leases.values().removeIf(l -> !now.isBefore(l.expiry()) && ++n[0] > 0);
    return n[0];
  }

  /**
   * Describes the store.
   *
   * @return the number of leases
   */
  @Override
  public String toString() {
    return "InMemoryLeaseStore[" + leases.size() + " leases]";
  }
}

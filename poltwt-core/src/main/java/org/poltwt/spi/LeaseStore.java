package org.poltwt.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Markers of jobs that must run once across every instance sharing a store (a harvest, a sweep),
 * and of things that may happen once (a one-time code used). Implementations are thread-safe: of
 * concurrent attempts to acquire a free lease, exactly one succeeds.
 */
public interface LeaseStore {
  /**
   * Takes a lease, or renews it for its holder.
   *
   * @param name the job
   * @param holder who asks
   * @param now the time
   * @param ttl how long it lasts from {@code now}, positive
   * @return the lease, when it was free, expired or already {@code holder}'s; empty when another
   *     holds it
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name or holder is malformed or the ttl not positive
   */
  Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl);

  /**
   * Gives a lease up, when {@code holder} holds it; otherwise does nothing.
   *
   * @param name the job
   * @param holder who gives it up
   * @return whether it was released
   * @throws NullPointerException if an argument is null
   */
  boolean release(String name, String holder);

  /**
   * Reads a lease that has not expired.
   *
   * @param name the job
   * @param now the time
   * @return the lease, or empty when nobody holds it
   * @throws NullPointerException if an argument is null
   */
  Optional<Lease> find(String name, Instant now);

  /**
   * Deletes the leases that expired before a time.
   *
   * @param now the time
   * @return how many were deleted
   * @throws NullPointerException if {@code now} is null
   */
  int purgeExpired(Instant now);
}

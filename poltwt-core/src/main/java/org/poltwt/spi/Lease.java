package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A named job's marker: which process holds it, and until when. A process that dies without
 * releasing its lease loses it when it expires, so another may take the job over.
 *
 * @param name the job: printable ASCII without spaces, 1 to 200 characters
 * @param holder who holds it: printable ASCII without spaces, 1 to 200 characters
 * @param expiry when it lapses unless renewed
 */
public record Lease(String name, String holder, Instant expiry) {
  /**
   * Validates the parts.
   *
   * @param name the job
   * @param holder the holder
   * @param expiry when it lapses
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the name or holder is malformed
   */
  public Lease {
    requireNonNull(name, "name");
    requireNonNull(holder, "holder");
    requireNonNull(expiry, "expiry");
    Hashes.requireKey(name, "name");
    Hashes.requireKey(holder, "holder");
  }
}

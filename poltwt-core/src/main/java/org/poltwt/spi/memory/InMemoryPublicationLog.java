package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.poltwt.spi.Publication;
import org.poltwt.spi.PublicationClaim;
import org.poltwt.spi.PublicationLog;

/**
 * A {@link PublicationLog} in a map, for tests and single-process use: it forgets on restart, so
 * "at most once" holds only within the process. Thread-safe; every call holds the log's lock, which
 * makes each claim atomic.
 */
public final class InMemoryPublicationLog implements PublicationLog {
  private final Map<String, Publication> entries = new HashMap<>();

  /** Creates an empty log. */
  public InMemoryPublicationLog() {}

  @Override
  public synchronized PublicationClaim claim(
      String key, String textDigest, Instant now, Duration staleAfter) {
    requireNonNull(now, "now");
    checkStaleAfter(staleAfter);
    Publication fresh = Publication.claimed(key, textDigest, now);
    Publication current = entries.get(key);
    if (current == null) {
      entries.put(key, fresh);
      return new PublicationClaim(fresh, true);
    }
    if (!current.textDigest().equals(textDigest)
        || !(current.state() == Publication.State.FAILED || current.isStaleAt(now, staleAfter))) {
      return new PublicationClaim(current, false);
    }
    Publication reclaimed =
        current.reclaimed(now.isBefore(current.claimedAt()) ? current.claimedAt() : now);
    entries.put(key, reclaimed);
    return new PublicationClaim(reclaimed, true);
  }

  @Override
  public synchronized Publication markPosted(String key, Optional<String> tweetId, Instant at) {
    requireNonNull(tweetId, "tweetId");
    requireNonNull(at, "at");
    Publication p = existing(key);
    if (p.state() == Publication.State.POSTED) {
      return p;
    }
    Publication posted = p.posted(tweetId, at);
    entries.put(key, posted);
    return posted;
  }

  @Override
  public synchronized Publication markFailed(String key, int attempt) {
    Publication p = existing(key);
    if (p.state() != Publication.State.CLAIMED || p.attempt() != attempt) {
      return p;
    }
    Publication failed = p.failed();
    entries.put(key, failed);
    return failed;
  }

  @Override
  public synchronized Optional<Publication> find(String key) {
    return Optional.ofNullable(entries.get(requireNonNull(key, "key")));
  }

  private Publication existing(String key) {
    Publication p = entries.get(requireNonNull(key, "key"));
    if (p == null) {
      throw new IllegalStateException("key: was never claimed");
    }
    return p;
  }

  static void checkStaleAfter(Duration staleAfter) {
    requireNonNull(staleAfter, "staleAfter");
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("staleAfter: must be positive");
    }
  }

  /**
   * Describes the log without its keys.
   *
   * @return the number of entries
   */
  @Override
  public synchronized String toString() {
    return "InMemoryPublicationLog[" + entries.size() + " entries]";
  }
}

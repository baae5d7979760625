package org.poltwt.examples.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of organisers' passwords, per account and per address: after {@value #FREE}
 * failed log-ins in a row, each further attempt must wait twice as long as the one before (1 s, 2
 * s, 4 s...) up to {@link #MAX_WAIT}. There is no lock-out: the right person waits minutes at most,
 * while a guesser gets a handful of tries an hour. A successful log-in clears the count of its
 * account and address; a count left alone for a day is forgotten.
 */
final class LoginThrottle {
  static final int FREE = 3;
  static final Duration MAX_WAIT = Duration.ofMinutes(5);
  private static final Duration FORGET = Duration.ofDays(1);

  /** Failures in a row, and when the last one was. */
  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long an attempt for this account from this address must still wait; zero if none. */
  Duration wait(String account, String address) {
    Duration a = waitFor("account|" + account);
    Duration b = waitFor("address|" + address);
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Duration waitFor(String key) {
    Failures f = failures.get(key);
    if (f == null || f.count() < FREE) {
      return Duration.ZERO;
    }
    long seconds = 1L << Math.min(20, f.count() - FREE);
    Duration delay = Duration.ofSeconds(seconds);
    if (delay.compareTo(MAX_WAIT) > 0) {
      delay = MAX_WAIT;
    }
    Duration left = Duration.between(clock.instant(), f.last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String account, String address) {
    Instant now = clock.instant();
    if (failures.size() > 50_000) {
      failures.values().removeIf(f -> f.last().plus(FORGET).isBefore(now));
    }
    for (String key : new String[] {"account|" + account, "address|" + address}) {
      failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }
  }

  void succeeded(String account, String address) {
    failures.remove("account|" + account);
    failures.remove("address|" + address);
  }
}

package org.poltwt.examples.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RateWindow;

/**
 * Slows down guessing of organisers' passwords, per account and per address: after {@value #FREE}
 * failed log-ins in a row, each further attempt must wait twice as long as the one before (1 s, 2
 * s, 4 s...) up to {@link #MAX_WAIT}. There is no lock-out: the right person waits minutes at most,
 * while a guesser gets a handful of tries an hour. A successful log-in clears the count of its
 * account and address.
 *
 * <p>The failures are counted in the shared {@link RateLimitStore}, so a guesser gains nothing by
 * landing on another instance: each count is a window of {@link #FORGET} from its first failure,
 * after which it starts again from zero (a count kept since the last failure, as before, would need
 * a store that moves a window's start).
 */
final class LoginThrottle {
  static final int FREE = 3;
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** How long a count of failures lasts from its first failure. */
  static final Duration FORGET = RateLimits.LONGEST;

  private final RateLimitStore store;
  private final Clock clock;

  LoginThrottle(RateLimitStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** How long an attempt for this account from this address must still wait; zero if none. */
  Duration wait(String account, String address) {
    Instant now = clock.instant();
    Duration a = waitFor(accountKey(account), now);
    Duration b = waitFor(addressKey(address), now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Duration waitFor(String key, Instant now) {
    Optional<RateWindow> f = store.find(key, now, FORGET);
    if (f.isEmpty() || f.get().count() < FREE) {
      return Duration.ZERO;
    }
    long seconds = 1L << Math.min(20, f.get().count() - FREE);
    Duration delay = Duration.ofSeconds(seconds);
    if (delay.compareTo(MAX_WAIT) > 0) {
      delay = MAX_WAIT;
    }
    Duration left = Duration.between(now, f.get().last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String account, String address) {
    Instant now = clock.instant();
    store.hit(accountKey(account), now, FORGET);
    store.hit(addressKey(address), now, FORGET);
  }

  void succeeded(String account, String address) {
    store.clear(accountKey(account));
    store.clear(addressKey(address));
  }

  /** The account's key: hashed, since a name is the organiser's choice and may be personal. */
  private static String accountKey(String account) {
    return "login-failures:account:" + RateLimits.digest(account);
  }

  private static String addressKey(String address) {
    return "login-failures:address:" + RateLimits.digest(address);
  }
}

package org.poltwt.examples.site;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.spi.RateWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's rate limits, counted in the shared {@link RateLimitStore} so that every instance
 * counts into the same numbers, in windows of a minute from their first attempt.
 *
 * <p>Each attempt at an action counts twice: once for its target (the handle signed up or looked
 * up, the email address, the link's token, the account logging in), limited low (the {@code
 * rateLimit} setting), which stops the hammering of one account, handle or link from anywhere; and
 * once for its address, limited generously (the {@code addressRateLimit} setting), which stops one
 * machine trying many targets without refusing a station's fifty officers behind one NAT. An action
 * with no target counts its address at the low limit too. An IPv6 address counts as its /64
 * network. Targets and addresses enter the store as a hash, never in clear: an email address is
 * personal data, and a store key is short ASCII.
 */
final class RateLimits {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

  /** How long a window lasts. */
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** The longest any window of the store lasts ({@link LoginThrottle}'s): older ones are purged. */
  static final Duration LONGEST = Duration.ofDays(1);

  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
  private static final Pattern ACTION = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");

  private final RateLimitStore store;
  private final Clock clock;
  private final int perTarget;
  private final int perAddress;

  RateLimits(RateLimitStore store, Clock clock, int perTarget, int perAddress) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.perTarget = perTarget;
    this.perAddress = perAddress;
  }

  /**
   * Why an attempt was refused.
   *
   * @param seconds the seconds until the refusing window ends, at least 1: the {@code Retry-After}
   * @param byTarget whether a target's limit refused it (else its address's)
   */
  record Refusal(long seconds, boolean byTarget) {}

  /**
   * Counts one attempt at an action.
   *
   * @param action what is attempted: letters, digits and dashes
   * @param address the visitor's address ({@link ClientAddress})
   * @param targets what the attempt is at, each from {@link #handle}, {@link #email}, {@link
   *     #token} or {@link #account}; null or empty ones are left out, and with none left the
   *     address is the target
   * @return empty if allowed, else why not
   */
  Optional<Refusal> attempt(String action, String address, List<String> targets) {
    if (!ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("action: letters, digits and dashes");
    }
    Instant now = clock.instant();
    String network = network(address);
    // Every key is counted, refused or not, so a window's count is the attempts made in it.
    long byAddress = count("rate:" + action + ":address:" + digest(network), perAddress, now);
    long byTarget = 0;
    boolean any = false;
    for (String target : targets) {
      if (target != null && !target.isEmpty()) {
        any = true;
        byTarget =
            Math.max(
                byTarget, count("rate:" + action + ":target:" + digest(target), perTarget, now));
      }
    }
    if (!any) {
      byAddress =
          Math.max(
              byAddress, count("rate:" + action + ":alone:" + digest(network), perTarget, now));
    }
    if (byAddress == 0 && byTarget == 0) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(Math.max(byAddress, byTarget), byTarget > 0));
  }

  /**
   * What an address's budget belongs to: an IPv4 address, or an IPv6 address's /64 network, since
   * one household or one machine is given a whole /64 and could otherwise try from a new address
   * each time.
   */
  static String network(String address) {
    // Only what ClientAddress writes for IPv6: anything else could make the JDK ask DNS.
    if (address.indexOf(':') < 0 || !IPV6.matcher(address).matches()) {
      return address;
    }
    try {
      byte[] b = InetAddress.getByName(address).getAddress();
      return b.length == 16 ? HexFormat.of().formatHex(b, 0, 8) + "::/64" : address;
    } catch (UnknownHostException e) {
      return address;
    }
  }

  /** Counts one attempt on a key: 0 if within its limit, else the seconds its window has left. */
  private long count(String key, int limit, Instant now) {
    RateWindow w = store.hit(key, now, WINDOW);
    if (w.count() <= limit) {
      return 0;
    }
    Duration left = Duration.between(now, w.start().plus(WINDOW));
    return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
  }

  /** Deletes the windows no limit looks at any more; run now and then, on every instance. */
  void purge() {
    try {
      store.purge(clock.instant().minus(LONGEST));
    } catch (RuntimeException e) {
      LOG.warn("purging old rate-limit windows failed ({})", e.getClass().getName());
    }
  }

  /** A handle as a target: without its {@code @}, in lower case (X's handles ignore case). */
  static String handle(String typed) {
    String h = typed == null ? "" : typed.strip();
    h = h.startsWith("@") ? h.substring(1) : h;
    return h.isEmpty() ? "" : "handle:" + h.toLowerCase(Locale.ROOT);
  }

  /** An email address as a target, in lower case. */
  static String email(String typed) {
    String e = typed == null ? "" : typed.strip();
    return e.isEmpty() ? "" : "email:" + e.toLowerCase(Locale.ROOT);
  }

  /** A link's token (verification, manage, unsubscribe, invitation) as a target. */
  static String token(String token) {
    String t = token == null ? "" : token.strip();
    return t.isEmpty() ? "" : "token:" + t;
  }

  /** An organiser account as a target, in lower case like account names. */
  static String account(String name) {
    String a = name == null ? "" : name.strip();
    return a.isEmpty() ? "" : "account:" + a.toLowerCase(Locale.ROOT);
  }

  /**
   * What a store key holds of a target or address: 128 bits of its SHA-256 in hex, so that no email
   * address or token is stored in clear and every key is short, printable ASCII.
   */
  static String digest(String value) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}

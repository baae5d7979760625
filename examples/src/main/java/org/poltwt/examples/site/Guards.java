package org.poltwt.examples.site;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The site's protections that keep state: CSRF tokens, rate limits and organiser sessions. */
final class Guards {
  static final String CSRF_COOKIE = "poltwt_csrf";
  static final String CSRF_FIELD = "_csrf";
  static final String SESSION_COOKIE = "poltwt_organiser";
  static final Duration SESSION_TTL = Duration.ofHours(8);

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final byte[] key = new byte[32];
  private final Clock clock;
  private final int perMinute;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, long[]> hits = new ConcurrentHashMap<>();

  Guards(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
    random.nextBytes(key);
  }

  /** A new random value for a cookie: 256 bits, URL-safe. */
  String newSecret() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return B64.encodeToString(b);
  }

  static boolean wellFormed(String cookie) {
    return cookie != null && TOKEN.matcher(cookie).matches();
  }

  /**
   * The form token that goes with a CSRF cookie: an HMAC of it, so a forged form cannot guess it.
   */
  String csrfToken(String cookie) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(
          mac.doFinal(("csrf:" + cookie).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  boolean csrfValid(String cookie, String submitted) {
    if (!wellFormed(cookie) || submitted == null) {
      return false;
    }
    return MessageDigest.isEqual(
        csrfToken(cookie).getBytes(StandardCharsets.US_ASCII),
        submitted.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * An organiser's session: which account it is and what that account may do, so every page can
   * check the role and every audited action can name who did it.
   */
  record Session(String account, org.poltwt.spi.OrganiserAccount.Role role, Instant expiry) {}

  String openSession(String account, org.poltwt.spi.OrganiserAccount.Role role) {
    String id = newSecret();
    Instant now = clock.instant();
    sessions.values().removeIf(s -> s.expiry().isBefore(now));
    sessions.put(id, new Session(account, role, now.plus(SESSION_TTL)));
    return id;
  }

  /** The session a cookie names, while it lasts. */
  java.util.Optional<Session> session(String id) {
    if (!wellFormed(id)) {
      return java.util.Optional.empty();
    }
    Session s = sessions.get(id);
    return s != null && clock.instant().isBefore(s.expiry())
        ? java.util.Optional.of(s)
        : java.util.Optional.empty();
  }

  /** Ends every session of an account: when it is disabled or its password changes. */
  void closeSessionsOf(String account) {
    sessions.values().removeIf(s -> s.account().equals(account));
  }

  void closeSession(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }
}

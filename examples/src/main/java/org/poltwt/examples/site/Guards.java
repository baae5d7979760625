package org.poltwt.examples.site;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.poltwt.spi.OrganiserSession;
import org.poltwt.spi.SessionStore;

/**
 * The site's CSRF tokens and organiser sessions (the rate limits are {@link RateLimits}).
 *
 * <p>Sessions and the CSRF check do not depend on the process, so a request may land on any
 * instance of the site: the CSRF check is stateless (a double-submit cookie and the form's token,
 * an HMAC of it under a key every instance derives from the shared secret, see {@link SiteKeys});
 * sessions are in the shared {@link SessionStore}, so that logging out or disabling an account ends
 * them everywhere.
 */
final class Guards {
  static final String CSRF_COOKIE = "poltwt_csrf";
  static final String CSRF_FIELD = "_csrf";
  static final String SESSION_COOKIE = "poltwt_organiser";
  static final Duration SESSION_TTL = Duration.ofHours(8);

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** How often this instance deletes expired sessions: now and then, not on every request. */
  static final Duration SESSION_PURGE = Duration.ofMinutes(15);

  private final SecureRandom random = new SecureRandom();
  private final byte[] key;
  private final Clock clock;
  private final SessionStore sessions;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

  Guards(Clock clock, SessionStore sessions, byte[] csrfKey) {
    this.clock = clock;
    this.sessions = sessions;
    this.key = csrfKey.clone();
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
    purgeNowAndThen(now);
    sessions.open(
        new OrganiserSession(SiteKeys.sha256Hex(id), account, role, now, now.plus(SESSION_TTL)));
    return id;
  }

  /** Deletes expired sessions at most once a {@link #SESSION_PURGE} on this instance. */
  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (last.plus(SESSION_PURGE).isBefore(now) && lastPurge.compareAndSet(last, now)) {
      sessions.purgeExpired(now);
    }
  }

  /**
   * The session a cookie names, while it lasts; none for a malformed, forged, ended or another
   * deployment's cookie (the store knows only its own sessions' hashes).
   */
  java.util.Optional<Session> session(String id) {
    if (!wellFormed(id)) {
      return java.util.Optional.empty();
    }
    return sessions
        .find(SiteKeys.sha256Hex(id), clock.instant())
        .map(s -> new Session(s.account(), s.role(), s.expiry()));
  }

  /**
   * Ends every session of an account, on every instance: when it is disabled or its password
   * changes.
   */
  void closeSessionsOf(String account) {
    sessions.closeAllOf(account);
  }

  /** Ends one session, on every instance. */
  void closeSession(String id) {
    if (wellFormed(id)) {
      sessions.close(SiteKeys.sha256Hex(id));
    }
  }
}

package org.poltwt.examples.site;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that this browser just signed a handle up: a short-lived cookie, signed with a key derived
 * from the deployment's shared secret ({@link SiteKeys}), that the sign-up form sets with its
 * redirect, so the page after it may be served by any instance. Only with it does {@code
 * /signup/sent} show whose address the verification mail went to, so the page tells nobody else a
 * registrant's masked address.
 */
final class SentProof {
  static final String COOKIE = "poltwt_sent";

  /** Long enough to read the page and come back to it; short, as it names an address. */
  static final Duration TTL = Duration.ofMinutes(15);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final Clock clock;

  SentProof(Clock clock, byte[] key) {
    this.clock = clock;
    this.key = key.clone();
  }

  /** Sets the proof for a handle just signed up, on the page that shows it. */
  void give(Context ctx, String handle, boolean secure) {
    long expires = clock.millis() / 1000 + TTL.toSeconds();
    String value = expires + "." + sign(handle, expires);
    ctx.cookie(
        new Cookie(
            COOKIE, value, "/signup", (int) TTL.toSeconds(), secure, true, null, SameSite.STRICT));
  }

  /** Whether this browser carries a live proof for the handle (compared case-insensitively). */
  boolean holds(Context ctx, String handle) {
    String value = ctx.cookie(COOKIE);
    if (value == null || handle == null) {
      return false;
    }
    int dot = value.indexOf('.');
    if (dot < 1 || dot > 12) {
      return false;
    }
    long expires;
    try {
      expires = Long.parseLong(value.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    return expires > clock.millis() / 1000
        && MessageDigest.isEqual(
            sign(handle, expires).getBytes(StandardCharsets.US_ASCII),
            value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String handle, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(
          mac.doFinal(
              ("sent:" + handle.toLowerCase(java.util.Locale.ROOT) + ":" + expires)
                  .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}

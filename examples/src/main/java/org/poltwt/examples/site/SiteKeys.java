package org.poltwt.examples.site;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys the site signs its stateless tokens with (the CSRF form token, the sign-up's "sent"
 * proof), each derived for its own purpose from the one secret every instance of a deployment
 * shares: the manage-link key ({@code POLTWT_MANAGE_KEY}, else {@code data/manage-link.key}). A
 * token signed by one instance is thus checked by any other, and one from another deployment (or
 * tampered with) fails the check. The manage links derive their own key from the same secret with
 * their own label, so no key signs two kinds of token.
 */
final class SiteKeys {
  private final byte[] csrf;
  private final byte[] sentProof;

  /**
   * Derives the keys.
   *
   * @param secret the deployment's shared secret, at least 32 bytes
   */
  SiteKeys(byte[] secret) {
    this.csrf = derive(secret, "poltwt csrf v1");
    this.sentProof = derive(secret, "poltwt sent-proof v1");
  }

  /** The key of the CSRF form tokens. */
  byte[] csrf() {
    return csrf.clone();
  }

  /** The key of the sign-up's "sent" proof cookie. */
  byte[] sentProof() {
    return sentProof.clone();
  }

  /** HMAC-SHA-256 of a label under the secret: a key for that label's purpose alone. */
  static byte[] derive(byte[] secret, String label) {
    return hmac(secret, label.getBytes(StandardCharsets.US_ASCII));
  }

  /** HMAC-SHA-256. */
  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /**
   * The SHA-256 of a cookie's value in lower-case hex: what the session store keeps instead of the
   * value, so a copy of the store cannot be replayed as a log-in.
   */
  static String sha256Hex(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}

package org.poltwt.examples.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second
 * steps, 6 digits. A code is accepted for the current step and one step either side, for clocks
 * that differ a little and a code typed as the step turns.
 */
final class Totp {
  static final int STEP_SECONDS = 30;
  static final int DIGITS = 6;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new secret of 160 bits (RFC 4226's recommendation), in base32 without padding. */
  static String newSecret() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return base32(b);
  }

  /** The {@code otpauth://} URI an authenticator app reads (as text or as a QR code). */
  static String uri(String secret, String account) {
    String label =
        URLEncoder.encode("PolTwt:" + account, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer=PolTwt&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /** Whether a code is right for a secret at a moment, a step either side allowed. */
  static boolean verify(String secret, String code, long epochSeconds) {
    return matchedStep(secret, code, epochSeconds).isPresent();
  }

  /**
   * The time step whose code this is, when it is right for a secret at a moment (a step either side
   * allowed): the step is what a used code is remembered by, so it cannot be used twice.
   */
  static java.util.OptionalLong matchedStep(String secret, String code, long epochSeconds) {
    if (code == null || !code.strip().matches("[0-9]{" + DIGITS + "}")) {
      return java.util.OptionalLong.empty();
    }
    byte[] key = decodeBase32(secret);
    long step = Math.floorDiv(epochSeconds, STEP_SECONDS);
    int wanted = Integer.parseInt(code.strip());
    long matched = Long.MIN_VALUE;
    for (long s = step - 1; s <= step + 1; s++) {
      // No early exit, so the time taken does not tell which step matched.
      if (code(key, s, DIGITS, "HmacSHA1") == wanted && matched == Long.MIN_VALUE) {
        matched = s;
      }
    }
    return matched == Long.MIN_VALUE
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(matched);
  }

  /**
   * How long a used code is remembered: a code is accepted from the start of the step before its
   * own to the end of the step after, so at most three steps from any moment it was accepted; one
   * step more covers site instances whose clocks differ a little.
   */
  static final java.time.Duration REMEMBER_USED = java.time.Duration.ofSeconds(4L * STEP_SECONDS);

  /** The code of a time step (RFC 6238 section 4, RFC 4226's dynamic truncation). */
  static int code(byte[] key, long step, int digits, String algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, "RAW"));
      byte[] counter = new byte[8];
      for (int i = 7; i >= 0; i--) {
        counter[i] = (byte) (step & 0xff);
        step >>= 8;
      }
      byte[] h = mac.doFinal(counter);
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      return binary % (int) Math.pow(10, digits);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is unavailable", e);
    }
  }

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] decodeBase32(String text) {
    String s = text.strip().replace("=", "").toUpperCase(Locale.ROOT);
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = BASE32.indexOf(s.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("secret: not base32");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}

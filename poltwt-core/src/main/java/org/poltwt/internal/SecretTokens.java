package org.poltwt.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes secret tokens (email verification, unsubscribe links) and their hashes; only hashes are
 * ever stored. Internal: shared by the registration and announcement services.
 */
public final class SecretTokens {
  /** 256 random bits. */
  public static final int TOKEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /**
   * Makes a new random, URL-safe token of 256 bits.
   *
   * @return 43 characters of URL-safe base64
   */
  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Whether the text has a token's shape (43 URL-safe base64 characters).
   *
   * @param token the text; may be null
   * @return true if it could be a token
   */
  public static boolean looksLikeToken(String token) {
    if (token == null || token.length() != 43) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hashes a token for storage.
   *
   * @param token the token
   * @return its SHA-256, lower-case hex
   */
  public static String hash(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  /**
   * Compares two hashes in time independent of where they differ.
   *
   * @param a one hash
   * @param b the other
   * @return true if equal
   */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

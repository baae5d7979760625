package org.poltwt.registration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and opens the tokens of "manage my registration" links: the registration's id and the
 * link's expiry, with an HMAC-SHA-256 under a key only the deployment knows. Nothing is stored, so
 * every instance that shares the key opens every link. The MAC key is derived from the given key
 * for this one purpose, so the same secret can never sign any other kind of token.
 */
final class ManageLinks {
  static final int MIN_KEY_BYTES = 32;
  private static final String PREFIX = "m1.";
  private static final int PAYLOAD_BYTES = 16 + 8;
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec macKey;

  ManageLinks(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "manageLinkKey: must be at least " + MIN_KEY_BYTES + " bytes");
    }
    byte[] derived = mac(new SecretKeySpec(key, "HmacSHA256"), bytes("poltwt manage-link v1"));
    this.macKey = new SecretKeySpec(derived, "HmacSHA256");
  }

  /** A token for a registration, valid until {@code expires}. */
  String issue(UUID id, Instant expires) {
    byte[] payload =
        ByteBuffer.allocate(PAYLOAD_BYTES)
            .putLong(id.getMostSignificantBits())
            .putLong(id.getLeastSignificantBits())
            .putLong(expires.getEpochSecond())
            .array();
    byte[] tag = Arrays.copyOf(mac(macKey, payload), MAC_BYTES);
    return PREFIX + B64.encodeToString(payload) + "." + B64.encodeToString(tag);
  }

  /**
   * The registration a token names, if the token is one this key signed and has not expired.
   *
   * @throws ManageLinkException INVALID or EXPIRED
   */
  UUID open(String token, Instant now) {
    if (token == null || token.length() > 100 || !token.startsWith(PREFIX)) {
      throw new ManageLinkException(ManageLinkException.Reason.INVALID);
    }
    String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
    byte[] payload;
    byte[] tag;
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("parts");
      }
      payload = B64D.decode(parts[0]);
      tag = B64D.decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new ManageLinkException(ManageLinkException.Reason.INVALID);
    }
    // Only the one spelling issue() writes: base64's spare bits must not make other valid tokens.
    if (payload.length != PAYLOAD_BYTES
        || !B64.encodeToString(payload).equals(parts[0])
        || !B64.encodeToString(tag).equals(parts[1])
        || !MessageDigest.isEqual(tag, Arrays.copyOf(mac(macKey, payload), MAC_BYTES))) {
      throw new ManageLinkException(ManageLinkException.Reason.INVALID);
    }
    ByteBuffer b = ByteBuffer.wrap(payload);
    UUID id = new UUID(b.getLong(), b.getLong());
    if (!now.isBefore(Instant.ofEpochSecond(b.getLong()))) {
      throw new ManageLinkException(ManageLinkException.Reason.EXPIRED);
    }
    return id;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] mac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      // Every Java platform has HmacSHA256.
      throw new IllegalStateException(e);
    }
  }
}

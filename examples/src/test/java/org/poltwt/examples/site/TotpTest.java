package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238's test vectors (appendix B) for HMAC-SHA1, and the window of one step. */
class TotpTest {
  private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theRfc6238VectorsForSha1() {
    long[][] vectors = {
      {59L, 94287082},
      {1111111109L, 7081804},
      {1111111111L, 14050471},
      {1234567890L, 89005924},
      {2000000000L, 69279037},
      {20000000000L, 65353130}
    };
    for (long[] v : vectors) {
      assertThat(Totp.code(KEY, v[0] / Totp.STEP_SECONDS, 8, "HmacSHA1"))
          .as("T = " + v[0])
          .isEqualTo((int) v[1]);
    }
  }

  @Test
  void theMatchedStepIsTheCodesOwnWhicheverStepItIsTypedIn() {
    String secret = Totp.base32(KEY);
    // 287082 is the code of step 1 (T = 30..59), typed a step early, on time or a step late.
    assertThat(Totp.matchedStep(secret, "287082", 59 - 30)).hasValue(1);
    assertThat(Totp.matchedStep(secret, "287082", 59)).hasValue(1);
    assertThat(Totp.matchedStep(secret, "287082", 59 + 30)).hasValue(1);
    assertThat(Totp.matchedStep(secret, "287082", 59 + 60)).isEmpty();
    // Remembered for longer than the code is accepted after its first use.
    assertThat(Totp.REMEMBER_USED.toSeconds()).isGreaterThanOrEqualTo(3L * Totp.STEP_SECONDS);
  }

  @Test
  void sixDigitCodesAreAcceptedOneStepEitherSide() {
    String secret = Totp.base32(KEY);
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    // At T = 59 the 8-digit code is 94287082: its last six digits are the 6-digit code.
    assertThat(Totp.verify(secret, "287082", 59)).isTrue();
    assertThat(Totp.verify(secret, "287082", 59 + 30)).isTrue();
    assertThat(Totp.verify(secret, "287082", 59 - 30)).isTrue();
    assertThat(Totp.verify(secret, "287082", 59 + 60)).isFalse();
    assertThat(Totp.verify(secret, "287083", 59)).isFalse();
    assertThat(Totp.verify(secret, "28708", 59)).isFalse();
    assertThat(Totp.verify(secret, null, 59)).isFalse();
  }

  @Test
  void aNewSecretRoundTripsThroughBase32AndTheUriNamesTheAccount() {
    String secret = Totp.newSecret();
    assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.base32(Totp.decodeBase32(secret))).isEqualTo(secret);
    assertThat(Totp.uri(secret, "admin"))
        .isEqualTo(
            "otpauth://totp/PolTwt%3Aadmin?secret="
                + secret
                + "&issuer=PolTwt&algorithm=SHA1&digits=6&period=30");
  }
}

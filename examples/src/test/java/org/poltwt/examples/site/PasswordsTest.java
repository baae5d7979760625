package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void aHashRoundTripsAndRefusesTheWrongPassword() {
    String phc = Passwords.hash("correct horse battery staple");

    assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.matches("correct horse battery staple", phc)).isTrue();
    assertThat(Passwords.matches("correct horse battery stapler", phc)).isFalse();
    assertThat(Passwords.matches("", phc)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSalt() {
    assertThat(Passwords.hash("same password here"))
        .isNotEqualTo(Passwords.hash("same password here"));
  }

  @Test
  void malformedHashesNeverMatch() {
    assertThat(Passwords.matches("x", null)).isFalse();
    assertThat(Passwords.matches("x", "")).isFalse();
    assertThat(Passwords.matches("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA"))
        .isFalse();
    assertThat(Passwords.matches(null, Passwords.hash("something long"))).isFalse();
  }

  @Test
  void theArgon2idOfTheReferenceImplementationsTestVector() {
    // RFC 9106 section 5.3 uses a secret and associated data this API does not take; instead the
    // reference implementation's own CLI vector (argon2 "password" -id -t 2 -k 65536 -p 1 with
    // salt "somesalt"), from the phc-winner-argon2 README.
    byte[] hash =
        Passwords.argon2(
            "password", "somesalt".getBytes(StandardCharsets.US_ASCII), 65536, 2, 1, 32);
    assertThat(HexFormat.of().formatHex(hash))
        .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
  }
}

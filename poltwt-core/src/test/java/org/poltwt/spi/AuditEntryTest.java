package org.poltwt.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
  private static final Instant AT = Instant.parse("2026-06-05T10:00:00Z");

  @Test
  void aTypicalEntryIsAccepted() {
    AuditEntry e = new AuditEntry(AT, "admin", "registration.approve", "police.example.gov", "::1");
    assertThat(e.target()).isEqualTo("police.example.gov");
    assertThat(new AuditEntry(AT, "system", "edition.cancel", "", "").address()).isEmpty();
    assertThat(new AuditEntry(AT, "a", "x", "7", "fe80::1%eth0").address())
        .isEqualTo("fe80::1%eth0");
  }

  @Test
  void anEmailIsRefusedAsTargetAndTheMessageDoesNotQuoteIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "x", "press@police.example.gov", ""))
        .withMessage("target: not of the accepted form");
  }

  @Test
  void namesWithSpacesOrEmailsAreRefusedAsActors() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "Jane Doe", "x", "", ""))
        .withMessageNotContaining("Jane");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "jane@police.example", "x", "", ""));
    assertThatIllegalArgumentException().isThrownBy(() -> new AuditEntry(AT, "", "x", "", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "a".repeat(65), "x", "", ""));
  }

  @Test
  void malformedActionsTargetsAndAddressesAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "Approve", "", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "1x", "", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "x", "two words", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "x", "é", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "x", "c".repeat(201), ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditEntry(AT, "admin", "x", "", "10.0.0.1, 10.0.0.2"));
  }

  @Test
  void nullsAreRefused() {
    assertThatNullPointerException().isThrownBy(() -> new AuditEntry(null, "a", "x", "", ""));
    assertThatNullPointerException().isThrownBy(() -> new AuditEntry(AT, "a", "x", null, ""));
    assertThatNullPointerException().isThrownBy(() -> new AuditEntry(AT, "a", "x", "", null));
  }
}

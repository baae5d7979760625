package org.poltwt.mail;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpMailerBuilderTest {
  @Test
  void hostAndFromAreRequired() {
    assertThatIllegalStateException()
        .isThrownBy(() -> SmtpMailer.builder().from("a@poltwt.example").build())
        .withMessageStartingWith("host");
    assertThatIllegalStateException()
        .isThrownBy(() -> SmtpMailer.builder().host("smtp.example").build())
        .withMessageStartingWith("from");
  }

  @Test
  void settersRejectBadValuesAtOnceWithoutQuotingThem() {
    SmtpMailer.Builder b = SmtpMailer.builder();
    assertThatIllegalArgumentException().isThrownBy(() -> b.host(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> b.port(0));
    assertThatIllegalArgumentException().isThrownBy(() -> b.port(65_536));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.from("jane.doe at kent"))
        .withMessageNotContaining("jane.doe");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> b.replyTo("a@b.example, c@d.example"))
        .withMessageNotContaining("a@b");
    assertThatIllegalArgumentException().isThrownBy(() -> b.connectTimeout(Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> b.readTimeout(Duration.ofHours(2)));
    assertThatIllegalArgumentException().isThrownBy(() -> b.messageIdDomain("a b"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.messageIdDomain("x>@y"));
    assertThatIllegalArgumentException().isThrownBy(() -> b.credentials(" ", "p"));
    assertThatNullPointerException().isThrownBy(() -> b.security(null));
    assertThatNullPointerException().isThrownBy(() -> b.clock(null));
  }
}

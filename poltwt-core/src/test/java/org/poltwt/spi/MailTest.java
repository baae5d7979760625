package org.poltwt.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MailTest {
  private static final Mail PLAIN = new Mail("jane.doe@kent.police.uk", "Subject", "Body t=secret");

  @Test
  void theThreeArgumentMailIsPlainTextOfKindOther() {
    assertThat(PLAIN.html()).isEmpty();
    assertThat(PLAIN.kind()).isEqualTo(Mail.Kind.OTHER);
    assertThat(PLAIN.unsubscribe()).isEmpty();
    assertThat(PLAIN.key()).isEmpty();
  }

  @Test
  void withersAddOneThingEach() {
    Mail m =
        PLAIN
            .withHtml("<p>Body</p>")
            .withKind(Mail.Kind.ANNOUNCEMENT)
            .withUnsubscribe(URI.create("https://poltwt.example/u?token=secret"))
            .withKey("announcement-1-2");

    assertThat(m.to()).isEqualTo(PLAIN.to());
    assertThat(m.body()).isEqualTo(PLAIN.body());
    assertThat(m.html()).contains("<p>Body</p>");
    assertThat(m.kind()).isEqualTo(Mail.Kind.ANNOUNCEMENT);
    assertThat(m.unsubscribe()).contains(URI.create("https://poltwt.example/u?token=secret"));
    assertThat(m.key()).contains("announcement-1-2");
  }

  @Test
  void toStringShowsNeitherRecipientNorSubjectNorBodiesNorLink() {
    Mail m =
        PLAIN
            .withHtml("<p>html t=secret</p>")
            .withUnsubscribe(URI.create("https://poltwt.example/u?token=secret"));

    assertThat(m.toString())
        .contains("kind=")
        .doesNotContain("Subject")
        .doesNotContain("jane")
        .doesNotContain("secret")
        .doesNotContain("Body");
  }

  @Test
  void anUnsubscribeLinkMustBeAnAbsoluteWebAddressThatFitsTheHeader() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PLAIN.withUnsubscribe(URI.create("/unsubscribe?t=x")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PLAIN.withUnsubscribe(URI.create("mailto:u@poltwt.example")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PLAIN.withUnsubscribe(URI.create("https://poltwt.example/a,b")));
  }

  @Test
  void aKeyIsShortAndPlain() {
    assertThatIllegalArgumentException().isThrownBy(() -> PLAIN.withKey(""));
    assertThatIllegalArgumentException().isThrownBy(() -> PLAIN.withKey("a@b"));
    assertThatIllegalArgumentException().isThrownBy(() -> PLAIN.withKey("a b"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PLAIN.withKey("k".repeat(Mail.MAX_KEY_LENGTH + 1)));
    assertThat(PLAIN.withKey("k".repeat(Mail.MAX_KEY_LENGTH)).key()).isPresent();
  }

  @Test
  void nullsAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> PLAIN.withHtml(null));
    assertThatNullPointerException().isThrownBy(() -> PLAIN.withKind(null));
    assertThatNullPointerException().isThrownBy(() -> PLAIN.withUnsubscribe(null));
    assertThatNullPointerException().isThrownBy(() -> PLAIN.withKey(null));
  }
}

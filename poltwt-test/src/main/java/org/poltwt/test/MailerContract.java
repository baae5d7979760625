package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * The behaviour every {@link Mailer} must have: what is sent arrives whole, one message per
 * recipient, in order. An implementation's test extends this class and supplies {@link
 * #newMailer()} and {@link #delivered()}, which reads back what reached the other side (an outbox
 * directory, a test SMTP server). The test methods are public so that subclasses in any package
 * inherit them.
 */
public abstract class MailerContract {
  private Mailer mailer;

  /**
   * Creates a mailer whose destination holds nothing yet. Called once per test, lazily on first
   * use.
   *
   * @return a new mailer
   */
  protected abstract Mailer newMailer();

  /**
   * Reads back every message the mailer of this test delivered, as its recipient would see it, with
   * line breaks in bodies as {@code \n} (a transport may turn them into CRLF on the wire).
   *
   * @return the messages, in the order sent
   */
  protected abstract List<Mail> delivered();

  /**
   * Creates a mailer that cannot hand any message over: its server refuses, its folder cannot be
   * written, or (for a test double) it is told to fail.
   *
   * @return a failing mailer
   */
  protected abstract Mailer newFailingMailer();

  /**
   * Returns this test's mailer, creating it on first use.
   *
   * @return the mailer
   */
  protected final Mailer mailer() {
    if (mailer == null) {
      mailer = newMailer();
    }
    return mailer;
  }

  /** Forgets the mailer, so that a subclass with a per-class lifecycle still gets one per test. */
  @AfterEach
  public void forgetMailer() {
    mailer = null;
  }

  /** Sent message arrives whole. */
  @Test
  public void sentMessageArrivesWhole() {
    Mail mail =
        new Mail(
            "desk@metro.police.gov",
            "Confirm your #PolTwt registration",
            "Hello,\n\nfollow this link to confirm: https://poltwt.example/verify?t=abc\n");

    mailer().send(mail);

    assertThat(delivered()).containsExactly(mail);
  }

  /** Messages arrive in the order sent. */
  @Test
  public void messagesArriveInTheOrderSent() {
    Mail first = new Mail("a@metro.police.gov", "First", "one");
    Mail second = new Mail("b@metro.police.gov", "Second", "two");
    Mail third = new Mail("a@metro.police.gov", "Third", "three");

    mailer().send(first);
    mailer().send(second);
    mailer().send(third);

    assertThat(delivered()).containsExactly(first, second, third);
  }

  /** Non ascii text arrives unchanged. */
  @Test
  public void nonAsciiTextArrivesUnchanged() {
    Mail mail =
        new Mail(
            "comisaria@policia.gob.es",
            "Confirme su inscripción — #PolTwt ✓",
            "Estimada agente Núñez,\nGracias. 東京 · Ελληνικά · 🚓\n");

    mailer().send(mail);

    assertThat(delivered()).containsExactly(mail);
  }

  /** Empty body arrives empty. */
  @Test
  public void emptyBodyArrivesEmpty() {
    Mail mail = new Mail("desk@metro.police.gov", "Reminder", "");

    mailer().send(mail);

    assertThat(delivered()).containsExactly(mail);
  }

  /** Send rejects null. */
  @Test
  public void sendRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> mailer().send(null));
    assertThat(delivered()).isEmpty();
  }

  /**
   * A message that cannot be handed over fails loudly, with a {@link PoltwtException} of code
   * {@value Mailer#FAILED} whose message does not name the recipient; it is never dropped silently.
   */
  @Test
  public void aMessageThatCannotBeHandedOverFailsWithTheMailersCode() {
    Mail mail = new Mail("desk@metro.police.gov", "Confirm", "body");

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> newFailingMailer().send(mail))
        .satisfies(e -> assertThat(e.code()).isEqualTo(Mailer.FAILED))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("desk@metro.police.gov"));
  }
}

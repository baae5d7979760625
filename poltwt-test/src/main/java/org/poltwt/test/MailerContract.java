package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * The behaviour every {@link Mailer} must have: what is sent arrives whole, one message per
 * recipient, in order, with its HTML part and unsubscribe link; what cannot be delivered throws a
 * {@link PoltwtException} of code {@value Mailer#FAILED}, without the address, every time, and is
 * never dropped silently. An implementation's test extends this class and supplies {@link
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
   * The message as {@link #delivered()} reads it back after it was sent: by default the message
   * itself. A transport that cannot carry something (the kind and key do not travel by SMTP; a test
   * server may drop the line break that ends a message's last line) says so here, and only here.
   *
   * @param sent the message as sent
   * @return the message as it reads back
   */
  protected Mail asDelivered(Mail sent) {
    return sent;
  }

  /**
   * Creates a mailer of the same kind whose destination cannot take any message (a full or
   * read-only outbox, an SMTP server that refuses), and whose deliveries {@link #delivered()} would
   * see if there were any. Called at most once per test.
   *
   * @return a mailer that cannot deliver
   */
  protected abstract Mailer newUndeliverableMailer();

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

    assertThat(delivered()).containsExactly(asDelivered(mail));
  }

  /** Attachments arrive after the text, each with its name, type and text, in order. */
  @Test
  public void attachmentsArriveWithTheirNameTypeAndText() {
    String invite =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//poltwt//contract//EN\r\n"
            + "METHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    Mail mail =
        new Mail("desk@metro.police.gov", "Your 24 hours, in your calendar", "Invite attached.\n")
            .withHtml("<p>Invite attached: Polic\u00eda \u0634\u0631\u0637\u0629.</p>\n")
            .withAttachment(
                new Mail.Attachment("poltwt-5.ics", "text/calendar; method=REQUEST", invite))
            .withAttachment(
                new Mail.Attachment(
                    "note.txt", "text/plain", "Polic\u00eda \u2014 \u0634\u0631\u0637\u0629\n"));

    mailer().send(mail);

    List<Mail> delivered = delivered();
    assertThat(delivered).hasSize(1);
    // Field by field first: a message's toString hides its text, so a failure says what differs.
    Mail expected = asDelivered(mail);
    assertThat(delivered.get(0).attachments())
        .extracting(
            Mail.Attachment::filename, Mail.Attachment::contentType, Mail.Attachment::content)
        .containsExactlyElementsOf(
            expected.attachments().stream()
                .map(
                    a ->
                        org.assertj.core.groups.Tuple.tuple(
                            a.filename(), a.contentType(), a.content()))
                .toList());
    assertThat(delivered.get(0).body()).isEqualTo(expected.body());
    assertThat(delivered.get(0).html()).isEqualTo(expected.html());
    assertThat(delivered).containsExactly(expected);
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

    assertThat(delivered())
        .containsExactly(asDelivered(first), asDelivered(second), asDelivered(third));
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

    assertThat(delivered()).containsExactly(asDelivered(mail));
  }

  /** Empty body arrives empty. */
  @Test
  public void emptyBodyArrivesEmpty() {
    Mail mail = new Mail("desk@metro.police.gov", "Reminder", "");

    mailer().send(mail);

    assertThat(delivered()).containsExactly(asDelivered(mail));
  }

  /** The HTML part and the one-click unsubscribe link arrive with the text. */
  @Test
  public void htmlPartAndUnsubscribeLinkArrive() {
    Mail mail =
        new Mail("desk@metro.police.gov", "Schedule", "Your 24 hours start at 08:00.\n")
            .withHtml("<p>Your 24 hours start at <b>08:00</b>.</p>")
            .withUnsubscribe(URI.create("https://poltwt.example/unsubscribe?t=abc"))
            .withKind(Mail.Kind.ANNOUNCEMENT)
            .withKey("announcement-1-2");

    mailer().send(mail);

    assertThat(delivered()).hasSize(1);
    Mail arrived = delivered().get(0);
    assertThat(arrived.to()).isEqualTo(mail.to());
    assertThat(arrived.subject()).isEqualTo(mail.subject());
    assertThat(arrived.body()).isEqualTo(asDelivered(mail).body());
    assertThat(arrived.html().map(String::strip)).isEqualTo(mail.html());
    assertThat(arrived.unsubscribe()).isEqualTo(mail.unsubscribe());
  }

  /**
   * A message that cannot be handed over fails loudly, with a {@link PoltwtException} of code
   * {@value Mailer#FAILED} whose message names neither the recipient nor the body's link.
   */
  @Test
  public void aMailerThatCannotDeliverThrowsAMailFailureWithoutTheAddress() {
    Mailer undeliverable = newUndeliverableMailer();
    Mail mail = new Mail("jane.doe@metro.police.gov", "Confirm", "https://poltwt.example/v?t=x");

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> undeliverable.send(mail))
        .satisfies(e -> assertThat(e.code()).isEqualTo(Mailer.FAILED))
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("jane.doe")
                    .doesNotContain("metro.police.gov")
                    .doesNotContain("t=x"));
    assertThat(delivered()).isEmpty();
  }

  /** A mailer that cannot deliver fails every send; it never drops a message silently. */
  @Test
  public void aMailerThatCannotDeliverFailsEverySendNeverDroppingSilently() {
    Mailer undeliverable = newUndeliverableMailer();

    for (String to : List.of("a@metro.police.gov", "b@metro.police.gov", "a@metro.police.gov")) {
      assertThatExceptionOfType(PoltwtException.class)
          .isThrownBy(() -> undeliverable.send(new Mail(to, "Again", "body")));
    }
    assertThat(delivered()).isEmpty();
  }

  /** Send rejects null. */
  @Test
  public void sendRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> mailer().send(null));
    assertThat(delivered()).isEmpty();
  }
}

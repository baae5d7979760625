package org.poltwt.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.test.MailerContract;

/** The SMTP mailer against GreenMail, a real SMTP server started per test, and misbehaving ones. */
class SmtpMailerTest extends MailerContract {
  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Instant NOW = Instant.parse("2015-06-05T06:00:00Z");
  private static final String TO = "jane.doe@kent.police.uk";

  private final List<FakeSmtpServer> fakes = new ArrayList<>();

  @AfterEach
  void stopFakes() throws IOException {
    for (FakeSmtpServer f : fakes) {
      f.close();
    }
  }

  private SmtpMailer.Builder toGreenMail() {
    return SmtpMailer.builder()
        .host("127.0.0.1")
        .port(greenMail.getSmtp().getPort())
        .security(SmtpMailer.Security.NONE)
        .from("no-reply@poltwt.example", "#PolTwt")
        .replyTo("organisers@poltwt.example")
        .messageIdDomain("mail.poltwt.example")
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private SmtpMailer toFake(FakeSmtpServer.Mode mode) {
    try {
      FakeSmtpServer fake = new FakeSmtpServer(mode);
      fakes.add(fake);
      return SmtpMailer.builder()
          .host("127.0.0.1")
          .port(fake.port())
          .security(SmtpMailer.Security.NONE)
          .from("no-reply@poltwt.example")
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(2))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A mailer whose every message is dated one second after the one before: GreenMail keeps one
   * mailbox per recipient, so {@link #delivered()} puts them back in order by their Date.
   */
  @Override
  protected Mailer newMailer() {
    AtomicLong seconds = new AtomicLong();
    Clock ticking =
        new Clock() {
          @Override
          public Instant instant() {
            return NOW.plusSeconds(seconds.getAndIncrement());
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
          }
        };
    return toGreenMail().clock(ticking).build();
  }

  @Override
  protected Mailer newUndeliverableMailer() {
    return toFake(FakeSmtpServer.Mode.REFUSE_RECIPIENT);
  }

  @Override
  protected List<Mail> delivered() {
    List<MimeMessage> messages = new ArrayList<>(List.of(greenMail.getReceivedMessages()));
    messages.sort(Comparator.comparing(SmtpMailerTest::sentDate));
    return messages.stream().map(SmtpMailerTest::read).toList();
  }

  /** The message as its recipient sees it: kind and key do not travel, the rest does. */
  private static Mail read(MimeMessage m) {
    try {
      String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      Object content = m.getContent();
      List<Mail.Attachment> files = new ArrayList<>();
      if (content instanceof MimeMultipart mixed && mixed.getContentType().contains("mixed")) {
        content = mixed.getBodyPart(0).getContent();
        for (int i = 1; i < mixed.getCount(); i++) {
          BodyPart part = mixed.getBodyPart(i);
          files.add(
              new Mail.Attachment(
                  part.getFileName(),
                  // The sender adds the charset it always uses and JavaMail the file's name again.
                  part.getContentType()
                      .replaceAll("\\s+", " ")
                      .replace("; charset=UTF-8", "")
                      .replaceAll("; name=[^;]*", ""),
                  // Not every text type has a reader that gives a String; the bytes are UTF-8.
                  new String(
                      part.getInputStream().readAllBytes(),
                      java.nio.charset.StandardCharsets.UTF_8)));
        }
      }
      String text;
      Optional<String> html = Optional.empty();
      if (content instanceof MimeMultipart) {
        MimeMultipart parts = (MimeMultipart) content;
        text = lf((String) parts.getBodyPart(0).getContent());
        html = Optional.of(lf((String) parts.getBodyPart(1).getContent()));
      } else {
        text = lf((String) content);
      }
      String[] unsubscribe = m.getHeader("List-Unsubscribe");
      Mail mail =
          new Mail(
              to,
              m.getSubject(),
              text,
              html,
              Mail.Kind.OTHER,
              Optional.ofNullable(unsubscribe)
                  .map(h -> URI.create(h[0].substring(1, h[0].length() - 1))),
              Optional.empty(),
              files);
      return mail;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * SMTP ends the last line of a message with the line break of the terminating dot; GreenMail
   * keeps that break as part of the terminator, so a text part it stores has lost the final line
   * break it had (a plain text without one gets one on the wire, so the two read the same).
   */
  @Override
  protected Mail asDelivered(Mail sent) {
    String body = sent.body();
    if (sent.html().isEmpty() && body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1);
    }
    // Kind and key do not travel by SMTP (the key only as part of the Message-ID).
    return new Mail(
        sent.to(),
        sent.subject(),
        body,
        sent.html(),
        Mail.Kind.OTHER,
        sent.unsubscribe(),
        Optional.empty(),
        sent.attachments());
  }

  private static Instant sentDate(MimeMessage m) {
    try {
      return m.getSentDate().toInstant();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lf(String s) {
    return s.replace("\r\n", "\n");
  }

  private static Mail announcement() {
    return new Mail(TO, "Edition 7: your 24 hours", "Hello,\nsee you on Friday.\n")
        .withHtml("<p>Hello,<br>see you on <b>Friday</b>.</p>")
        .withKind(Mail.Kind.ANNOUNCEMENT)
        .withUnsubscribe(URI.create("https://poltwt.example/unsubscribe?token=abc"))
        .withKey("announcement-7-42");
  }

  @Test
  void theMessageHasItsSenderReplyToRecipientAndParts() throws Exception {
    toGreenMail().build().send(announcement());

    MimeMessage m = greenMail.getReceivedMessages()[0];
    InternetAddress from = (InternetAddress) m.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("no-reply@poltwt.example");
    assertThat(from.getPersonal()).isEqualTo("#PolTwt");
    assertThat(m.getReplyTo())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("organisers@poltwt.example");
    assertThat(m.getAllRecipients())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly(TO);
    assertThat(m.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
    assertThat(lf((String) text.getContent())).isEqualTo("Hello,\nsee you on Friday.\n");
    assertThat((String) html.getContent()).contains("<b>Friday</b>");
  }

  @Test
  void anAnnouncementCarriesOneClickUnsubscribeAndEveryMailIsAutoSubmitted() throws Exception {
    Mailer mailer = newMailer();
    mailer.send(announcement());
    mailer.send(new Mail(TO, "Plain", "no list"));

    MimeMessage withLink = greenMail.getReceivedMessages()[0];
    MimeMessage plain = greenMail.getReceivedMessages()[1];
    assertThat(withLink.getHeader("List-Unsubscribe"))
        .containsExactly("<https://poltwt.example/unsubscribe?token=abc>");
    assertThat(withLink.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(withLink.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(plain.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(plain.getHeader("List-Unsubscribe")).isNull();
    assertThat(plain.getHeader("List-Unsubscribe-Post")).isNull();
    assertThat(plain.getContentType()).startsWith("text/plain");
  }

  @Test
  void theSameMailSentTwiceHasTheSameMessageIdAndAnotherMailAnother() throws Exception {
    Mailer mailer = newMailer();
    mailer.send(announcement());
    mailer.send(announcement());
    mailer.send(announcement().withKey("announcement-7-43"));
    mailer.send(new Mail(TO, "No key", "a"));
    mailer.send(new Mail(TO, "No key", "a"));

    MimeMessage[] got = greenMail.getReceivedMessages();
    assertThat(got[0].getMessageID()).isEqualTo("<announcement-7-42@mail.poltwt.example>");
    assertThat(got[1].getMessageID()).isEqualTo(got[0].getMessageID());
    assertThat(got[2].getMessageID()).isEqualTo("<announcement-7-43@mail.poltwt.example>");
    // Without a key nothing says two sends are one message: each gets its own id.
    assertThat(got[3].getMessageID()).endsWith("@mail.poltwt.example>");
    assertThat(got[4].getMessageID()).isNotEqualTo(got[3].getMessageID());
  }

  @Test
  void theMessageIdDomainDefaultsToTheSendersDomain() throws Exception {
    SmtpMailer.builder()
        .host("127.0.0.1")
        .port(greenMail.getSmtp().getPort())
        .security(SmtpMailer.Security.NONE)
        .from("#PolTwt <no-reply@Poltwt.Example>")
        .build()
        .send(announcement());

    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertThat(m.getMessageID()).isEqualTo("<announcement-7-42@poltwt.example>");
    assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("#PolTwt");
    assertThat(m.getReplyTo())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("no-reply@Poltwt.Example");
  }

  @ParameterizedTest
  @EnumSource(FakeSmtpServer.Mode.class)
  void aRefusalOrADroppedConnectionIsAMailFailureThatQuotesNoAddress(FakeSmtpServer.Mode mode) {
    SmtpMailer mailer = toFake(mode);

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> mailer.send(announcement()))
        .satisfies(e -> assertThat(e.code()).isEqualTo(Mailer.FAILED))
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .startsWith("SMTP delivery failed")
                    .doesNotContain("jane.doe")
                    .doesNotContain("kent.police.uk")
                    .doesNotContain("token=abc"))
        .satisfies(e -> assertThat(e.getCause()).isNull());
  }

  @Test
  void aRefusedRecipientNamesTheReplyCode() {
    SmtpMailer mailer = toFake(FakeSmtpServer.Mode.REFUSE_RECIPIENT);

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> mailer.send(announcement()))
        .withMessageContaining("SMTP reply 550");
  }

  @Test
  void aServerThatIsNotThereIsAMailFailure() throws IOException {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SmtpMailer mailer =
        SmtpMailer.builder()
            .host("127.0.0.1")
            .port(closedPort)
            .security(SmtpMailer.Security.NONE)
            .from("no-reply@poltwt.example")
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> mailer.send(announcement()))
        .satisfies(e -> assertThat(e.code()).isEqualTo(Mailer.FAILED));
  }

  @Test
  void startTlsRequiredFailsAgainstAServerWithoutIt() {
    SmtpMailer mailer = toGreenMail().security(SmtpMailer.Security.STARTTLS_REQUIRED).build();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> mailer.send(announcement()))
        .satisfies(e -> assertThat(e.code()).isEqualTo(Mailer.FAILED));
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void toStringShowsNeitherCredentialsNorAddresses() {
    SmtpMailer mailer = toGreenMail().credentials("poltwt", "s3cret").build();

    assertThat(mailer.toString())
        .contains("127.0.0.1")
        .doesNotContain("s3cret")
        .doesNotContain("poltwt.example");
  }
}

package org.poltwt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/** The README's "Mail" snippet, against GreenMail instead of smtp.example.org. */
class ReadmeMailSnippetTest {
  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void theSnippetSendsAMailWithTheHeadersTheReadmeLists() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2015-06-05T06:00:00Z"), ZoneOffset.UTC);
    greenMail.setUser("poltwt", "secret");
    // Differences from the README: the host, port, security and password.
    Mailer mailer =
        SmtpMailer.builder()
            .host("127.0.0.1")
            .port(greenMail.getSmtp().getPort())
            .security(SmtpMailer.Security.NONE)
            .credentials("poltwt", "secret")
            .from("no-reply@poltwt.example", "#PolTwt")
            .replyTo("organisers@poltwt.example")
            .messageIdDomain("poltwt.example")
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(20))
            .clock(clock)
            .build();

    mailer.send(
        new Mail("desk@metro.police.gov", "Edition 5", "See you on Friday.")
            .withKind(Mail.Kind.ANNOUNCEMENT)
            .withUnsubscribe(java.net.URI.create("https://poltwt.example/unsubscribe?token=t"))
            .withKey("announcement-5-1"));

    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertThat(m.getMessageID()).isEqualTo("<announcement-5-1@poltwt.example>");
    assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
  }
}

package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.poltwt.PoltwtException;
import org.poltwt.mail.SmtpMailer;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

class PoltwtMailAutoConfigurationTest {
  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private ApplicationContextRunner toGreenMail() {
    return Contexts.bare()
        .withPropertyValues(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + greenMail.getSmtp().getPort(),
            "poltwt.mail.security=none",
            "poltwt.mail.from=no-reply@poltwt.example",
            "poltwt.mail.from-name=#PolTwt",
            "poltwt.mail.reply-to=organisers@poltwt.example");
  }

  @Test
  void anSmtpMailerOnSpringsMailPropertiesSendsToTheServer() throws Exception {
    toGreenMail()
        .run(
            context -> {
              assertThat(context).hasSingleBean(Mailer.class);
              assertThat(context.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class);

              context
                  .getBean(Mailer.class)
                  .send(new Mail("jane.doe@kent.police.uk", "Your window", "It opens at 8."));

              MimeMessage[] received = greenMail.getReceivedMessages();
              assertThat(received).hasSize(1);
              assertThat(received[0].getSubject()).isEqualTo("Your window");
              assertThat(received[0].getFrom()[0].toString())
                  .contains("no-reply@poltwt.example")
                  .contains("#PolTwt");
              assertThat(received[0].getReplyTo()[0].toString())
                  .isEqualTo("organisers@poltwt.example");
            });
  }

  @Test
  void springsOwnMailSenderCarriesPoltwtsMessagesWhenTheContextHasOne() throws Exception {
    toGreenMail()
        .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(JavaMailSender.class);
              Mailer mailer = context.getBean(Mailer.class);
              assertThat(mailer).isInstanceOf(SpringMailSenderMailer.class);
              Mail mail =
                  new Mail("jane.doe@kent.police.uk", "Your window", "It opens at 8.")
                      .withHtml("<p>It opens at <b>8</b>.</p>")
                      .withUnsubscribe(URI.create("https://poltwt.example/unsubscribe?token=t"))
                      .withKey("announcement-1-2");

              mailer.send(mail);
              mailer.send(mail);

              MimeMessage[] received = greenMail.getReceivedMessages();
              assertThat(received).hasSize(2);
              // poltwt's message, whoever carries it: its headers and a Message-ID a retry keeps.
              assertThat(received[0].getMessageID())
                  .isEqualTo("<announcement-1-2@poltwt.example>")
                  .isEqualTo(received[1].getMessageID());
              assertThat(received[0].getHeader("List-Unsubscribe-Post"))
                  .containsExactly("List-Unsubscribe=One-Click");
              assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
              assertThat(received[0].getFrom()[0].toString()).contains("no-reply@poltwt.example");
            });
  }

  @Test
  void aFailureOfSpringsMailSenderIsAMailFailureWithoutTheAddress() throws IOException {
    Contexts.bare()
        .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
        .withPropertyValues(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + unusedPort(),
            "poltwt.mail.security=none",
            "poltwt.mail.from=no-reply@poltwt.example")
        .run(
            context ->
                assertThatExceptionOfType(PoltwtException.class)
                    .isThrownBy(
                        () ->
                            context
                                .getBean(Mailer.class)
                                .send(new Mail("jane.doe@kent.police.uk", "Hello", "Body")))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(Mailer.FAILED))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jane.doe")));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void noMailerWithoutSpringMailHost() {
    Contexts.bare()
        .withPropertyValues("poltwt.mail.from=no-reply@poltwt.example")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Mailer.class));
  }

  @Test
  void theApplicationsOwnMailerWins() {
    InMemoryMailer own = new InMemoryMailer();
    toGreenMail()
        .withBean(Mailer.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Mailer.class);
              assertThat(context.getBean(Mailer.class)).isSameAs(own);
            });
  }

  @Test
  void aMailServerWithoutASenderFailsStartUpNamingTheProperty() {
    Contexts.bare()
        .withPropertyValues("spring.mail.host=127.0.0.1")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.mail.from")
                    .contains("is required when spring.mail.host is set"));
  }

  @Test
  void aSenderThatIsNotAnAddressFailsStartUpNamingTheProperty() {
    toGreenMail()
        .withPropertyValues("poltwt.mail.from=not an address")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.mail")
                    .contains("from")
                    .contains("must be one address"));
  }

  @Test
  void securityFollowsSpringsMailPropertiesUnlessSet() {
    PoltwtProperties.Mail unset = new PoltwtProperties.Mail("a@poltwt.example", null, null, null);
    MailProperties plain = new MailProperties();
    assertThat(PoltwtMailAutoConfiguration.security(plain, unset))
        .isEqualTo(PoltwtProperties.MailSecurity.STARTTLS_REQUIRED);

    MailProperties smtps = new MailProperties();
    smtps.setProtocol("smtps");
    assertThat(PoltwtMailAutoConfiguration.security(smtps, unset))
        .isEqualTo(PoltwtProperties.MailSecurity.SMTPS);

    MailProperties optional = new MailProperties();
    optional.getProperties().put("mail.smtp.starttls.enable", "true");
    assertThat(PoltwtMailAutoConfiguration.security(optional, unset))
        .isEqualTo(PoltwtProperties.MailSecurity.STARTTLS_OPTIONAL);

    PoltwtProperties.Mail none =
        new PoltwtProperties.Mail(
            "a@poltwt.example", null, null, PoltwtProperties.MailSecurity.NONE);
    assertThat(PoltwtMailAutoConfiguration.security(smtps, none))
        .isEqualTo(PoltwtProperties.MailSecurity.NONE);
  }
}

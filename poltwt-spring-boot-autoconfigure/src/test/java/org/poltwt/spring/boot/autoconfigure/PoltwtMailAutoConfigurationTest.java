package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.poltwt.mail.SmtpMailer;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

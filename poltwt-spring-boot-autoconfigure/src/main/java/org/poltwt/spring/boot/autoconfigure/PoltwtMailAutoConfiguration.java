package org.poltwt.spring.boot.autoconfigure;

import java.util.Locale;
import java.util.Map;
import org.poltwt.mail.SmtpMailer;
import org.poltwt.spi.Mailer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A {@link Mailer} whose messages are poltwt-mail's (its headers, one recipient per message, a
 * stable {@code Message-ID}), with the sender of {@code poltwt.mail.*}: sent through Spring's
 * {@link JavaMailSender} when the context has one (Spring Boot makes one of {@code spring.mail.*}),
 * else by poltwt-mail's {@link SmtpMailer} to the server of {@code spring.mail.*}. Only when {@code
 * spring.mail.host} is set.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass({SmtpMailer.class, MailProperties.class})
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties({PoltwtProperties.class, MailProperties.class})
public final class PoltwtMailAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtMailAutoConfiguration() {}

  /**
   * The mailer.
   *
   * @param mail Spring's mail properties
   * @param properties the {@code poltwt.*} properties
   * @param springSender Spring's mail sender, when the context has one
   * @return the mailer
   * @throws
   *     org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
   *     naming the property when {@code poltwt.mail.from} is missing or a value is refused
   */
  @Bean
  @ConditionalOnMissingBean(Mailer.class)
  public Mailer poltwtMailer(
      MailProperties mail,
      PoltwtProperties properties,
      ObjectProvider<JavaMailSender> springSender) {
    SmtpMailer smtp = smtpMailer(mail, properties);
    JavaMailSender sender = springSender.getIfUnique();
    // Spring's own sender (from spring.mail.*, or the application's) carries poltwt's messages when
    // there is one; poltwt's SMTP transport on the same properties otherwise.
    return sender == null ? smtp : new SpringMailSenderMailer(sender, smtp);
  }

  private static SmtpMailer smtpMailer(MailProperties mail, PoltwtProperties properties) {
    PoltwtProperties.Mail sender = properties.mail();
    if (sender.from() == null || sender.from().isBlank()) {
      throw Problems.invalid("poltwt.mail.from", null, "is required when spring.mail.host is set");
    }
    SmtpMailer.Builder builder = SmtpMailer.builder();
    PoltwtProperties.MailSecurity security = security(mail, sender);
    Problems.apply("spring.mail.host", mail.getHost(), () -> builder.host(mail.getHost()));
    int port =
        mail.getPort() != null
            ? mail.getPort()
            : security == PoltwtProperties.MailSecurity.SMTPS ? 465 : 587;
    Problems.apply("spring.mail.port", port, () -> builder.port(port));
    builder.security(SmtpMailer.Security.valueOf(security.name()));
    if (mail.getUsername() != null) {
      Problems.apply(
          "spring.mail.username",
          null,
          () -> builder.credentials(mail.getUsername(), mail.getPassword()));
    }
    Problems.apply(
        "poltwt.mail.from",
        null,
        () -> {
          if (sender.fromName() != null) {
            builder.from(sender.from(), sender.fromName());
          } else {
            builder.from(sender.from());
          }
        });
    if (sender.replyTo() != null) {
      Problems.apply("poltwt.mail.reply-to", null, () -> builder.replyTo(sender.replyTo()));
    }
    return builder.build();
  }

  static PoltwtProperties.MailSecurity security(MailProperties mail, PoltwtProperties.Mail sender) {
    if (sender.security() != null) {
      return sender.security();
    }
    if ("smtps".equalsIgnoreCase(mail.getProtocol()) || mail.getSsl().isEnabled()) {
      return PoltwtProperties.MailSecurity.SMTPS;
    }
    Map<String, String> extra = mail.getProperties();
    if (isTrue(extra.get("mail.smtp.starttls.required"))) {
      return PoltwtProperties.MailSecurity.STARTTLS_REQUIRED;
    }
    if (isTrue(extra.get("mail.smtp.starttls.enable"))) {
      return PoltwtProperties.MailSecurity.STARTTLS_OPTIONAL;
    }
    return PoltwtProperties.MailSecurity.STARTTLS_REQUIRED;
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }
}

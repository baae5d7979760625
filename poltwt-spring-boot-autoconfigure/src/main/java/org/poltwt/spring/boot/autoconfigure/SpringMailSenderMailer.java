package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import org.poltwt.PoltwtException;
import org.poltwt.mail.SmtpMailer;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A {@link Mailer} that sends poltwt's messages (built by poltwt-mail: its headers, parts and
 * stable {@code Message-ID}) through the application's {@link JavaMailSender}, so that whatever the
 * application configured there (its session, JNDI, a test's stand-in) carries poltwt's mail too.
 */
final class SpringMailSenderMailer implements Mailer {
  private final JavaMailSender sender;
  private final SmtpMailer messages;

  SpringMailSenderMailer(JavaMailSender sender, SmtpMailer messages) {
    this.sender = requireNonNull(sender, "sender");
    this.messages = requireNonNull(messages, "messages");
  }

  @Override
  public void send(Mail mail) {
    try {
      // JavaMailSender keeps a message's own Message-ID when it saves it.
      sender.send(messages.toMimeMessage(mail));
    } catch (MailException e) {
      // Spring's message quotes the server, which quotes the address: only the types go on.
      StringBuilder what =
          new StringBuilder("the mail sender failed: ").append(e.getClass().getName());
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        what.append(", caused by ").append(c.getClass().getName());
      }
      throw new PoltwtException(Mailer.FAILED, what.toString());
    }
  }

  /** Names the sender's type only. */
  @Override
  public String toString() {
    return "SpringMailSenderMailer[" + sender.getClass().getSimpleName() + "]";
  }
}

package org.poltwt.examples.site;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.Properties;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/** A {@link Mailer} on an SMTP server, through Jakarta Mail (Eclipse Angus). */
final class SmtpMailer implements Mailer {
  private final Session session;
  private final String from;
  private final Clock clock;

  SmtpMailer(
      String host,
      int port,
      String user,
      String password,
      boolean startTls,
      String from,
      Clock clock) {
    requireNonNull(host, "host");
    this.from = requireNonNull(from, "from");
    this.clock = requireNonNull(clock, "clock");
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "20000");
    p.setProperty("mail.smtp.writetimeout", "20000");
    if (startTls) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    Authenticator auth = null;
    if (user != null) {
      p.setProperty("mail.smtp.auth", "true");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password == null ? "" : password);
            }
          };
    }
    this.session = Session.getInstance(p, auth);
  }

  @Override
  public void send(Mail mail) {
    try {
      Transport.send(MailFolder.message(session, from, mail, clock.instant()));
    } catch (MessagingException e) {
      // The server's message may quote the recipient: only the type goes into ours.
      throw new PoltwtException(
          "mail.failed", "SMTP delivery failed: " + e.getClass().getName(), e);
    }
  }
}

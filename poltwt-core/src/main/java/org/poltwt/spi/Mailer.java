package org.poltwt.spi;

/** Sends email: to a local outbox, an SMTP server, or a test's list. */
public interface Mailer {
  /**
   * Sends one message to its one recipient.
   *
   * @param mail the message
   * @throws org.poltwt.PoltwtException (code {@code mail.failed}) if it could not be handed over
   */
  void send(Mail mail);
}

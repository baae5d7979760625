package org.poltwt.spi;

/**
 * Sends email: to a local outbox, an SMTP server, or a test's list.
 *
 * <p>poltwt's services treat any exception {@link #send(Mail)} throws as a failure of that one
 * message, retried later with backoff; a batch never stops at it. Throw a {@link
 * org.poltwt.PoltwtException} with code {@value #FAILED} (or a more precise code) and a message
 * without the recipient's address.
 */
public interface Mailer {
  /** The code of a message that could not be handed over. */
  String FAILED = "mail.failed";

  /**
   * Sends one message to its one recipient.
   *
   * @param mail the message
   * @throws org.poltwt.PoltwtException (code {@value #FAILED}) if it could not be handed over
   */
  void send(Mail mail);
}

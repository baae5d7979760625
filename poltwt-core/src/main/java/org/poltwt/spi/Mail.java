package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

/**
 * One email to one recipient. poltwt never puts several recipients in one message, so no recipient
 * sees another's address.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the plain-text body
 */
public record Mail(String to, String subject, String body) {
  /**
   * Validates the message.
   *
   * @param to the recipient, one address
   * @param subject the subject, one line
   * @param body the body
   */
  public Mail {
    requireNonNull(to, "to");
    requireNonNull(subject, "subject");
    requireNonNull(body, "body");
    if (to.indexOf('@') < 1
        || to.indexOf(',') >= 0
        || to.indexOf(';') >= 0
        || to.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("to: must be exactly one email address");
    }
    if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("subject: must be one line");
    }
  }

  /** Leaves out the recipient and the body, which may carry personal data or a token. */
  @Override
  public String toString() {
    return "Mail[subject=" + subject + "]";
  }
}

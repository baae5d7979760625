/**
 * The SMTP adapter of {@link org.poltwt.spi.Mailer}, on Jakarta Mail (Eclipse Angus): {@link
 * org.poltwt.mail.SmtpMailer}.
 *
 * <p>Every message goes to one recipient, from a fixed From (and an optional Reply-To), as plain
 * text or as {@code multipart/alternative} text and HTML, marked {@code Auto-Submitted:
 * auto-generated} (RFC 3834) so auto-responders stay quiet. A message with an unsubscribe link gets
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 2369,
 * RFC 8058), which mail providers ask of bulk senders. A message with a {@link
 * org.poltwt.spi.Mail#key() key} has a {@code Message-ID} made from it, the same for every retry.
 *
 * <p>Failures are {@link org.poltwt.PoltwtException}s with code {@value
 * org.poltwt.spi.Mailer#FAILED} whose message names the failure's type and SMTP reply code, never
 * an address: servers quote the recipient in their replies, so those replies are not passed on.
 */
package org.poltwt.mail;

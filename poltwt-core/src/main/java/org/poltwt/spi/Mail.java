package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One email to one recipient. poltwt never puts several recipients in one message, so no recipient
 * sees another's address.
 *
 * <p>Besides the plain text, a message may carry an HTML version of the same text, says what {@link
 * Kind} of message it is, may carry a one-click unsubscribe link (announcements: a transport puts
 * it in the {@code List-Unsubscribe} header of RFC 2369 and RFC 8058) and a key: the same message
 * sent again (a retry) has the same key, so a transport can give it the same {@code Message-ID} and
 * the recipient's system can drop the duplicate. The three-argument constructor makes a plain
 * {@link Kind#OTHER} message without any of these; the {@code with...} methods add them.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the plain-text body
 * @param html the same text as HTML, if the message has an HTML part
 * @param kind what the message is for
 * @param unsubscribe the one-click unsubscribe link, an absolute {@code https} (or {@code http})
 *     URI, if the recipient may stop this kind of message
 * @param key the message's stable identity, if it has one: letters, digits and {@code . - _} only,
 *     without personal data or tokens
 * @param attachments files that go with the message, in order (a calendar invite); usually none
 */
public record Mail(
    String to,
    String subject,
    String body,
    Optional<String> html,
    Kind kind,
    Optional<URI> unsubscribe,
    Optional<String> key,
    List<Attachment> attachments) {

  /** The longest key accepted, in characters. */
  public static final int MAX_KEY_LENGTH = 200;

  /** What a message is for. Transports may treat kinds differently; the services set it. */
  public enum Kind {
    /** The link that confirms a registration's email address. */
    VERIFICATION,
    /** An organiser accepted a registration's email address. */
    APPROVAL,
    /** An organiser turned down a registration's email address. */
    REJECTION,
    /** An organiser's announcement to an edition's registrants. */
    ANNOUNCEMENT,
    /** An edition moved, was postponed or was cancelled. */
    RESCHEDULE,
    /** Anything else. */
    OTHER
  }

  /**
   * Validates the message.
   *
   * @param to the recipient, one address
   * @param subject the subject, one line
   * @param body the body
   * @param html the HTML body, or empty
   * @param kind what the message is for
   * @param unsubscribe the absolute http(s) one-click unsubscribe link, or empty
   * @param key the stable key, or empty
   * @param attachments the attachments, possibly none
   */
  public Mail {
    requireNonNull(to, "to");
    requireNonNull(subject, "subject");
    requireNonNull(body, "body");
    requireNonNull(html, "html");
    requireNonNull(kind, "kind");
    requireNonNull(unsubscribe, "unsubscribe");
    requireNonNull(key, "key");
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
    if (to.indexOf('@') < 1
        || to.indexOf(',') >= 0
        || to.indexOf(';') >= 0
        || to.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("to: must be exactly one email address");
    }
    if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("subject: must be one line");
    }
    unsubscribe.ifPresent(Mail::checkUnsubscribe);
    key.ifPresent(Mail::checkKey);
  }

  /**
   * A plain-text message of kind {@link Kind#OTHER}, without HTML, unsubscribe link or key.
   *
   * @param to the recipient, one address
   * @param subject the subject, one line
   * @param body the body
   */
  public Mail(String to, String subject, String body) {
    this(
        to,
        subject,
        body,
        Optional.empty(),
        Kind.OTHER,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /**
   * A file that goes with a message: text only (poltwt attaches calendar invites), sent as UTF-8.
   *
   * @param filename the file's name as the recipient sees it: no path, no control character
   * @param contentType its media type with any parameters, for example {@code text/calendar;
   *     method=REQUEST}
   * @param content the file's text
   */
  public record Attachment(String filename, String contentType, String content) {
    /**
     * Validates the attachment.
     *
     * @param filename a bare file name of at most 100 characters
     * @param contentType a {@code type/subtype} media type, with parameters if any, on one line
     * @param content the text
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public Attachment {
      requireNonNull(filename, "filename");
      requireNonNull(contentType, "contentType");
      requireNonNull(content, "content");
      if (filename.isBlank()
          || filename.length() > 100
          || filename.indexOf('/') >= 0
          || filename.indexOf('\\') >= 0
          || filename.indexOf('"') >= 0
          || filename.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "filename: must be a file name of 1 to 100 characters, without path, quote or control"
                + " character");
      }
      int slash = contentType.indexOf('/');
      if (slash < 1
          || slash == contentType.length() - 1
          || contentType.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("contentType: must be a media type such as text/plain");
      }
    }

    /** Leaves out the content, which may carry personal data. */
    @Override
    public String toString() {
      return "Attachment[" + contentType + ", " + content.length() + " chars]";
    }
  }

  private static void checkUnsubscribe(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("unsubscribe: must be an absolute http or https URI");
    }
    String s = uri.toASCIIString();
    if (s.indexOf('<') >= 0 || s.indexOf('>') >= 0 || s.indexOf(',') >= 0) {
      throw new IllegalArgumentException("unsubscribe: must not contain '<', '>' or ','");
    }
  }

  private static void checkKey(String key) {
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || !key.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '.'
                        || c == '-'
                        || c == '_')) {
      throw new IllegalArgumentException(
          "key: must be 1 to " + MAX_KEY_LENGTH + " letters, digits, '.', '-' or '_'");
    }
  }

  /**
   * Returns this message with an HTML part.
   *
   * @param html the same text as HTML
   * @return a copy with the HTML body
   * @throws NullPointerException if {@code html} is null
   */
  public Mail withHtml(String html) {
    return new Mail(
        to,
        subject,
        body,
        Optional.of(requireNonNull(html, "html")),
        kind,
        unsubscribe,
        key,
        attachments);
  }

  /**
   * Returns this message with a kind.
   *
   * @param kind what the message is for
   * @return a copy of that kind
   * @throws NullPointerException if {@code kind} is null
   */
  public Mail withKind(Kind kind) {
    return new Mail(to, subject, body, html, kind, unsubscribe, key, attachments);
  }

  /**
   * Returns this message with a one-click unsubscribe link.
   *
   * @param unsubscribe the absolute http(s) link that unsubscribes with one POST (RFC 8058)
   * @return a copy with the link
   * @throws NullPointerException if {@code unsubscribe} is null
   * @throws IllegalArgumentException if it is not an absolute http(s) URI
   */
  public Mail withUnsubscribe(URI unsubscribe) {
    return new Mail(
        to,
        subject,
        body,
        html,
        kind,
        Optional.of(requireNonNull(unsubscribe, "unsubscribe")),
        key,
        attachments);
  }

  /**
   * Returns this message with a stable key, the same for every attempt to send it.
   *
   * @param key letters, digits, {@code .}, {@code -} and {@code _}; no personal data or token
   * @return a copy with the key
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if the key is empty, too long or has other characters
   */
  public Mail withKey(String key) {
    return new Mail(
        to,
        subject,
        body,
        html,
        kind,
        unsubscribe,
        Optional.of(requireNonNull(key, "key")),
        attachments);
  }

  /**
   * Returns this message with one more attachment, after those it has.
   *
   * @param attachment the file
   * @return a copy with the attachment
   * @throws NullPointerException if {@code attachment} is null
   */
  public Mail withAttachment(Attachment attachment) {
    requireNonNull(attachment, "attachment");
    List<Attachment> all = new ArrayList<>(attachments);
    all.add(attachment);
    return new Mail(to, subject, body, html, kind, unsubscribe, key, all);
  }

  /**
   * Leaves out the recipient, the subject, the bodies and the unsubscribe link, which may carry
   * personal data (a subject names the registrant's handle or agency) or a token; the kind and key
   * say which mail it is.
   */
  @Override
  public String toString() {
    return "Mail[kind="
        + kind
        + ", html="
        + html.isPresent()
        + ", unsubscribe="
        + unsubscribe.isPresent()
        + key.map(k -> ", key=" + k).orElse("")
        + (attachments.isEmpty() ? "" : ", attachments=" + attachments.size())
        + "]";
  }
}

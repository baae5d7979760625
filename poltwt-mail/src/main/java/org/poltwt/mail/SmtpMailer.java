package org.poltwt.mail;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * A {@link Mailer} that hands each message to an SMTP server, through Jakarta Mail (Eclipse Angus).
 *
 * <pre>{@code
 * Mailer mailer =
 *     SmtpMailer.builder()
 *         .host("smtp.example.org")
 *         .port(587)
 *         .security(SmtpMailer.Security.STARTTLS_REQUIRED)
 *         .credentials("poltwt", System.getenv("SMTP_PASSWORD"))
 *         .from("no-reply@poltwt.example", "#PolTwt")
 *         .replyTo("organisers@poltwt.example")
 *         .messageIdDomain("poltwt.example")
 *         .build();
 * }</pre>
 *
 * <p>Each message has the From, the optional Reply-To and its one recipient; its text, or a {@code
 * multipart/alternative} of its text and HTML, inside a {@code multipart/mixed} with its
 * attachments (UTF-8 text, each with its file name) when it has any; {@code Auto-Submitted:
 * auto-generated}; {@code List-Unsubscribe} and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} when it has an unsubscribe link; a {@code Date} from the clock; and a
 * {@code Message-ID} of {@code <key@domain>} when it has a key (so a retry has the same one), a
 * random one otherwise. Each send opens its own connection; instances are immutable and
 * thread-safe.
 */
public final class SmtpMailer implements Mailer {
  /** How the connection to the server is protected. */
  public enum Security {
    /** No TLS at all: only for a server on the same host or in a test. */
    NONE,
    /** Upgrades with STARTTLS when the server offers it, else goes on in the clear. */
    STARTTLS_OPTIONAL,
    /** Upgrades with STARTTLS and fails when the server does not offer it (port 587). */
    STARTTLS_REQUIRED,
    /** TLS from the first byte, "SMTPS" (port 465). */
    SMTPS
  }

  private final Session session;
  private final String protocol;
  private final InternetAddress from;
  private final Optional<InternetAddress> replyTo;
  private final Clock clock;
  private final String messageIdDomain;

  private SmtpMailer(Builder b) {
    this.protocol = b.security == Security.SMTPS ? "smtps" : "smtp";
    this.from = b.from;
    this.replyTo = Optional.ofNullable(b.replyTo);
    this.clock = b.clock;
    this.messageIdDomain = b.messageIdDomain;
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", protocol);
    props.setProperty(p + "host", b.host);
    props.setProperty(p + "port", Integer.toString(b.port));
    props.setProperty(p + "connectiontimeout", Long.toString(b.connectTimeout.toMillis()));
    props.setProperty(p + "timeout", Long.toString(b.readTimeout.toMillis()));
    props.setProperty(p + "writetimeout", Long.toString(b.readTimeout.toMillis()));
    props.setProperty(p + "from", b.from.getAddress());
    if (b.security == Security.STARTTLS_OPTIONAL || b.security == Security.STARTTLS_REQUIRED) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(
          p + "starttls.required", Boolean.toString(b.security == Security.STARTTLS_REQUIRED));
    }
    if (b.security != Security.NONE) {
      props.setProperty(p + "ssl.checkserveridentity", "true");
    }
    Authenticator auth = null;
    if (b.user != null) {
      props.setProperty(p + "auth", "true");
      String user = b.user;
      String password = b.password;
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    this.session = Session.getInstance(props, auth);
  }

  /**
   * Starts configuring a mailer. The host and the From address are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Hands the message to the server.
   *
   * @param mail the message
   * @throws NullPointerException if {@code mail} is null
   * @throws PoltwtException with code {@value Mailer#FAILED} if the address cannot be used, the
   *     server cannot be reached, refuses the message or drops the connection; the message names
   *     the failure's type and the server's reply code, never the address
   */
  @Override
  public void send(Mail mail) {
    MimeMessage message = toMimeMessage(mail);
    try {
      Transport.send(message);
    } catch (MessagingException | RuntimeException e) {
      throw failure("SMTP delivery failed", e);
    }
  }

  /**
   * Builds the message this mailer would hand to its server: the same From, Reply-To, parts and
   * headers, the same stable {@code Message-ID}. For a transport that sends prepared messages, such
   * as Spring's {@code JavaMailSender}, so that its mail is poltwt's mail.
   *
   * @param mail the message
   * @return the MIME message, saved
   * @throws NullPointerException if {@code mail} is null
   * @throws PoltwtException with code {@value Mailer#FAILED} if the address cannot be used or the
   *     message cannot be built; the message never names the address
   */
  public MimeMessage toMimeMessage(Mail mail) {
    requireNonNull(mail, "mail");
    try {
      return message(mail);
    } catch (AddressException e) {
      // The exception quotes the address it could not parse.
      throw new PoltwtException(FAILED, "the recipient's address is not usable by SMTP");
    } catch (MessagingException e) {
      throw failure("the message could not be built", e);
    }
  }

  /** Builds the message, with the headers the class comment lists. */
  private MimeMessage message(Mail mail) throws MessagingException {
    String messageId =
        "<" + mail.key().orElseGet(() -> "m-" + UUID.randomUUID()) + "@" + messageIdDomain + ">";
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    m.setFrom(from);
    if (replyTo.isPresent()) {
      m.setReplyTo(new Address[] {replyTo.get()});
    }
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    m.setSentDate(Date.from(clock.instant()));
    m.setHeader("Auto-Submitted", "auto-generated");
    if (mail.unsubscribe().isPresent()) {
      m.setHeader("List-Unsubscribe", "<" + mail.unsubscribe().get().toASCIIString() + ">");
      m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    if (mail.attachments().isEmpty()) {
      setBody(m, mail);
    } else {
      // multipart/mixed: the message as it reads first, then each file.
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      setBody(body, mail);
      mixed.addBodyPart(body);
      for (Mail.Attachment a : mail.attachments()) {
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(a.content(), withCharset(a.contentType()));
        file.setHeader("Content-Type", withCharset(a.contentType()));
        file.setFileName(a.filename());
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        mixed.addBodyPart(file);
      }
      m.setContent(mixed);
    }
    m.saveChanges();
    return m;
  }

  /** The text, or the text and its HTML as alternatives, of a message or of its first part. */
  private static void setBody(jakarta.mail.internet.MimePart part, Mail mail)
      throws MessagingException {
    if (mail.html().isPresent()) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.body(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html().get(), StandardCharsets.UTF_8.name(), "html");
      // Least to most preferred, as RFC 2046 orders the parts of an alternative.
      part.setContent(new MimeMultipart("alternative", text, html));
    } else {
      part.setText(mail.body(), StandardCharsets.UTF_8.name(), "plain");
    }
  }

  /** Attachments are text sent as UTF-8; the type says so unless it names a charset itself. */
  private static String withCharset(String contentType) {
    return contentType.toLowerCase(java.util.Locale.ROOT).contains("charset=")
        ? contentType
        : contentType + "; charset=UTF-8";
  }

  /**
   * A failure without the server's words, which quote addresses: only the type of the failure and
   * the SMTP reply code, and no cause, whose message would carry them to a log.
   */
  private static PoltwtException failure(String what, Exception e) {
    StringBuilder s = new StringBuilder(what).append(": ").append(e.getClass().getName());
    for (Exception x = e; x != null; x = next(x)) {
      int code = replyCode(x);
      if (code > 0) {
        s.append(" (SMTP reply ").append(code).append(')');
        break;
      }
    }
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      s.append(", caused by ").append(c.getClass().getName());
      if (c.getCause() == c) {
        break;
      }
    }
    return new PoltwtException(FAILED, s.toString());
  }

  private static Exception next(Exception e) {
    return e instanceof MessagingException ? ((MessagingException) e).getNextException() : null;
  }

  private static int replyCode(Exception e) {
    if (e instanceof SMTPAddressFailedException) {
      return ((SMTPAddressFailedException) e).getReturnCode();
    }
    if (e instanceof SMTPSenderFailedException) {
      return ((SMTPSenderFailedException) e).getReturnCode();
    }
    if (e instanceof SMTPSendFailedException) {
      return ((SMTPSendFailedException) e).getReturnCode();
    }
    return 0;
  }

  /** Leaves out the credentials and the addresses. */
  @Override
  public String toString() {
    return "SmtpMailer["
        + protocol
        + "://"
        + session.getProperty("mail." + protocol + ".host")
        + ":"
        + session.getProperty("mail." + protocol + ".port")
        + "]";
  }

  /** Configures a {@link SmtpMailer}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private String host;
    private int port = 587;
    private Security security = Security.STARTTLS_REQUIRED;
    private String user;
    private String password;
    private InternetAddress from;
    private InternetAddress replyTo;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(20);
    private Clock clock = Clock.systemUTC();
    private String messageIdDomain;

    private Builder() {}

    /**
     * Sets the server's host name.
     *
     * @param host a host name or address
     * @return this builder
     * @throws IllegalArgumentException if it is blank or has whitespace
     */
    public Builder host(String host) {
      requireNonNull(host, "host");
      if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("host: must be a host name without spaces");
      }
      this.host = host;
      return this;
    }

    /**
     * Sets the server's port. Unless set, 587 (submission).
     *
     * @param port from 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port: must be from 1 to 65535 (was " + port + ")");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets how the connection is protected. Unless set, {@link Security#STARTTLS_REQUIRED}.
     *
     * @param security the protection
     * @return this builder
     */
    public Builder security(Security security) {
      this.security = requireNonNull(security, "security");
      return this;
    }

    /**
     * Logs in to the server with a user name and password. Unless set, no login.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     * @throws IllegalArgumentException if the user name is blank
     */
    public Builder credentials(String user, String password) {
      requireNonNull(user, "user");
      requireNonNull(password, "password");
      if (user.isBlank()) {
        throw new IllegalArgumentException("user: must not be blank");
      }
      this.user = user;
      this.password = password;
      return this;
    }

    /**
     * Sets the From address, without a display name.
     *
     * @param address the sender's address
     * @return this builder
     * @throws IllegalArgumentException if it is not one valid address
     */
    public Builder from(String address) {
      this.from = address("from", address, null);
      return this;
    }

    /**
     * Sets the From address and the name mail programs show for it.
     *
     * @param address the sender's address
     * @param displayName the sender's name, for example {@code #PolTwt}
     * @return this builder
     * @throws IllegalArgumentException if the address is not one valid address
     */
    public Builder from(String address, String displayName) {
      requireNonNull(displayName, "displayName");
      this.from = address("from", address, displayName);
      return this;
    }

    /**
     * Sets where replies go, for example the organisers' desk. Unless set, replies go to From.
     *
     * @param address the Reply-To address
     * @return this builder
     * @throws IllegalArgumentException if it is not one valid address
     */
    public Builder replyTo(String address) {
      this.replyTo = address("replyTo", address, null);
      return this;
    }

    /**
     * Sets how long to wait for the connection. Unless set, 10 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive or over an hour
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets how long to wait for each reply of the server, and for each write. Unless set, 20
     * seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive or over an hour
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the clock of the {@code Date} header. Unless set, the system clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the domain on the right of every {@code Message-ID}. Unless set, the From address's
     * domain.
     *
     * @param domain a domain name the sender controls, for example {@code poltwt.example}
     * @return this builder
     * @throws IllegalArgumentException if it is not a plain domain name
     */
    public Builder messageIdDomain(String domain) {
      requireNonNull(domain, "domain");
      if (domain.isEmpty()
          || domain.length() > 253
          || !domain
              .chars()
              .allMatch(
                  c ->
                      (c >= 'a' && c <= 'z')
                          || (c >= 'A' && c <= 'Z')
                          || (c >= '0' && c <= '9')
                          || c == '.'
                          || c == '-')) {
        throw new IllegalArgumentException(
            "messageIdDomain: must be a domain name of letters, digits, '.' and '-'");
      }
      this.messageIdDomain = domain.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Builds the mailer.
     *
     * @return the mailer
     * @throws IllegalStateException if the host or the From address is missing
     */
    public SmtpMailer build() {
      if (host == null) {
        throw new IllegalStateException("host: is required");
      }
      if (from == null) {
        throw new IllegalStateException("from: is required");
      }
      if (messageIdDomain == null) {
        String a = from.getAddress();
        messageIdDomain(a.substring(a.lastIndexOf('@') + 1));
      }
      return new SmtpMailer(this);
    }

    private static InternetAddress address(String field, String address, String name) {
      requireNonNull(address, field);
      try {
        InternetAddress parsed = new InternetAddress(address, true);
        if (parsed.getAddress().indexOf('@') < 1 || parsed.isGroup()) {
          throw new IllegalArgumentException(
              field + ": must be one address such as name@agency.example");
        }
        if (name != null) {
          parsed.setPersonal(name, StandardCharsets.UTF_8.name());
        }
        return parsed;
      } catch (AddressException | UnsupportedEncodingException e) {
        throw new IllegalArgumentException(
            field + ": must be one address such as name@agency.example");
      }
    }

    private static Duration timeout(String field, Duration timeout) {
      requireNonNull(timeout, field);
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(field + ": must be positive and at most an hour");
      }
      return timeout;
    }
  }
}

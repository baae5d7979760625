package org.poltwt.examples.site;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * The demo's mail server: a {@link Mailer} that writes each mail as an {@code .eml} file (RFC 5322,
 * readable by any mail client) into a folder, and reads them back for the site's outbox page.
 */
public final class MailFolder implements Mailer {
  private static final Pattern NAME = Pattern.compile("[0-9]{13}-[0-9]{6}\\.eml");
  private static final Session SESSION = Session.getInstance(new Properties());

  private final Path folder;
  private final String from;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * Creates a mailer writing into a folder, created if missing.
   *
   * @param folder the folder
   * @param from the sender, optionally with a display name
   * @param clock the clock the mails are dated by
   */
  public MailFolder(Path folder, String from, Clock clock) {
    this.folder = requireNonNull(folder, "folder");
    this.from = requireNonNull(from, "from");
    this.clock = requireNonNull(clock, "clock");
    try {
      Files.createDirectories(folder);
      try (Stream<Path> files = Files.list(folder)) {
        sequence.set(files.count());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the mail folder", e);
    }
  }

  /**
   * The folder the mails are written to.
   *
   * @return the folder
   */
  public Path folder() {
    return folder;
  }

  /**
   * Writes one mail as a file.
   *
   * @param mail the mail
   * @throws PoltwtException (code {@code mail.failed}) if the file cannot be written
   */
  @Override
  public void send(Mail mail) {
    Instant now = clock.instant();
    String name =
        String.format("%013d-%06d.eml", now.toEpochMilli(), sequence.incrementAndGet() % 1_000_000);
    try (OutputStream out =
        Files.newOutputStream(folder.resolve(name), StandardOpenOption.CREATE_NEW)) {
      message(SESSION, from, mail, now).writeTo(out);
    } catch (IOException | MessagingException e) {
      throw new PoltwtException(
          "mail.failed",
          "writing a mail to the outbox folder failed: " + e.getClass().getName(),
          e);
    }
  }

  /** Builds the MIME message of a mail; shared with the SMTP mailer. */
  static MimeMessage message(Session session, String from, Mail mail, Instant at)
      throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    m.setText(mail.body(), StandardCharsets.UTF_8.name());
    m.setSentDate(Date.from(at));
    m.saveChanges();
    return m;
  }

  /** One stored mail. */
  record Stored(String id, Instant sent, String to, String subject, String body) {}

  /** The mails, newest first. */
  List<Stored> list(int limit) {
    List<Stored> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> names =
          files
              .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
              .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
              .limit(limit)
              .toList();
      for (Path p : names) {
        read(p.getFileName().toString()).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the mail folder", e);
    }
    return out;
  }

  /** One mail by its file name; empty if there is none or the name is not one of ours. */
  Optional<Stored> read(String id) {
    if (id == null || !NAME.matcher(id).matches()) {
      return Optional.empty();
    }
    Path file = folder.resolve(id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage m = new MimeMessage(SESSION, in);
      String to =
          m.getRecipients(Message.RecipientType.TO) == null
              ? ""
              : ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      Object content = m.getContent();
      return Optional.of(
          new Stored(
              id,
              m.getSentDate() == null ? Instant.EPOCH : m.getSentDate().toInstant(),
              to,
              m.getSubject() == null ? "" : m.getSubject(),
              content instanceof String ? (String) content : ""));
    } catch (IOException | MessagingException e) {
      return Optional.empty();
    }
  }
}

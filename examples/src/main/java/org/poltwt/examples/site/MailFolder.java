package org.poltwt.examples.site;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.poltwt.PoltwtException;
import org.poltwt.mail.SmtpMailer;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * The demo's mail server: a {@link Mailer} that writes each mail as an {@code .eml} file (RFC 5322,
 * readable by any mail client) into a folder, and reads them back for the site's outbox page.
 */
public final class MailFolder implements Mailer {
  private static final Pattern NAME = Pattern.compile("[0-9]{13}-[0-9]{6}\\.eml");
  private static final Pattern ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Session SESSION = Session.getInstance(new Properties());

  private final Path folder;
  private final SmtpMailer messages;
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
    // Never connects: it only builds each mail as the SMTP mailer would send it (the one MIME
    // writer: parts, attachments, headers).
    this.messages =
        SmtpMailer.builder()
            .host("localhost")
            .from(requireNonNull(from, "from"))
            .clock(requireNonNull(clock, "clock"))
            .build();
    this.clock = clock;
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
    try {
      // The sequence is this process's: another instance writing into the same folder may have
      // taken a name first, and then the next one is tried.
      for (int attempt = 0; ; attempt++) {
        String name =
            String.format(
                "%013d-%06d.eml", now.toEpochMilli(), sequence.incrementAndGet() % 1_000_000);
        try (OutputStream out =
            Files.newOutputStream(folder.resolve(name), StandardOpenOption.CREATE_NEW)) {
          messages.toMimeMessage(mail).writeTo(out);
          return;
        } catch (FileAlreadyExistsException taken) {
          if (attempt == 1_000) {
            throw taken;
          }
        }
      }
    } catch (IOException | MessagingException e) {
      throw new PoltwtException(
          "mail.failed",
          "writing a mail to the outbox folder failed: " + e.getClass().getName(),
          e);
    }
  }

  /**
   * Deletes the mails of erased registrations, and the older mails that name no registration: what
   * the retention run removes from the demo outbox, whose files hold addresses and names. Every
   * mail the library writes to a registrant carries the registration's id in its {@code Message-ID}
   * (the last id in it: verification, approval, rejection, change, withdrawal, announcement), so
   * such a mail goes exactly when its registration is erased. A mail naming no stored registration
   * (an organiser's invitation) goes once it was written before {@code unmatchedBefore}. Idempotent
   * and safe beside another instance doing the same.
   *
   * @param erased whether the stored registration with this id is erased; empty if none has it
   * @param unmatchedBefore mails naming no stored registration written before it are deleted
   * @return how many files were deleted
   */
  int deleteErased(Function<UUID, Optional<Boolean>> erased, Instant unmatchedBefore) {
    requireNonNull(erased, "erased");
    requireNonNull(unmatchedBefore, "unmatchedBefore");
    int deleted = 0;
    for (Path p : files()) {
      Optional<Boolean> of = registrationOf(p).flatMap(erased);
      boolean goes = of.isPresent() ? of.get() : written(p) < unmatchedBefore.toEpochMilli();
      if (goes && delete(p)) {
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes the mails of one registration: what an erasure on request removes from the demo outbox.
   *
   * @param registration the registration's id
   * @return how many files were deleted
   */
  int deleteFor(UUID registration) {
    requireNonNull(registration, "registration");
    int deleted = 0;
    for (Path p : files()) {
      if (registrationOf(p).filter(registration::equals).isPresent() && delete(p)) {
        deleted++;
      }
    }
    return deleted;
  }

  /** When a mail was written, from its file name (milliseconds since the epoch). */
  private static long written(Path file) {
    return Long.parseLong(file.getFileName().toString().substring(0, 13));
  }

  /** The registration a mail was written for: the last id in its Message-ID, if any. */
  private static Optional<UUID> registrationOf(Path file) {
    String messageId;
    try (InputStream in = Files.newInputStream(file)) {
      messageId = new InternetHeaders(in).getHeader("Message-ID", null);
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException | MessagingException e) {
      // Unreadable: judged by its age, like a mail naming no registration.
      return Optional.empty();
    }
    if (messageId == null) {
      return Optional.empty();
    }
    Matcher m = ID.matcher(messageId);
    String last = null;
    while (m.find()) {
      last = m.group();
    }
    return Optional.ofNullable(last).map(UUID::fromString);
  }

  /** The folder's mail files, by name; other files are not ours to touch. */
  private List<Path> files() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the mail folder", e);
    }
  }

  /** Deletes one file; false if it was gone already (another instance deleted it first). */
  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete a mail file", e);
    }
  }

  /** One stored mail: its text part, and each attachment's name and text. */
  record Stored(
      String id,
      Instant sent,
      String to,
      String subject,
      String body,
      List<Map.Entry<String, String>> attachments) {}

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
      List<Map.Entry<String, String>> files = new ArrayList<>();
      String text = text(m, files);
      return Optional.of(
          new Stored(
              id,
              m.getSentDate() == null ? Instant.EPOCH : m.getSentDate().toInstant(),
              to,
              m.getSubject() == null ? "" : m.getSubject(),
              text == null ? "" : text,
              files));
    } catch (IOException | MessagingException e) {
      return Optional.empty();
    }
  }

  /** The first plain-text part of a part, gathering the attachments met on the way. */
  private static String text(Part part, List<Map.Entry<String, String>> files)
      throws IOException, MessagingException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      try (InputStream in = part.getInputStream()) {
        files.add(
            Map.entry(
                part.getFileName() == null ? "" : part.getFileName(),
                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      return null;
    }
    Object content = part.getContent();
    if (content instanceof Multipart multi) {
      String found = null;
      for (int i = 0; i < multi.getCount(); i++) {
        String t = text(multi.getBodyPart(i), files);
        if (found == null) {
          found = t;
        }
      }
      return found;
    }
    return part.isMimeType("text/plain") && content instanceof String ? (String) content : null;
  }
}

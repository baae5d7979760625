package org.poltwt.announcement;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;

/**
 * A message from the organisers to an edition's registrants. Each recipient gets their own email,
 * with the placeholders of the subject and body filled in for them:
 *
 * <ul>
 *   <li>{@code {handle}}, {@code {agency}}, {@code {zone}}, {@code {edition}}, {@code {hashtag}};
 *   <li>{@code {windowStart}}, {@code {windowEnd}}: the recipient's 24 hours in their own zone,
 *       e.g. "Friday 5 June 2015 at 08:00 (Europe/Madrid)", or "to be decided";
 *   <li>{@code {windowStartIso}}, {@code {windowEndIso}}: the same in ISO-8601 with the offset,
 *       e.g. {@code 2015-06-05T08:00:00+02:00}, or {@code TBD};
 *   <li>{@code {countdown}}: the time until their window opens, as of delivery;
 *   <li>{@code {oldWindowStart}}, {@code {oldWindowEnd}}, {@code {oldWindowStartIso}}, {@code
 *       {oldWindowEndIso}}: their window before a schedule change.
 * </ul>
 *
 * @param id the announcement's id
 * @param edition the edition as it is announced (a snapshot)
 * @param previousEdition the edition before the change being announced, if it is a schedule change
 * @param subject the subject template, one line
 * @param body the plain-text body template
 * @param audience who receives it
 * @param createdAt when it was drafted
 */
public record Announcement(
    UUID id,
    Edition edition,
    Optional<Edition> previousEdition,
    String subject,
    String body,
    Audience audience,
    Instant createdAt) {

  /** The {@link InvalidInputException#code()} of an invalid announcement. */
  public static final String INVALID = "announcement.invalid";

  /** The longest subject accepted. */
  public static final int MAX_SUBJECT_LENGTH = 200;

  /** The longest body accepted. */
  public static final int MAX_BODY_LENGTH = 20_000;

  /**
   * Validates the announcement.
   *
   * @param id the id
   * @param edition the edition snapshot
   * @param previousEdition the edition before a schedule change
   * @param subject the subject template
   * @param body the body template
   * @param audience the audience
   * @param createdAt when it was drafted
   * @throws InvalidInputException naming {@code subject}, {@code body} or {@code previousEdition}
   *     when blank, too long, multi-line, with an unknown placeholder, or for another edition
   */
  public Announcement {
    requireNonNull(id, "id");
    requireNonNull(edition, "edition");
    requireNonNull(previousEdition, "previousEdition");
    requireNonNull(audience, "audience");
    requireNonNull(createdAt, "createdAt");
    if (previousEdition.isPresent() && previousEdition.get().number() != edition.number()) {
      throw new InvalidInputException(
          INVALID, "previousEdition", "must be the same edition, before the change");
    }
    subject = text("subject", subject, MAX_SUBJECT_LENGTH);
    if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
      throw new InvalidInputException(INVALID, "subject", "must be one line");
    }
    body = text("body", body, MAX_BODY_LENGTH);
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(INVALID, field, "must not be blank");
    }
    if (value.length() > max) {
      throw new InvalidInputException(INVALID, field, "must be at most " + max + " characters");
    }
    String unknown = AnnouncementText.firstUnknownPlaceholder(value);
    if (unknown != null) {
      throw new InvalidInputException(
          INVALID, field, "has an unknown placeholder {" + unknown + "}");
    }
    return value;
  }
}

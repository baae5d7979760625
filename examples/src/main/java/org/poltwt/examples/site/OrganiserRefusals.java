package org.poltwt.examples.site;

import java.util.Map;
import org.poltwt.InvalidInputException;
import org.poltwt.announcement.Announcement;
import org.poltwt.examples.site.view.Msg;

/**
 * The library's refusals on the organisers' pages, in the site's words: the library explains itself
 * in English for logs and developers, while an organiser reading the site in Spanish should read
 * Spanish beside the field. The site finds out what was wrong from the value it sent; only an
 * unknown placeholder's name comes from the library's sentence, and should that sentence change,
 * the refusal falls back to a general one, still in the organiser's words.
 */
final class OrganiserRefusals {
  private OrganiserRefusals() {}

  /**
   * Why an announcement's subject or body was refused.
   *
   * @param ex the library's refusal, naming the field
   * @param values what the form sent, by field
   */
  static Msg announcement(InvalidInputException ex, Map<String, String> values) {
    String field = ex.field();
    String value = values.getOrDefault(field, "").replace("\r\n", "\n");
    int max =
        field.equals("subject") ? Announcement.MAX_SUBJECT_LENGTH : Announcement.MAX_BODY_LENGTH;
    if (value.isBlank()) {
      return Msg.of("form.error.required");
    }
    if (value.length() > max) {
      return Msg.of("announcements.error.long", max);
    }
    if (field.equals("subject") && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
      return Msg.of("announcements.error.oneLine");
    }
    String placeholder = unknownPlaceholder(value, ex.reason());
    if (placeholder != null) {
      return Msg.of("announcements.error.placeholder", placeholder);
    }
    return Msg.of("announcements.error.invalid");
  }

  /**
   * The placeholder the library named, when it is one the organiser typed: the library says which
   * one in its sentence, and only a {@code {name}} that is in the text is shown back.
   */
  private static String unknownPlaceholder(String value, String reason) {
    int open = reason.lastIndexOf('{');
    int close = reason.lastIndexOf('}');
    if (open < 0 || close != reason.length() - 1 || close - open < 2) {
      return null;
    }
    String named = reason.substring(open, close + 1);
    return value.contains(named) ? named : null;
  }
}

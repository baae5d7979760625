package org.poltwt.announcement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.event.WindowText;
import org.poltwt.registration.Registration;

/** Fills an announcement's placeholders for one recipient. */
final class AnnouncementText {
  static final Set<String> PLACEHOLDERS =
      Set.of(
          "handle",
          "agency",
          "zone",
          "edition",
          "hashtag",
          "windowStart",
          "windowEnd",
          "windowStartIso",
          "windowEndIso",
          "countdown",
          "oldWindowStart",
          "oldWindowEnd",
          "oldWindowStartIso",
          "oldWindowEndIso");

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  // Mails are English until a registration carries its language; the words are WindowText's.

  private AnnouncementText() {}

  /** The first {@code {name}} in the text that is not a placeholder, or null. */
  static String firstUnknownPlaceholder(String text) {
    for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
      int end = nameEnd(text, i + 1);
      if (end > i + 1 && end < text.length() && text.charAt(end) == '}') {
        String name = text.substring(i + 1, end);
        if (!PLACEHOLDERS.contains(name)) {
          return name;
        }
      }
    }
    return null;
  }

  /** The text with every placeholder filled for the recipient; other braces stay as written. */
  static String render(String template, Announcement a, Registration r, Instant now) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    int from = 0;
    for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
      int end = nameEnd(template, i + 1);
      if (end > i + 1 && end < template.length() && template.charAt(end) == '}') {
        out.append(template, from, i).append(value(template.substring(i + 1, end), a, r, now));
        from = end + 1;
        i = end;
      }
    }
    return out.append(template, from, template.length()).toString();
  }

  private static int nameEnd(String text, int start) {
    int j = start;
    while (j < text.length() && Character.isLetter(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static String value(String name, Announcement a, Registration r, Instant now) {
    ZoneId zone = r.zone();
    // Dates, countdowns and "to be decided" in the registrant's own language.
    WindowText text = WindowText.of(r.language());
    String tbd = text.toBeDecided();
    Optional<Window> window = windowOf(a.edition(), zone);
    Optional<Window> old = a.previousEdition().flatMap(e -> windowOf(e, zone));
    switch (name) {
      case "handle":
        return r.handle().toString();
      case "agency":
        return r.agencyName();
      case "zone":
        return zone.getId();
      case "edition":
        return Integer.toString(a.edition().number());
      case "hashtag":
        return "#" + a.edition().hashtag();
      case "windowStart":
        return window.map(w -> human(text, w.start(), zone)).orElse(tbd);
      case "windowEnd":
        return window.map(w -> human(text, w.end(), zone)).orElse(tbd);
      case "windowStartIso":
        return window.map(w -> ISO.format(w.start().atZone(zone))).orElse("TBD");
      case "windowEndIso":
        return window.map(w -> ISO.format(w.end().atZone(zone))).orElse("TBD");
      case "countdown":
        return window.map(w -> text.countdown(w, now)).orElse(tbd);
      case "oldWindowStart":
        return old.map(w -> human(text, w.start(), zone)).orElse(tbd);
      case "oldWindowEnd":
        return old.map(w -> human(text, w.end(), zone)).orElse(tbd);
      case "oldWindowStartIso":
        return old.map(w -> ISO.format(w.start().atZone(zone))).orElse("TBD");
      case "oldWindowEndIso":
        return old.map(w -> ISO.format(w.end().atZone(zone))).orElse("TBD");
      default:
        throw new IllegalArgumentException("unknown placeholder {" + name + "}");
    }
  }

  private static Optional<Window> windowOf(Edition e, ZoneId zone) {
    return e.date().map(d -> Schedule.of(e).windowIn(zone));
  }

  private static String human(WindowText text, Instant t, ZoneId zone) {
    return text.dateTime(t, zone) + " (" + zone.getId() + ")";
  }
}

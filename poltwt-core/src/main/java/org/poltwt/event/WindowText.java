package org.poltwt.event;

import static java.util.Objects.requireNonNull;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.internal.Bundles;

/**
 * Words for a participant's window in their language: when it opens and closes in their zone, and
 * how long until it opens. The announcement mails use it, and so can a CMS page or a site, so a
 * participant reads the same text everywhere.
 *
 * <pre>{@code
 * WindowText text = WindowText.of(Locale.forLanguageTag("es"));
 * Window w = Schedule.of(edition).windowIn(zone);
 * text.dateTime(w.start(), zone);   // "viernes 5 de junio de 2015, 08:00"
 * text.countdown(w, clock.instant()); // "en 3 días, 4 horas y 5 minutos"
 * }</pre>
 *
 * <p>The texts come from the bundle {@code org/poltwt/event/WindowText}: English (the fallback),
 * {@value #LANGUAGES}. A locale of another language gets English; the JVM's default locale never
 * plays a part. Instances are immutable, shared per locale and thread-safe.
 */
public final class WindowText {
  /** The languages with texts of their own besides English. */
  public static final String LANGUAGES = "ar, de, es, fr, it, nl, pt";

  private static final String BUNDLE = "org.poltwt.event.WindowText";
  private static final Map<Locale, WindowText> BY_LOCALE = new ConcurrentHashMap<>();

  private final Locale locale;
  private final Locale numbers;
  private final ResourceBundle bundle;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter date;

  private WindowText(Locale locale) {
    this.locale = locale;
    this.bundle = Bundles.load(BUNDLE, locale);
    Locale formatting = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    // One set of digits in a sentence: durations as the dates write them (Latin digits, as dates,
    // handles and zone ids are written), unless the locale asks for a numbering system itself.
    this.numbers =
        locale.getUnicodeLocaleType("nu") != null || locale.getLanguage().isEmpty()
            ? locale
            : new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
    DecimalStyle digits = DecimalStyle.of(numbers);
    this.dateTime =
        DateTimeFormatter.ofPattern(bundle.getString("dateTime"), formatting)
            .withDecimalStyle(digits);
    this.date =
        DateTimeFormatter.ofPattern(bundle.getString("date"), formatting).withDecimalStyle(digits);
  }

  /**
   * Returns the texts for a locale.
   *
   * @param locale the reader's locale; its language picks the texts, the rest the formats
   * @return the texts, English when the language has none of its own
   */
  public static WindowText of(Locale locale) {
    requireNonNull(locale, "locale");
    return BY_LOCALE.computeIfAbsent(locale, WindowText::new);
  }

  /**
   * Returns the locale these texts were asked for.
   *
   * @return the locale
   */
  public Locale locale() {
    return locale;
  }

  /**
   * Returns the language whose texts are used.
   *
   * @return for example {@code es}; {@code en} for the English fallback
   */
  public String language() {
    String language = bundle.getLocale().getLanguage();
    return language.isEmpty() ? "en" : language;
  }

  /**
   * Formats an instant as a date and time on the wall clock of a zone.
   *
   * @param instant the instant
   * @param zone the reader's zone
   * @return for example {@code Friday 5 June 2015 at 08:00}
   */
  public String dateTime(Instant instant, ZoneId zone) {
    return dateTime.format(requireNonNull(instant, "instant").atZone(requireNonNull(zone, "zone")));
  }

  /**
   * Formats the day an instant falls on in a zone.
   *
   * @param instant the instant
   * @param zone the reader's zone
   * @return for example {@code Friday 5 June 2015}
   */
  public String date(Instant instant, ZoneId zone) {
    return date.format(requireNonNull(instant, "instant").atZone(requireNonNull(zone, "zone")));
  }

  /**
   * Says where a window stands at an instant: how long until it opens, or that it is open or over.
   * Minutes are rounded down.
   *
   * @param window the participant's window
   * @param now the current instant
   * @return for example {@code in 2 days, 3 hours and 5 minutes}, {@code now: your 24 hours are
   *     under way} or {@code over: your 24 hours have ended}
   */
  public String countdown(Window window, Instant now) {
    requireNonNull(window, "window");
    requireNonNull(now, "now");
    if (window.contains(now)) {
      return bundle.getString("countdown.live");
    }
    if (!now.isBefore(window.end())) {
      return bundle.getString("countdown.over");
    }
    return format("countdown.in", duration(Duration.between(now, window.start())));
  }

  /**
   * Says how long a duration is in days, hours and minutes (days only when there are any).
   *
   * @param duration a duration, not negative; seconds are dropped
   * @return for example {@code 2 days, 3 hours and 5 minutes} or {@code 0 hours and 5 minutes}
   * @throws IllegalArgumentException if the duration is negative
   */
  public String duration(Duration duration) {
    if (requireNonNull(duration, "duration").isNegative()) {
      throw new IllegalArgumentException("duration: must not be negative");
    }
    String hours = format("hours", duration.toHoursPart());
    String minutes = format("minutes", duration.toMinutesPart());
    long days = duration.toDays();
    return days > 0
        ? format("daysHoursMinutes", format("days", days), hours, minutes)
        : format("hoursMinutes", hours, minutes);
  }

  /**
   * Says that a date is not set yet, where a window would be.
   *
   * @return for example {@code to be decided}
   */
  public String toBeDecided() {
    return bundle.getString("tbd");
  }

  private String format(String key, Object... args) {
    try {
      return new MessageFormat(bundle.getString(key), numbers).format(args);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("WindowText bundle lacks " + key, e);
    }
  }

  /** The keys every language's bundle must have, for the bundle tests. */
  static List<String> keys() {
    return List.of(
        "dateTime",
        "date",
        "countdown.live",
        "countdown.over",
        "countdown.in",
        "days",
        "hours",
        "minutes",
        "daysHoursMinutes",
        "hoursMinutes",
        "tbd");
  }

  /**
   * Describes the texts.
   *
   * @return the locale and the language used
   */
  @Override
  public String toString() {
    return "WindowText[locale=" + locale.toLanguageTag() + ", language=" + language() + "]";
  }
}

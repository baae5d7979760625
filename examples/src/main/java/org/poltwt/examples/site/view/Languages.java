package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The languages the site speaks, and how a request's language is chosen among them. This is the one
 * list: the switcher in the layout, the {@code lang} cookie and {@code Accept-Language} all go
 * through it, and a language missing here is English whatever bundles exist.
 *
 * <p>A chosen locale keeps the region the visitor asked for ({@code es-MX}), so dates can follow
 * it, but only the language decides the words. Nothing a visitor sends ever raises an error: an
 * unknown or malformed code is simply not a choice, and English is the last resort.
 */
public final class Languages {
  /**
   * A language of the site.
   *
   * @param code its ISO 639 code, as {@code ?lang=} and the cookie carry it
   * @param name its name in itself (an endonym), which the switcher shows untranslated
   * @param rightToLeft whether it is written from right to left
   */
  public record Language(String code, String name, boolean rightToLeft) {
    /**
     * Checks the parts.
     *
     * @param code the code
     * @param name the endonym
     * @param rightToLeft the direction
     */
    public Language {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
    }

    /**
     * The locale of the language alone, without a region.
     *
     * @return the locale
     */
    public Locale locale() {
      return Locale.forLanguageTag(code);
    }
  }

  /** In the switcher's order: English first, then as the event's organisers listed them. */
  private static final List<Language> ALL =
      List.of(
          new Language("en", "English", false),
          new Language("es", "Español", false),
          new Language("fr", "Français", false),
          new Language("de", "Deutsch", false),
          new Language("pt", "Português", false),
          new Language("it", "Italiano", false),
          new Language("nl", "Nederlands", false),
          new Language("ar", "العربية", true));

  private static final List<Locale> LOCALES = ALL.stream().map(Language::locale).toList();

  /** A header longer than this is not a browser's; it is not parsed at all. */
  private static final int MAX_HEADER = 500;

  /** What a tag may look like before it is parsed: letters, digits, hyphens, underscores. */
  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}");

  /** A region worth keeping: two letters or three digits, as BCP 47 has them. */
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}|[0-9]{3}");

  private Languages() {}

  /**
   * Every language of the site, in the switcher's order.
   *
   * @return the languages
   */
  public static List<Language> all() {
    return ALL;
  }

  /**
   * The language the site uses for a locale.
   *
   * @param locale a locale, usually one {@link #choose} returned
   * @return its language, English when the site does not speak it
   */
  public static Language of(Locale locale) {
    requireNonNull(locale, "locale");
    for (Language l : ALL) {
      if (l.code().equals(locale.getLanguage())) {
        return l;
      }
    }
    return ALL.get(0);
  }

  /**
   * Whether a locale's text runs right to left, for the page's {@code dir}.
   *
   * @param locale the locale
   * @return true for Arabic
   */
  public static boolean rightToLeft(Locale locale) {
    return of(locale).rightToLeft();
  }

  /**
   * A language tag a visitor gave, if the site speaks its language.
   *
   * @param tag a tag such as {@code es} or {@code es-MX}; may be null or anything at all
   * @return the locale, with the tag's region kept, or empty when the tag is malformed or its
   *     language is not one of the site's
   */
  public static Optional<Locale> supported(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      return Optional.empty();
    }
    Locale asked = Locale.forLanguageTag(tag.replace('_', '-'));
    for (Locale l : LOCALES) {
      if (l.getLanguage().equals(asked.getLanguage())) {
        return Optional.of(withRegion(l, asked.getCountry()));
      }
    }
    return Optional.empty();
  }

  /**
   * The best language for an {@code Accept-Language} header: the site's language the header ranks
   * highest, with the region of the range that named it.
   *
   * @param header the header's value; may be null or malformed
   * @return the locale, or empty when the header names none of the site's languages or cannot be
   *     parsed
   */
  public static Optional<Locale> accepted(String header) {
    if (header == null || header.isBlank() || header.length() > MAX_HEADER) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      // A browser never sends this; a header that is not a list of ranges is no choice.
      return Optional.empty();
    }
    Locale best = Locale.lookup(ranges, LOCALES);
    if (best == null) {
      return Optional.empty();
    }
    for (Locale.LanguageRange r : ranges) {
      Locale named = Locale.forLanguageTag(r.getRange());
      if (r.getWeight() > 0 && named.getLanguage().equals(best.getLanguage())) {
        return Optional.of(withRegion(best, named.getCountry()));
      }
    }
    return Optional.of(best);
  }

  /**
   * A request's language: an explicit choice first ({@code ?lang=}), then the remembered one (the
   * cookie), then the browser's ({@code Accept-Language}), then English. A value that names no
   * language of the site is skipped, never an error.
   *
   * @param query the {@code lang} query parameter, or null
   * @param cookie the {@code lang} cookie, or null
   * @param acceptLanguage the {@code Accept-Language} header, or null
   * @return the locale to serve
   */
  public static Locale choose(String query, String cookie, String acceptLanguage) {
    return supported(query)
        .or(() -> supported(cookie))
        .or(() -> accepted(acceptLanguage))
        .orElse(Locale.ENGLISH);
  }

  private static Locale withRegion(Locale language, String region) {
    String upper = region.toUpperCase(Locale.ROOT);
    return REGION.matcher(upper).matches() ? new Locale(language.getLanguage(), upper) : language;
  }
}

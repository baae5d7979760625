package org.poltwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.poltwt.internal.Bundles;
import org.poltwt.testing.Translations;

/**
 * Every translated bundle of core against its English file: the same keys, the same arguments,
 * values that parse, and no value left in English. The languages are {@link
 * Translations#LANGUAGES}; a language file the list misses fails too.
 */
class TranslationsTest {
  /** How a bundle's values are written. */
  enum Syntax {
    /** java.text.MessageFormat patterns: arguments {0}, {1}; a literal apostrophe written twice. */
    MESSAGE_FORMAT,
    /** Plain text with {name} placeholders; an apostrophe is written once. */
    NAMED
  }

  /** The bundle families of core. */
  enum Family {
    REGISTRATION_MAILS("org/poltwt/registration/mails", Syntax.MESSAGE_FORMAT, Set.of(), Set.of()),
    ANNOUNCEMENT_MAILS(
        "org/poltwt/announcement/mails", Syntax.NAMED, Set.of(), Set.of("schedule.moved.undated")),
    WINDOW_TEXT(
        "org/poltwt/event/WindowText",
        Syntax.MESSAGE_FORMAT,
        Set.of("dateTime", "date"),
        Set.of("de:countdown.in")),
    ARCHIVE_PAGE(
        "org/poltwt/archive/messages",
        Syntax.MESSAGE_FORMAT,
        Set.of(),
        Set.of(
            "archive.column.hashtags",
            "fr:archive.date",
            "it:archive.account",
            "nl:archive.account",
            "de:archive.column.text",
            "de:archive.column.status",
            "nl:archive.column.status")),
    VALIDATION_MESSAGES("ContributorValidationMessages", Syntax.NAMED, Set.of(), Set.of());

    final String base;
    final Syntax syntax;

    /** Keys whose values are java.time DateTimeFormatter patterns, not the family's syntax. */
    final Set<String> dateTimePatterns;

    /**
     * Values that may be the same as the English one: "key" in every language, "xx:key" in one.
     * Only punctuation or words the languages share belong here.
     */
    final Set<String> sameAsEnglish;

    Family(String base, Syntax syntax, Set<String> dateTimePatterns, Set<String> sameAsEnglish) {
      this.base = base;
      this.syntax = syntax;
      this.dateTimePatterns = dateTimePatterns;
      this.sameAsEnglish = sameAsEnglish;
    }

    Properties in(String language) {
      return Translations.properties(base, language);
    }
  }

  private static final Pattern INDEX = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");
  private static final Pattern NAME = Pattern.compile("\\{([A-Za-z]+)}");
  private static final ZonedDateTime SAMPLE =
      ZonedDateTime.of(2015, 6, 5, 8, 0, 0, 0, ZoneOffset.UTC);

  static Stream<Arguments> everyTranslation() {
    return Stream.of(Family.values())
        .flatMap(f -> Translations.translated().stream().map(l -> Arguments.of(f, l)));
  }

  static Stream<Arguments> everyLanguage() {
    return Stream.of(Family.values())
        .flatMap(f -> Translations.LANGUAGES.stream().map(l -> Arguments.of(f, l)));
  }

  @ParameterizedTest
  @MethodSource("everyTranslation")
  void aTranslationHasExactlyTheEnglishKeys(Family family, String language) {
    assertThat(family.in(language).stringPropertyNames())
        .as("%s in %s", family.base, language)
        .containsExactlyInAnyOrderElementsOf(family.in("en").stringPropertyNames());
  }

  @ParameterizedTest
  @MethodSource("everyTranslation")
  void aTranslationHasTheEnglishArgumentsInEveryValue(Family family, String language) {
    Properties english = family.in("en");
    Properties translated = family.in(language);
    for (String key : english.stringPropertyNames()) {
      if (family.dateTimePatterns.contains(key) || !translated.containsKey(key)) {
        continue;
      }
      assertThat(arguments(family, translated.getProperty(key)))
          .as("%s in %s: %s", family.base, language, key)
          .isEqualTo(arguments(family, english.getProperty(key)));
    }
  }

  @ParameterizedTest
  @MethodSource("everyLanguage")
  void everyValueParsesAndFillsItsArguments(Family family, String language) {
    Locale locale = Locale.forLanguageTag(language);
    Properties p = family.in(language);
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key);
      String where = family.base + " in " + language + ": " + key;
      assertThat(value).as(where).isNotBlank().doesNotContain("\uFFFD");
      if (family.dateTimePatterns.contains(key)) {
        assertThatCode(() -> DateTimeFormatter.ofPattern(value, locale).format(SAMPLE))
            .as(where)
            .doesNotThrowAnyException();
      } else if (family.syntax == Syntax.MESSAGE_FORMAT) {
        assertThat(value.replace("''", ""))
            .as(where + ": a literal apostrophe is written twice")
            .doesNotContain("'");
        List<String> texts = new ArrayList<>();
        String out = formatted(value, locale, arguments(family, value), texts);
        assertThat(out).as(where).doesNotContain("{").doesNotContain("}");
        for (String text : texts) {
          assertThat(out).as(where).contains(text);
        }
      } else {
        assertThat(value).as(where + ": an apostrophe is written once here").doesNotContain("''");
        assertThat(NAME.matcher(value).replaceAll(""))
            .as(where + ": only {name} placeholders")
            .doesNotContain("{")
            .doesNotContain("}");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("everyTranslation")
  void noValueIsLeftInEnglish(Family family, String language) {
    Properties english = family.in("en");
    Properties translated = family.in(language);
    Locale locale = Locale.forLanguageTag(language);
    List<String> same = new ArrayList<>();
    for (String key : translated.stringPropertyNames()) {
      if (family.sameAsEnglish.contains(key)
          || family.sameAsEnglish.contains(language + ":" + key)) {
        continue;
      }
      String value = translated.getProperty(key);
      String original = english.getProperty(key);
      boolean untranslated =
          family.dateTimePatterns.contains(key)
              ? DateTimeFormatter.ofPattern(value, locale)
                  .format(SAMPLE)
                  .equals(DateTimeFormatter.ofPattern(original, Locale.ENGLISH).format(SAMPLE))
              : value.equals(original);
      if (untranslated) {
        same.add(key);
      }
    }
    assertThat(same).as("%s in %s: the same as English", family.base, language).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void everyLanguageFileIsInTheListAndEveryListedLanguageHasAFile(Family family)
      throws IOException, URISyntaxException {
    URL english = getClass().getClassLoader().getResource(family.base + ".properties");
    assertThat(english).as(family.base).isNotNull();
    Path dir = Path.of(english.toURI()).getParent();
    String name = Path.of(family.base).getFileName().toString();
    Pattern file = Pattern.compile(Pattern.quote(name) + "_(\\w+)\\.properties");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            Matcher m = file.matcher(f.getFileName().toString());
            if (m.matches()) {
              found.add(m.group(1));
            }
          });
    }
    assertThat(found)
        .as(family.base)
        .containsExactlyInAnyOrderElementsOf(Translations.translated());
  }

  @ParameterizedTest
  @MethodSource("everyTranslation")
  void theJdkLoadsEachLanguageFromItsOwnFile(Family family, String language) {
    String name = family.base.replace('/', '.');
    for (String tag : new String[] {language, language + "-XK"}) {
      assertThat(Bundles.load(name, Locale.forLanguageTag(tag)).getLocale().getLanguage())
          .as("%s for %s", name, tag)
          .isEqualTo(language);
    }
  }

  /** The argument indices or names a value uses. */
  private static Set<String> arguments(Family family, String value) {
    Set<String> found = new TreeSet<>();
    Matcher m =
        (family.syntax == Syntax.MESSAGE_FORMAT ? INDEX : NAME).matcher(value.replace("''", ""));
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /**
   * Formats a MessageFormat value with a number for each number or choice argument and a text for
   * each other one, and collects the texts of the arguments the value uses.
   */
  private static String formatted(
      String value, Locale locale, Set<String> used, List<String> texts) {
    MessageFormat format = new MessageFormat(value, locale);
    Format[] formats = format.getFormatsByArgumentIndex();
    Object[] args = new Object[formats.length];
    for (int i = 0; i < args.length; i++) {
      if (formats[i] instanceof ChoiceFormat || formats[i] instanceof NumberFormat) {
        args[i] = 7L;
      } else {
        args[i] = "arg" + i + "x";
        if (used.contains(Integer.toString(i))) {
          texts.add((String) args[i]);
        }
      }
    }
    return format.format(args);
  }
}

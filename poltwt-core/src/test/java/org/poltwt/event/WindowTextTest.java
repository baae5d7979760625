package org.poltwt.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poltwt.testing.Translations;

class WindowTextTest {
  private static final String BASE = "org/poltwt/event/WindowText";
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final Window FIFTH =
      Schedule.of(
              Edition.builder()
                  .number(5)
                  .date(LocalDate.of(2015, 6, 5))
                  .localStart(LocalTime.of(8, 0))
                  .build())
          .windowIn(MADRID);

  @Test
  void englishSaysWhenAndHowLong() {
    WindowText en = WindowText.of(Locale.ENGLISH);

    assertThat(en.dateTime(FIFTH.start(), MADRID)).isEqualTo("Friday 5 June 2015 at 08:00");
    assertThat(en.date(FIFTH.start(), MADRID)).isEqualTo("Friday 5 June 2015");
    Instant before = FIFTH.start().minus(Duration.ofDays(2).plusHours(3).plusMinutes(5));
    assertThat(en.countdown(FIFTH, before)).isEqualTo("in 2 days, 3 hours and 5 minutes");
    assertThat(en.countdown(FIFTH, FIFTH.start().minus(Duration.ofMinutes(61))))
        .isEqualTo("in 1 hour and 1 minute");
    assertThat(en.countdown(FIFTH, FIFTH.start().minus(Duration.ofDays(1))))
        .isEqualTo("in 1 day, 0 hours and 0 minutes");
    assertThat(en.countdown(FIFTH, FIFTH.start())).startsWith("now");
    assertThat(en.countdown(FIFTH, FIFTH.end())).startsWith("over");
    assertThat(en.toBeDecided()).isEqualTo("to be decided");
  }

  @Test
  void otherLanguagesUseTheirOwnWordsAndMonthNames() {
    Instant before = FIFTH.start().minus(Duration.ofDays(3).plusHours(1).plusMinutes(2));

    WindowText es = WindowText.of(Locale.forLanguageTag("es-MX"));
    assertThat(es.language()).isEqualTo("es");
    assertThat(es.dateTime(FIFTH.start(), MADRID)).isEqualTo("viernes 5 de junio de 2015, 08:00");
    assertThat(es.countdown(FIFTH, before)).isEqualTo("en 3 días, 1 hora y 2 minutos");

    WindowText fr = WindowText.of(Locale.FRENCH);
    assertThat(fr.dateTime(FIFTH.start(), MADRID)).isEqualTo("vendredi 5 juin 2015 à 08:00");
    assertThat(fr.countdown(FIFTH, before)).isEqualTo("dans 3 jours, 1 heure et 2 minutes");

    WindowText de = WindowText.of(Locale.GERMANY);
    assertThat(de.dateTime(FIFTH.start(), MADRID)).isEqualTo("Freitag, 5. Juni 2015 um 08:00");
    assertThat(de.countdown(FIFTH, before)).isEqualTo("in 3 Tagen, 1 Stunde und 2 Minuten");
  }

  @Test
  void aLanguageWithoutTextsGetsEnglishWhateverTheJvmsDefault() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      WindowText ja = WindowText.of(Locale.JAPANESE);
      assertThat(ja.language()).isEqualTo("en");
      assertThat(ja.dateTime(FIFTH.start(), MADRID)).isEqualTo("Friday 5 June 2015 at 08:00");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void theZoneDecidesTheWallClock() {
    WindowText en = WindowText.of(Locale.ENGLISH);
    assertThat(en.dateTime(FIFTH.start(), ZoneId.of("Pacific/Kiritimati")))
        .isEqualTo("Friday 5 June 2015 at 20:00");
  }

  @Test
  void aNegativeDurationIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WindowText.of(Locale.ENGLISH).duration(Duration.ofSeconds(-1)))
        .withMessageStartingWith("duration");
  }

  @ParameterizedTest
  @MethodSource("org.poltwt.testing.Translations#translated")
  void everyBundleHasEveryKeyAndNoOther(String language) {
    assertThat(Translations.properties(BASE, language).stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(WindowText.keys());
    assertThat(Translations.properties(BASE, "en").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(WindowText.keys());
  }

  @Test
  void theLanguagesTheClassNamesAreItsFiles() {
    Set<String> named = new TreeSet<>(Arrays.asList(WindowText.LANGUAGES.split(", ")));
    assertThat(named).containsExactlyInAnyOrderElementsOf(Translations.translated());
  }

  /**
   * Each language's words for the fifth edition's start: its date and date-time, the countdown from
   * one day, one hour and one minute before, and from three days, five hours and twelve minutes
   * before.
   */
  private static final Map<String, List<String>> WORDS =
      Map.of(
          "en",
          List.of(
              "Friday 5 June 2015",
              "Friday 5 June 2015 at 08:00",
              "in 1 day, 1 hour and 1 minute",
              "in 3 days, 5 hours and 12 minutes",
              "to be decided"),
          "es",
          List.of(
              "viernes 5 de junio de 2015",
              "viernes 5 de junio de 2015, 08:00",
              "en 1 día, 1 hora y 1 minuto",
              "en 3 días, 5 horas y 12 minutos",
              "por decidir"),
          "fr",
          List.of(
              "vendredi 5 juin 2015",
              "vendredi 5 juin 2015 à 08:00",
              "dans 1 jour, 1 heure et 1 minute",
              "dans 3 jours, 5 heures et 12 minutes",
              "à déterminer"),
          "de",
          List.of(
              "Freitag, 5. Juni 2015",
              "Freitag, 5. Juni 2015 um 08:00",
              "in 1 Tag, 1 Stunde und 1 Minute",
              "in 3 Tagen, 5 Stunden und 12 Minuten",
              "noch offen"),
          "pt",
          List.of(
              "sexta-feira, 5 de junho de 2015",
              "sexta-feira, 5 de junho de 2015, às 08:00",
              "daqui a 1 dia, 1 hora e 1 minuto",
              "daqui a 3 dias, 5 horas e 12 minutos",
              "a definir"),
          "it",
          List.of(
              "venerdì 5 giugno 2015",
              "venerdì 5 giugno 2015 alle 08:00",
              "tra 1 giorno, 1 ora e 1 minuto",
              "tra 3 giorni, 5 ore e 12 minuti",
              "da definire"),
          "nl",
          List.of(
              "vrijdag 5 juni 2015",
              "vrijdag 5 juni 2015 om 08:00",
              "over 1 dag, 1 uur en 1 minuut",
              "over 3 dagen, 5 uur en 12 minuten",
              "nog te bepalen"),
          "ar",
          List.of(
              "الجمعة 5 يونيو 2015",
              "الجمعة 5 يونيو 2015، الساعة 08:00",
              "بعد يوم واحد وساعة واحدة ودقيقة واحدة",
              "بعد 3 أيام و5 ساعات و12 دقيقة",
              "سيُحدَّد لاحقًا"));

  @Test
  void theWordsBelowCoverEveryLanguage() {
    assertThat(WORDS.keySet()).containsExactlyInAnyOrderElementsOf(Translations.LANGUAGES);
  }

  @ParameterizedTest
  @MethodSource("org.poltwt.testing.Translations#translated")
  void everyLanguageSaysWhenAndHowLongInItsOwnWords(String language) {
    WindowText text = WindowText.of(Locale.forLanguageTag(language));
    WindowText english = WindowText.of(Locale.ENGLISH);
    List<String> words = WORDS.get(language);

    assertThat(text.language()).isEqualTo(language);
    assertThat(text.date(FIFTH.start(), MADRID)).isEqualTo(words.get(0));
    assertThat(text.dateTime(FIFTH.start(), MADRID)).isEqualTo(words.get(1));
    assertThat(text.countdown(FIFTH, FIFTH.start().minus(Duration.parse("P1DT1H1M"))))
        .isEqualTo(words.get(2));
    assertThat(text.countdown(FIFTH, FIFTH.start().minus(Duration.parse("P3DT5H12M"))))
        .isEqualTo(words.get(3));
    assertThat(text.toBeDecided()).isEqualTo(words.get(4));
    assertThat(text.countdown(FIFTH, FIFTH.start()))
        .isNotBlank()
        .isNotEqualTo(english.countdown(FIFTH, FIFTH.start()));
    assertThat(text.countdown(FIFTH, FIFTH.end()))
        .isNotBlank()
        .isNotEqualTo(english.countdown(FIFTH, FIFTH.end()))
        .isNotEqualTo(text.countdown(FIFTH, FIFTH.start()));
  }

  @Test
  void englishSaysEveryCountdownOfTheTable() {
    WindowText en = WindowText.of(Locale.ENGLISH);
    List<String> words = WORDS.get("en");
    assertThat(en.date(FIFTH.start(), MADRID)).isEqualTo(words.get(0));
    assertThat(en.countdown(FIFTH, FIFTH.start().minus(Duration.parse("P1DT1H1M"))))
        .isEqualTo(words.get(2));
    assertThat(en.countdown(FIFTH, FIFTH.start().minus(Duration.parse("P3DT5H12M"))))
        .isEqualTo(words.get(3));
  }

  @Test
  void arabicCountsInItsPluralForms() {
    WindowText ar = WindowText.of(Locale.forLanguageTag("ar"));

    assertThat(ar.duration(Duration.ZERO)).isEqualTo("0 ساعة و0 دقيقة");
    assertThat(ar.duration(Duration.parse("P1DT1H1M")))
        .isEqualTo("يوم واحد وساعة واحدة ودقيقة واحدة");
    assertThat(ar.duration(Duration.parse("P2DT2H2M"))).isEqualTo("يومان وساعتان ودقيقتان");
    assertThat(ar.duration(Duration.parse("P3DT3H3M"))).isEqualTo("3 أيام و3 ساعات و3 دقائق");
    assertThat(ar.duration(Duration.parse("P10DT10H10M"))).isEqualTo("10 أيام و10 ساعات و10 دقائق");
    assertThat(ar.duration(Duration.parse("P11DT11H11M"))).isEqualTo("11 يومًا و11 ساعة و11 دقيقة");
    assertThat(ar.duration(Duration.parse("P45DT23H59M"))).isEqualTo("45 يومًا و23 ساعة و59 دقيقة");
  }

  @Test
  void arabicWritesOneSetOfDigitsTheOneTheLocaleAsksFor() {
    WindowText arab = WindowText.of(Locale.forLanguageTag("ar-u-nu-arab"));

    assertThat(arab.duration(Duration.parse("P11DT3H2M"))).isEqualTo("١١ يومًا و٣ ساعات ودقيقتان");
    assertThat(arab.dateTime(FIFTH.start(), MADRID)).isEqualTo("الجمعة ٥ يونيو ٢٠١٥، الساعة ٠٨:٠٠");
  }

  @Test
  void arabicNumbersFollowTheLocaleAndTheDatesKeepTheirDigits() {
    WindowText morocco = WindowText.of(Locale.forLanguageTag("ar-MA"));

    assertThat(morocco.language()).isEqualTo("ar");
    assertThat(morocco.duration(Duration.parse("P11DT3H2M")))
        .isEqualTo("11 يومًا و3 ساعات ودقيقتان");
    assertThat(morocco.dateTime(FIFTH.start(), MADRID))
        .isEqualTo("الجمعة 5 يونيو 2015، الساعة 08:00");
  }

  @Property
  void everyCountdownBeforeTheStartNamesItsHoursAndMinutes(
      @ForAll @LongRange(min = 1, max = 100 * 24 * 60) long minutesBefore) {
    Instant now = FIFTH.start().minus(Duration.ofMinutes(minutesBefore));
    // Arabic says one and two in words; arabicCountsInItsPluralForms covers it.
    for (String tag : Translations.LANGUAGES) {
      if (tag.equals("ar")) {
        continue;
      }
      String text = WindowText.of(Locale.forLanguageTag(tag)).countdown(FIFTH, now);
      long hours = (minutesBefore / 60) % 24;
      long minutes = minutesBefore % 60;
      assertThat(text)
          .as(tag)
          .contains(hours + " ")
          .contains(minutes + " ")
          .doesNotContain("{")
          .doesNotContain(",,");
      if (minutesBefore >= 24 * 60) {
        assertThat(text).contains(minutesBefore / (24 * 60) + " ");
      }
    }
  }
}

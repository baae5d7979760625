package org.poltwt.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowTextTest {
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
  @ValueSource(strings = {"", "_de", "_es", "_fr"})
  void everyBundleHasEveryKeyAndNoOther(String suffix) {
    Properties p = bundle(suffix);
    assertThat(p.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(WindowText.keys());
    assertThat(WindowText.LANGUAGES.split(", "))
        .contains(suffix.isEmpty() ? "de" : suffix.substring(1));
  }

  @Property
  void everyCountdownBeforeTheStartNamesItsHoursAndMinutes(
      @ForAll @LongRange(min = 1, max = 100 * 24 * 60) long minutesBefore) {
    Instant now = FIFTH.start().minus(Duration.ofMinutes(minutesBefore));
    for (String tag : new String[] {"en", "es", "fr", "de"}) {
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

  private static Properties bundle(String suffix) {
    Properties p = new Properties();
    try (InputStream in =
        WindowText.class.getResourceAsStream("WindowText" + suffix + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(Arrays.asList(p.stringPropertyNames().toArray())).isNotEmpty();
    return p;
  }
}

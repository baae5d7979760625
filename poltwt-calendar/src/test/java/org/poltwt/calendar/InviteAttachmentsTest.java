package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.registration.Registration;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.Mail;

/**
 * The invites as the mail attachments the services send: named, typed, in the registrant's words.
 */
class InviteAttachmentsTest {
  private static final Edition FIFTEENTH = Fixtures.edition(15, LocalDate.of(2026, 6, 5));
  private static final CalendarInvites FILES = Fixtures.invites().attachments();
  private static final int SEQUENCE = CalendarInvites.sequenceAt(Fixtures.NOW);

  /** Each language's summary, as its bundle words it, so a fallback to English is caught. */
  private static final Map<String, String> SUMMARY =
      Map.of(
          "en", "#PolTwt: your 24 hours",
          "es", "#PolTwt: sus 24 horas",
          "fr", "#PolTwt : vos 24 heures",
          "de", "#PolTwt: Ihre 24 Stunden",
          "pt", "#PolTwt: as suas 24 horas",
          "it", "#PolTwt: le Sue 24 ore",
          "nl", "#PolTwt: uw 24 uur",
          "ar", "#PolTwt: ساعاتكم الأربع والعشرون");

  private static Registration in(String language) {
    return Fixtures.registration(FIFTEENTH, ZoneId.of("Asia/Amman")).toBuilder()
        .language(Locale.forLanguageTag(language))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "fr", "de", "pt", "it", "nl", "ar"})
  void theInviteIsARequestInTheRegistrantsLanguageForTheirOwnWindow(String language) {
    Registration r = in(language);

    Mail.Attachment file = FILES.invite(r, FIFTEENTH, SEQUENCE).orElseThrow();

    assertThat(file.filename()).isEqualTo("poltwt-15.ics");
    assertThat(file.contentType()).isEqualTo("text/calendar; method=REQUEST");
    Parsed parsed = Parsed.of(file.content());
    assertThat(parsed.method()).isEqualTo("REQUEST");
    assertThat(parsed.value("SUMMARY")).isEqualTo(SUMMARY.get(language));
    assertThat(parsed.sequence()).isEqualTo(SEQUENCE);
    assertThat(parsed.window()).isEqualTo(Schedule.of(FIFTEENTH).windowIn(ZoneId.of("Asia/Amman")));
    assertThat(parsed.value("UID")).isEqualTo(Invites.uid(r, FIFTEENTH));
  }

  @Test
  void aCancelledEditionOrAnErasedRegistrationGetsNoInviteButACancellation() {
    Edition cancelled = FIFTEENTH.toBuilder().status(EditionStatus.CANCELLED).build();
    Registration erased = in("es").erased(Instant.parse("2026-03-02T00:00:00Z"));

    assertThat(FILES.invite(in("es"), cancelled, SEQUENCE)).isEmpty();
    assertThat(FILES.invite(erased, FIFTEENTH, SEQUENCE)).isEmpty();
    Mail.Attachment cancel = FILES.cancellation(in("es"), cancelled, SEQUENCE + 1).orElseThrow();
    assertThat(cancel.contentType()).isEqualTo("text/calendar; method=CANCEL");
    assertThat(Parsed.of(cancel.content()).method()).isEqualTo("CANCEL");
    assertThat(Parsed.of(cancel.content()).sequence()).isEqualTo(SEQUENCE + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "fr", "de", "pt", "it", "nl", "ar"})
  void everyTranslationHasTheEnglishKeys(String language) throws IOException {
    assertThat(words(language).stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(words("").stringPropertyNames());
  }

  private static Properties words(String language) throws IOException {
    String name =
        "/org/poltwt/calendar/InviteMessages"
            + (language.isEmpty() ? "" : "_" + language)
            + ".properties";
    Properties p = new Properties();
    try (InputStream in = InviteAttachmentsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}

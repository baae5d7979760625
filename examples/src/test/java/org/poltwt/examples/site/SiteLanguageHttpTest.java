package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.site.view.Languages;
import org.poltwt.examples.site.view.Messages;

/**
 * The site in the visitor's language: chosen by {@code ?lang=} and remembered in a cookie, else by
 * the browser's {@code Accept-Language}, else English; and never an error, whatever is sent.
 */
class SiteLanguageHttpTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:30Z"), ZoneOffset.UTC);

  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static WebClient.Response withLanguages(String header) {
    return site.client().get("/", Map.of("Accept-Language", header));
  }

  @Test
  void theBrowsersLanguageIsServedWhenTheSiteSpeaksIt() {
    WebClient.Response spanish = withLanguages("es-MX,es;q=0.9,en;q=0.5");
    WebClient.Response arabic = withLanguages("ar");
    WebClient.Response secondChoice = withLanguages("ja, es;q=0.4");

    assertThat(spanish.status()).isEqualTo(200);
    assertThat(spanish.body())
        .contains("<html lang=\"es-MX\" dir=\"ltr\">")
        .contains(">Inscribirse</a>")
        .contains("Tuitatón Policial Mundial");
    assertThat(spanish.header("Vary")).contains("Accept-Language");
    assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\">").contains(">التسجيل</a>");
    assertThat(secondChoice.body()).contains("<html lang=\"es\" dir=\"ltr\">");
  }

  @Test
  void aChosenLanguageIsRememberedInALaxCookie() {
    WebClient visitor = site.client();
    WebClient.Response chosen = visitor.get("/signup?lang=ar", Map.of("Accept-Language", "es"));

    assertThat(chosen.body()).contains("<html lang=\"ar\" dir=\"rtl\">");
    String cookie =
        chosen.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("lang="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).startsWith("lang=ar;").containsIgnoringCase("SameSite=Lax");
    assertThat(visitor.get("/map").body()).contains("<html lang=\"ar\" dir=\"rtl\">");
    assertThat(visitor.get("/no/such/page").body())
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("الصفحة غير موجودة");
    visitor.get("/lookup");
    assertThat(visitor.post("/lookup", Map.of("handle", "NobodyHere")).body())
        .contains("<html lang=\"ar\" dir=\"rtl\">");
    assertThat(visitor.get("/?lang=en").body()).contains("<html lang=\"en\" dir=\"ltr\">");
    assertThat(visitor.get("/").body()).contains("<html lang=\"en\" dir=\"ltr\">");
  }

  @Test
  void anUnknownOrMalformedLanguageIsEnglishNeverAnError() {
    for (String header : new String[] {";;;q=x", "zz", "*", "en;q=2", "x".repeat(600), "ja"}) {
      WebClient.Response r = withLanguages(header);
      assertThat(r.status()).as(header).isEqualTo(200);
      assertThat(r.body()).as(header).contains("<html lang=\"en\" dir=\"ltr\">");
    }
    for (String query :
        new String[] {"zz", "", "e", "ar-", "%00", "%3Cscript%3E", "es_ES_x_y_z_w"}) {
      WebClient visitor = site.client();
      WebClient.Response r = visitor.get("/?lang=" + query);
      assertThat(r.status()).as(query).isEqualTo(200);
      assertThat(r.body()).as(query).contains("<html lang=\"en\" dir=\"ltr\">");
      assertThat(visitor.cookies).as(query).doesNotContainKey("lang");
    }
    WebClient forged = site.client();
    forged.cookies.put("lang", "\"zz\"");
    assertThat(forged.get("/").body()).contains("<html lang=\"en\" dir=\"ltr\">");
  }

  @Test
  void everyPageHasTheSwitcherWithTheCurrentLanguageMarked() {
    String page = site.client().get("/?zone=Asia/Kolkata&lang=es").body();

    assertThat(page)
        .contains("<nav class=\"languages\" aria-label=\"Idioma\">")
        .contains(
            "<a href=\"/?zone=Asia%2FKolkata&amp;lang=ar\" lang=\"ar\" hreflang=\"ar\">العربية</a>")
        .contains(
            "<a href=\"/?zone=Asia%2FKolkata&amp;lang=es\" lang=\"es\" hreflang=\"es\" "
                + "aria-current=\"true\">Español</a>");
    for (Languages.Language l : Languages.all()) {
      assertThat(page).contains("hreflang=\"" + l.code() + "\"").contains(">" + l.name() + "<");
    }
  }

  @Test
  void countriesAndCitiesOfThePickersAreNamedInTheVisitorsLanguage() {
    String spanish = site.client().get("/signup?lang=es").body();
    String arabic = site.client().get("/signup?lang=ar").body();

    assertThat(spanish)
        .contains("<option value=\"DE\">Alemania</option>")
        .contains("<optgroup label=\"España\">")
        .contains("<option value=\"Europe/London\">Londres (UTC+01:00)</option>");
    assertThat(arabic)
        .contains("<option value=\"ES\">إسبانيا</option>")
        .contains(">مدريد (UTC+02:00)</option>");
  }

  @Test
  void theLanguageIsChosenInOrderAndKeepsOnlyAWellFormedRegion() {
    assertThat(Languages.choose("ar", "es", "fr")).isEqualTo(Locale.forLanguageTag("ar"));
    assertThat(Languages.choose("zz", "es", "fr")).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(Languages.choose(null, "bad value", "fr-CA")).isEqualTo(Locale.CANADA_FRENCH);
    assertThat(Languages.choose(null, null, null)).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.supported("pt-BR")).contains(new Locale("pt", "BR"));
    assertThat(Languages.supported("es-419")).contains(new Locale("es", "419"));
    assertThat(Languages.supported("nl-Latn-NL-x-y")).contains(new Locale("nl", "NL"));
    assertThat(Languages.accepted("de-AT;q=0.1, it;q=0.8")).contains(Locale.ITALIAN);
    assertThat(Languages.accepted("ar-EG, de;q=0.5")).contains(new Locale("ar", "EG"));
    assertThat(Languages.rightToLeft(new Locale("ar", "EG"))).isTrue();
    assertThat(Languages.rightToLeft(Locale.FRENCH)).isFalse();
    assertThat(Messages.of(Locale.forLanguageTag("ar")).get("newLink.answer", "@PCX"))
        .as("a handle in Arabic text is isolated from the words around it")
        .contains("\u2068@PCX\u2069");
    assertThat(Messages.of(Locale.forLanguageTag("es")).get("newLink.answer", "@PCX"))
        .contains(" de @PCX pendiente");
    assertThat(Messages.of(Locale.forLanguageTag("ar")).get("map.heading", 12)).endsWith(" 12");
    assertThat(Messages.of(new Locale("es", "MX")).textLocale()).isEqualTo(new Locale("es", "MX"));
    assertThat(Messages.of(Locale.UK).textLocale()).isEqualTo(Locale.UK);
    assertThat(Messages.of(Locale.JAPANESE).textLocale())
        .as("a language without a translation is shown, and so marked, in English")
        .isEqualTo(Locale.ENGLISH);
    assertThat(Languages.all())
        .extracting(Languages.Language::code)
        .containsExactly("en", "es", "fr", "de", "pt", "it", "nl", "ar");
  }
}

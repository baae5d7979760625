package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poltwt.test.MutableClock;

/**
 * A refused organiser form says why in the organiser's language, never in the library's English
 * words: the announcement form and the edition's date, in Spanish.
 */
class SiteOrganiserRefusalsTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(new MutableClock(Instant.parse("2026-06-01T10:00:05Z")), 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | subject | Edition {edition} for {nombre} | {nombre} is not a placeholder",
        "es | body    | Hola {nombre}, gracias          | {nombre} no es un marcador",
        "es | subject | LONG                            | debe tener como máximo 200 caracteres",
        "es | subject | '   '                           | es obligatorio",
        "fr | body    | Bonjour {prenom}                | pas une variable"
      })
  void aRefusedAnnouncementIsExplainedInTheOrganisersWords(
      String language, String field, String value, String expected) {
    WebClient c = site.organiser();
    c.get("/organiser/announcements?lang=" + language);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("subject", "{hashtag} edition {edition}");
    form.put("body", "Hello {handle}");
    form.put("audience", "verified");
    form.put("action", "send");
    form.put(field, value.equals("LONG") ? "x".repeat(201) : value);

    WebClient.Response refused = c.post("/organiser/announcements", form);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("id=\"announce-" + field + "-error\"")
        .contains(expected)
        .doesNotContain("unknown placeholder")
        .doesNotContain("must be at most")
        .doesNotContain("must not be blank");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Long past: the site's rule against past dates, in Spanish.
        "-999999999-01-01 | ya ha empezado en la zona horaria más temprana",
        // So far off that its time zones overflow: refused, not a server error.
        "+999999999-12-31 | no se puede usar para esta edición"
      })
  void aDateNoEditionCanTakeIsRefusedBesideTheFieldInSpanish(String date, String expected) {
    WebClient c = site.organiser();
    c.get("/organiser/edition?lang=es");

    WebClient.Response refused =
        c.post("/organiser/edition", Map.of("date", date, "start", "08:00", "action", "save"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("id=\"edition-date-error\"").contains(expected);
  }
}

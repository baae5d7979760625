package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poltwt.test.MutableClock;

/**
 * A refused sign-up says why in the visitor's language: the library's English reasons are turned
 * into the site's own sentences, per field and, for an email, per rule of the policy.
 */
class SiteRefusalsTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(new MutableClock(Instant.parse("2026-06-01T10:00:05Z")), 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @ParameterizedTest(name = "[{index}] {0} {1}={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | email   | someone@gmail.com      | addresses of public webmail providers are not accepted",
        "en | email   | not an address         | must be a complete email address",
        "en | zone    | Mars/Olympus           | must be a time zone chosen from the list",
        "en | country | XX                     | must be a country chosen from the list",
        "en | city    | Maid\u0007stone        | without line breaks or control characters",
        "es | email   | someone@gmail.com      | no se admiten direcciones de proveedores públicos de webmail",
        "ar | zone    | Mars/Olympus           | يجب أن تكون منطقة زمنية مختارة من القائمة"
      })
  void aRefusedFieldIsExplainedInTheVisitorsWords(
      String language, String field, String value, String expected) {
    WebClient c = site.client();
    c.get("/signup?lang=" + language);
    Map<String, String> form = SiteHttpTest.officer("PCRefused", "pc.refused@kent.police.uk");
    form.put(field, value);

    WebClient.Response refused = c.post("/signup", form);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("id=\"officer-" + field + "-error\"")
        .contains(expected)
        .doesNotContain("must be a government")
        .doesNotContain("time-zone id such as");
    if (!language.equals("en")) {
      assertThat(refused.body())
          .doesNotContain("chosen from the list")
          .doesNotContain("webmail providers");
    }
  }
}

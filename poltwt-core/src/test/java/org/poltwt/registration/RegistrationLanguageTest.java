package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;

/** A registration keeps the language its registrant signed up in; odd codes never fail. */
class RegistrationLanguageTest {
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryMailer mailer = new InMemoryMailer();

  private RegistrationService service(Locale defaultLanguage) {
    editions.save(RegistrationServiceTest.FIFTH);
    return RegistrationServiceTest.inMemory(
            editions,
            registrations,
            mailer,
            Clock.fixed(Instant.parse("2015-05-01T10:00:00Z"), ZoneOffset.UTC))
        .mailLocale(defaultLanguage)
        .build();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" is kept as {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "es        | es",
        "ar        | ar",
        "pt-BR     | pt",
        "  NL      | nl",
        "zz        | fr",
        "x-klingon | fr",
        "''        | fr",
        "NULL      | fr",
        ";;;q=x    | fr",
        "de-DE-u-nu-arab | de"
      })
  void theRequestsLanguageIsKeptAsABareCodeAndAnythingElseGetsTheDefault(
      String given, String kept) {
    RegistrationService service = service(Locale.FRENCH);
    Registration r =
        service.register(RegistrationServiceTest.agency("@PoliciaMadrid").language(given).build());

    assertThat(r.language()).isEqualTo(Locale.forLanguageTag(kept));
    assertThat(registrations.find(r.id()).orElseThrow().language())
        .isEqualTo(Locale.forLanguageTag(kept));
  }
}

package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.EditionService;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.registration.VerificationException;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Tweet;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PoltwtMetricsAutoConfigurationTest {
  private static final Pattern LINK = Pattern.compile("https://poltwt\\.example/verify/(\\S+)");
  private static final String EMAIL = "prensa@madrid.gob.es";

  private final InMemoryMailer mailer = new InMemoryMailer();

  private ApplicationContextRunner complete() {
    return Contexts.withDatabase()
        .withConfiguration(AutoConfigurations.of(PoltwtMetricsAutoConfiguration.class))
        .withBean(Mailer.class, () -> mailer)
        .withBean(
            Clock.class, () -> Clock.fixed(Instant.parse("2015-05-01T00:00:00Z"), ZoneOffset.UTC))
        .withPropertyValues(
            "poltwt.x.directory=in-memory",
            "poltwt.announcements.delivery-interval=0",
            "poltwt.registration.verification-link=https://poltwt.example/verify/{token}");
  }

  private ApplicationContextRunner withRegistry() {
    return complete().withBean(MeterRegistry.class, SimpleMeterRegistry::new);
  }

  @Test
  void countsSignUpsVerificationsAndMailsByOutcomeAndCode() {
    withRegistry()
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              RegistrationService registrations = context.getBean(RegistrationService.class);
              MeterRegistry meters = context.getBean(MeterRegistry.class);

              registrations.register(agency("MadridPolice"));
              assertThatThrownBy(() -> registrations.register(agency("MadridPolice")))
                  .isInstanceOf(DuplicateRegistrationException.class);
              assertThatThrownBy(() -> registrations.verify("no-such-token"))
                  .isInstanceOf(VerificationException.UnknownToken.class);
              Matcher link = LINK.matcher(mailer.sentTo(EMAIL).get(0).body());
              assertThat(link.find()).isTrue();
              registrations.verify(link.group(1));

              assertThat(count(meters, PoltwtMeters.SIGNUPS, "registered", "none")).isEqualTo(1);
              assertThat(count(meters, PoltwtMeters.SIGNUPS, "refused", "registration.duplicate"))
                  .isEqualTo(1);
              assertThat(count(meters, PoltwtMeters.VERIFICATIONS, "verified", "none"))
                  .isEqualTo(1);
              assertThat(
                      count(
                          meters,
                          PoltwtMeters.VERIFICATIONS,
                          "refused",
                          "verification.unknown-token"))
                  .isEqualTo(1);
              assertThat(count(meters, PoltwtMeters.MAILS, "sent", "none")).isEqualTo(1);
              assertThat(meters.find(PoltwtMeters.MAILS).tag("outcome", "failed").counter())
                  .isNull();
            });
  }

  @Test
  void countsAMailThatFailsByItsCode() {
    withRegistry()
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              mailer.failNext(1);
              try {
                context.getBean(RegistrationService.class).register(agency("MadridPolice"));
              } catch (PoltwtException e) {
                // Whether a failed verification mail fails the sign-up is the service's business.
              }
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(count(meters, PoltwtMeters.MAILS, "failed", Mailer.FAILED)).isEqualTo(1);
              assertThat(meters.find(PoltwtMeters.MAILS).tag("outcome", "sent").counter()).isNull();
            });
  }

  @Test
  void noTagHoldsPersonalData() {
    withRegistry()
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              RegistrationService registrations = context.getBean(RegistrationService.class);
              registrations.register(agency("MadridPolice"));
              Matcher link = LINK.matcher(mailer.sentTo(EMAIL).get(0).body());
              assertThat(link.find()).isTrue();
              registrations.verify(link.group(1));
              List<Meter> poltwt =
                  context.getBean(MeterRegistry.class).getMeters().stream()
                      .filter(m -> m.getId().getName().startsWith("poltwt."))
                      .toList();
              assertThat(poltwt).hasSizeGreaterThanOrEqualTo(3);
              for (Meter meter : poltwt) {
                for (Tag tag : meter.getId().getTags()) {
                  assertThat(tag.getKey()).isIn("outcome", "code");
                  assertThat(tag.getValue())
                      .doesNotContain("madrid")
                      .doesNotContain("MadridPolice")
                      .doesNotContain(link.group(1));
                }
              }
            });
  }

  @Test
  void countsComplianceChecksByOutcome() {
    withRegistry()
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              Tweet tweet =
                  Tweet.of(
                      "1",
                      "42",
                      TwitterHandle.of("SomeoneElse"),
                      "no hashtag here",
                      Instant.parse("2017-06-02T12:00:00Z"));
              ComplianceSummary summary = new ComplianceSummary();
              long results =
                  context
                      .getBean(ComplianceCheckers.class)
                      .checkAll(5, Stream.of(tweet, tweet), summary)
                      .count();
              assertThat(results).isEqualTo(2);
              assertThat(summary.nonCompliant()).isEqualTo(2);
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get(PoltwtMeters.COMPLIANCE_CHECKS)
                          .tag("outcome", "non-compliant")
                          .counter()
                          .count())
                  .isEqualTo(2);
            });
  }

  @Test
  void nothingWithoutARegistry() {
    complete()
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .doesNotHaveBean(PoltwtInstrumentation.class)
                  .hasSingleBean(RegistrationService.class);
              assertThat(context.getBean(RegistrationService.class).getClass().getName())
                  .doesNotContain("Counting");
            });
  }

  @Test
  void nothingWithoutMicrometer() {
    complete()
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(PoltwtInstrumentation.class)
                    .hasSingleBean(RegistrationService.class)
                    .hasSingleBean(ComplianceCheckers.class));
  }

  @Test
  void theApplicationsOwnInstrumentationWins() {
    int[] decorated = new int[1];
    PoltwtInstrumentation own =
        new PoltwtInstrumentation() {
          @Override
          public RegistrationService registrations(RegistrationService service) {
            decorated[0]++;
            return service;
          }
        };
    withRegistry()
        .withBean(PoltwtInstrumentation.class, () -> own)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(PoltwtInstrumentation.class)
                  .doesNotHaveBean(PoltwtMeters.class);
              context.getBean(RegistrationService.class);
              assertThat(decorated[0]).isEqualTo(1);
            });
  }

  @Test
  void theApplicationsOwnRegistrationServiceIsLeftAsItIs() {
    RegistrationService own =
        RegistrationService.builder()
            .editionStore(new InMemoryEditionStore())
            .registrationStore(new InMemoryRegistrationStore())
            .tokenStore(new InMemoryVerificationTokenStore())
            .mailer(mailer)
            .accountDirectory(InMemoryAccountDirectory.acceptingEveryHandle())
            .build();
    withRegistry()
        .withBean(RegistrationService.class, () -> own)
        .run(context -> assertThat(context.getBean(RegistrationService.class)).isSameAs(own));
  }

  private static double count(MeterRegistry meters, String name, String outcome, String code) {
    return meters.get(name).tag("outcome", outcome).tag("code", code).counter().count();
  }

  private static RegistrationRequest agency(String handle) {
    return RegistrationRequest.builder()
        .edition(5)
        .handle(handle)
        .agency("Madrid Municipal Police", AgencyLevel.LOCAL)
        .email(EMAIL)
        .country("es")
        .zone("Europe/Madrid")
        .participationModel(ParticipationModel.ONE_TOPIC)
        .build();
  }
}

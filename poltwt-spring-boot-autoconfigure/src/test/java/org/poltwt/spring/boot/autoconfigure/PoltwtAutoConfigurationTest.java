package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.EditionService;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.Verdict;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.test.Editions;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PoltwtAutoConfigurationTest {
  private static final Pattern LINK = Pattern.compile("https://poltwt\\.example/verify/(\\S+)");

  private final InMemoryMailer mailer = new InMemoryMailer();

  /** A database, a mailer and the in-memory directory: everything the services need. */
  private ApplicationContextRunner complete() {
    return Contexts.withDatabase()
        .withBean(Mailer.class, () -> mailer)
        .withPropertyValues("poltwt.x.directory=in-memory");
  }

  @Test
  void servicesWhenStoresMailerAndDirectoryExist() {
    complete()
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(RegistrationService.class)
                    .hasSingleBean(AnnouncementService.class)
                    .hasSingleBean(EditionService.class)
                    .hasSingleBean(GovernmentEmailPolicy.class)
                    .hasSingleBean(Clock.class)
                    .hasSingleBean(OutboxDelivery.class));
  }

  @Test
  void signUpAndVerifyThroughTheContextsServices() {
    complete()
        .withBean(
            Clock.class, () -> Clock.fixed(Instant.parse("2015-05-01T00:00:00Z"), ZoneOffset.UTC))
        .withPropertyValues(
            "poltwt.registration.verification-link=https://poltwt.example/verify/{token}")
        .run(
            context -> {
              context.getBean(EditionService.class).create(Editions.scheduled(5));
              RegistrationService registrations = context.getBean(RegistrationService.class);

              Registration pending = registrations.register(agency("MadridPolice"));
              assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING_VERIFICATION);

              List<Mail> mails = mailer.sentTo("prensa@madrid.gob.es");
              assertThat(mails).hasSize(1);
              Matcher link = LINK.matcher(mails.get(0).body());
              assertThat(link.find())
                  .as("the link of poltwt.registration.verification-link")
                  .isTrue();
              assertThat(registrations.verify(link.group(1)).status())
                  .isEqualTo(RegistrationStatus.VERIFIED);
            });
  }

  @Test
  void noRegistrationServiceWithoutAnAccountDirectory() {
    Contexts.withDatabase()
        .withBean(Mailer.class, () -> mailer)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(AccountDirectory.class)
                    .doesNotHaveBean(RegistrationService.class)
                    .hasSingleBean(AnnouncementService.class));
  }

  @Test
  void noServicesWithoutAMailer() {
    Contexts.withDatabase()
        .withPropertyValues("poltwt.x.directory=in-memory")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(RegistrationService.class)
                    .doesNotHaveBean(AnnouncementService.class)
                    .doesNotHaveBean(EditionService.class)
                    .doesNotHaveBean(OutboxDelivery.class)
                    .hasSingleBean(GovernmentEmailPolicy.class));
  }

  @Test
  void theApplicationsOwnBeansWin() {
    GovernmentEmailPolicy policy = GovernmentEmailPolicy.builder().build();
    Clock clock = Clock.fixed(Instant.parse("2015-05-01T00:00:00Z"), ZoneOffset.UTC);
    AccountDirectory directory = new InMemoryAccountDirectory();
    complete()
        .withBean(GovernmentEmailPolicy.class, () -> policy)
        .withBean(Clock.class, () -> clock)
        .withBean(AccountDirectory.class, () -> directory)
        .withBean(
            "ownEditions",
            EditionService.class,
            () ->
                EditionService.of(
                    new org.poltwt.spi.memory.InMemoryEditionStore(),
                    AnnouncementService.builder()
                        .registrationStore(new org.poltwt.spi.memory.InMemoryRegistrationStore())
                        .outboxStore(new org.poltwt.spi.memory.InMemoryOutboxStore())
                        .mailer(mailer)
                        .build()),
            d -> {})
        .run(
            context -> {
              assertThat(context.getBean(GovernmentEmailPolicy.class)).isSameAs(policy);
              assertThat(context.getBean(Clock.class)).isSameAs(clock);
              assertThat(context.getBean(AccountDirectory.class)).isSameAs(directory);
              assertThat(context).getBeanNames(EditionService.class).containsOnly("ownEditions");
            });
  }

  @Test
  void theApplicationsOwnServicesWin() {
    RegistrationService[] own = new RegistrationService[1];
    complete()
        .withBean(
            "ownRegistrations",
            RegistrationService.class,
            () -> {
              own[0] =
                  RegistrationService.builder()
                      .editionStore(new org.poltwt.spi.memory.InMemoryEditionStore())
                      .registrationStore(new org.poltwt.spi.memory.InMemoryRegistrationStore())
                      .tokenStore(new org.poltwt.spi.memory.InMemoryVerificationTokenStore())
                      .mailer(mailer)
                      .accountDirectory(InMemoryAccountDirectory.acceptingEveryHandle())
                      .build();
              return own[0];
            })
        .run(context -> assertThat(context.getBean(RegistrationService.class)).isSameAs(own[0]));
  }

  @Test
  void policyFromTheProperties() {
    Contexts.bare()
        .withPropertyValues(
            "poltwt.email.allow-domains=sheriff-county.org",
            "poltwt.email.deny-domains=police.gov.example",
            "poltwt.email.government-suffixes=gov.example")
        .run(
            context -> {
              GovernmentEmailPolicy policy = context.getBean(GovernmentEmailPolicy.class);
              assertThat(policy.assess("press@sheriff-county.org").verdict())
                  .isEqualTo(Verdict.ACCEPTED);
              assertThat(policy.assess("press@city.gov.example").verdict())
                  .isEqualTo(Verdict.ACCEPTED);
              assertThat(policy.assess("press@police.gov.example").verdict())
                  .isEqualTo(Verdict.REJECTED);
            });
  }

  @Test
  void policyFromAnAllowListFile() {
    Contexts.bare()
        .withPropertyValues("poltwt.email.allow-list=classpath:allowed-domains.txt")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(GovernmentEmailPolicy.class)
                            .assess("press@sheriff-county.example.com")
                            .verdict())
                    .isEqualTo(Verdict.ACCEPTED));
  }

  @Test
  void aDomainThatIsNotOneFailsStartUpNamingTheProperty() {
    Contexts.bare()
        .withPropertyValues("poltwt.email.allow-domains=sheriff-county.org,not a domain")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Contexts.messages(context.getStartupFailure()))
                  .contains("poltwt.email.allow-domains[1]");
            });
  }

  @Test
  void aMissingListFileFailsStartUpNamingTheProperty() {
    Contexts.bare()
        .withPropertyValues("poltwt.email.allow-list=classpath:no-such-list.txt")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.email.allow-list")
                    .contains("cannot be read"));
  }

  @Test
  void aTokenLifetimeTheServiceRefusesFailsStartUpNamingTheProperty() {
    complete()
        .withPropertyValues("poltwt.registration.token-ttl=60d")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.registration.token-ttl")
                    .contains("at most 30 days"));
  }

  @Test
  void aLinkWithoutItsTokenFailsStartUpNamingTheProperty() {
    complete()
        .withPropertyValues("poltwt.registration.verification-link=https://poltwt.example/verify")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.registration")
                    .contains("verificationLink")
                    .contains("must contain {token}"));
  }

  private static RegistrationRequest agency(String handle) {
    return RegistrationRequest.builder()
        .edition(5)
        .handle(handle)
        .agency("Madrid Municipal Police", AgencyLevel.LOCAL)
        .email("prensa@madrid.gob.es")
        .country("es")
        .zone("Europe/Madrid")
        .participationModel(ParticipationModel.ONE_TOPIC)
        .build();
  }
}

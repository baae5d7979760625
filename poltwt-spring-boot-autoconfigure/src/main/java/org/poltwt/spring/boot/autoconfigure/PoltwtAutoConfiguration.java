package org.poltwt.spring.boot.autoconfigure;

import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.spi.ConfigurationState;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.poltwt.InvalidInputException;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.validation.GovernmentEmailValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * poltwt's services: the {@link GovernmentEmailPolicy} of {@code poltwt.email.*}, a {@link Clock},
 * the {@link RegistrationService} (when stores, a {@link Mailer} and an {@link AccountDirectory}
 * exist) and the {@link AnnouncementService} (when the registration and outbox stores and a mailer
 * exist), the {@link ComplianceCheckers} (when the edition and registration stores exist); and
 * Spring's validator making every {@code @GovernmentEmail} validator with the policy bean. The
 * services send through, and are reported to, the {@link PoltwtInstrumentation} bean when there is
 * one (metrics).
 */
@AutoConfiguration(
    after = {
      PoltwtJdbcAutoConfiguration.class,
      PoltwtMailAutoConfiguration.class,
      PoltwtXApiAutoConfiguration.class
    })
@EnableConfigurationProperties(PoltwtProperties.class)
public final class PoltwtAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtAutoConfiguration() {}

  /**
   * The clock of the services, when the application has none.
   *
   * @return the UTC system clock
   */
  @Bean
  @ConditionalOnMissingBean
  public Clock poltwtClock() {
    return Clock.systemUTC();
  }

  /**
   * The government-email policy: the built-in rules with the domains, namespaces and lists of
   * {@code poltwt.email.*}.
   *
   * @param properties the {@code poltwt.*} properties
   * @return the policy
   * @throws
   *     org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
   *     naming the property when a domain or a list is refused
   */
  @Bean
  @ConditionalOnMissingBean
  public GovernmentEmailPolicy poltwtGovernmentEmailPolicy(PoltwtProperties properties) {
    PoltwtProperties.Email email = properties.email();
    GovernmentEmailPolicy.Builder builder = GovernmentEmailPolicy.builder();
    domains("poltwt.email.allow-domains", email.allowDomains(), builder::allowDomains);
    domains("poltwt.email.deny-domains", email.denyDomains(), builder::denyDomains);
    domains(
        "poltwt.email.government-suffixes",
        email.governmentSuffixes(),
        list -> builder.governmentSuffixes(list.toArray(String[]::new)));
    if (email.allowList() != null) {
      read("poltwt.email.allow-list", email.allowList(), builder::allowList);
    }
    if (email.usDotgovRegistry() != null) {
      read("poltwt.email.us-dotgov-registry", email.usDotgovRegistry(), builder::usDotGovRegistry);
    }
    return builder.build();
  }

  private static void domains(String property, List<String> values, Consumer<List<String>> step) {
    try {
      step.accept(values);
    } catch (InvalidInputException e) {
      String field = e.field();
      int index = field.indexOf('[');
      throw Problems.invalid(
          index >= 0 ? property + field.substring(index) : property, null, e.reason());
    }
  }

  private static void read(String property, Resource resource, Consumer<Reader> step) {
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      step.accept(reader);
    } catch (InvalidInputException e) {
      throw Problems.invalid(property, resource.getDescription(), e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw Problems.invalid(property, resource.getDescription(), "cannot be read");
    }
  }

  /**
   * The registration service, on the stores, the mailer, the account directory and the policy.
   *
   * @param editions the edition store
   * @param registrations the registration store
   * @param tokens the token store
   * @param mailer the mailer
   * @param accounts the account directory
   * @param policy the government-email policy
   * @param clock the clock
   * @param properties the {@code poltwt.*} properties
   * @param instrumentation what the service and its mailer report to (metrics), if any
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({
    EditionStore.class,
    RegistrationStore.class,
    VerificationTokenStore.class,
    Mailer.class,
    AccountDirectory.class
  })
  public RegistrationService poltwtRegistrationService(
      EditionStore editions,
      RegistrationStore registrations,
      VerificationTokenStore tokens,
      Mailer mailer,
      AccountDirectory accounts,
      GovernmentEmailPolicy policy,
      Clock clock,
      PoltwtProperties properties,
      ObjectProvider<PoltwtInstrumentation> instrumentation) {
    PoltwtInstrumentation reporting = instrumentation.getIfUnique(() -> PoltwtInstrumentation.NONE);
    PoltwtProperties.Registration settings = properties.registration();
    RegistrationService.Builder builder =
        RegistrationService.builder()
            .editionStore(editions)
            .registrationStore(registrations)
            .tokenStore(tokens)
            .mailer(reporting.mailer(mailer))
            .accountDirectory(accounts)
            .emailPolicy(policy)
            .clock(clock)
            .mailLocale(settings.mailLocale());
    Problems.apply(
        "poltwt.registration.token-ttl",
        settings.tokenTtl(),
        () -> builder.tokenTtl(settings.tokenTtl()));
    if (settings.verificationLink() != null) {
      String template = settings.verificationLink();
      builder.verificationLink(token -> template.replace("{token}", token));
    }
    return reporting.registrations(builder.build());
  }

  /**
   * The announcement service, on the registration and outbox stores and the mailer.
   *
   * @param registrations the registration store
   * @param outbox the outbox store
   * @param mailer the mailer
   * @param clock the clock
   * @param properties the {@code poltwt.*} properties
   * @param instrumentation what the mailer reports to (metrics), if any
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({RegistrationStore.class, OutboxStore.class, Mailer.class})
  public AnnouncementService poltwtAnnouncementService(
      RegistrationStore registrations,
      OutboxStore outbox,
      Mailer mailer,
      Clock clock,
      PoltwtProperties properties,
      ObjectProvider<PoltwtInstrumentation> instrumentation) {
    PoltwtProperties.Announcements settings = properties.announcements();
    AnnouncementService.Builder builder =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(outbox)
            .mailer(instrumentation.getIfUnique(() -> PoltwtInstrumentation.NONE).mailer(mailer))
            .clock(clock);
    Problems.apply(
        "poltwt.announcements.max-attempts",
        settings.maxAttempts(),
        () -> builder.maxAttempts(settings.maxAttempts()));
    Problems.apply(
        "poltwt.announcements.backoff",
        settings.backoff(),
        () -> builder.backoff(settings.backoff()));
    Problems.apply(
        "poltwt.announcements.claim-lease",
        settings.claimLease(),
        () -> builder.claimLease(settings.claimLease()));
    if (settings.unsubscribeLink() != null) {
      String template = settings.unsubscribeLink();
      builder.unsubscribeLink(token -> template.replace("{token}", token));
    }
    return builder.build();
  }

  /**
   * The factory of compliance checkers for the editions of the stores.
   *
   * @param editions the edition store
   * @param registrations the registration store
   * @param instrumentation what hears of each tweet checked (metrics), if any
   * @return the factory
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({EditionStore.class, RegistrationStore.class})
  public ComplianceCheckers poltwtComplianceCheckers(
      EditionStore editions,
      RegistrationStore registrations,
      ObjectProvider<PoltwtInstrumentation> instrumentation) {
    return new ComplianceCheckers(
        editions, registrations, instrumentation.getIfUnique(() -> PoltwtInstrumentation.NONE));
  }

  /** {@code @GovernmentEmail} on the application's policy, through Spring's validator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ValidationConfigurationCustomizer.class)
  public static class GovernmentEmailValidation {
    /** Creates the configuration; Spring calls this. */
    public GovernmentEmailValidation() {}

    /**
     * Makes Spring's validator create every {@link GovernmentEmailValidator} with the policy bean
     * and leave every other validator to the factory it had (Spring's, which autowires them).
     *
     * @param policy the policy bean, looked up when the validator is built
     * @return the customiser
     */
    @Bean
    @ConditionalOnMissingBean(name = "poltwtGovernmentEmailValidation")
    public ValidationConfigurationCustomizer poltwtGovernmentEmailValidation(
        ObjectProvider<GovernmentEmailPolicy> policy) {
      return configuration -> {
        ConstraintValidatorFactory delegate = null;
        if (configuration instanceof ConfigurationState state) {
          delegate = state.getConstraintValidatorFactory();
        }
        if (delegate == null) {
          delegate = configuration.getDefaultConstraintValidatorFactory();
        }
        GovernmentEmailPolicy chosen = policy.getIfAvailable(GovernmentEmailPolicy::defaults);
        configuration.constraintValidatorFactory(
            GovernmentEmailValidator.factory(chosen, delegate));
      };
    }
  }
}

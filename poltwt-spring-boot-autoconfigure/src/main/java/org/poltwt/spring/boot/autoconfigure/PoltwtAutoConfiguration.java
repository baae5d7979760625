package org.poltwt.spring.boot.autoconfigure;

import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.spi.ConfigurationState;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.poltwt.InvalidInputException;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.calendar.Invites;
import org.poltwt.registration.RegistrationService;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.TrustedDomainStore;
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
 * exist), the {@link ComplianceCheckers} (when the edition and registration stores exist); the
 * {@link CalendarInvites} of poltwt-calendar when it is on the classpath; and Spring's validator
 * making every {@code @GovernmentEmail} validator with the policy bean. The services send through,
 * and are reported to, the {@link PoltwtInstrumentation} bean when there is one (metrics); they
 * attach the {@link CalendarInvites} bean's files and carry the manage links of {@code
 * poltwt.registration.manage-link*} when those are set.
 */
@AutoConfiguration(
    after = {
      PoltwtJdbcAutoConfiguration.class,
      PoltwtMailAutoConfiguration.class,
      PoltwtXApiAutoConfiguration.class
    })
@EnableConfigurationProperties(PoltwtProperties.class)
public final class PoltwtAutoConfiguration {
  static final String MANAGE_LINK = "poltwt.registration.manage-link";
  static final String MANAGE_LINK_KEY = "poltwt.registration.manage-link-key";
  static final String MANAGE_LINK_TTL = "poltwt.registration.manage-link-ttl";

  /** The fewest bytes a manage-link key has, as the registration service requires. */
  private static final int MIN_KEY_BYTES = 32;

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
   * @param invites the calendar files attached to the mails, if any
   * @param geocoder the map's geocoder, if the application has one
   * @param trustedDomains the organisers' trusted email domains, if the application keeps them
   *     (poltwt-jdbc's auto-configuration does)
   * @return the service
   * @throws
   *     org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
   *     naming the property when a value is refused, or when only one of {@code
   *     poltwt.registration.manage-link} and {@code manage-link-key} is set
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
      ObjectProvider<PoltwtInstrumentation> instrumentation,
      ObjectProvider<CalendarInvites> invites,
      ObjectProvider<Geocoder> geocoder,
      ObjectProvider<TrustedDomainStore> trustedDomains) {
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
    if (manageLinksOn(settings)) {
      String template = settings.manageLink();
      byte[] key = manageLinkKey(settings.manageLinkKey());
      builder.manageLinks(key, token -> template.replace("{token}", token));
      Arrays.fill(key, (byte) 0);
      Problems.apply(
          MANAGE_LINK_TTL,
          settings.manageLinkTtl(),
          () -> builder.manageLinkTtl(settings.manageLinkTtl()));
    }
    invites.ifUnique(builder::calendarInvites);
    geocoder.ifUnique(builder::geocoder);
    trustedDomains.ifUnique(builder::trustedDomainStore);
    return reporting.registrations(builder.build());
  }

  /**
   * Whether manage links are on: both {@code poltwt.registration.manage-link} and {@code
   * manage-link-key} are set.
   *
   * @throws
   *     org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
   *     naming the missing one when only one is set
   */
  static boolean manageLinksOn(PoltwtProperties.Registration settings) {
    boolean link = settings.manageLink() != null && !settings.manageLink().isBlank();
    boolean key = settings.manageLinkKey() != null && !settings.manageLinkKey().isBlank();
    if (link && !key) {
      throw Problems.invalid(
          MANAGE_LINK_KEY,
          null,
          "is required when "
              + MANAGE_LINK
              + " is set: the base64 of at least "
              + MIN_KEY_BYTES
              + " secret random bytes");
    }
    if (key && !link) {
      throw Problems.invalid(
          MANAGE_LINK,
          null,
          "is required when "
              + MANAGE_LINK_KEY
              + " is set: the link with {token} where the token goes");
    }
    return link;
  }

  /**
   * Decodes the manage-link key, standard or URL-safe base64. A refusal names the property and
   * never shows the value: the exception shows {@code (hidden)} in its place, and {@link
   * PoltwtSecretPropertyFailureAnalyzer} reports it without reading the value from the environment.
   */
  static byte[] manageLinkKey(String base64) {
    byte[] key;
    String text = base64.strip();
    try {
      key =
          text.indexOf('-') >= 0 || text.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw Problems.invalid(
          MANAGE_LINK_KEY,
          PoltwtSecretPropertyFailureAnalyzer.HIDDEN,
          "must be base64 (the base64 of at least " + MIN_KEY_BYTES + " secret random bytes)");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw Problems.invalid(
          MANAGE_LINK_KEY,
          PoltwtSecretPropertyFailureAnalyzer.HIDDEN,
          "must be the base64 of at least "
              + MIN_KEY_BYTES
              + " secret random bytes, not "
              + key.length);
    }
    return key;
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
   * @param invites the calendar files attached to schedule changes, if any
   * @param registrationService the registration service whose manage links the mails carry when
   *     {@code poltwt.registration.manage-link} and {@code manage-link-key} are set
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
      ObjectProvider<PoltwtInstrumentation> instrumentation,
      ObjectProvider<CalendarInvites> invites,
      ObjectProvider<RegistrationService> registrationService) {
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
    invites.ifUnique(builder::calendarInvites);
    if (manageLinksOn(properties.registration())) {
      registrationService.ifUnique(service -> builder.manageLinks(service::manageLink));
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

  /** The calendar files of poltwt-calendar, when it is on the classpath. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.poltwt.calendar.Invites")
  public static class CalendarInvitesConfiguration {
    /** Creates the configuration; Spring calls this. */
    public CalendarInvitesConfiguration() {}

    /**
     * The invites the services attach to their mails: each registrant's own 24 hours, its moves and
     * its cancellation, in the registration's language.
     *
     * @param clock the clock that stamps them
     * @return poltwt-calendar's attachments
     */
    @Bean
    @ConditionalOnMissingBean
    public CalendarInvites poltwtCalendarInvites(Clock clock) {
      return Invites.of(clock).attachments();
    }
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

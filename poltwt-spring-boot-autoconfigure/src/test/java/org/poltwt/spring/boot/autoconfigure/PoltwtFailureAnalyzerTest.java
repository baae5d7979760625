package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class PoltwtFailureAnalyzerTest {
  @Test
  void aMissingRegistrationServiceNamesTheDirectorysProperties() {
    ConfigurableApplicationContext[] failed = new ConfigurableApplicationContext[1];
    Contexts.withDatabase()
        .withInitializer(context -> failed[0] = context)
        .withBean(Mailer.class, InMemoryMailer::new)
        .withBean(SignupEndpoint.class)
        .withPropertyValues("spring.mail.host=smtp.example.org")
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis =
                  analyzer(
                          Map.of(
                              "spring.mail.host",
                              "smtp.example.org",
                              "spring.datasource.url",
                              "jdbc:h2:mem:x"))
                      .analyze(context.getStartupFailure());

              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("org.poltwt.registration.RegistrationService")
                  .contains("SignupEndpoint")
                  .contains("neither poltwt.x.bearer-token nor poltwt.x.directory=in-memory is set")
                  .doesNotContain("Mailer:")
                  .doesNotContain("the stores:");
              assertThat(analysis.getAction())
                  .startsWith("Set poltwt.x.bearer-token")
                  .contains("poltwt.x.directory=in-memory")
                  .endsWith("; or define your own RegistrationService bean.");
            });
  }

  @Test
  void everythingMissingIsNamed() {
    Contexts.bare()
        .withBean(SignupEndpoint.class)
        .run(
            context -> {
              FailureAnalysis analysis = analyzer(Map.of()).analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("spring.datasource.url is not set")
                  .contains("spring.mail.host is not set")
                  .contains("poltwt.x.bearer-token");
              assertThat(analysis.getAction())
                  .startsWith("Set spring.datasource.url")
                  .contains("set spring.mail.host and poltwt.mail.from")
                  .contains("set poltwt.x.bearer-token");
            });
  }

  @Test
  void aMissingStoreNamesTheDatabaseOnly() {
    assertThat(PoltwtFailureAnalyzer.needs(org.poltwt.spi.OutboxStore.class))
        .containsExactly(PoltwtFailureAnalyzer.DATABASE);
    assertThat(PoltwtFailureAnalyzer.needs(ComplianceCheckers.class))
        .containsExactly(PoltwtFailureAnalyzer.DATABASE);
    assertThat(PoltwtFailureAnalyzer.needs(org.poltwt.announcement.AnnouncementService.class))
        .containsExactly(PoltwtFailureAnalyzer.DATABASE, PoltwtFailureAnalyzer.MAIL);
  }

  @Test
  void otherMissingBeansAreLeftToSpringBoot() {
    Contexts.bare()
        .withBean(NeedsAString.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(analyzer(Map.of()).analyze(context.getStartupFailure())).isNull();
            });
  }

  @Test
  void registeredAheadOfSpringBootsOwnAnalyzers() {
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
            .load(
                FailureAnalyzer.class,
                SpringFactoriesLoader.ArgumentResolver.of(Environment.class, environment(Map.of()))
                    .and(
                        org.springframework.beans.factory.BeanFactory.class,
                        new org.springframework.beans.factory.support.DefaultListableBeanFactory()),
                // Analyzers needing more than these two arguments are Spring Boot's, not poltwt's.
                (factoryType, implementation, failure) -> {});
    assertThat(analyzers).isNotEmpty();
    assertThat(analyzers.get(0)).isInstanceOf(PoltwtFailureAnalyzer.class);
    // Ahead of Spring Boot's analysis of an invalid property, which would quote a secret's value.
    assertThat(analyzers.get(1)).isInstanceOf(PoltwtSecretPropertyFailureAnalyzer.class);
  }

  private static PoltwtFailureAnalyzer analyzer(Map<String, Object> properties) {
    return new PoltwtFailureAnalyzer(null, environment(properties));
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test", new HashMap<>(properties)));
    return environment;
  }

  /** An application class needing a bean that is none of poltwt's. */
  static final class NeedsAString {
    NeedsAString(StringBuilder missing) {}
  }
}

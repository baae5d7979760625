package org.poltwt.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a refused secret property ({@code poltwt.registration.manage-link-key}) by its name and
 * the reason only. Spring Boot's own analysis of an invalid property quotes the value it finds in
 * the environment, which for a key would print the secret; this one runs ahead of it and never
 * reads the value.
 */
final class PoltwtSecretPropertyFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException> implements Ordered {
  /** What a refusal of a secret property shows in place of its value. */
  static final String HIDDEN = "(hidden)";

  /** The properties whose values are secrets. */
  static final Set<String> SECRETS =
      Set.of(PoltwtAutoConfiguration.MANAGE_LINK_KEY, "poltwt.x.bearer-token");

  /** Creates the analyzer; Spring Boot's failure analysis calls this. */
  PoltwtSecretPropertyFailureAnalyzer() {}

  @Override
  public int getOrder() {
    // Right after PoltwtFailureAnalyzer, and ahead of Spring Boot's analyzers.
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
    String name = cause.getName();
    if (!SECRETS.contains(name)) {
      return null;
    }
    String reason = cause.getReason();
    String description =
        "Invalid value for configuration property '"
            + name
            + "' (a secret: its value is not shown)."
            + (reason == null || reason.isBlank()
                ? ""
                : " Validation failed for the following reason:\n\n" + reason);
    return new FailureAnalysis(
        description, "Review the value of " + name + " and correct it.", cause);
  }
}

package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Turns "no bean of type {@code RegistrationService}" (or of another poltwt type the starter
 * configures) into one message saying what the starter needed and which property to set, for
 * example that neither {@code poltwt.x.bearer-token} nor {@code poltwt.x.directory=in-memory} is
 * set. Ahead of Spring Boot's own analysis of a missing bean, for poltwt's types only.
 */
final class PoltwtFailureAnalyzer
    extends AbstractInjectionFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {
  static final String DATABASE = "database";
  static final String MAIL = "mail";
  static final String DIRECTORY = "directory";

  /** Types the starter configures from the stores. */
  private static final Set<String> STORE_TYPES =
      Set.of(
          "org.poltwt.jdbc.JdbcStores",
          "org.poltwt.spring.boot.autoconfigure.ComplianceCheckers",
          "org.poltwt.spring.boot.autoconfigure.PoltwtHealthIndicator");

  private final BeanFactory beanFactory;
  private final Environment environment;

  /**
   * Creates the analyzer; Spring Boot's failure analysis calls this.
   *
   * @param beanFactory the failed application's bean factory: which beans were defined
   * @param environment the failed application's environment: which properties are set
   */
  PoltwtFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
    this.beanFactory = beanFactory;
    this.environment = requireNonNull(environment, "environment");
  }

  /** Whether a bean of the type was defined; true when that cannot be told. */
  private boolean defined(String typeName) {
    if (!(beanFactory instanceof ListableBeanFactory beans)) {
      return false;
    }
    try {
      Class<?> type = Class.forName(typeName, false, getClass().getClassLoader());
      return beans.getBeanNamesForType(type, true, false).length > 0;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, NoSuchBeanDefinitionException cause, String description) {
    ResolvableType type = cause.getResolvableType();
    Class<?> required = type != null ? type.resolve() : cause.getBeanType();
    if (required == null || !required.getName().startsWith("org.poltwt.")) {
      return null;
    }
    List<String> needs = needs(required);
    if (needs.isEmpty()) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (String need : needs) {
      switch (need) {
        case DATABASE -> {
          if (!environment.containsProperty("spring.datasource.url")) {
            missing.add(
                "a DataSource: spring.datasource.url is not set and no DataSource bean was"
                    + " usable (poltwt-jdbc on the classpath and exactly one DataSource are needed)");
            actions.add("set spring.datasource.url (with the database's driver on the classpath)");
          }
        }
        case MAIL -> {
          if (!environment.containsProperty("spring.mail.host")) {
            missing.add("a Mailer: spring.mail.host is not set");
            actions.add("set spring.mail.host and poltwt.mail.from");
          }
        }
        case DIRECTORY -> {
          if (!environment.containsProperty("poltwt.x.bearer-token")
              && !"in-memory".equals(environment.getProperty("poltwt.x.directory"))) {
            missing.add(
                "an AccountDirectory: neither poltwt.x.bearer-token nor"
                    + " poltwt.x.directory=in-memory is set");
            actions.add(
                "set poltwt.x.bearer-token to the X app's bearer token (with poltwt-twitter on the"
                    + " classpath), or poltwt.x.directory=in-memory for demos and tests");
          } else {
            missing.add(
                "an AccountDirectory: poltwt.x.bearer-token is set but poltwt-twitter is not on"
                    + " the classpath");
            actions.add("add the poltwt-twitter dependency");
          }
        }
        default -> throw new IllegalStateException(need);
      }
    }
    String what = required.getSimpleName();
    StringBuilder text = new StringBuilder();
    if (description != null) {
      text.append(description).append(" required a bean of type '").append(required.getName());
      text.append("' that could not be found.\n\n");
    }
    text.append("poltwt's starter configures ").append(what).append(" only with ");
    text.append(String.join(", ", labels(needs))).append('.');
    if (missing.isEmpty()) {
      text.append(
          " The properties are set: check that the bean it depends on was not excluded"
              + " or replaced by a bean of another type.");
    } else {
      text.append(" Missing: ").append(String.join("; ", missing)).append('.');
    }
    String action =
        (actions.isEmpty() ? "Check the configuration" : capitalised(String.join("; ", actions)))
            + "; or define your own "
            + what
            + " bean.";
    return new FailureAnalysis(text.toString(), action, cause);
  }

  /** What the starter needs to configure a type. */
  static List<String> needs(Class<?> type) {
    String name = type.getName();
    return switch (name) {
      case "org.poltwt.registration.RegistrationService" -> List.of(DATABASE, MAIL, DIRECTORY);
      case "org.poltwt.announcement.AnnouncementService",
          "org.poltwt.announcement.EditionService",
          "org.poltwt.spring.boot.autoconfigure.OutboxDelivery" ->
          List.of(DATABASE, MAIL);
      case "org.poltwt.spi.Mailer", "org.poltwt.mail.SmtpMailer" -> List.of(MAIL);
      case "org.poltwt.spi.AccountDirectory",
          "org.poltwt.twitter.XApiClient",
          "org.poltwt.twitter.XApiAccountDirectory",
          "org.poltwt.twitter.XApiTweetSource",
          "org.poltwt.spi.TweetSource" ->
          List.of(DIRECTORY);
      default ->
          name.startsWith("org.poltwt.spi.") && name.endsWith("Store") || STORE_TYPES.contains(name)
              ? List.of(DATABASE)
              : List.of();
    };
  }

  private static List<String> labels(List<String> needs) {
    return needs.stream()
        .map(
            need ->
                switch (need) {
                  case DATABASE -> "a DataSource";
                  case MAIL -> "a Mailer (spring.mail.host)";
                  default ->
                      "an AccountDirectory (poltwt.x.bearer-token, or poltwt.x.directory=in-memory)";
                })
        .toList();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

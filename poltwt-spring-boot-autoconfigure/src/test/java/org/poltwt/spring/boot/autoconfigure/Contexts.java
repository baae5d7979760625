package org.poltwt.spring.boot.autoconfigure;

import java.util.UUID;
import javax.sql.DataSource;
import org.poltwt.jdbc.JdbcStores;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The context runners of the tests: poltwt's auto-configurations, as an application gets them. */
final class Contexts {
  private Contexts() {}

  /** Every poltwt auto-configuration, with Spring's validation, and no beans of the application. */
  static ApplicationContextRunner bare() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                ValidationAutoConfiguration.class,
                PoltwtJdbcAutoConfiguration.class,
                PoltwtMailAutoConfiguration.class,
                PoltwtXApiAutoConfiguration.class,
                PoltwtAutoConfiguration.class,
                PoltwtAnnouncementsAutoConfiguration.class));
  }

  /** {@link #bare()} with a fresh in-memory H2 database as the application's data source. */
  static ApplicationContextRunner withDatabase() {
    return bare().withBean(DataSource.class, () -> JdbcStores.inMemoryH2(freshName()));
  }

  static String freshName() {
    return "boot_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The messages of a failure and all its causes, one line each. */
  static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}

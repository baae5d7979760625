package com.example.poltwt;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example end to end on the PostgreSQL server of {@value #PG_URL_VARIABLE} (a JDBC URL with
 * user and password; {@code source .ci/postgres.sh} starts one and sets it), its tables in a schema
 * of this run's own ({@code poltwt.jdbc.schema}), dropped afterwards. Without the variable the
 * tests are skipped with a message, unless {@code CI=true}, where they fail: CI must test both
 * databases.
 */
class PostgresSignupFlowTest extends SignupFlowTest {
  static final String PG_URL_VARIABLE = "POLTWT_TEST_PG_URL";
  static final String PG_URL_PROPERTY = "poltwt.test.pg.url";
  static final String SKIP_MESSAGE =
      "PostgreSQL tests need a server: set "
          + PG_URL_VARIABLE
          + " (or -D"
          + PG_URL_PROPERTY
          + ") to a JDBC URL with user and password; `source .ci/postgres.sh` starts a private one"
          + " and sets it";

  private static final String SCHEMA =
      "example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void needsAServer() {
    if (url() == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true, so the PostgreSQL tests must run. " + SKIP_MESSAGE);
      }
      System.err.println("[examples-spring-boot] SKIPPING the PostgreSQL tests. " + SKIP_MESSAGE);
      Assumptions.abort(SKIP_MESSAGE);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresSignupFlowTest::url);
    registry.add("poltwt.jdbc.schema", () -> SCHEMA);
  }

  @AfterAll
  static void dropTheSchema() throws SQLException {
    if (url() == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  private static String url() {
    String url = System.getProperty(PG_URL_PROPERTY, System.getenv(PG_URL_VARIABLE));
    return url == null || url.isBlank() ? null : url;
  }
}

package org.poltwt.jdbc;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.poltwt.jdbc.TestDatabase.Schema;

/**
 * The runs of an {@link OnEachDatabase} class: one for each {@link Database}, in order. A run gives
 * the class's constructor its {@link DatabaseFixture} and closes it after the run's last test. When
 * its database is not available the run fails at its start under {@code CI=true}; otherwise each of
 * its tests is skipped before its first line (a contract makes its store lazily, maybe inside an
 * assertion, which would take the skip for the wrong exception).
 */
final class DatabaseRuns implements ClassTemplateInvocationContextProvider {
  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), OnEachDatabase.class);
  }

  @Override
  public Stream<Run> provideClassTemplateInvocationContexts(ExtensionContext context) {
    OnEachDatabase on =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OnEachDatabase.class)
            .orElseThrow();
    Schema[] schemas = on.schemas();
    if (schemas.length == 0) {
      throw new IllegalArgumentException("@OnEachDatabase schemas: give at least one");
    }
    Database[] databases = Database.values();
    return IntStream.range(0, databases.length)
        .mapToObj(
            i ->
                new Run(
                    databases[i],
                    new DatabaseFixture(
                        databases[i], schemas[i % schemas.length], on.connections())));
  }

  /** One run of the class on one database; it is also the run's own extension. */
  static final class Run
      implements ClassTemplateInvocationContext,
          ParameterResolver,
          BeforeClassTemplateInvocationCallback,
          BeforeEachCallback,
          AfterClassTemplateInvocationCallback {
    private final Database database;
    private final DatabaseFixture fixture;

    Run(Database database, DatabaseFixture fixture) {
      this.database = database;
      this.fixture = fixture;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return fixture.toString();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == DatabaseFixture.class;
    }

    @Override
    public DatabaseFixture resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return fixture;
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) {
      database.available(); // under CI=true, fails the run here, once, when the database is not
      // available
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      database.assumeAvailable();
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) throws Exception {
      fixture.close();
    }
  }
}

package org.poltwt.jdbc;

import org.junit.jupiter.api.Assumptions;
import org.poltwt.jdbc.TestDatabase.Schema;

/**
 * The databases the store tests run on, in order: the one list. Every class marked {@link
 * OnEachDatabase} runs once on each, so a further database is a constant here (with a {@link
 * TestDatabase} that opens it).
 */
enum Database {
  /**
   * An in-memory H2 database, unpooled: a connection per call, as {@link JdbcStores#inMemoryH2}
   * gives.
   */
  H2("H2") {
    @Override
    TestDatabase open(Schema schema, int connections) {
      return TestDatabase.h2(schema, true);
    }

    @Override
    TestDatabase openEmpty() {
      return TestDatabase.h2(Schema.DEFAULT, false);
    }
  },

  /**
   * A fresh schema on the PostgreSQL server that {@value TestDatabase#PG_URL_VARIABLE} names,
   * pooled with HikariCP; without a server the tests are skipped, or fail under {@code CI=true}.
   */
  POSTGRESQL("PostgreSQL") {
    @Override
    boolean available() {
      return TestDatabase.postgresUrl().isPresent();
    }

    @Override
    void assumeAvailable() {
      Assumptions.assumeTrue(available(), TestDatabase.SKIP_MESSAGE);
    }

    @Override
    TestDatabase open(Schema schema, int connections) {
      return TestDatabase.postgres(schema, connections, true);
    }

    @Override
    TestDatabase openEmpty() {
      return TestDatabase.postgres(Schema.DEFAULT, 4, false);
    }
  };

  private final String displayName;

  Database(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Whether tests can run on this database: false when it is a server and none is given, and then
   * under {@code CI=true} the caller fails instead. An embedded database is always available.
   *
   * @return true when available
   */
  boolean available() {
    return true;
  }

  /** Skips the calling test, with the reason, when {@link #available()} is false. */
  void assumeAvailable() {}

  /**
   * A fresh database migrated to the latest version.
   *
   * @param schema where its tables go
   * @param connections the most connections a test takes at once (a pooled database's pool size)
   * @return the database; the caller closes it
   */
  abstract TestDatabase open(Schema schema, int connections);

  /**
   * A fresh database with nothing migrated, its tables to go in the connections' default schema.
   *
   * @return the database; the caller closes it
   */
  abstract TestDatabase openEmpty();

  @Override
  public String toString() {
    return displayName;
  }
}

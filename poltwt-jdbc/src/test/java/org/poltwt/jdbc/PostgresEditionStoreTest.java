package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.EditionStoreContract;

/** The {@link EditionStoreContract} on PostgreSQL, in a schema named by the builder. */
class PostgresEditionStoreTest extends EditionStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.postgres(4, true);
  }

  /** Skips each test, with the reason, when no PostgreSQL server was given. */
  @BeforeEach
  void requireServer() {
    TestDatabase.present(db);
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected EditionStore newStore() {
    TestDatabase.present(db).clear();
    return db.stores.editions();
  }
}

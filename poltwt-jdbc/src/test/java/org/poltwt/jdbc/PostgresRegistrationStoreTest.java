package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RegistrationStoreContract;

/** The {@link RegistrationStoreContract} on PostgreSQL, in a schema named by the builder, with a pool big enough for every racer. */
class PostgresRegistrationStoreTest extends RegistrationStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.postgres(RACERS + 10, true);
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
  protected RegistrationStore newStore() {
    TestDatabase.present(db).clear();
    return db.stores.registrations();
  }

  @Override
  protected void prepareEdition(int number) {
    db.ensureEdition(number);
  }
}

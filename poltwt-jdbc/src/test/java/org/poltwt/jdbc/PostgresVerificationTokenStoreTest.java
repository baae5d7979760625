package org.poltwt.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.spi.VerificationTokenStoreContract;

/** The {@link VerificationTokenStoreContract} on PostgreSQL, in the connections' default schema. */
class PostgresVerificationTokenStoreTest extends VerificationTokenStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.postgres(RACERS + 4, false);
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
  protected VerificationTokenStore newStore() {
    TestDatabase.present(db).clear();
    return db.stores.tokens();
  }

  @Override
  protected void prepareRegistration(UUID registrationId) {
    db.ensureRegistration(registrationId);
  }
}

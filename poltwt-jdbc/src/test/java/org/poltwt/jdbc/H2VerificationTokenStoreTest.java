package org.poltwt.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.spi.VerificationTokenStoreContract;

/** The {@link VerificationTokenStoreContract} on H2, in a schema of its own. */
class H2VerificationTokenStoreTest extends VerificationTokenStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.h2InOwnSchema();
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected VerificationTokenStore newStore() {
    db.clear();
    return db.stores.tokens();
  }

  @Override
  protected void prepareRegistration(UUID registrationId) {
    db.ensureRegistration(registrationId);
  }
}

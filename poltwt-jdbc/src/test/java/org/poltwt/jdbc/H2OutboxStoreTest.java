package org.poltwt.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.OutboxStoreContract;

/** The {@link OutboxStoreContract} on H2, in a schema of its own. */
class H2OutboxStoreTest extends OutboxStoreContract {
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
  protected OutboxStore newStore() {
    db.clear();
    return db.stores.outbox();
  }

  @Override
  protected void prepareRegistration(UUID registrationId) {
    db.ensureRegistration(registrationId);
  }
}

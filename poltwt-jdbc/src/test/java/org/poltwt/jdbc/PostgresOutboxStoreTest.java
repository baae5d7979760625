package org.poltwt.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.OutboxStoreContract;

/** The {@link OutboxStoreContract} on PostgreSQL, in the connections' default schema. */
class PostgresOutboxStoreTest extends OutboxStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.postgres(24, false);
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
  protected OutboxStore newStore() {
    TestDatabase.present(db).clear();
    return db.stores.outbox();
  }

  @Override
  protected void prepareRegistration(UUID registrationId) {
    db.ensureRegistration(registrationId);
  }
}

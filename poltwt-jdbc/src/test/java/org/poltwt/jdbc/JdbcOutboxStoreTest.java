package org.poltwt.jdbc;

import java.util.UUID;
import org.poltwt.jdbc.TestDatabase.Schema;
import org.poltwt.spi.OutboxStore;
import org.poltwt.test.OutboxStoreContract;

/** The {@link OutboxStoreContract} on each database. */
@OnEachDatabase(
    schemas = {Schema.OWN, Schema.DEFAULT},
    connections = 24)
class JdbcOutboxStoreTest extends OutboxStoreContract {
  private final DatabaseFixture database;

  JdbcOutboxStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected OutboxStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.outbox();
  }

  @Override
  protected void prepareRegistration(UUID registrationId) {
    database.db().ensureRegistration(registrationId);
  }
}

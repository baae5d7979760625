package org.poltwt.jdbc;

import org.poltwt.spi.EditionStore;
import org.poltwt.test.EditionStoreContract;

/** The {@link EditionStoreContract} on each database. */
@OnEachDatabase
class JdbcEditionStoreTest extends EditionStoreContract {
  private final DatabaseFixture database;

  JdbcEditionStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected EditionStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.editions();
  }
}

package org.poltwt.jdbc;

import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.test.HarvestCheckpointStoreContract;

/** The {@link HarvestCheckpointStoreContract} on each database. */
@OnEachDatabase
class JdbcHarvestCheckpointStoreTest extends HarvestCheckpointStoreContract {
  private final DatabaseFixture database;

  JdbcHarvestCheckpointStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected HarvestCheckpointStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.harvestCheckpoints();
  }
}

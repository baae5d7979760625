package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.EditionStoreContract;

/** The {@link EditionStoreContract} on H2, in the connections' default schema. */
class H2EditionStoreTest extends EditionStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.h2();
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected EditionStore newStore() {
    db.clear();
    return db.stores.editions();
  }
}

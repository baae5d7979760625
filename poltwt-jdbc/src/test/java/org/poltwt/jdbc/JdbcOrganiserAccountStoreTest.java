package org.poltwt.jdbc;

import org.poltwt.spi.OrganiserAccountStore;
import org.poltwt.test.OrganiserAccountStoreContract;

/** The {@link OrganiserAccountStoreContract} on each database. */
@OnEachDatabase
class JdbcOrganiserAccountStoreTest extends OrganiserAccountStoreContract {
  private final DatabaseFixture database;

  JdbcOrganiserAccountStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected OrganiserAccountStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.organiserAccounts();
  }
}

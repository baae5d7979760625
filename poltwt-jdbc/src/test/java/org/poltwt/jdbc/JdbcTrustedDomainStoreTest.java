package org.poltwt.jdbc;

import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.test.TrustedDomainStoreContract;

/** The {@link TrustedDomainStoreContract} on each database. */
@OnEachDatabase
class JdbcTrustedDomainStoreTest extends TrustedDomainStoreContract {
  private final DatabaseFixture database;

  JdbcTrustedDomainStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected TrustedDomainStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.trustedDomains();
  }
}

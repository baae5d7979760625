package org.poltwt.jdbc;

import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.test.RegistrationStoreContract;

/**
 * The {@link RegistrationStoreContract} on each database, with a pool big enough for every racer.
 */
@OnEachDatabase(connections = JdbcRegistrationStoreTest.CONNECTIONS)
class JdbcRegistrationStoreTest extends RegistrationStoreContract {
  /** One for each racer, and some to spare. */
  static final int CONNECTIONS = RACERS + 10;

  private final DatabaseFixture database;

  JdbcRegistrationStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected RegistrationStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.registrations();
  }

  @Override
  protected VerificationTokenStore newTokenStore() {
    return database.db().stores.tokens();
  }

  @Override
  protected void prepareEdition(int number) {
    database.db().ensureEdition(number);
  }
}

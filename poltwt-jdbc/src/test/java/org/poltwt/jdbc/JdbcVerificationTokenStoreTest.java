package org.poltwt.jdbc;

import java.util.UUID;
import org.poltwt.jdbc.TestDatabase.Schema;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.test.VerificationTokenStoreContract;

/**
 * The {@link VerificationTokenStoreContract} on each database, with a pool big enough for every
 * racer.
 */
@OnEachDatabase(
    schemas = {Schema.OWN, Schema.DEFAULT},
    connections = JdbcVerificationTokenStoreTest.CONNECTIONS)
class JdbcVerificationTokenStoreTest extends VerificationTokenStoreContract {
  /** One for each racer, and some to spare. */
  static final int CONNECTIONS = RACERS + 4;

  private final DatabaseFixture database;

  JdbcVerificationTokenStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected VerificationTokenStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.tokens();
  }

  @Override
  protected void prepareRegistration(UUID registrationId) {
    database.db().ensureRegistration(registrationId);
  }
}

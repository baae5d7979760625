package org.poltwt.jdbc;

import java.util.UUID;
import org.poltwt.registration.Registration;
import org.poltwt.spi.RetentionStore;
import org.poltwt.test.Registrations;
import org.poltwt.test.RetentionStoreContract;

/** The {@link RetentionStoreContract} on each database. */
@OnEachDatabase
class JdbcRetentionStoreTest extends RetentionStoreContract {
  private final DatabaseFixture database;

  JdbcRetentionStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected RetentionStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.retention();
  }

  /** A hold's row refers to its registration's, so the registration is stored first. */
  @Override
  protected UUID registration(int edition, String handle) {
    TestDatabase db = database.db();
    db.ensureEdition(edition);
    Registration r = Registrations.agency(edition, handle);
    if (db.stores.registrations().find(r.id()).isEmpty()) {
      db.stores.registrations().insert(r);
    }
    return r.id();
  }
}

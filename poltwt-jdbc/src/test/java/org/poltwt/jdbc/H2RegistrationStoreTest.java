package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RegistrationStoreContract;

/** The {@link RegistrationStoreContract} on H2, in the connections' default schema. */
class H2RegistrationStoreTest extends RegistrationStoreContract {
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
  protected RegistrationStore newStore() {
    db.clear();
    return db.stores.registrations();
  }

  @Override
  protected void prepareEdition(int number) {
    db.ensureEdition(number);
  }
}

package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.TweetStoreContract;

/** The {@link TweetStoreContract} on H2, in the connections' default schema. */
class H2TweetStoreTest extends TweetStoreContract {
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
  protected TweetStore newStore() {
    JdbcTweetStoreBehaviour.clear(db);
    return db.stores.tweets();
  }

  @Override
  protected void prepareEdition(int number) {
    db.ensureEdition(number);
  }
}

package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.TweetStoreContract;

/** The {@link TweetStoreContract} on PostgreSQL, in a schema named by the builder. */
class PostgresTweetStoreTest extends TweetStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.postgres(4, true);
  }

  /** Skips each test, with the reason, when no PostgreSQL server was given. */
  @BeforeEach
  void requireServer() {
    TestDatabase.present(db);
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected TweetStore newStore() {
    JdbcTweetStoreBehaviour.clear(TestDatabase.present(db));
    return db.stores.tweets();
  }

  @Override
  protected void prepareEdition(int number) {
    db.ensureEdition(number);
  }
}

package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcTweetStoreBehaviour} on H2, unpooled: a connection per call, as {@link JdbcStores#inMemoryH2} gives. */
class H2JdbcTweetStoreTest extends JdbcTweetStoreBehaviour {
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
  TestDatabase db() {
    return db;
  }
}

package org.poltwt.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcTweetStoreBehaviour} on PostgreSQL, pooled with HikariCP: a connection for each racer. */
class PostgresJdbcTweetStoreTest extends JdbcTweetStoreBehaviour {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.postgres(RACERS + 5, true);
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Override
  TestDatabase db() {
    return TestDatabase.present(db);
  }
}

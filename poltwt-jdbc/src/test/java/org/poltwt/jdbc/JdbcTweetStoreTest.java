package org.poltwt.jdbc;

import org.poltwt.spi.TweetStore;
import org.poltwt.test.TweetStoreContract;

/** The {@link TweetStoreContract} on each database. */
@OnEachDatabase
class JdbcTweetStoreTest extends TweetStoreContract {
  private final DatabaseFixture database;

  JdbcTweetStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected TweetStore newStore() {
    TestDatabase db = database.db();
    JdbcTweetStoreBehaviour.clear(db);
    return db.stores.tweets();
  }

  @Override
  protected void prepareEdition(int number) {
    database.db().ensureEdition(number);
  }
}

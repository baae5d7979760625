package org.poltwt.jdbc;

import org.poltwt.test.RetentionJobContract;

/**
 * The retention job ({@link org.poltwt.registration.Retention}) on each database, with a clock the
 * tests move, including two jobs at once as two instances sharing the database would run it.
 */
@OnEachDatabase
class JdbcRetentionJobTest extends RetentionJobContract {
  private final DatabaseFixture database;

  JdbcRetentionJobTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected Stores newStores() {
    TestDatabase db = database.db();
    db.clear();
    JdbcStores s = db.stores;
    return new Stores(s.editions(), s.registrations(), s.tokens(), s.outbox(), s.retention());
  }
}

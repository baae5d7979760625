package org.poltwt.jdbc;

/**
 * {@link JdbcTweetStoreBehaviour} on each database, a pooled one with a connection for each racer.
 */
@OnEachDatabase(connections = JdbcTweetStoreBehaviour.RACERS + 5)
class JdbcTweetStoreBehaviourTest extends JdbcTweetStoreBehaviour {
  private final DatabaseFixture database;

  JdbcTweetStoreBehaviourTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  TestDatabase db() {
    return database.db();
  }
}

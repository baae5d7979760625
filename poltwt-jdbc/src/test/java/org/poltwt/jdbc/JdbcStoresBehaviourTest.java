package org.poltwt.jdbc;

/** {@link JdbcStoresBehaviour} on each database, a pooled one with a connection for each racer. */
@OnEachDatabase(connections = JdbcStoresBehaviour.SAME_HANDLE_RACERS + 5)
class JdbcStoresBehaviourTest extends JdbcStoresBehaviour {
  private final DatabaseFixture database;

  JdbcStoresBehaviourTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  TestDatabase db() {
    return database.db();
  }
}

package org.poltwt.jdbc;

import org.poltwt.jdbc.TestDatabase.Schema;

/** {@link MigrationBehaviour} on each database, a fresh one for each test. */
@OnEachDatabase(schemas = Schema.DEFAULT)
class MigrationBehaviourTest extends MigrationBehaviour {
  private final DatabaseFixture database;

  MigrationBehaviourTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  TestDatabase emptyDatabase() {
    return database.openEmpty();
  }
}

package org.poltwt.jdbc;

/** {@link MigrationBehaviour} on PostgreSQL, in a fresh schema per test. */
class PostgresMigrationTest extends MigrationBehaviour {
  @Override
  TestDatabase emptyDatabase() {
    return TestDatabase.postgresEmpty();
  }
}

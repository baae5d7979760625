package org.poltwt.jdbc;

/** {@link MigrationBehaviour} on H2. */
class H2MigrationTest extends MigrationBehaviour {
  @Override
  TestDatabase emptyDatabase() {
    return TestDatabase.h2Empty();
  }
}

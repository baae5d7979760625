package org.poltwt.jdbc;

import java.sql.SQLException;
import org.poltwt.jdbc.TestDatabase.Schema;

/**
 * The database that one run of an {@link OnEachDatabase} class uses: opened when a test first asks
 * for it, shared by the class's tests, and closed by {@link DatabaseRuns} after the last. Its
 * {@code toString()} names the run.
 */
final class DatabaseFixture implements AutoCloseable {
  private final Database database;
  private final Schema schema;
  private final int connections;
  private TestDatabase opened;

  DatabaseFixture(Database database, Schema schema, int connections) {
    this.database = database;
    this.schema = schema;
    this.connections = connections;
  }

  /**
   * The class's migrated database, opened on the first call. Skips the calling test, or fails it
   * under {@code CI=true}, when the database is not available.
   *
   * @return the database
   */
  TestDatabase db() {
    if (opened == null) {
      opened = database.open(schema, connections);
    }
    return opened;
  }

  /**
   * A further database with nothing migrated, for a test that needs one of its own.
   *
   * @return the database; the caller closes it
   */
  TestDatabase openEmpty() {
    return database.openEmpty();
  }

  @Override
  public void close() throws SQLException {
    if (opened != null) {
      TestDatabase db = opened;
      opened = null;
      db.close();
    }
  }

  @Override
  public String toString() {
    return database + (schema == Schema.OWN ? " (own schema)" : " (default schema)");
  }
}

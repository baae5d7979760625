package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.spi.SessionStore;
import org.poltwt.test.SessionStoreContract;

/**
 * The {@link SessionStoreContract} on each database, and two {@link JdbcStores} on one database (as
 * two instances would be) sharing sessions and racing to open one hash.
 */
@OnEachDatabase(connections = 2 * SessionStoreContract.RACERS + 2)
class JdbcSessionStoreTest extends SessionStoreContract {
  private final DatabaseFixture database;

  JdbcSessionStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected SessionStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.sessions();
  }

  /** A second set of stores on the same database, as another instance would build. */
  private SessionStore otherInstance() {
    TestDatabase db = database.db();
    JdbcStores.Builder b = JdbcStores.builder(db.dataSource);
    db.schema.ifPresent(b::schema);
    return b.build().sessions();
  }

  @Test
  void aSessionOpenedOnOneInstanceIsSeenAndEndedOnAnother() throws Exception {
    SessionStore other = otherInstance();
    store.open(session(1, "ana"));

    assertThat(other.find(hash(1), T0)).isPresent();
    assertThat(other.closeAllOf("ana")).isEqualTo(1);
    assertThat(store.find(hash(1), T0)).isEmpty();
    assertThat(exactlyOneOpens(store, other, hash(2))).isEqualTo(1);
  }
}

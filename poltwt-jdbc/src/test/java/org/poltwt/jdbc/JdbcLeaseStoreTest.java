package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.spi.Lease;
import org.poltwt.spi.LeaseStore;
import org.poltwt.test.LeaseStoreContract;

/**
 * The {@link LeaseStoreContract} on each database, and two {@link JdbcStores} on one database (as
 * two instances would be) racing for one lease.
 */
@OnEachDatabase(connections = 2 * LeaseStoreContract.RACERS + 2)
class JdbcLeaseStoreTest extends LeaseStoreContract {
  private final DatabaseFixture database;

  JdbcLeaseStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected LeaseStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.leases();
  }

  /** A second set of stores on the same database, as another instance would build. */
  private LeaseStore otherInstance() {
    TestDatabase db = database.db();
    JdbcStores.Builder b = JdbcStores.builder(db.dataSource);
    db.schema.ifPresent(b::schema);
    return b.build().leases();
  }

  @Test
  void twoInstancesRacingForOneLeaseGrantItOnce() throws Exception {
    LeaseStore other = otherInstance();

    for (int round = 0; round < 5; round++) {
      String name = "harvest.round-" + round;
      Lease first = exactlyOneWinner(store, other, name, T0);
      assertThat(other.find(name, T0)).hasValue(first);
      Lease second = exactlyOneWinner(store, other, name, first.expiry());
      assertThat(store.find(name, first.expiry())).hasValue(second);
    }
  }
}

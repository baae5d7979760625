package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.spi.HeldActionStore;
import org.poltwt.test.HeldActionStoreContract;

/**
 * The {@link HeldActionStoreContract} on each database, and two {@link JdbcStores} on one database
 * (as two instances would be) confirming one action at once.
 */
@OnEachDatabase(connections = 2 * HeldActionStoreContract.RACERS + 2)
class JdbcHeldActionStoreTest extends HeldActionStoreContract {
  private final DatabaseFixture database;

  JdbcHeldActionStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected HeldActionStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.heldActions();
  }

  /** A second set of stores on the same database, as another instance would build. */
  private HeldActionStore otherInstance() {
    TestDatabase db = database.db();
    JdbcStores.Builder b = JdbcStores.builder(db.dataSource);
    db.schema.ifPresent(b::schema);
    return b.build().heldActions();
  }

  @Test
  void twoInstancesConfirmingOneActionClaimItOnce() throws Exception {
    HeldActionStore other = otherInstance();

    for (int round = 0; round < 5; round++) {
      String key = "announce-" + round;
      assertThat(store.hold(action(key))).isTrue();
      assertThat(other.hold(action(key))).isFalse();
      assertThat(claimsWon(store, other, key)).as(key).isEqualTo(1);
      other.complete(key, "sent 1");
      assertThat(store.find(key, T0).orElseThrow().result()).hasValue("sent 1");
    }
  }
}

package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.spi.RateLimitStore;
import org.poltwt.test.RateLimitStoreContract;

/**
 * The {@link RateLimitStoreContract} on each database, and two {@link JdbcStores} on one database
 * (as two instances would be) counting into one number.
 */
@OnEachDatabase(connections = 2 * RateLimitStoreContract.RACERS + 2)
class JdbcRateLimitStoreTest extends RateLimitStoreContract {
  private final DatabaseFixture database;

  JdbcRateLimitStoreTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected RateLimitStore newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.rateLimits();
  }

  /** A second set of stores on the same database, as another instance would build. */
  private RateLimitStore otherInstance() {
    TestDatabase db = database.db();
    JdbcStores.Builder b = JdbcStores.builder(db.dataSource);
    db.schema.ifPresent(b::schema);
    return b.build().rateLimits();
  }

  @Test
  void twoInstancesHittingOneKeyCountIntoOneNumber() throws Exception {
    RateLimitStore other = otherInstance();

    assertThat(countsOfConcurrentHits(store, other, "signup:handle:poltwt"))
        .containsExactlyElementsOf(expectedCounts());
    assertThat(other.find("signup:handle:poltwt", T0, WINDOW).orElseThrow().count())
        .isEqualTo(RACERS * HITS_EACH);
  }
}

package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.spi.PublicationLog;
import org.poltwt.test.PublicationLogContract;

/**
 * The {@link PublicationLogContract} on each database, and publishers in two {@link JdbcStores} on
 * one database (as two processes would be) racing on one key.
 */
@OnEachDatabase(connections = 2 * PublicationLogContract.RACERS + 2)
class JdbcPublicationLogTest extends PublicationLogContract {
  private final DatabaseFixture database;

  JdbcPublicationLogTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected PublicationLog newStore() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.publications();
  }

  /** A second set of stores on the same database, as another process would build. */
  private PublicationLog secondProcess() {
    TestDatabase db = database.db();
    JdbcStores.Builder b = JdbcStores.builder(db.dataSource);
    db.schema.ifPresent(b::schema);
    return b.build().publications();
  }

  @Test
  void twoProcessesRacingOnOneKeyGrantExactlyOneClaim() throws Exception {
    PublicationLog other = secondProcess();

    for (int round = 0; round < 5; round++) {
      String key = "edition-6/call/" + round;
      assertThat(exactlyOneGranted(log, other, key, T0)).as(key).isEqualTo(1);
      assertThat(exactlyOneGranted(log, other, key, T0.plus(STALE))).as(key).isEqualTo(1);
    }
  }

  @Test
  void aClaimMadeByOneProcessIsSeenByTheOtherAfterARestart() {
    log.claim("k", DIGEST, T0, STALE);
    PublicationLog restarted = secondProcess();

    assertThat(restarted.claim("k", DIGEST, T0.plusSeconds(1), STALE).granted()).isFalse();
    log.markPosted("k", java.util.Optional.of("1"), T0.plusSeconds(2));
    assertThat(restarted.find("k").orElseThrow().tweetId()).hasValue("1");
  }
}

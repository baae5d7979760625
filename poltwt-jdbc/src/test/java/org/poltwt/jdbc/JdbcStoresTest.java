package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.PoltwtException;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.VerificationToken;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

/**
 * {@link JdbcStores} itself: its options, the embedded H2 data sources, and what failures look
 * like.
 */
class JdbcStoresTest {
  @Test
  void schemaNamesArePlainIdentifiers() {
    DataSource ds = JdbcStores.inMemoryH2("names");
    for (String ok : List.of("poltwt", "_x", "Poltwt_2", "a".repeat(63))) {
      assertThat(JdbcStores.builder(ds).migrateOnStart(false).schema(ok)).isNotNull();
    }
    for (String bad :
        List.of("", "1abc", "pol-twt", "x\"; DROP TABLE edition; --", "a".repeat(64), "poltwt.x")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> JdbcStores.builder(ds).schema(bad))
          .withMessageStartingWith("schema:");
    }
    assertThatIllegalArgumentException().isThrownBy(() -> JdbcStores.builder(ds).schema(null));
    assertThatNullPointerException().isThrownBy(() -> JdbcStores.create(null));
  }

  @Test
  void importBatchSizeIsChecked() {
    JdbcStores stores = JdbcStores.create(JdbcStores.inMemoryH2("batch-size"));

    assertThatIllegalArgumentException().isThrownBy(() -> stores.importRegistrations(List.of(), 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> stores.importRegistrations(List.of(), JdbcStores.MAX_IMPORT_BATCH + 1));
    assertThatNullPointerException().isThrownBy(() -> stores.importRegistrations(null, 10));
    assertThat(stores.importRegistrations(List.of(), 10))
        .isEqualTo(new ImportReport(0, 0, List.of()));
  }

  @Test
  void h2DataSourceNamesAndPathsAreChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdbcStores.inMemoryH2("a;INIT=RUNSCRIPT FROM 'x'"));
    assertThatIllegalArgumentException().isThrownBy(() -> JdbcStores.inMemoryH2(""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdbcStores.embeddedH2(Path.of("/tmp/a;INIT=x")));
    assertThatNullPointerException().isThrownBy(() -> JdbcStores.embeddedH2(null));
  }

  @Test
  void anEmbeddedDatabaseKeepsItsDataInItsDirectory(@TempDir Path dir) throws SQLException {
    DataSource ds = JdbcStores.embeddedH2(dir);
    JdbcStores stores = JdbcStores.create(ds);
    stores.editions().save(Editions.complete(1));
    stores.registrations().insert(Registrations.complete(1, "On_Disk"));
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN"); // closes the files; the next connection opens them again
    }

    JdbcStores reopened = JdbcStores.create(JdbcStores.embeddedH2(dir));

    assertThat(dir.resolve("poltwt.mv.db")).exists();
    assertThat(reopened.editions().find(1)).contains(Editions.complete(1));
    assertThat(reopened.registrations().list(RegistrationQuery.of(1), 0, 10))
        .containsExactly(Registrations.complete(1, "On_Disk"));
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Test
  void storesThatOpenedTheirOwnDatabaseShutItDownOnClose(@TempDir Path dir) throws Exception {
    try (JdbcStores stores = JdbcStores.embedded(dir)) {
      stores.editions().save(Editions.complete(1));
    }
    // Shut down, the file is free: H2 opens it again here without DB_CLOSE_DELAY, which it
    // would refuse ("already in use") only across processes, so look at the lock file instead.
    assertThat(dir.resolve("poltwt.lock.db")).doesNotExist();
    try (JdbcStores again = JdbcStores.embedded(dir)) {
      assertThat(again.editions().find(1)).contains(Editions.complete(1));
    }

    JdbcStores memory = JdbcStores.inMemory("closing");
    memory.editions().save(Editions.complete(2));
    memory.close();
    memory.close(); // a second close does nothing

    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> memory.editions().find(2))
        .withMessageContaining("closed");
    try (JdbcStores fresh = JdbcStores.inMemory("closing")) {
      assertThat(fresh.editions().find(2)).isEmpty();
    }
  }

  @Test
  void closingNeverClosesTheCallersDataSource() throws SQLException {
    DataSource ds = JdbcStores.inMemoryH2("callers-own");
    JdbcStores stores = JdbcStores.create(ds);
    stores.editions().save(Editions.complete(3));

    stores.close();

    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> stores.editions().find(3));
    try (JdbcStores other = JdbcStores.create(ds)) {
      assertThat(other.editions().find(3)).contains(Editions.complete(3));
    }
  }

  @Test
  void aPoolThatHandsOutConnectionsWithoutAutoCommitStillGetsEveryChangeCommitted() {
    HikariConfig config = new HikariConfig();
    config.setDataSource(JdbcStores.inMemoryH2("no-auto-commit"));
    config.setAutoCommit(false);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcStores stores = JdbcStores.create(pool);
      stores.editions().save(Editions.scheduled(1));
      stores.registrations().insert(Registrations.agency(1, "Committed"));
      stores
          .tokens()
          .save(
              new VerificationToken(
                  "e".repeat(64),
                  Registrations.idFor(1, "Committed"),
                  Registrations.at(0),
                  Registrations.at(60),
                  Optional.empty()));
      assertThat(stores.tokens().markUsed("e".repeat(64), Registrations.at(1))).isTrue();

      JdbcStores elsewhere = JdbcStores.create(JdbcStores.inMemoryH2("no-auto-commit"));
      assertThat(elsewhere.registrations().count(RegistrationQuery.of(1))).isEqualTo(1);
      assertThat(elsewhere.tokens().findByHash("e".repeat(64)).orElseThrow().usedAt()).isPresent();
    }
  }

  @Test
  void theHistoryTableHasItsOwnNameBesideTheApplicationsTables() throws SQLException {
    DataSource ds = JdbcStores.inMemoryH2("history");
    JdbcStores.create(ds);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM \"" + JdbcStores.HISTORY_TABLE + "\"")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
    }
  }

  @Test
  void failuresCarryTheSqlStateButNeverTheValuesADriverQuotes() {
    String email = "secret.officer@police.gov";
    SQLException quoting =
        new SQLException(
            "new row violates check constraint: Failing row contains (" + email + ")", "23514", 0);
    JdbcStores stores = JdbcStores.builder(failing(quoting)).migrateOnStart(false).build();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> stores.registrations().insert(Registrations.agency(1, "Any_PD")))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(JdbcStores.FAILURE_CODE);
              assertThat(e.getMessage()).contains("SQLState 23514").doesNotContain(email);
              assertThat(e.getCause()).isExactlyInstanceOf(SQLException.class);
              assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23514");
              assertThat(e.getCause().getMessage()).doesNotContain(email);
              assertThat(e.getCause().getStackTrace()).isEqualTo(quoting.getStackTrace());
            });
  }

  @Test
  void connectionFailuresKeepTheirMessage() {
    SQLException refused = new SQLException("Connection to localhost:1 refused", "08001", 0);
    JdbcStores stores = JdbcStores.builder(failing(refused)).migrateOnStart(false).build();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> stores.editions().all())
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(JdbcStores.FAILURE_CODE);
              assertThat(e.getCause().getMessage()).contains("Connection to localhost:1 refused");
            });
  }

  @Test
  void aFailedStartNamesTheMigration() {
    SQLException refused = new SQLException("Connection to localhost:1 refused", "08001", 0);

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> JdbcStores.create(failing(refused)))
        .satisfies(e -> assertThat(e.code()).isEqualTo(JdbcStores.MIGRATION_FAILURE_CODE));
  }

  /** A data source whose connections cannot be had. */
  private static DataSource failing(SQLException e) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        throw e;
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        throw e;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}

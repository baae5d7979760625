package org.poltwt.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.AuditLog;
import org.poltwt.test.AuditLogContract;

/** The {@link AuditLogContract} on each database, and the table's own refusal of emails. */
@OnEachDatabase
class JdbcAuditLogTest extends AuditLogContract {
  private final DatabaseFixture database;

  JdbcAuditLogTest(DatabaseFixture database) {
    this.database = database;
  }

  @Override
  protected AuditLog newLog() {
    TestDatabase db = database.db();
    db.clear();
    return db.stores.auditLog();
  }

  @Test
  void theTableRefusesAnEmailWrittenByOtherMeans() {
    TestDatabase db = database.db();
    assertThatThrownBy(
            () -> {
              try (Connection c = db.dataSource.getConnection();
                  Statement s = c.createStatement()) {
                s.executeUpdate(
                    "INSERT INTO "
                        + new Tables(db.schema).auditEntry
                        + " (occurred_at, actor, action, target, address) VALUES"
                        + " (CURRENT_TIMESTAMP, 'admin', 'x', 'press@police.example.gov', '')");
              }
            })
        .isInstanceOf(SQLException.class);
  }
}

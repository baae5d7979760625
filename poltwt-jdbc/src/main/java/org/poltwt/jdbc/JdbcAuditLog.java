package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.AuditLog;

/**
 * An {@link AuditLog} on the {@code audit_entry} table. It only ever inserts and selects: there is
 * no statement here that updates or deletes a row, so the log cannot be edited through the stores.
 * The identity column {@code seq} orders entries of one instant as they were appended. Instants are
 * stored to the microsecond (truncated).
 */
final class JdbcAuditLog implements AuditLog {
  private final Jdbc jdbc;
  private final String insert;
  private final String select;
  private final String count;

  JdbcAuditLog(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.auditEntry;
    insert =
        "INSERT INTO "
            + t
            + " (occurred_at, actor, action, target, address) VALUES (?, ?, ?, ?, ?)";
    select =
        "SELECT occurred_at, actor, action, target, address FROM "
            + t
            + " ORDER BY occurred_at DESC, seq DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    count = "SELECT COUNT(*) FROM " + t;
  }

  @Override
  public void append(AuditEntry entry) {
    requireNonNull(entry, "entry");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
              Jdbc.setInstant(ps, 1, entry.at());
              ps.setString(2, entry.actor());
              ps.setString(3, entry.action());
              ps.setString(4, entry.target());
              ps.setString(5, entry.address());
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("appending to the audit log", e);
    }
  }

  @Override
  public List<AuditEntry> list(long offset, int limit) {
    AuditLog.checkPage(offset, limit);
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(select)) {
              ps.setLong(1, offset);
              ps.setLong(2, limit);
              List<AuditEntry> page = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  page.add(
                      new AuditEntry(
                          Jdbc.getInstant(rs, "occurred_at"),
                          rs.getString("actor"),
                          rs.getString("action"),
                          rs.getString("target"),
                          rs.getString("address")));
                }
              }
              return List.copyOf(page);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("reading the audit log", e);
    }
  }

  @Override
  public long count() {
    try {
      return jdbc.count(count, ps -> 1);
    } catch (SQLException e) {
      throw SqlFailures.failure("counting the audit log", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcAuditLog";
  }
}

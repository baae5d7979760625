package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TrustedDomainStore;

/**
 * A {@link TrustedDomainStore} on the {@code trusted_domain} table, one row per domain. A save is
 * an {@code UPDATE}, then an {@code INSERT} when no row was there; of two first saves racing, the
 * loser of the insert updates the winner's row (the last decision wins, as in memory). The list is
 * sorted in Java, by code point, so both databases order it alike whatever their collation.
 */
final class JdbcTrustedDomainStore implements TrustedDomainStore {
  private static final int SAVE_TRIES = 3;

  private final Jdbc jdbc;
  private final String update;
  private final String insert;
  private final String select;
  private final String selectAll;

  JdbcTrustedDomainStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.trustedDomain;
    update =
        "UPDATE "
            + t
            + " SET trusted = ?, note = ?, decided_by = ?, decided_at = ? WHERE domain = ?";
    insert =
        "INSERT INTO "
            + t
            + " (trusted, note, decided_by, decided_at, domain) VALUES (?, ?, ?, ?, ?)";
    selectAll = "SELECT domain, trusted, note, decided_by, decided_at FROM " + t;
    select = selectAll + " WHERE domain = ?";
  }

  @Override
  public void save(TrustedDomain decision) {
    requireNonNull(decision, "decision");
    for (int attempt = 1; ; attempt++) {
      try {
        if (write(update, decision) == 0) {
          write(insert, decision);
        }
        return;
      } catch (SQLException e) {
        if (!SqlFailures.isUniqueViolation(e) || attempt == SAVE_TRIES) {
          throw SqlFailures.failure("saving a trusted domain", e);
        }
      }
    }
  }

  private int write(String sql, TrustedDomain d) throws SQLException {
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, d.trusted());
            ps.setString(2, d.note());
            ps.setString(3, d.by());
            Jdbc.setInstant(ps, 4, d.at());
            ps.setString(5, d.domain());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<TrustedDomain> find(String domain) {
    requireNonNull(domain, "domain");
    List<TrustedDomain> found = query(select, domain);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<TrustedDomain> list() {
    List<TrustedDomain> all = new ArrayList<>(query(selectAll, null));
    all.sort(Comparator.comparing(TrustedDomain::domain));
    return List.copyOf(all);
  }

  private List<TrustedDomain> query(String sql, String domain) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              if (domain != null) {
                ps.setString(1, domain);
              }
              List<TrustedDomain> rows = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  rows.add(
                      new TrustedDomain(
                          rs.getString("domain"),
                          rs.getBoolean("trusted"),
                          rs.getString("note"),
                          rs.getString("decided_by"),
                          Jdbc.getInstant(rs, "decided_at")));
                }
              }
              return rows;
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("reading trusted domains", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcTrustedDomainStore";
  }
}

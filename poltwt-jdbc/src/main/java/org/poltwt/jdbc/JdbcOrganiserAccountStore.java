package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.OrganiserAccountStore;

/**
 * An {@link OrganiserAccountStore} on the {@code organiser_account} table, one row per account. An
 * insert the primary key refuses reports the name as taken; no statement here deletes a row.
 */
final class JdbcOrganiserAccountStore implements OrganiserAccountStore {
  private static final String COLUMNS =
      "name, email, role, password_hash, totp_secret, invitation_hash, invitation_expires_at,"
          + " created_at, disabled";

  private final Jdbc jdbc;
  private final String insert;
  private final String update;
  private final String byName;
  private final String byInvitation;
  private final String all;

  JdbcOrganiserAccountStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.organiserAccount;
    insert = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    update =
        "UPDATE "
            + t
            + " SET email = ?, role = ?, password_hash = ?, totp_secret = ?, invitation_hash = ?,"
            + " invitation_expires_at = ?, created_at = ?, disabled = ? WHERE name = ?";
    byName = "SELECT " + COLUMNS + " FROM " + t + " WHERE name = ?";
    byInvitation = "SELECT " + COLUMNS + " FROM " + t + " WHERE invitation_hash = ?";
    all = "SELECT " + COLUMNS + " FROM " + t + " ORDER BY name";
  }

  @Override
  public boolean insert(OrganiserAccount a) {
    requireNonNull(a, "account");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
              ps.setString(1, a.name());
              ps.setString(2, a.email());
              ps.setString(3, a.role().name());
              Jdbc.setString(ps, 4, a.passwordHash());
              Jdbc.setString(ps, 5, a.totpSecret());
              Jdbc.setString(ps, 6, a.invitationHash());
              Jdbc.setInstant(ps, 7, a.invitationExpires());
              Jdbc.setInstant(ps, 8, a.created());
              ps.setBoolean(9, a.disabled());
              return ps.executeUpdate();
            }
          });
      return true;
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e) && find(a.name()).isPresent()) {
        return false;
      }
      throw SqlFailures.failure("inserting an organiser account", e);
    }
  }

  @Override
  public void update(OrganiserAccount a) {
    requireNonNull(a, "account");
    int rows;
    try {
      rows =
          jdbc.withConnection(
              c -> {
                try (PreparedStatement ps = c.prepareStatement(update)) {
                  ps.setString(1, a.email());
                  ps.setString(2, a.role().name());
                  Jdbc.setString(ps, 3, a.passwordHash());
                  Jdbc.setString(ps, 4, a.totpSecret());
                  Jdbc.setString(ps, 5, a.invitationHash());
                  Jdbc.setInstant(ps, 6, a.invitationExpires());
                  Jdbc.setInstant(ps, 7, a.created());
                  ps.setBoolean(8, a.disabled());
                  ps.setString(9, a.name());
                  return ps.executeUpdate();
                }
              });
    } catch (SQLException e) {
      throw SqlFailures.failure("updating an organiser account", e);
    }
    if (rows == 0) {
      throw new IllegalStateException("no organiser account of that name");
    }
  }

  @Override
  public Optional<OrganiserAccount> find(String name) {
    return one(byName, requireNonNull(name, "name"));
  }

  @Override
  public Optional<OrganiserAccount> findByInvitation(String invitationHash) {
    return one(byInvitation, requireNonNull(invitationHash, "invitationHash"));
  }

  private Optional<OrganiserAccount> one(String sql, String key) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, key);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<OrganiserAccount>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding an organiser account", e);
    }
  }

  @Override
  public List<OrganiserAccount> all() {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(all);
                ResultSet rs = ps.executeQuery()) {
              List<OrganiserAccount> out = new ArrayList<>();
              while (rs.next()) {
                out.add(read(rs));
              }
              return List.copyOf(out);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("listing the organiser accounts", e);
    }
  }

  private static OrganiserAccount read(ResultSet rs) throws SQLException {
    return new OrganiserAccount(
        rs.getString("name"),
        rs.getString("email"),
        OrganiserAccount.Role.valueOf(rs.getString("role")),
        Jdbc.getOptionalString(rs, "password_hash"),
        Jdbc.getOptionalString(rs, "totp_secret"),
        Jdbc.getOptionalString(rs, "invitation_hash"),
        Jdbc.getOptionalInstant(rs, "invitation_expires_at"),
        Jdbc.getInstant(rs, "created_at"),
        rs.getBoolean("disabled"));
  }

  @Override
  public String toString() {
    return "JdbcOrganiserAccountStore";
  }
}

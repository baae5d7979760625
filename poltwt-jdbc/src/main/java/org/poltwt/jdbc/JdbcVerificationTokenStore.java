package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * A {@link VerificationTokenStore} on the {@code verification_token} table, keyed by the token's
 * hash. {@link #markUsed(String, Instant)} is one conditional {@code UPDATE}: the database lets
 * exactly one of concurrent calls change the row.
 */
final class JdbcVerificationTokenStore implements VerificationTokenStore {
  private final Jdbc jdbc;
  private final String insert;
  private final String select;
  private final String markUsed;
  private final String delete;
  private final String latest;

  JdbcVerificationTokenStore(Jdbc jdbc, Tables t) {
    this.jdbc = jdbc;
    insert =
        "INSERT INTO "
            + t.verificationToken
            + " (token_hash, registration_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)";
    select =
        "SELECT token_hash, registration_id, created_at, expires_at, used_at FROM "
            + t.verificationToken
            + " WHERE token_hash = ?";
    markUsed =
        "UPDATE "
            + t.verificationToken
            + " SET used_at = ? WHERE token_hash = ? AND used_at IS NULL";
    latest =
        "SELECT MAX(created_at) AS latest FROM "
            + t.verificationToken
            + " WHERE registration_id = ?";
    delete = "DELETE FROM " + t.verificationToken + " WHERE registration_id = ?";
  }

  @Override
  public void save(VerificationToken token) {
    requireNonNull(token, "token");
    try {
      jdbc.withConnection(c -> insert(c, token));
    } catch (SQLException e) {
      throw saveFailure(token, e);
    }
  }

  /** Whether this store writes through the same database access as {@code other}. */
  boolean sharesDatabaseWith(Jdbc other) {
    return jdbc == other;
  }

  /** Inserts the token on a connection the caller holds (and commits). */
  int insert(Connection c, VerificationToken token) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setString(1, token.hash());
      Jdbc.setUuid(ps, 2, token.registrationId());
      Jdbc.setInstant(ps, 3, token.createdAt());
      Jdbc.setInstant(ps, 4, token.expiresAt());
      Jdbc.setInstant(ps, 5, token.usedAt());
      return ps.executeUpdate();
    }
  }

  /** Turns a failed token insert into the exception the SPI names, or a store failure. */
  static RuntimeException saveFailure(VerificationToken token, SQLException e) {
    if (SqlFailures.isUniqueViolation(e)) {
      return new IllegalStateException("hash: a token with this hash is already stored");
    }
    if (SqlFailures.isForeignKeyViolation(e)) {
      return new IllegalStateException(
          "registrationId: no registration " + token.registrationId() + " is stored");
    }
    return SqlFailures.failure(
        "saving a verification token of registration " + token.registrationId(), e);
  }

  @Override
  public Optional<VerificationToken> findByHash(String hash) {
    requireNonNull(hash, "hash");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(select)) {
              ps.setString(1, hash);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return Optional.<VerificationToken>empty();
                }
                return Optional.of(
                    new VerificationToken(
                        rs.getString("token_hash"),
                        Jdbc.getUuid(rs, "registration_id"),
                        Jdbc.getInstant(rs, "created_at"),
                        Jdbc.getInstant(rs, "expires_at"),
                        Jdbc.getOptionalInstant(rs, "used_at")));
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a verification token", e);
    }
  }

  @Override
  public boolean markUsed(String hash, Instant at) {
    requireNonNull(hash, "hash");
    requireNonNull(at, "at");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(markUsed)) {
              Jdbc.setInstant(ps, 1, at);
              ps.setString(2, hash);
              return ps.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("marking a verification token used", e);
    }
  }

  @Override
  public Optional<Instant> latestIssuedAt(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(latest)) {
              Jdbc.setUuid(ps, 1, registrationId);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? Jdbc.getOptionalInstant(rs, "latest")
                    : Optional.<Instant>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure(
          "finding the latest verification token of registration " + registrationId, e);
    }
  }

  @Override
  public int deleteFor(UUID registrationId) {
    requireNonNull(registrationId, "registrationId");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(delete)) {
              Jdbc.setUuid(ps, 1, registrationId);
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure(
          "deleting the verification tokens of registration " + registrationId, e);
    }
  }
}

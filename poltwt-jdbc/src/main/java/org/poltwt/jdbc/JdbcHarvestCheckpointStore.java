package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.HarvestCheckpointStore;

/**
 * A {@link HarvestCheckpointStore} on the {@code harvest_checkpoint} table, one row per edition and
 * query. A save is an {@code UPDATE}, then an {@code INSERT} when no row was there; of two first
 * saves racing, the loser of the insert updates the winner's row. Instants are stored to the
 * microsecond (truncated); the posts read in a {@code BIGINT}.
 */
final class JdbcHarvestCheckpointStore implements HarvestCheckpointStore {
  private static final int SAVE_TRIES = 3;

  private final Jdbc jdbc;
  private final String update;
  private final String insert;
  private final String delete;
  private final String select;

  JdbcHarvestCheckpointStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    String t = tables.harvestCheckpoint;
    update =
        "UPDATE "
            + t
            + " SET since_id = ?, start_time = ?, end_time = ?, next_token = ?, newest_id = ?,"
            + " posts_read = ?"
            + " WHERE edition_number = ? AND search_query = ?";
    insert =
        "INSERT INTO "
            + t
            + " (since_id, start_time, end_time, next_token, newest_id, posts_read,"
            + " edition_number, search_query) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    delete = "DELETE FROM " + t + " WHERE edition_number = ? AND search_query = ?";
    select =
        "SELECT since_id, start_time, end_time, next_token, newest_id, posts_read FROM "
            + t
            + " WHERE edition_number = ? AND search_query = ?";
  }

  @Override
  public Optional<HarvestCheckpoint> find(int edition, String query) {
    requireNonNull(query, "query");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(select)) {
              ps.setInt(1, edition);
              ps.setString(2, query);
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  return Optional.<HarvestCheckpoint>empty();
                }
                return Optional.of(
                    new HarvestCheckpoint(
                        edition,
                        query,
                        Jdbc.getOptionalString(rs, "since_id"),
                        Jdbc.getOptionalInstant(rs, "start_time"),
                        Jdbc.getInstant(rs, "end_time"),
                        Jdbc.getOptionalString(rs, "next_token"),
                        Jdbc.getOptionalString(rs, "newest_id"),
                        rs.getLong("posts_read")));
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding a harvest checkpoint", e);
    }
  }

  @Override
  public void save(HarvestCheckpoint checkpoint) {
    requireNonNull(checkpoint, "checkpoint");
    for (int attempt = 1; ; attempt++) {
      try {
        if (write(update, checkpoint) == 0) {
          write(insert, checkpoint);
        }
        return;
      } catch (SQLException e) {
        if (!SqlFailures.isUniqueViolation(e) || attempt == SAVE_TRIES) {
          throw SqlFailures.failure("saving a harvest checkpoint", e);
        }
      }
    }
  }

  private int write(String sql, HarvestCheckpoint cp) throws SQLException {
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.setString(ps, 1, cp.sinceId());
            Jdbc.setInstant(ps, 2, cp.start());
            Jdbc.setInstant(ps, 3, cp.end());
            Jdbc.setString(ps, 4, cp.nextToken());
            Jdbc.setString(ps, 5, cp.newestId());
            ps.setLong(6, cp.postsRead());
            ps.setInt(7, cp.edition());
            ps.setString(8, cp.query());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void clear(int edition, String query) {
    requireNonNull(query, "query");
    try {
      jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(delete)) {
              ps.setInt(1, edition);
              ps.setString(2, query);
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("clearing a harvest checkpoint", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcHarvestCheckpointStore";
  }
}

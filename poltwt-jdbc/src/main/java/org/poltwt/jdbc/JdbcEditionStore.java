package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.WindowPolicy;
import org.poltwt.spi.EditionStore;

/**
 * An {@link EditionStore} on the {@code edition} and {@code edition_theme} tables. A save replaces
 * the row and its themes in one transaction.
 */
final class JdbcEditionStore implements EditionStore {
  private static final int MAX_SAVE_TRIES = 3;

  private final Jdbc jdbc;
  private final String update;
  private final String insert;
  private final String deleteThemes;
  private final String insertTheme;
  private final String selectOne;
  private final String selectAll;

  JdbcEditionStore(Jdbc jdbc, Tables t) {
    this.jdbc = jdbc;
    String select =
        "SELECT e.edition_number, e.hashtag, e.status, e.event_date, e.local_start, e.window_policy,"
            + " t.theme FROM "
            + t.edition
            + " e LEFT JOIN "
            + t.editionTheme
            + " t ON t.edition_number = e.edition_number";
    update =
        "UPDATE "
            + t.edition
            + " SET hashtag = ?, status = ?, event_date = ?, local_start = ?, window_policy = ?"
            + " WHERE edition_number = ?";
    insert =
        "INSERT INTO "
            + t.edition
            + " (hashtag, status, event_date, local_start, window_policy, edition_number)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    deleteThemes = "DELETE FROM " + t.editionTheme + " WHERE edition_number = ?";
    insertTheme =
        "INSERT INTO " + t.editionTheme + " (edition_number, theme_index, theme) VALUES (?, ?, ?)";
    selectOne = select + " WHERE e.edition_number = ? ORDER BY t.theme_index";
    selectAll = select + " ORDER BY e.edition_number, t.theme_index";
  }

  @Override
  public void save(Edition edition) {
    requireNonNull(edition, "edition");
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.inTransaction(
            c -> {
              write(c, edition);
              return null;
            });
        return;
      } catch (SQLException e) {
        // Two first saves of one number race to insert: the loser updates the winner's row.
        if (!SqlFailures.isUniqueViolation(e) || attempt == MAX_SAVE_TRIES) {
          throw SqlFailures.failure("saving edition " + edition.number(), e);
        }
      }
    }
  }

  private void write(Connection c, Edition e) throws SQLException {
    int updated;
    try (PreparedStatement ps = c.prepareStatement(update)) {
      bind(ps, e);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        bind(ps, e);
        ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(deleteThemes)) {
        ps.setInt(1, e.number());
        ps.executeUpdate();
      }
    }
    if (!e.themes().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(insertTheme)) {
        for (int i = 0; i < e.themes().size(); i++) {
          ps.setInt(1, e.number());
          ps.setInt(2, i);
          ps.setString(3, e.themes().get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /** Binds the values in the order shared by the update and the insert. */
  private static void bind(PreparedStatement ps, Edition e) throws SQLException {
    ps.setString(1, e.hashtag());
    ps.setString(2, e.status().name());
    if (e.date().isPresent()) {
      ps.setObject(3, e.date().get(), Types.DATE);
    } else {
      ps.setNull(3, Types.DATE);
    }
    ps.setString(4, e.localStart().toString());
    ps.setString(5, e.windowPolicy().name());
    ps.setInt(6, e.number());
  }

  @Override
  public Optional<Edition> find(int number) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectOne)) {
              ps.setInt(1, number);
              try (ResultSet rs = ps.executeQuery()) {
                List<Edition> found = readAll(rs);
                return found.isEmpty() ? Optional.<Edition>empty() : Optional.of(found.get(0));
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding edition " + number, e);
    }
  }

  @Override
  public List<Edition> all() {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectAll);
                ResultSet rs = ps.executeQuery()) {
              return readAll(rs);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("listing editions", e);
    }
  }

  /**
   * Reads editions from rows of the edition joined with its themes (one query, so one consistent
   * snapshot), ordered by number and theme index: one row per theme, or one with a null theme.
   */
  private static List<Edition> readAll(ResultSet rs) throws SQLException {
    List<Edition> out = new ArrayList<>();
    Edition.Builder current = null;
    int currentNumber = 0;
    List<String> themes = new ArrayList<>();
    while (rs.next()) {
      int number = rs.getInt("edition_number");
      if (current == null || number != currentNumber) {
        if (current != null) {
          out.add(current.themes(themes.toArray(new String[0])).build());
        }
        current = builder(rs);
        currentNumber = number;
        themes = new ArrayList<>();
      }
      String theme = rs.getString("theme");
      if (theme != null) {
        themes.add(theme);
      }
    }
    if (current != null) {
      out.add(current.themes(themes.toArray(new String[0])).build());
    }
    return List.copyOf(out);
  }

  private static Edition.Builder builder(ResultSet rs) throws SQLException {
    return Edition.builder()
        .number(rs.getInt("edition_number"))
        .hashtag(rs.getString("hashtag"))
        .status(EditionStatus.valueOf(rs.getString("status")))
        .date(rs.getObject("event_date", LocalDate.class))
        .localStart(LocalTime.parse(rs.getString("local_start")))
        .windowPolicy(WindowPolicy.valueOf(rs.getString("window_policy")));
  }
}

package org.poltwt.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.poltwt.PoltwtException;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.Registration;

/**
 * Imports registrations in batches, each all-or-nothing. A batch is checked against itself and the
 * stored editions, then its rows are inserted with one JDBC batch in one transaction. When a row's
 * id or handle is taken (stored before, by an earlier run of the same import, or by a concurrent
 * sign-up) the unique constraints refuse the batch: its transaction rolls back whole and the batch
 * is done again row by row, each row behind a savepoint, so that only the rows whose id or handle
 * is taken are left out (and reported) and the rest commit together. A lost connection rolls the
 * open batch back, so a failure leaves whole batches only, and importing the same rows again
 * completes the import.
 */
final class RegistrationImporter {
  private static final int MAX_BATCH_TRIES = 5;

  private final Jdbc jdbc;
  private final Tables tables;
  private final String insert;
  private final String selectById;
  private final String selectByHandle;

  RegistrationImporter(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    this.tables = tables;
    insert =
        "INSERT INTO "
            + tables.registration
            + " ("
            + RegistrationRows.COLUMNS
            + ") VALUES ("
            + RegistrationRows.PLACEHOLDERS
            + ")";
    selectById = "SELECT edition_number, handle_key FROM " + tables.registration + " WHERE id = ?";
    selectByHandle =
        "SELECT id FROM " + tables.registration + " WHERE edition_number = ? AND handle_key = ?";
  }

  /** A row of the input and its position. */
  private record Row(long number, Registration registration) {}

  /** The outcome of one batch. */
  private static final class Outcome {
    long inserted;
    long alreadyStored;
    final List<ImportReport.Rejection> rejected = new ArrayList<>();
  }

  ImportReport run(Iterable<? extends Registration> rows, int batchSize) {
    Iterator<? extends Registration> it = rows.iterator();
    long inserted = 0;
    long alreadyStored = 0;
    List<ImportReport.Rejection> rejected = new ArrayList<>();
    long rowNumber = 0;
    List<Row> batch = new ArrayList<>(batchSize);
    while (true) {
      batch.clear();
      while (batch.size() < batchSize && it.hasNext()) {
        rowNumber++;
        Registration r = it.next();
        if (r == null) {
          throw new NullPointerException("rows: row " + rowNumber + " is null");
        }
        batch.add(new Row(rowNumber, r));
      }
      if (batch.isEmpty()) {
        return new ImportReport(inserted, alreadyStored, rejected);
      }
      Outcome o = importBatch(batch, inserted);
      inserted += o.inserted;
      alreadyStored += o.alreadyStored;
      o.rejected.sort(
          Comparator.comparingLong(ImportReport.Rejection::row)); // checks come in two rounds
      rejected.addAll(o.rejected);
    }
  }

  private Outcome importBatch(List<Row> batch, long insertedBefore) {
    boolean rowByRow = false;
    for (int attempt = 1; ; attempt++) {
      boolean slow = rowByRow;
      try {
        return jdbc.inTransaction(c -> importBatch(c, batch, slow));
      } catch (SQLException e) {
        if (SqlFailures.isUniqueViolation(e) && !slow) {
          // Some row's id or handle is taken: do this batch again row by row to leave those out.
          rowByRow = true;
          continue;
        }
        if (SqlFailures.isTransactionConflict(e) && attempt < MAX_BATCH_TRIES) {
          continue; // the database chose this transaction to end a deadlock: nothing was written
        }
        throw new PoltwtException(
            JdbcStores.FAILURE_CODE,
            "importing registrations failed in the batch from row "
                + batch.get(0).number()
                + " (SQLState "
                + SqlFailures.state(e)
                + "); that batch was rolled back and "
                + insertedBefore
                + " rows of earlier batches are stored: importing the same rows again completes the"
                + " import, skipping the stored ones",
            SqlFailures.sanitized(e));
      }
    }
  }

  /**
   * Checks a batch and inserts the rows that pass, in the caller's transaction. The checks that
   * need no lookup per row come first: the edition is stored, the values fit, no earlier row of the
   * batch has the same id or handle. Then, fast, one JDBC batch: when no row collides with a stored
   * registration (the common case, and the reason the fast way exists) that is all. Row by row, a
   * savepoint guards each insert, so a row whose id or handle is taken is rolled back alone,
   * reported (or counted as already stored), and the rest of the batch still commits together.
   */
  private Outcome importBatch(Connection c, List<Row> batch, boolean rowByRow) throws SQLException {
    Outcome o = new Outcome();
    Set<Integer> numbers = new HashSet<>();
    for (Row row : batch) {
      numbers.add(row.registration().edition());
    }
    Set<Integer> editions = storedEditions(c, numbers);

    Map<UUID, Long> idsInBatch = new HashMap<>();
    Map<String, Long> handlesInBatch = new HashMap<>();
    List<Row> toInsert = new ArrayList<>();
    for (Row row : batch) {
      Registration r = row.registration();
      String handleKey = r.edition() + "/" + r.handle().normalized();
      if (!editions.contains(r.edition())) {
        reject(
            o,
            row,
            ImportReport.Reason.UNKNOWN_EDITION,
            "no edition " + r.edition() + " is stored");
        continue;
      }
      try {
        RegistrationRows.checkFits(r);
      } catch (InvalidRegistrationException e) {
        reject(o, row, ImportReport.Reason.DOES_NOT_FIT, e.field() + ": " + e.reason());
        continue;
      }
      Long earlierId = idsInBatch.get(r.id());
      if (earlierId != null) {
        reject(
            o,
            row,
            ImportReport.Reason.DUPLICATE_ID,
            "row " + earlierId + " of this import has this id");
        continue;
      }
      Long earlierHandle = handlesInBatch.get(handleKey);
      if (earlierHandle != null) {
        reject(
            o,
            row,
            ImportReport.Reason.DUPLICATE_HANDLE,
            "row "
                + earlierHandle
                + " of this import registers the handle for edition "
                + r.edition());
        continue;
      }
      idsInBatch.put(r.id(), row.number());
      handlesInBatch.put(handleKey, row.number());
      toInsert.add(row);
    }
    if (toInsert.isEmpty()) {
      return o;
    }
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      if (!rowByRow) {
        for (Row row : toInsert) {
          RegistrationRows.bind(ps, 1, row.registration(), false);
          ps.addBatch();
        }
        ps.executeBatch();
        o.inserted = toInsert.size();
        return o;
      }
      for (Row row : toInsert) {
        Savepoint before = c.setSavepoint();
        try {
          RegistrationRows.bind(ps, 1, row.registration(), false);
          ps.executeUpdate();
          c.releaseSavepoint(before);
          o.inserted++;
        } catch (SQLException e) {
          if (!SqlFailures.isUniqueViolation(e)) {
            throw e;
          }
          c.rollback(before);
          classifyTaken(c, o, row);
        }
      }
    }
    return o;
  }

  /**
   * Reports a row whose insert hit a unique constraint: which registration holds its id or handle.
   */
  private void classifyTaken(Connection c, Outcome o, Row row) throws SQLException {
    Registration r = row.registration();
    try (PreparedStatement ps = c.prepareStatement(selectById)) {
      Jdbc.setUuid(ps, 1, r.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          if (rs.getInt("edition_number") == r.edition()
              && rs.getString("handle_key").equals(r.handle().normalized())) {
            o.alreadyStored++;
          } else {
            reject(
                o,
                row,
                ImportReport.Reason.DUPLICATE_ID,
                "a stored registration of another edition or handle" + " has this id");
          }
          return;
        }
      }
    }
    UUID holder = null;
    try (PreparedStatement ps = c.prepareStatement(selectByHandle)) {
      ps.setInt(1, r.edition());
      ps.setString(2, r.handle().normalized());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          holder = Jdbc.getUuid(rs, "id");
        }
      }
    }
    reject(
        o,
        row,
        ImportReport.Reason.DUPLICATE_HANDLE,
        "the handle is registered for edition "
            + r.edition()
            + (holder != null
                ? " by stored registration " + holder
                : " by a concurrent transaction"));
  }

  private static void reject(Outcome o, Row row, ImportReport.Reason reason, String detail) {
    Registration r = row.registration();
    o.rejected.add(
        new ImportReport.Rejection(row.number(), r.id(), r.edition(), r.handle(), reason, detail));
  }

  private Set<Integer> storedEditions(Connection c, Set<Integer> numbers) throws SQLException {
    Set<Integer> out = new HashSet<>();
    String sql =
        "SELECT edition_number FROM "
            + tables.edition
            + " WHERE edition_number IN ("
            + placeholders(numbers.size())
            + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Integer n : numbers) {
        ps.setInt(i++, Objects.requireNonNull(n));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
    }
    return out;
  }

  private static String placeholders(int n) {
    return "?" + ", ?".repeat(n - 1);
  }
}

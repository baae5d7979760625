package org.poltwt.jdbc;

import java.sql.SQLException;
import java.util.Set;
import org.poltwt.PoltwtException;

/**
 * Reads what went wrong from a {@link SQLException} and turns it into the library's exceptions. Raw
 * driver exceptions never leave the module: their messages may quote the stored values (an email in
 * a failing row, say), so what leaves is the SQLState, the vendor code and, for the classes of
 * failure that quote no values, the message.
 */
final class SqlFailures {
  /**
   * SQLState classes whose messages quote no stored values: connection, authorization, syntax,
   * resources.
   */
  private static final Set<String> MESSAGE_SAFE_CLASSES =
      Set.of("08", "28", "3D", "3F", "42", "53", "57", "HY");

  private SqlFailures() {}

  /** The first SQLState in the exception's chain (next exceptions and causes), or empty. */
  static String state(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
          String state = s.getSQLState();
          if (state != null && !state.isEmpty()) {
            return state;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "";
  }

  /** A unique or primary key was violated (standard SQLState 23505, H2 and PostgreSQL alike). */
  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(state(e));
  }

  /**
   * A foreign key was violated: standard SQLState 23503 (PostgreSQL, and H2 for a parent row that
   * is still referenced) or H2's 23506 (a referenced parent row is missing).
   */
  static boolean isForeignKeyViolation(SQLException e) {
    String state = state(e);
    return "23503".equals(state) || "23506".equals(state);
  }

  /**
   * The database ended the transaction to resolve a conflict with another one (a deadlock, a
   * serialization failure, H2's lock timeout); running it again may succeed.
   */
  static boolean isTransactionConflict(SQLException e) {
    String state = state(e);
    return state.startsWith("40") || "HYT00".equals(state);
  }

  /**
   * Wraps a failure the caller cannot act on, as a {@link PoltwtException} with code {@value
   * JdbcStores#FAILURE_CODE}.
   *
   * @param operation what was being done, for the message; no personal data
   * @param e the failure
   * @return the exception to throw
   */
  static PoltwtException failure(String operation, SQLException e) {
    String state = state(e);
    return new PoltwtException(
        JdbcStores.FAILURE_CODE,
        operation + " failed (SQLState " + (state.isEmpty() ? "unknown" : state) + ")",
        sanitized(e));
  }

  /**
   * A copy of a driver exception that keeps its SQLState, vendor code and stack trace, and its
   * message only when that class of failure quotes no values.
   */
  static SQLException sanitized(Exception e) {
    if (!(e instanceof SQLException)) {
      SQLException copy = new SQLException(e.getClass().getName() + " (message withheld)");
      copy.setStackTrace(e.getStackTrace());
      return copy;
    }
    SQLException s = (SQLException) e;
    String state = state(s);
    String cls = state.length() >= 2 ? state.substring(0, 2) : "";
    String message =
        MESSAGE_SAFE_CLASSES.contains(cls) && s.getMessage() != null
            ? s.getMessage()
            : "message withheld: it may quote stored values";
    SQLException copy =
        new SQLException(
            s.getClass().getName()
                + " (SQLState "
                + state
                + ", vendor code "
                + s.getErrorCode()
                + "): "
                + message,
            state.isEmpty() ? null : state,
            s.getErrorCode());
    copy.setStackTrace(s.getStackTrace());
    return copy;
  }
}

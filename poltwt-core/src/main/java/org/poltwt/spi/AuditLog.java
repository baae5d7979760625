package org.poltwt.spi;

import java.util.List;

/**
 * The record of what organisers did: approvals, sends, changes of an edition, exports, log-ins.
 * Entries are only ever added: the interface has no way to change or remove one, and
 * implementations offer none, so that the log can be trusted as a record of what happened.
 * Implementations are thread-safe.
 */
public interface AuditLog {
  /** The most entries {@link #list} returns at once. */
  int MAX_PAGE = 1_000;

  /**
   * Adds an entry at the end of the log.
   *
   * @param entry the entry
   * @throws NullPointerException if {@code entry} is null
   */
  void append(AuditEntry entry);

  /**
   * Reads a page of the log, newest first: by {@link AuditEntry#at()} descending, entries of the
   * same instant the later appended first.
   *
   * @param offset how many of the newest entries to skip, at least 0
   * @param limit how many entries to return at most, 1 to {@value #MAX_PAGE}
   * @return the entries
   * @throws IllegalArgumentException if {@code offset} or {@code limit} is out of range
   */
  List<AuditEntry> list(long offset, int limit);

  /**
   * Counts the entries.
   *
   * @return how many entries the log holds
   */
  long count();

  /**
   * Checks the paging arguments of {@link #list}, for implementations.
   *
   * @param offset the offset
   * @param limit the limit
   * @throws IllegalArgumentException if either is out of range
   */
  static void checkPage(long offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset: must be at least 0 (was " + offset + ")");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "limit: must be between 1 and " + MAX_PAGE + " (was " + limit + ")");
    }
  }
}

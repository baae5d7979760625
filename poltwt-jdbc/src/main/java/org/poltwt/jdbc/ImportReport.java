package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import org.poltwt.registration.TwitterHandle;

/**
 * What a bulk import of registrations did: how many rows it inserted, how many were stored already
 * (an import run again after a failure skips what the first run committed), and which rows it
 * rejected, with why. It never holds an email address or a name.
 *
 * @param inserted how many rows were inserted
 * @param alreadyStored how many rows were skipped because a registration with the same id, edition
 *     and handle is stored (by an earlier import, or earlier in this one)
 * @param rejected the rejected rows, in input order
 */
public record ImportReport(long inserted, long alreadyStored, List<Rejection> rejected) {

  /** Why a row was rejected. */
  public enum Reason {
    /** Its handle is already registered for its edition, by another registration (another id). */
    DUPLICATE_HANDLE,
    /** Its id belongs to a stored registration of another edition or handle. */
    DUPLICATE_ID,
    /** No edition with its number is stored. */
    UNKNOWN_EDITION,
    /** A value is longer than the store keeps (the detail names the field). */
    DOES_NOT_FIT
  }

  /**
   * One rejected row.
   *
   * @param row the row's position in the input, from 1
   * @param id the registration's id
   * @param edition its edition
   * @param handle its handle
   * @param reason why it was rejected
   * @param detail a sentence for people, without personal data
   */
  public record Rejection(
      long row, UUID id, int edition, TwitterHandle handle, Reason reason, String detail) {
    /**
     * Validates the rejection.
     *
     * @param row at least 1
     * @param id the id
     * @param edition the edition
     * @param handle the handle
     * @param reason the reason
     * @param detail the explanation
     */
    public Rejection {
      if (row < 1) {
        throw new IllegalArgumentException("row: must be at least 1");
      }
      requireNonNull(id, "id");
      requireNonNull(handle, "handle");
      requireNonNull(reason, "reason");
      requireNonNull(detail, "detail");
    }
  }

  /**
   * Validates the report.
   *
   * @param inserted at least 0
   * @param alreadyStored at least 0
   * @param rejected the rejected rows, copied
   */
  public ImportReport {
    if (inserted < 0 || alreadyStored < 0) {
      throw new IllegalArgumentException("inserted, alreadyStored: must not be negative");
    }
    rejected = List.copyOf(rejected);
  }

  /**
   * How many rows the import read.
   *
   * @return inserted, already stored and rejected rows together
   */
  public long rows() {
    return inserted + alreadyStored + rejected.size();
  }
}

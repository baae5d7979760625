package org.poltwt.examples.site.view;

/** The rows of the organisers' Retention page. */
public final class RetentionRows {
  private RetentionRows() {}

  /**
   * One edition: when its personal data goes, and how much.
   *
   * @param edition the edition's number
   * @param spanEnd when its global span ends, formatted
   * @param period how long it is kept after that
   * @param erasesAt when the job erases it, formatted
   * @param passed whether that time has come
   * @param toErase registrations still holding personal data and not on hold
   * @param erased registrations erased already
   * @param held registrations on hold
   * @param periodForm the form setting the edition's own period
   */
  public record EditionRow(
      int edition,
      String spanEnd,
      Msg period,
      String erasesAt,
      boolean passed,
      long toErase,
      long erased,
      long held,
      FormState periodForm) {}

  /**
   * One legal hold.
   *
   * @param id the registration's id, for the clear form's address
   * @param edition the registration's edition
   * @param handle the registration's handle
   * @param reason the organiser's reason
   * @param since when it was set, formatted
   */
  public record HoldRow(String id, int edition, String handle, String reason, String since) {}
}

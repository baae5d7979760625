package org.poltwt.examples.site.view;

import java.util.List;

/**
 * The data of each page, one record per page or part of a page, as the Java side gathers it for the
 * template of the same name. Texts here are data (names, handles, formatted dates), never the
 * site's own words: those are message keys, looked up by the template.
 */
public final class PageData {
  private PageData() {}

  /**
   * The home page of an edition.
   *
   * @param hashtag the event hashtag, without {@code #}
   * @param number the edition's number
   * @param date the edition's date, formatted, or null while it is to be decided
   * @param cancelled whether the edition is cancelled
   * @param themes the theme hashtags, without {@code #}
   * @param localStart the local start time
   * @param zone the zone chosen in the zone list
   * @param zoneChosen whether the visitor chose it (otherwise the page script uses the browser's)
   * @param zones the zone list's options
   * @param window the visitor's window, or null when there is no date or the edition is cancelled
   */
  public record Home(
      String hashtag,
      int number,
      String date,
      boolean cancelled,
      List<String> themes,
      String localStart,
      String zone,
      boolean zoneChosen,
      List<Option> zones,
      HomeWindow window) {}

  /**
   * The 24 hours of one zone, and the worldwide span.
   *
   * @param zone the zone's id
   * @param start the start, formatted in the zone
   * @param startIso the start as an ISO instant, for the script
   * @param end the end, formatted in the zone
   * @param endIso the end as an ISO instant
   * @param countdown the countdown as the server sees it; the script keeps it ticking
   * @param spanStart the worldwide start in UTC, formatted
   * @param spanEnd the worldwide end in UTC, formatted
   */
  public record HomeWindow(
      String zone,
      String start,
      String startIso,
      String end,
      String endIso,
      Msg countdown,
      String spanStart,
      String spanEnd) {}

  /**
   * The two sign-up forms of an edition.
   *
   * @param hashtag the event hashtag
   * @param number the edition's number
   * @param officer the officer form
   * @param agency the agency form
   * @param summary the errors of the form just sent, or null
   * @param levels the agency levels
   * @param countries the countries
   * @param zones the time zones
   * @param models the ways to take part
   */
  public record Signup(
      String hashtag,
      int number,
      FormState officer,
      FormState agency,
      ErrorSummary summary,
      List<Option> levels,
      List<Option> countries,
      List<Option> zones,
      List<Option> models) {}

  /**
   * The errors of a form, listed above it with links to their fields.
   *
   * @param form the form's name
   * @param entries the errors, in the order of the form
   */
  public record ErrorSummary(String form, List<ErrorEntry> entries) {}

  /**
   * One error of a summary.
   *
   * @param fieldId the field's element id
   * @param label the field's label
   * @param error the error
   */
  public record ErrorEntry(String fieldId, Msg label, Msg error) {}

  /**
   * The answer of the email look-up.
   *
   * @param handle the handle, with {@code @}
   * @param masked the registered email, mostly hidden, or null if the handle is not signed up
   * @param edition the edition looked in
   */
  public record Lookup(String handle, String masked, int edition) {}

  /**
   * The participants' map of an edition.
   *
   * @param number the edition's number
   * @param placed how many accounts are on the map
   * @param countries in how many countries
   * @param rows the table of participants
   */
  public record MapPage(int number, int placed, long countries, List<MapRow> rows) {}

  /**
   * A participant in the table under the map.
   *
   * @param handle the handle, with {@code @}
   * @param agency the agency's name
   * @param officer whether the account is an officer's
   * @param officerName the officer's name when it may be shown, else null
   * @param city the city
   * @param country the country's name
   */
  public record MapRow(
      String handle,
      String agency,
      boolean officer,
      String officerName,
      String city,
      String country) {}

  /**
   * A mail in the demo outbox.
   *
   * @param id the mail's file name
   * @param sent when it was sent, formatted in UTC
   * @param to the recipient, mostly hidden
   * @param subject the subject
   */
  public record OutboxRow(String id, String sent, String to, String subject) {}

  /**
   * A stretch of a mail's text: plain, or a link to this site.
   *
   * @param text the text
   * @param href the site-relative link, or null for plain text
   */
  public record MailPart(String text, String href) {}

  /**
   * A row of the organisers' overview.
   *
   * @param status the status's name
   * @param count how many registrations have it
   */
  public record StatusCount(Msg status, long count) {}

  /**
   * A sign-up waiting for review.
   *
   * @param id the registration's id
   * @param handle the handle, as written by X ({@code @} included)
   * @param handleValue the handle without {@code @}
   * @param agency the agency's name
   * @param officerName the officer's name, or null for an agency account
   * @param domain the email's domain, the mailbox hidden
   * @param country the country's name
   */
  public record ReviewRow(
      String id,
      String handle,
      String handleValue,
      String agency,
      String officerName,
      String domain,
      String country) {}

  /**
   * A row of the registrations table.
   *
   * @param handle the handle
   * @param type the account type, in lower case
   * @param agency the agency's name
   * @param country the country code
   * @param zone the zone's id
   * @param status the status's name
   * @param created when it was signed up, formatted in UTC
   */
  public record RegistrationRow(
      String handle,
      String type,
      String agency,
      String country,
      String zone,
      Msg status,
      String created) {}

  /**
   * An announcement already sent, with its delivery.
   *
   * @param created when it was written, formatted in UTC
   * @param subject its subject
   * @param sent mails sent
   * @param waiting mails still to send
   * @param failed mails that failed
   * @param skipped recipients skipped
   */
  public record AnnouncementRow(
      String created, String subject, long sent, long waiting, long failed, long skipped) {}

  /**
   * The exact mail one registrant would get.
   *
   * @param handle the registrant's handle
   * @param subject the subject
   * @param body the text
   */
  public record Preview(String handle, String subject, String body) {}
}

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
      List<OptionGroup> zones,
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
   * @param zones the time zones, by country
   * @param zoneGuess the zone shown as chosen while nothing is (a guess from the browser's
   *     language, which the sign-up script replaces with the browser's zone), or empty
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
      List<OptionGroup> zones,
      String zoneGuess,
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
   * @param id the registration's id, for its erasure page
   * @param erased whether its personal data is erased
   */
  public record RegistrationRow(
      String handle,
      String type,
      String agency,
      String country,
      String zone,
      Msg status,
      String created,
      String id,
      boolean erased) {}

  /**
   * A verified registration the map cannot place: public facts only, never the address or email,
   * and the form an organiser places it with.
   *
   * @param id the registration's id, for the form's action
   * @param handle the account, with its at sign
   * @param country its ISO country code
   * @param place the placing form: empty, or what was typed and its errors after a refusal
   */
  public record UnplacedRow(String id, String handle, String country, FormState place) {}

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

  /**
   * The wrap-up of an edition, as the report's templates draw it. Numbers are formatted already
   * ({@code 1,234}); the charts' coordinates are worked out, so the templates only place them.
   *
   * @param hashtag the event hashtag, without {@code #}
   * @param number the edition's number
   * @param totals the rows of the totals table, in order
   * @param compliance the tweets by compliance
   * @param utcHours the tweets per hour of the global span, in UTC
   * @param localHours the tweets per hour of their authors' own day
   * @param languages the tweets per language, most first
   * @param sources the tweets per app, most first
   * @param sourcesNotProvided how many tweets the X API gave no app for (it stopped giving one on
   *     2022-12-20), formatted; null when none
   * @param countries the countries, by tweets
   * @param accounts the busiest accounts
   * @param hashtags the most used hashtags
   */
  public record Report(
      String hashtag,
      int number,
      List<ReportTotal> totals,
      BarChart compliance,
      ColumnChart utcHours,
      ColumnChart localHours,
      BarChart languages,
      BarChart sources,
      String sourcesNotProvided,
      List<ReportCountry> countries,
      List<ReportAccount> accounts,
      List<ReportHashtag> hashtags) {}

  /**
   * A row of the wrap-up's totals.
   *
   * @param label what is counted
   * @param count the count, formatted
   */
  public record ReportTotal(Msg label, String count) {}

  /**
   * A country in the wrap-up.
   *
   * @param name the country's name
   * @param registered its registered accounts, formatted
   * @param tweeted those of them that tweeted, formatted
   * @param tweets its tweets, formatted
   */
  public record ReportCountry(String name, String registered, String tweeted, String tweets) {}

  /**
   * An account in the wrap-up.
   *
   * @param account the handle, or the author's id when the handle is unknown
   * @param registered whether the account is registered for the edition
   * @param tweets its tweets, formatted
   */
  public record ReportAccount(String account, boolean registered, String tweets) {}

  /**
   * A hashtag in the wrap-up.
   *
   * @param tag the hashtag, without {@code #}
   * @param tweets the tweets that carry it, formatted
   */
  public record ReportHashtag(String tag, String tweets) {}

  /**
   * Horizontal bars, one a row, each with its value written beside it.
   *
   * @param id the figure's element id
   * @param title the chart's title
   * @param height the drawing's height
   * @param bars the bars, top first
   */
  public record BarChart(String id, Msg title, int height, List<Bar> bars) {}

  /**
   * One bar of a {@link BarChart}. Its label is either data shown as it is (a language, an app) or
   * a message of the bundle (a kind of compliance): exactly one of {@code text} and {@code message}
   * is given.
   *
   * @param text the label shown as it is, or null when {@code message} names it
   * @param message the label's message, or null when {@code text} is given
   * @param y the baseline of the row's texts
   * @param barY the top of the bar
   * @param width the bar's width, at least 1
   * @param valueX where the value is written, just past the bar's end
   * @param value the value, formatted
   * @param bad whether the bar counts a fault (drawn in the warning colour)
   */
  public record Bar(
      String text,
      Msg message,
      int y,
      int barY,
      long width,
      long valueX,
      String value,
      boolean bad) {
    /**
     * Checks that exactly one of text and message is given.
     *
     * @param text the label as it is, or null
     * @param message the label's message, or null
     * @param y the texts' baseline
     * @param barY the bar's top
     * @param width the bar's width
     * @param valueX where the value goes
     * @param value the value
     * @param bad whether it counts a fault
     */
    public Bar {
      if ((text == null) == (message == null)) {
        throw new IllegalArgumentException("text or message: exactly one is needed");
      }
    }

    /**
     * The label to show.
     *
     * @param t the messages
     * @return the label
     */
    public String label(Messages t) {
      return text != null ? text : t.get(message);
    }
  }

  /**
   * Vertical columns over a sequence of hours, some of them labelled below.
   *
   * @param id the figure's element id
   * @param title the chart's title
   * @param columns the columns, left to right
   * @param max the highest value, formatted: the scale's top
   * @param total the sum of the values, formatted
   * @param peak the label of the busiest column, or null when there are no columns
   * @param peakValue the busiest column's value, formatted, or null when there are none
   */
  public record ColumnChart(
      String id,
      Msg title,
      List<Column> columns,
      String max,
      String total,
      String peak,
      String peakValue) {}

  /**
   * One column of a {@link ColumnChart}.
   *
   * @param x the left edge, formatted with one decimal
   * @param y the top
   * @param width the width, formatted with one decimal
   * @param height the height
   * @param label the label written below it, or null for none
   */
  public record Column(String x, long y, String width, long height, String label) {}
}

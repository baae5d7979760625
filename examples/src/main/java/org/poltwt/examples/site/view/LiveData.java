package org.poltwt.examples.site.view;

import java.util.List;

/** What the live board's page shows when it is first served, before its events arrive. */
public final class LiveData {
  private LiveData() {}

  /**
   * The board at the instant the page was served.
   *
   * @param edition the edition's number
   * @param phase {@code BEFORE}, {@code LIVE} or {@code AFTER}
   * @param spanStart the global span's start, ISO-8601
   * @param spanEnd the global span's end, ISO-8601
   * @param countdown the seconds until the first zone opens
   * @param firstZone the first zone to open
   * @param zonesLive the zones live
   * @param participants the verified participants
   * @param participantsLive the participants inside their own window
   * @param lastMinute the posts of the last minute
   * @param total the posts so far
   * @param compliantPercent the compliant share in percent, or -1 before any post
   * @param hidden the posts counted but not shown
   * @param ticks the timeline's ticks
   * @param posts the latest posts, newest first
   */
  public record Board(
      int edition,
      String phase,
      String spanStart,
      String spanEnd,
      long countdown,
      String firstZone,
      int zonesLive,
      int participants,
      int participantsLive,
      long lastMinute,
      long total,
      int compliantPercent,
      long hidden,
      List<Tick> ticks,
      List<Post> posts) {
    /**
     * The countdown as digits only, {@code h:mm:ss}: no words, so the same in every language.
     *
     * @return for example {@code 26:04:09}
     */
    public String countdownText() {
      long s = Math.max(0, countdown);
      return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
  }

  /**
   * The board's counters as the page first shows them, formatted in its language as its script
   * formats them.
   *
   * @param zonesLive the zones live
   * @param participantsLive the participants inside their own window
   * @param participants the verified participants
   * @param lastMinute the posts of the last minute
   * @param total the posts so far
   * @param compliant the compliant share as a percentage, or empty before any post
   * @param hidden the posts counted but not shown
   */
  public record Shown(
      String zonesLive,
      String participantsLive,
      String participants,
      String lastMinute,
      String total,
      String compliant,
      String hidden) {}

  /**
   * A tick on the timeline: zones opening at one instant.
   *
   * @param at the instant, ISO-8601
   * @param percent where on the span, 0 to 100
   * @param zone the first of the zones, by id
   * @param zones how many zones open then
   */
  public record Tick(String at, double percent, String zone, int zones) {}

  /**
   * A post in the strip.
   *
   * @param id the post's id
   * @param handle the author's handle, or empty
   * @param text the text as posted (the template escapes it)
   * @param createdAt when it was posted, ISO-8601
   * @param link its address on X
   */
  public record Post(String id, String handle, String text, String createdAt, String link) {}
}

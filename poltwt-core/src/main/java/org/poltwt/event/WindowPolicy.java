package org.poltwt.event;

/**
 * How a time zone's 24 hours close. The two policies differ only on days the zone changes its
 * offset (daylight saving time).
 */
public enum WindowPolicy {
  /**
   * The window closes at the edition's local start time on the next day: 08:00 to 08:00 on the wall
   * clock, which lasts 23 or 25 hours on a daylight-saving day. The default.
   */
  SAME_LOCAL_TIME_NEXT_DAY,
  /** The window closes exactly 24 elapsed hours after it opens, whatever the wall clock says. */
  ELAPSED_24_HOURS
}

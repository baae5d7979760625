package org.poltwt.tweet.io;

import java.time.Instant;

/**
 * The X API's timestamps, {@code 2015-06-05T08:00:01.000Z}: parsed and written without a formatter
 * for that exact shape, and by {@link Instant#parse} / {@link Instant#toString} for every other
 * ISO-8601 form.
 */
final class ApiTimestamps {
  private static final long SECONDS_PER_DAY = 86_400L;

  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z, the range written in the API's shape. */
  private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;

  private static final long FIRST_FIVE_DIGIT_SECOND = 253_402_300_800L;

  private ApiTimestamps() {}

  /**
   * Parses an ISO-8601 instant.
   *
   * @throws java.time.format.DateTimeParseException if it is not one
   */
  static Instant parse(String s) {
    return parse(s.toCharArray(), 0, s.length());
  }

  /**
   * Parses the ISO-8601 instant in {@code c[from, from + n)}, such as a parser's buffer holds it.
   *
   * @throws java.time.format.DateTimeParseException if it is not one
   */
  static Instant parse(char[] c, int from, int n) {
    boolean millis = n == 24 && c[from + 19] == '.' && c[from + 23] == 'Z';
    boolean seconds = n == 20 && c[from + 19] == 'Z';
    if ((millis || seconds)
        && c[from + 4] == '-'
        && c[from + 7] == '-'
        && c[from + 10] == 'T'
        && c[from + 13] == ':'
        && c[from + 16] == ':') {
      int year = digits(c, from, 4);
      int month = digits(c, from + 5, 2);
      int day = digits(c, from + 8, 2);
      int hour = digits(c, from + 11, 2);
      int minute = digits(c, from + 14, 2);
      int second = digits(c, from + 17, 2);
      int milli = millis ? digits(c, from + 20, 3) : 0;
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= lengthOfMonth(year, month)
          && hour >= 0
          && hour <= 23
          && minute >= 0
          && minute <= 59
          && second >= 0
          && second <= 59
          && milli >= 0) {
        long epochSecond =
            epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, milli * 1_000_000L);
      }
    }
    return Instant.parse(new String(c, from, n));
  }

  /**
   * Formats an instant as the API does, with milliseconds, or as {@link Instant#toString} when it
   * cannot.
   */
  static String format(Instant t) {
    long epochSecond = t.getEpochSecond();
    int nano = t.getNano();
    if (nano % 1_000_000 != 0
        || epochSecond < FIRST_FOUR_DIGIT_SECOND
        || epochSecond >= FIRST_FIVE_DIGIT_SECOND) {
      return t.toString();
    }
    long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
    // Civil date from days (H. Hinnant's algorithm), March-based years.
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    char[] c = new char[24];
    put(c, 0, year, 4);
    c[4] = '-';
    put(c, 5, month, 2);
    c[7] = '-';
    put(c, 8, day, 2);
    c[10] = 'T';
    put(c, 11, secondOfDay / 3600, 2);
    c[13] = ':';
    put(c, 14, secondOfDay / 60 % 60, 2);
    c[16] = ':';
    put(c, 17, secondOfDay % 60, 2);
    c[19] = '.';
    put(c, 20, nano / 1_000_000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The decimal value of {@code length} ASCII digits, or -1 if one is not a digit. */
  private static int digits(char[] c, int at, int length) {
    int v = 0;
    for (int i = at; i < at + length; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}

package org.poltwt.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares as percentages with one decimal, rounded half up. */
final class Percent {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal LOWEST = new BigDecimal("0.1");
  private static final BigDecimal HIGHEST = new BigDecimal("99.9");

  private Percent() {}

  /** {@code 100 * part / whole} with one decimal, rounded half up; null when {@code whole} is 0. */
  static BigDecimal of(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /**
   * The share for people: {@code "12.3%"}; {@code "<0.1%"} and {@code ">99.9%"} where rounding
   * would make some look like none or most look like all; {@code "n/a"} when {@code whole} is 0.
   */
  static String text(long part, long whole) {
    BigDecimal p = of(part, whole);
    if (p == null) {
      return "n/a";
    }
    if (part > 0 && p.compareTo(LOWEST) < 0) {
      return "<0.1%";
    }
    if (part < whole && p.compareTo(HIGHEST) > 0) {
      return ">99.9%";
    }
    return p.toPlainString() + "%";
  }
}

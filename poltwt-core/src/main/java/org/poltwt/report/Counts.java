package org.poltwt.report;

/** Checks on the counts the wrap-up's records hold. */
final class Counts {
  private Counts() {}

  static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must not be negative (" + value + ")");
    }
  }

  static void atMost(String field, long value, String whole, long max) {
    if (value > max) {
      throw new IllegalArgumentException(
          field + ": must be at most " + whole + " (" + value + " > " + max + ")");
    }
  }

  static void sum(String parts, long sum, String whole, long value) {
    if (sum != value) {
      throw new IllegalArgumentException(
          parts + ": must add up to " + whole + " (" + sum + " != " + value + ")");
    }
  }
}

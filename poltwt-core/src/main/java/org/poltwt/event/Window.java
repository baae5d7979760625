package org.poltwt.event;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open interval {@code [start, end)} of instants: the hours one time zone takes part.
 *
 * @param start the first instant inside the window
 * @param end the first instant after the window; strictly after {@code start}
 */
public record Window(Instant start, Instant end) {

  /**
   * Validates the interval.
   *
   * @param start the first instant inside the window
   * @param end the first instant after the window
   * @throws NullPointerException if either bound is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public Window {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "end: must be after start (start " + start + ", end " + end + ")");
    }
  }

  /**
   * Returns the length of the window.
   *
   * @return {@code end - start}, always positive
   */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Whether the instant lies inside the window: at or after {@code start} and before {@code end}.
   *
   * @param instant the instant to test
   * @return true if {@code start <= instant < end}
   */
  public boolean contains(Instant instant) {
    requireNonNull(instant, "instant");
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /**
   * Whether the whole of another window lies inside this one.
   *
   * @param other the window to test
   * @return true if {@code start <= other.start} and {@code other.end <= end}
   */
  public boolean encloses(Window other) {
    requireNonNull(other, "other");
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}

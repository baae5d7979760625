package org.poltwt.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tweets per UTC hour across an edition's global span: hour {@code i} is {@code [start + i h, start
 * + (i + 1) h)}, cut short at the span's end; tweets before the span or at and after its end are
 * counted apart.
 *
 * @param start the start of hour 0: the global span's start
 * @param hours the tweets of each hour, about 50 of them
 * @param before tweets posted before the span
 * @param after tweets posted at or after the span's end
 */
public record HourCounts(Instant start, List<Long> hours, long before, long after) {

  /**
   * Validates the counts.
   *
   * @param start the start of hour 0
   * @param hours the tweets of each hour
   * @param before tweets before the span
   * @param after tweets at or after its end
   * @throws NullPointerException if {@code start} or {@code hours} is null or holds null
   * @throws IllegalArgumentException if a count is negative
   */
  public HourCounts {
    requireNonNull(start, "start");
    hours = List.copyOf(requireNonNull(hours, "hours"));
    for (int i = 0; i < hours.size(); i++) {
      Counts.nonNegative("hours[" + i + "]", hours.get(i));
    }
    Counts.nonNegative("before", before);
    Counts.nonNegative("after", after);
  }

  /**
   * Returns when an hour starts.
   *
   * @param hour the hour's index, from 0
   * @return {@code start} plus that many hours
   * @throws IndexOutOfBoundsException if there is no such hour
   */
  public Instant hourStart(int hour) {
    if (hour < 0 || hour >= hours.size()) {
      throw new IndexOutOfBoundsException("hour: " + hour + " is not in [0, " + hours.size() + ")");
    }
    return start.plus(Duration.ofHours(hour));
  }

  /**
   * Returns the tweets inside the span.
   *
   * @return the sum of {@link #hours()}
   */
  public long inside() {
    long sum = 0;
    for (long h : hours) {
      sum += h;
    }
    return sum;
  }
}

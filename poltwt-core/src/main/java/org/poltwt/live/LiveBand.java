package org.poltwt.live;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The band of UTC offsets live at an instant, from the westernmost to the easternmost standard
 * offset of the zones live then (without daylight saving, which would place a zone an hour east of
 * its longitudes): a map shades the longitudes of {@code west} to {@code east} (15 degrees an
 * hour), as {@link #longitudes()} places them.
 *
 * @param west the smallest offset live
 * @param east the largest offset live, not smaller than {@code west}
 */
public record LiveBand(ZoneOffset west, ZoneOffset east) {
  /** Seconds of UTC offset per degree of longitude: 15 degrees an hour. */
  private static final double SECONDS_PER_DEGREE = 240;

  /**
   * Validates the band.
   *
   * @param west the smallest offset live
   * @param east the largest offset live
   * @throws NullPointerException if an offset is null
   * @throws IllegalArgumentException if {@code east} is west of {@code west}
   */
  public LiveBand {
    requireNonNull(west, "west");
    requireNonNull(east, "east");
    if (east.getTotalSeconds() < west.getTotalSeconds()) {
      throw new IllegalArgumentException(
          "east: must not be west of west (west " + west + ", east " + east + ")");
    }
  }

  /**
   * The longitudes a map shades for the band: each offset's 15 degrees, centred on offset times 15,
   * from the west edge of {@code west}'s to the east edge of {@code east}'s. An offset east of +12
   * hours lies across the antimeridian where its places are (Kiribati's +14 on Kiritimati, about
   * 157 degrees west: +14 times 15, less 360), so a band reaching past 180 degrees is split into
   * two spans, one each side; a band wider than the world is the whole world.
   *
   * @return one span, or two when the band crosses the antimeridian, western first
   */
  public List<LongitudeSpan> longitudes() {
    double from = west.getTotalSeconds() / SECONDS_PER_DEGREE - 7.5;
    double width = (east.getTotalSeconds() - west.getTotalSeconds()) / SECONDS_PER_DEGREE + 15;
    if (width >= 360) {
      return List.of(new LongitudeSpan(-180, 180));
    }
    // Into [-180, 180): -187.5 (the west edge of -12) is 172.5, 202.5 (of +14) is -157.5.
    double start = ((from + 180) % 360 + 360) % 360 - 180;
    double end = start + width;
    if (end <= 180) {
      return List.of(new LongitudeSpan(start, end));
    }
    return List.of(new LongitudeSpan(-180, end - 360), new LongitudeSpan(start, 180));
  }
}

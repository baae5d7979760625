package org.poltwt.live;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;

/**
 * The band of UTC offsets live at an instant, from the westernmost to the easternmost offset of the
 * zones live then: a map shades the longitudes of {@code west} to {@code east} (15 degrees an
 * hour).
 *
 * @param west the smallest offset live
 * @param east the largest offset live, not smaller than {@code west}
 */
public record LiveBand(ZoneOffset west, ZoneOffset east) {
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
}

package org.poltwt.live;

/**
 * A span of longitudes on a map, west to east, not crossing the antimeridian: what a map draws as
 * one rectangle of a {@link LiveBand}.
 *
 * @param west the western edge, from -180 to 180 degrees
 * @param east the eastern edge, east of {@code west} and at most 180 degrees
 */
public record LongitudeSpan(double west, double east) {
  /**
   * Validates the span.
   *
   * @param west the western edge
   * @param east the eastern edge
   * @throws IllegalArgumentException if an edge is off the map or {@code east} is not east of
   *     {@code west}
   */
  public LongitudeSpan {
    if (!(west >= -180 && west <= 180)) {
      throw new IllegalArgumentException("west: must be from -180 to 180, was " + west);
    }
    if (!(east > west && east <= 180)) {
      throw new IllegalArgumentException(
          "east: must be east of west and at most 180 (west " + west + ", east " + east + ")");
    }
  }

  /**
   * Whether a longitude lies in the span, edges included.
   *
   * @param longitude degrees, from -180 to 180
   * @return true if it does
   */
  public boolean contains(double longitude) {
    return longitude >= west && longitude <= east;
  }
}

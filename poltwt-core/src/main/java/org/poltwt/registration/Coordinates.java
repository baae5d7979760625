package org.poltwt.registration;

/**
 * A point on the map in WGS 84 degrees.
 *
 * @param latitude between -90 and 90
 * @param longitude between -180 and 180
 */
public record Coordinates(double latitude, double longitude) {
  /**
   * Validates the ranges.
   *
   * @param latitude between -90 and 90
   * @param longitude between -180 and 180
   * @throws InvalidRegistrationException naming {@code coordinates.latitude} or {@code
   *     coordinates.longitude} if out of range or not a number
   */
  public Coordinates {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new InvalidRegistrationException("coordinates.latitude", "must be between -90 and 90");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new InvalidRegistrationException(
          "coordinates.longitude", "must be between -180 and 180");
    }
  }
}

package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.PostalAddress;
import org.poltwt.spi.Geocoder;

/**
 * The behaviour every {@link Geocoder} must have. An implementation's test extends this class and
 * supplies {@link #newGeocoder()}, one that can place {@link #PLACEABLE} in {@link #COUNTRY} near
 * {@link #near()}. The test methods are public so that subclasses in any package inherit them.
 */
public abstract class GeocoderContract {
  /** The country of the fixture address. */
  protected static final String COUNTRY = "US";

  /** An address the geocoder can place. */
  protected static final PostalAddress PLACEABLE = Registrations.fullAddress();

  /** How far from {@link #near()} a placed point may be, in degrees. */
  protected static final double TOLERANCE_DEGREES = 0.5;

  /**
   * Creates the geocoder under test.
   *
   * @return the geocoder
   */
  protected abstract Geocoder newGeocoder();

  /**
   * Where {@link #PLACEABLE} is. Defaults to New York's City Hall; override for another fixture.
   *
   * @return the point, within {@link #TOLERANCE_DEGREES}
   */
  protected Coordinates near() {
    return new Coordinates(40.712_776, -74.005_974);
  }

  /** A known address is placed near where it is. */
  @Test
  public void aKnownAddressIsPlacedNearWhereItIs() {
    Coordinates placed = newGeocoder().locate(PLACEABLE, COUNTRY).orElseThrow();

    assertThat(placed.latitude()).isCloseTo(near().latitude(), withinTolerance());
    assertThat(placed.longitude()).isCloseTo(near().longitude(), withinTolerance());
  }

  /** The same address in another country is not placed where it would be in its own. */
  @Test
  public void theCountryIsPartOfTheAddress() {
    Optional<Coordinates> elsewhere = newGeocoder().locate(PLACEABLE, "NP");

    elsewhere.ifPresent(
        c ->
            assertThat(
                    Math.abs(c.latitude() - near().latitude()) > TOLERANCE_DEGREES
                        || Math.abs(c.longitude() - near().longitude()) > TOLERANCE_DEGREES)
                .isTrue());
  }

  /** An address that exists nowhere is empty, not a guess and not an exception. */
  @Test
  public void anAddressThatExistsNowhereIsEmpty() {
    PostalAddress nowhere = PostalAddress.of("1 Nowhere Lane", "Qzxqzxville Nonexistent");

    assertThat(newGeocoder().locate(nowhere, COUNTRY)).isEmpty();
  }

  /** Looking up twice gives the same answer. */
  @Test
  public void theSameAddressIsPlacedTheSameWay() {
    Geocoder geocoder = newGeocoder();

    assertThat(geocoder.locate(PLACEABLE, COUNTRY)).isEqualTo(geocoder.locate(PLACEABLE, COUNTRY));
  }

  private static org.assertj.core.data.Offset<Double> withinTolerance() {
    return org.assertj.core.data.Offset.offset(TOLERANCE_DEGREES);
  }
}

package org.poltwt.examples.demo;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.PostalAddress;
import org.poltwt.spi.Geocoder;

/**
 * An offline {@link Geocoder} that places an address at the centre of its city: about sixty
 * thousand places from GeoNames (every place of 5,000 inhabitants or more, and every capital and
 * county-level seat, CC BY 4.0; see {@code CITIES-NOTICE.txt} beside the table), enough for the
 * cities police forces sit in, without a network. Names match ignoring case, accents and
 * punctuation, with common short forms ({@code St.} for {@code Saint}) and a few other names of big
 * cities ({@code München}, {@code Ciudad de México}). Among namesakes in a country the one in the
 * address's region wins, else the most populous. A deployment that needs street-level precision
 * plugs in its own geocoder.
 *
 * <p>The table is read on the first {@link #locate} call, not when the class loads, so that code
 * which never places anyone does not pay for it.
 */
public final class Gazetteer implements Geocoder {
  private static final Gazetteer BUNDLED = new Gazetteer();

  private Gazetteer() {}

  /** The table, read once on first use by the class-holder idiom, which is thread-safe. */
  private static final class Loaded {
    static final CityTable TABLE = CityTable.load();
  }

  /**
   * The gazetteer of the bundled city table.
   *
   * @return the gazetteer
   */
  public static Gazetteer bundled() {
    return BUNDLED;
  }

  /**
   * Finds the centre of the address's city in its country. The street and postal code are not used;
   * the region only chooses among cities of the same name.
   *
   * @param address the address
   * @param country its ISO country code, in any case
   * @return the city's centre, or empty for a city the table does not know
   */
  @Override
  public Optional<Coordinates> locate(PostalAddress address, String country) {
    requireNonNull(address, "address");
    requireNonNull(country, "country");
    return Loaded.TABLE.find(address.city(), address.region(), country);
  }

  /**
   * Finds a city by name alone, as an organiser types it to place a registrant.
   *
   * @param city the city's name
   * @param country its ISO country code, in any case
   * @return the city's centre, or empty for a city the table does not know
   */
  public Optional<Coordinates> locateCity(String city, String country) {
    requireNonNull(city, "city");
    requireNonNull(country, "country");
    return Loaded.TABLE.find(city, "", country);
  }

  /**
   * How many places the table holds, reading it if not read yet.
   *
   * @return the number of places, other names not counted
   */
  public int size() {
    return Loaded.TABLE.size();
  }
}

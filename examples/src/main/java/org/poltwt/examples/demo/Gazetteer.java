package org.poltwt.examples.demo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.PostalAddress;
import org.poltwt.spi.Geocoder;

/**
 * An offline {@link Geocoder} that knows the centre of about ninety cities, the ones of the demo
 * data: enough to put sign-ups from those cities on the map without a network. A real deployment
 * plugs in its own geocoder, or asks registrants for coordinates.
 */
public final class Gazetteer implements Geocoder {
  private static final Gazetteer BUNDLED = new Gazetteer();

  private final Map<String, Coordinates> cities = new HashMap<>();

  private Gazetteer() {
    for (Place p : Place.ALL) {
      cities.putIfAbsent(key(p.city(), p.country()), new Coordinates(p.latitude(), p.longitude()));
    }
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
   * Finds the centre of the address's city in its country, ignoring case and accents.
   *
   * @param address the address
   * @param country its ISO country code
   * @return the city's centre, or empty for a city the table does not know
   */
  @Override
  public Optional<Coordinates> locate(PostalAddress address, String country) {
    return Optional.ofNullable(cities.get(key(address.city(), country)));
  }

  private static String key(String city, String country) {
    String folded =
        Normalizer.normalize(city.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return folded.toLowerCase(Locale.ROOT) + "|" + country.toUpperCase(Locale.ROOT);
  }
}

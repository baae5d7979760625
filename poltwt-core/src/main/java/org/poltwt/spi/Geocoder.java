package org.poltwt.spi;

import java.util.Optional;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.PostalAddress;

/**
 * Finds where an address is, for participants who gave no coordinates. No network in core: adapters
 * decide how.
 */
public interface Geocoder {
  /**
   * Locates an address.
   *
   * @param address the physical address
   * @param country its ISO 3166-1 alpha-2 country code
   * @return the point, or empty if the address could not be placed
   */
  Optional<Coordinates> locate(PostalAddress address, String country);
}

package org.poltwt.examples.demo;

import org.poltwt.spi.Geocoder;
import org.poltwt.test.GeocoderContract;

class GazetteerTest extends GeocoderContract {
  @Override
  protected Geocoder newGeocoder() {
    return Gazetteer.bundled();
  }
}

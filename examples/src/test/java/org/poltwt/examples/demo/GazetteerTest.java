package org.poltwt.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.PostalAddress;
import org.poltwt.spi.Geocoder;
import org.poltwt.test.GeocoderContract;

class GazetteerTest extends GeocoderContract {
  private static final Gazetteer G = Gazetteer.bundled();

  @Override
  protected Geocoder newGeocoder() {
    return G;
  }

  private static Optional<Coordinates> locate(String city, String region, String country) {
    return G.locate(new PostalAddress("", city, region, ""), country);
  }

  private static void assertNear(Optional<Coordinates> placed, double lat, double lon) {
    assertThat(placed).isPresent();
    assertThat(placed.get().latitude()).isCloseTo(lat, within(0.3));
    assertThat(placed.get().longitude()).isCloseTo(lon, within(0.3));
  }

  // Points are the cities' well-known centres, to a few kilometres, so a wrong namesake fails.
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "Amsterdam, NL, 52.37, 4.89",
    "Dublin, IE, 53.35, -6.26",
    "München, DE, 48.14, 11.58",
    "Munich, DE, 48.14, 11.58",
    "São Paulo, BR, -23.55, -46.63",
    "Lagos, NG, 6.45, 3.39",
    "Nairobi, KE, -1.29, 36.82",
    "Mumbai, IN, 19.08, 72.88",
    "Sydney, AU, -33.87, 151.21",
    "Toronto, CA, 43.70, -79.42",
    "Riyadh, SA, 24.69, 46.72",
    "Ciudad de México, MX, 19.43, -99.13",
    "Reykjavík, IS, 64.14, -21.90",
    "Bogotá, CO, 4.61, -74.08",
    "Tokyo, JP, 35.69, 139.69",
    "Cape Town, ZA, -33.93, 18.42",
    "Washington, US, 38.90, -77.04",
  })
  void placesCapitalsAndBigCitiesOfEveryContinent(
      String city, String country, double lat, double lon) {
    assertNear(locate(city, "", country), lat, lon);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SAO PAULO",
    "são paulo",
    "Sao Paulo",
    "  São   Paulo  ",
    "São-Paulo",
  })
  void caseAccentsAndSpacingDoNotMatter(String written) {
    assertNear(locate(written, "", "br"), -23.55, -46.63);
  }

  @Test
  void lettersWithoutAccentsToStripAreSpelledOut() {
    assertNear(locate("Kobenhavn", "", "DK"), 55.68, 12.57);
    assertNear(locate("Reykjavik", "", "IS"), 64.14, -21.90);
    assertNear(locate("Nuku'alofa", "", "TO"), -21.14, -175.20);
  }

  @Test
  void saintAndItsShortFormsAreOneName() {
    Optional<Coordinates> saint = locate("Saint Paul", "MN", "US");
    assertNear(saint, 44.94, -93.09);
    assertThat(locate("St. Paul", "MN", "US")).isEqualTo(saint);
    assertThat(locate("St Paul", "Minnesota", "US")).isEqualTo(saint);
    assertNear(locate("St. Gallen", "", "CH"), 47.42, 9.37);
    assertNear(locate("St. Petersburg", "", "RU"), 59.94, 30.31);
  }

  @Test
  void aRegionChoosesAmongNamesakesByCodeOrName() {
    assertNear(locate("Portland", "OR", "US"), 45.52, -122.68);
    assertNear(locate("Portland", "ME", "US"), 43.66, -70.26);
    assertNear(locate("Portland", "Maine", "US"), 43.66, -70.26);
    assertNear(locate("Portland", "oregon", "US"), 45.52, -122.68);
    assertNear(locate("Frankfurt (Oder)", "", "DE"), 52.34, 14.55);
    assertNear(locate("London", "Ontario", "CA"), 42.98, -81.23);
  }

  @Test
  void withoutARegionTheMostPopulousNamesakeWins() {
    assertNear(locate("Portland", "", "US"), 45.52, -122.68);
    assertNear(locate("Portland", "Atlantis", "US"), 45.52, -122.68);
  }

  @Test
  void aRegionWrittenAfterTheCityIsUnderstood() {
    assertNear(locate("Portland, ME", "", "US"), 43.66, -70.26);
    assertNear(locate("Portland, Oregon", "", "US"), 45.52, -122.68);
  }

  @Test
  void theCountryDecidesWhichLagos() {
    assertNear(locate("Lagos", "", "PT"), 37.10, -8.67);
  }

  @Test
  void unknownCitiesAndOtherCountriesAreEmpty() {
    assertThat(locate("Qzxqzxville", "", "US")).isEmpty();
    assertThat(locate("Amsterdam", "", "BR")).isEmpty();
    assertThat(locate("Amsterdam", "", "ZZ")).isEmpty();
    assertThat(locate("...", "", "NL")).isEmpty();
    assertThat(G.locateCity("", "NL")).isEmpty();
  }

  @Test
  void anOrganiserCanLookUpACityByNameAlone() {
    assertNear(G.locateCity("nairobi", "ke"), -1.29, 36.82);
    assertThat(G.locateCity("Nairobi", "NG")).isEmpty();
  }

  @Test
  void theTableIsBigEnoughForTheCitiesPoliceSitIn() {
    assertThat(G.size()).isGreaterThan(60_000);
  }
}

package org.poltwt.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.poltwt.registration.PostalAddress;

class GazetteerProperties {
  @Property(tries = 2000)
  void locatingNeverThrowsForAnyText(
      @ForAll @StringLength(max = 60) String city,
      @ForAll @StringLength(max = 20) String region,
      @ForAll @StringLength(max = 4) String country) {
    // PostalAddress refuses blank cities and control characters; what it accepts must not throw.
    PostalAddress address;
    try {
      address = new PostalAddress("", city, region, "");
    } catch (RuntimeException refused) {
      StringBuilder kept = new StringBuilder("x");
      city.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
      address = PostalAddress.ofCity(kept.toString());
    }
    Gazetteer g = Gazetteer.bundled();

    assertThat(g.locate(address, country)).isNotNull();
    assertThat(g.locateCity(city, country)).isNotNull();
  }

  @Property(tries = 500)
  void foldingIsIdempotent(@ForAll @StringLength(max = 40) String text) {
    String once = CityTable.fold(text);

    assertThat(CityTable.fold(once)).isEqualTo(once);
  }
}

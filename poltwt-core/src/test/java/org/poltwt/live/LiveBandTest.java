package org.poltwt.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a map shades the band of offsets live: across the antimeridian where the places are. */
class LiveBandTest {
  /** Kiritimati, Kiribati's Line Islands: UTC+14, west of the antimeridian. */
  private static final double KIRITIMATI = -157.4278;

  /** Apia, Samoa: UTC+13 all year. */
  private static final double APIA = -171.77;

  @Test
  void kiribatiAloneIsShadedWhereKiritimatiIsNotPastTheEdgeOfTheMap() {
    List<LongitudeSpan> spans = band(14, 14).longitudes();

    assertThat(spans).containsExactly(new LongitudeSpan(-157.5, -142.5));
    assertThat(spans.get(0).contains(KIRITIMATI)).isTrue();
  }

  @Test
  void aBandFromNewZealandToKiribatiIsTwoSpansEitherSideOfTheAntimeridian() {
    List<LongitudeSpan> spans = band(12, 14).longitudes();

    assertThat(spans)
        .containsExactly(new LongitudeSpan(-180, -142.5), new LongitudeSpan(172.5, 180));
    assertThat(spans).anyMatch(s -> s.contains(KIRITIMATI)).anyMatch(s -> s.contains(APIA));
    assertThat(spans).anyMatch(s -> s.contains(174.78)); // Wellington, +12 in winter
  }

  @Test
  void aBandWestOfTheAntimeridianIsOneSpan() {
    assertThat(band(-5, 1).longitudes()).containsExactly(new LongitudeSpan(-82.5, 22.5));
    assertThat(band(-8, -8).longitudes()).containsExactly(new LongitudeSpan(-127.5, -112.5));
  }

  @Test
  void minusTwelveReachesBackAcrossTheAntimeridianFromTheWest() {
    assertThat(band(-12, -10).longitudes())
        .containsExactly(new LongitudeSpan(-180, -142.5), new LongitudeSpan(172.5, 180));
  }

  @Test
  void halfHourOffsetsShadeTheirOwnFifteenDegrees() {
    LiveBand chatham = new LiveBand(ZoneOffset.ofHoursMinutes(12, 45), ZoneOffset.ofHours(13));
    assertThat(chatham.longitudes()).containsExactly(new LongitudeSpan(-176.25, -157.5));
  }

  @Test
  void aBandWiderThanTheWorldIsTheWholeWorld() {
    assertThat(band(-10, 14).longitudes()).containsExactly(new LongitudeSpan(-180, 180));
    assertThat(band(-12, 11).longitudes()).containsExactly(new LongitudeSpan(-180, 180));
  }

  @Test
  void aSpanMustLieOnTheMapWestToEast() {
    assertThatThrownBy(() -> new LongitudeSpan(-190, 0)).hasMessageContaining("west");
    assertThatThrownBy(() -> new LongitudeSpan(10, 10)).hasMessageContaining("east");
    assertThatThrownBy(() -> new LongitudeSpan(10, 181)).hasMessageContaining("east");
    assertThat(new LongitudeSpan(-10, 10).contains(10)).isTrue();
    assertThat(new LongitudeSpan(-10, 10).contains(10.5)).isFalse();
  }

  private static LiveBand band(int west, int east) {
    return new LiveBand(ZoneOffset.ofHours(west), ZoneOffset.ofHours(east));
  }
}

package org.poltwt.tweet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The fast path for the API's timestamps agrees with {@link Instant#parse} and {@link
 * Instant#toString}.
 */
class ApiTimestampsProperties {

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.of(0, 1_000_000, 999_000_000, 123_000_000, 1, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<Instant> fourDigitYears() {
    return Combinators.combine(
            Arbitraries.longs()
                .between(
                    Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.integers().between(0, 999))
        .as((s, ms) -> Instant.ofEpochSecond(s, ms * 1_000_000L));
  }

  @Property
  void formatsTheApiShapeForMillisecondInstantsOfFourDigitYears(
      @ForAll("fourDigitYears") Instant t) {
    String s = ApiTimestamps.format(t);

    assertThat(s)
        .hasSize(24)
        .endsWith("Z")
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(t));
    assertThat(ApiTimestamps.parse(s)).isEqualTo(t);
    assertThat(ApiTimestamps.parse(s.substring(0, 19) + "Z"))
        .isEqualTo(Instant.parse(s.substring(0, 19) + "Z"));
  }

  @Property
  void readsBackWhateverItWrites(@ForAll("instants") Instant t) {
    assertThat(ApiTimestamps.parse(ApiTimestamps.format(t))).isEqualTo(t);
  }

  @Property
  void agreesWithInstantParseOnAnyApiShapedString(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 99) int month,
      @ForAll @IntRange(min = 0, max = 99) int day,
      @ForAll @IntRange(min = 0, max = 99) int hour,
      @ForAll @IntRange(min = 0, max = 99) int minute,
      @ForAll @IntRange(min = 0, max = 99) int second,
      @ForAll @IntRange(min = 0, max = 999) int milli) {
    String s =
        String.format(
            "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day, hour, minute, second, milli);

    Object expected;
    try {
      expected = Instant.parse(s);
    } catch (DateTimeParseException e) {
      expected = "rejected";
    }
    Object actual;
    try {
      actual = ApiTimestamps.parse(s);
    } catch (DateTimeException e) {
      actual = "rejected";
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Property
  void rejectsWhatIsNotATimestamp(@ForAll @StringLength(min = 20, max = 24) String s) {
    try {
      Instant.parse(s);
    } catch (DateTimeParseException expected) {
      assertThatThrownBy(() -> ApiTimestamps.parse(s)).isInstanceOf(DateTimeException.class);
    }
  }

  @Example
  void knowsLeapDaysAndMonthLengths() {
    assertThat(ApiTimestamps.parse("2016-02-29T00:00:00.000Z"))
        .isEqualTo(Instant.parse("2016-02-29T00:00:00Z"));
    assertThat(ApiTimestamps.parse("2000-02-29T00:00:00Z"))
        .isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
    assertThatThrownBy(() -> ApiTimestamps.parse("1900-02-29T00:00:00.000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ApiTimestamps.parse("2015-04-31T00:00:00.000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ApiTimestamps.parse("2015-06-05T24:01:00.000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThat(ApiTimestamps.parse("2015-06-05T24:00:00.000Z"))
        .as("as Instant.parse reads it")
        .isEqualTo(Instant.parse("2015-06-06T00:00:00Z"));
    assertThatThrownBy(() -> ApiTimestamps.parse("2015-06-05T08:00:0１.000Z"))
        .isInstanceOf(DateTimeException.class);
  }
}

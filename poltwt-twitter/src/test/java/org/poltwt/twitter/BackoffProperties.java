package org.poltwt.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffProperties {
  @Property
  void eachWaitLiesBetweenHalfItsCeilingAndTheCappedCeiling(
      @ForAll @IntRange(min = 1, max = 40) int failure,
      @ForAll @LongRange(min = 1, max = 10_000) long initialMillis,
      @ForAll @LongRange(min = 0, max = 600_000) long extra,
      @ForAll long seed) {
    Duration initial = Duration.ofMillis(initialMillis);
    Duration max = initial.plusMillis(extra);
    long ceiling = Math.min(max.toMillis(), initialMillis * (1L << Math.min(failure - 1, 30)));

    Duration d = XApiClient.backoffDelay(failure, initial, max, new Random(seed));

    assertThat(d.toMillis()).isBetween(ceiling / 2, ceiling);
  }

  @Property
  void theCeilingNeverShrinksAsFailuresGrow(
      @ForAll @IntRange(min = 1, max = 39) int failure, @ForAll long seed) {
    Duration initial = Duration.ofMillis(1_000);
    Duration max = Duration.ofSeconds(60);
    // With the same random draws, a later retry never waits less than half of an earlier one's
    // ceiling.
    Duration earlier = XApiClient.backoffDelay(failure, initial, max, new Random(seed));
    Duration later = XApiClient.backoffDelay(failure + 1, initial, max, new Random(seed));

    assertThat(later.multipliedBy(2)).isGreaterThanOrEqualTo(earlier);
    assertThat(later).isLessThanOrEqualTo(max);
  }
}

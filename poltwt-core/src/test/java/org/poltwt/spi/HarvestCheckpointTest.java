package org.poltwt.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HarvestCheckpointTest {
  private static final Instant END = Instant.parse("2015-06-07T02:00:00Z");

  private static HarvestCheckpoint withPosts(long postsRead) {
    return new HarvestCheckpoint(
        6,
        "#PolTwt",
        Optional.empty(),
        Optional.of(END.minusSeconds(3600)),
        END,
        Optional.of("next"),
        Optional.empty(),
        postsRead);
  }

  @Test
  void aNegativeCountOfPostsReadIsRefusedByName() {
    assertThatThrownBy(() -> withPosts(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("postsRead:");
  }

  @Test
  void theConstructorWithoutACountCountsNone() {
    HarvestCheckpoint c =
        new HarvestCheckpoint(
            6,
            "#PolTwt",
            Optional.empty(),
            Optional.empty(),
            END,
            Optional.empty(),
            Optional.empty());

    assertThat(c.postsRead()).isZero();
    assertThat(c.withPostsRead(40)).isEqualTo(withCounted(c, 40));
  }

  private static HarvestCheckpoint withCounted(HarvestCheckpoint c, long n) {
    return new HarvestCheckpoint(
        c.edition(), c.query(), c.sinceId(), c.start(), c.end(), c.nextToken(), c.newestId(), n);
  }
}

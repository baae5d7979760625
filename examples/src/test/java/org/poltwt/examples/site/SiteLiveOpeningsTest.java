package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;

/**
 * A crowd of viewers opening the live board's stream at once, as after an instance restarted, is
 * served by a few daemon threads: not one thread each from a pool without a bound, which would also
 * keep a stopped site's JVM alive.
 */
class SiteLiveOpeningsTest {
  @Test
  void fortyViewersOpeningAtOnceUseAtMostTheOpeningThreadsAndNoneOfJavalinsPool() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-07-03T06:00:00Z"));
    try (TestSite site = TestSite.showingEveryPost(clock)) {
      List<LiveEvents> viewers = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          viewers.add(LiveEvents.open(site, null));
        }
        for (LiveEvents v : viewers) {
          assertThat(v.next().get("full").asBoolean()).isTrue();
        }
        List<String> names =
            Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
        assertThat(names).noneMatch(n -> n.startsWith("JavalinDefaultAsyncThreadPool"));
        assertThat(names.stream().filter(n -> n.startsWith("poltwt-live-open-")).count())
            .isBetween(1L, (long) LivePages.OPENING_THREADS);
        assertThat(site.site.live().feed.viewers()).isEqualTo(40);
      } finally {
        for (LiveEvents v : viewers) {
          v.close();
        }
      }
    }
  }
}

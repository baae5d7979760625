package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * The live board's counters as the page is first served: formatted in the visitor's language, as
 * the page's script formats them once events arrive, not as bare digits.
 */
class SiteLiveNumbersTest {
  /** More posts than a thousand, so that the grouping shows. */
  static final int POSTS = 1_234;

  @Test
  void theFirstPaintGroupsThousandsAsTheVisitorsLanguageDoes() {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    try (TestSite site = TestSite.start(clock, 1000)) {
      midEditionWithPosts(site, clock);

      assertThat(counters(site, "en")).containsEntry("live-total", "1,234");
      Map<String, String> german = counters(site, "de");
      assertThat(german)
          .containsEntry("live-total", "1.234")
          .containsEntry("live-minute", "1.234")
          .containsEntry("live-compliant", "0\u00a0%");
      assertThat(german.get("live-hidden")).startsWith("1.234 ");
      // Spanish groups from five digits on (CLDR's minimum grouping), as browsers do.
      assertThat(counters(site, "es")).containsEntry("live-total", "1234");
      // CLDR's Arabic writes Western digits, grouped with a comma, and marks the percent sign.
      Map<String, String> arabic = counters(site, "ar");
      assertThat(arabic).containsEntry("live-total", "1,234");
      assertThat(arabic.get("live-compliant")).isEqualTo("0\u200e%\u200e");
    }
  }

  /** Sets the clock to mid-edition and stores {@link #POSTS} posts of the last minute. */
  static void midEditionWithPosts(TestSite site, MutableClock clock) {
    int edition = site.latestEdition();
    Instant inside = site.intoLatestEdition(Duration.ofHours(12));
    for (int i = 1; i <= POSTS; i++) {
      site.site
          .stores()
          .tweets()
          .upsert(
              edition,
              Tweet.of(
                  Long.toString(9_180_000_000_000_000_000L + i),
                  "77",
                  null,
                  "On patrol #PolTwt",
                  inside.minusMillis(30_000 - i)));
    }
    site.site.live().feed.tick();
  }

  /** The counters' texts on the page served in a language, by element id. */
  static Map<String, String> counters(TestSite site, String lang) {
    return counters(site.client().get("/live?lang=" + lang).body());
  }

  static Map<String, String> counters(String page) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id :
        new String[] {
          "live-zones", "live-participants", "live-minute", "live-total", "live-compliant"
        }) {
      Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
      assertThat(m.find()).as(id).isTrue();
      out.put(id, m.group(1));
    }
    Matcher hidden = Pattern.compile("<p id=\"live-hidden\"[^>]*>([^<]*)<").matcher(page);
    assertThat(hidden.find()).as("live-hidden").isTrue();
    out.put("live-hidden", hidden.group(1));
    return out;
  }
}

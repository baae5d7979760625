package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poltwt.test.MutableClock;

/**
 * The live board's counters in a real headless Chromium, in several languages: what the server
 * paints first is what the page's script writes once the first event has arrived, so the numbers do
 * not change form when the events begin.
 */
class SiteLiveLanguageBrowserTest {
  @Test
  void theFirstPaintIsWhatTheEventsWrite() throws Exception {
    Browser.assumeAvailable(SiteLiveLanguageBrowserTest.class);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    try (TestSite site = TestSite.start(clock, 1000);
        Browser browser = Browser.start("Europe/Berlin")) {
      SiteLiveNumbersTest.midEditionWithPosts(site, clock);
      WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
      for (String lang : new String[] {"de", "es", "fr", "ar", "en"}) {
        Map<String, String> served = SiteLiveNumbersTest.counters(site, lang);
        browser.driver.get(site.url() + "/live?lang=" + lang);
        wait.until(d -> d.findElement(By.id("live")).getAttribute("data-updated") != null);
        Map<String, String> written = new LinkedHashMap<>();
        for (String id : served.keySet()) {
          written.put(
              id,
              (String)
                  browser.driver.executeScript(
                      "return document.getElementById(arguments[0]).textContent;", id));
        }
        assertThat(written).as("the counters in %s after the first event", lang).isEqualTo(served);
      }
      assertThat(SiteLiveNumbersTest.counters(site, "de")).containsEntry("live-total", "1.234");
    }
  }
}

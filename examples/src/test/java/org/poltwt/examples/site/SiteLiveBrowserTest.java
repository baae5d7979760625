package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.test.MutableClock;

/**
 * The live board in a real headless Chromium, on a replay of the demo edition: the first event
 * fills the counters, lights markers and fills the strip; after the replay's clock moves on (across
 * the windows' boundaries) the next event raises the counters; axe-core finds no serious or
 * critical problem, mid-edition and after it, on the board and on the public wrap-up it then links
 * to. A screenshot of the board mid-edition goes to {@code target/screenshots}.
 */
class SiteLiveBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Test
  void aReplayLightsMarkersRaisesCountersAndFillsTheStrip() throws Exception {
    Browser.assumeAvailable(SiteLiveBrowserTest.class);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    try (TestSite site =
            TestSite.start(
                clock,
                1000,
                b -> b.live(LiveOptions.defaults().withDemoReplay(true).withSpeed(600)));
        Browser browser = Browser.start("Europe/Madrid")) {
      LivePages live = site.site.live();
      Replay replay = live.replay.orElseThrow();
      WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));

      // Two minutes of the site's clock: twenty hours of the edition at 600x.
      clock.advance(Duration.ofMinutes(2));
      replay.playDue();
      live.feed.tick();
      browser.driver.get(site.url() + "/live");
      wait.until(d -> d.findElement(By.id("live")).getAttribute("data-updated") != null);
      wait.until(d -> d.findElement(By.id("live-map")).getAttribute("data-markers") != null);
      wait.until(d -> number(d.findElement(By.id("live-map")).getAttribute("data-lit")) > 0);
      long firstTotal = number(browser.driver.findElement(By.id("live-total")).getText());
      assertThat(firstTotal).isPositive();
      assertThat(browser.driver.findElements(By.cssSelector("#live-posts li"))).isNotEmpty();
      assertThat(browser.driver.findElement(By.id("live-during")).isDisplayed()).isTrue();
      browser.assertAccessible();
      browser.screenshot(SCREENSHOTS.resolve("live.png"));

      // Two more minutes: forty hours in, past many windows' ends and starts.
      String before = browser.driver.findElement(By.id("live")).getAttribute("data-updated");
      clock.advance(Duration.ofMinutes(2));
      replay.playDue();
      live.feed.tick();
      wait.until(d -> !before.equals(d.findElement(By.id("live")).getAttribute("data-updated")));
      wait.until(d -> number(d.findElement(By.id("live-total")).getText()) > firstTotal);
      assertThat(browser.driver.findElements(By.cssSelector("#live-posts li")).size())
          .isLessThanOrEqualTo(20);

      // Two more: past the last zone's close. The board shows its totals and links to the public
      // wrap-up, which opens without logging in.
      clock.advance(Duration.ofMinutes(2));
      replay.playDue();
      live.feed.tick();
      wait.until(d -> d.findElement(By.id("live-after")).isDisplayed());
      browser.assertAccessible();
      browser.driver.findElement(By.cssSelector("#live-after a")).click();
      wait.until(d -> d.getCurrentUrl().endsWith("/live/wrapup"));
      assertThat(browser.driver.findElement(By.tagName("h1")).getText()).endsWith("the wrap-up");
      assertThat(browser.driver.findElements(By.cssSelector("table.data"))).isNotEmpty();
      browser.assertAccessible();
    }
  }

  /** The digits of a counter, whatever the grouping separator. */
  private static long number(String text) {
    String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}

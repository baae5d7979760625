package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poltwt.test.MutableClock;

/**
 * The live board in a real headless Chromium when its instance restarts: the page says it is
 * reconnecting while no instance serves the port, its {@code EventSource} comes back by itself to
 * the new instance on the same port and database with {@code Last-Event-ID}, and the page then
 * shows the posts stored meanwhile, each once, with its counters carrying on from where they were;
 * and the same when a proxy answers with errors while no instance is up.
 */
class SiteLiveReconnectBrowserTest {
  private Browser browser;

  @RegisterExtension
  final TestWatcher screenshots = Browser.screenshotOnFailure("live-reconnect-", () -> browser);

  @Test
  void aRestartOnTheSamePortResumesWithoutDuplicatesAndSaysItIsReconnecting() throws Exception {
    restart(false);
  }

  /**
   * Behind a reverse proxy the port answers while no instance is up, with an error rather than a
   * stream: Chromium then gives up on its EventSource, and the page opens another that names the
   * last event in the query.
   */
  @Test
  void aProxysErrorsWhileNoInstanceIsUpDoNotStopThePageComingBack() throws Exception {
    restart(true);
  }

  private void restart(boolean proxyErrorsWhileDown) throws Exception {
    Browser.assumeAvailable(SiteLiveReconnectBrowserTest.class);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    // The first site stands for the database: the instances the browser sees come and go on it.
    try (TestSite database = TestSite.showingEveryPost(clock)) {
      int edition = database.latestEdition();
      Instant inside = database.intoLatestEdition(Duration.ofHours(12));
      for (int i = 1; i <= 3; i++) {
        store(database, edition, i, inside.minusSeconds(60 - i));
      }
      browser = Browser.start("Europe/Madrid");
      try (Browser b = browser) {
        WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(30));
        TestSite first = database.alongside();
        int port = first.site.port();
        try {
          first.site.live().feed.tick();
          b.driver.get(first.url() + "/live");
          wait.until(
              d -> "open".equals(d.findElement(By.id("live")).getAttribute("data-connection")));
          wait.until(d -> ids(d.findElements(By.cssSelector("#live-posts li"))).size() == 3);
          b.driver.executeScript(
              "window.totals = [];"
                  + " var el = document.getElementById('live-total');"
                  + " new MutationObserver(function () { window.totals.push(el.textContent); })"
                  + ".observe(el, {childList: true, characterData: true, subtree: true});");

          store(database, edition, 4, inside.minusSeconds(50));
          first.site.live().feed.tick();
          wait.until(d -> ids(d.findElements(By.cssSelector("#live-posts li"))).size() == 4);
          assertThat(b.driver.findElement(By.id("live-connection")).getText()).isEmpty();
          // Marks what the page shows now: a resumption keeps these; a full resend would not.
          b.driver.executeScript(
              "document.querySelectorAll('#live-posts li')"
                  + ".forEach(function (li) { li.setAttribute('data-before', 'yes'); });");
        } finally {
          first.close();
        }

        WebElement status = b.driver.findElement(By.id("live-connection"));
        wait.until(d -> status.isDisplayed() && !status.getText().isEmpty());
        assertThat(status.getText()).isEqualTo("Connection lost: reconnecting…");
        assertThat(status.getAttribute("role")).isEqualTo("status");
        b.assertAccessible();

        // Stored while no instance serves the port.
        for (int i = 5; i <= 7; i++) {
          store(database, edition, i, inside.minusSeconds(50 - i));
        }
        if (proxyErrorsWhileDown) {
          HttpServer proxy = HttpServer.create(new InetSocketAddress("localhost", port), 0);
          proxy.createContext(
              "/",
              x -> {
                x.sendResponseHeaders(502, -1);
                x.close();
              });
          proxy.start();
          try {
            // Each of the page's new streams meets the error and gives up in turn.
            wait.until(d -> number(d.findElement(By.id("live")).getAttribute("data-streams")) >= 3);
            assertThat(status.getText()).isEqualTo("Connection lost: reconnecting…");
          } finally {
            proxy.stop(0);
          }
        }
        try (TestSite next = database.alongsideOn(port)) {
          assertThat(next.site.port()).isEqualTo(port);
          wait.until(d -> ids(d.findElements(By.cssSelector("#live-posts li"))).size() == 7);
          wait.until(
              d -> "open".equals(d.findElement(By.id("live")).getAttribute("data-connection")));

          List<String> shown = ids(b.driver.findElements(By.cssSelector("#live-posts li")));
          assertThat(shown)
              .as("each post once, newest first")
              .containsExactly(
                  SiteLiveReconnectTest.id(7),
                  SiteLiveReconnectTest.id(6),
                  SiteLiveReconnectTest.id(5),
                  SiteLiveReconnectTest.id(4),
                  SiteLiveReconnectTest.id(3),
                  SiteLiveReconnectTest.id(2),
                  SiteLiveReconnectTest.id(1));
          if (!proxyErrorsWhileDown) {
            assertThat(b.driver.findElement(By.id("live")).getAttribute("data-streams"))
                .as("the browser's own EventSource reconnected: the page opened no other")
                .isEqualTo("1");
          }
          assertThat(b.driver.findElements(By.cssSelector("#live-posts li[data-before='yes']")))
              .as("the posts shown before the drop were kept: only what was missed came")
              .hasSize(4);
          assertThat(status.getText()).isEmpty();
          assertThat(status.isDisplayed()).isFalse();
          wait.until(d -> number(d.findElement(By.id("live-total")).getText()) == 7);
          @SuppressWarnings("unchecked")
          List<Object> totals = (List<Object>) b.driver.executeScript("return window.totals;");
          List<Long> seen = new ArrayList<>();
          totals.forEach(t -> seen.add(number(String.valueOf(t))));
          assertThat(seen).as("the total as the page showed it").isSorted().contains(4L, 7L);
          assertThat(seen.get(0)).isGreaterThanOrEqualTo(3);
          b.assertAccessible();
        }
      } finally {
        browser = null;
      }
    }
  }

  private static void store(TestSite site, int edition, int n, Instant at) {
    site.site.stores().tweets().upsert(edition, SiteLiveReconnectTest.post(n, at));
  }

  private static List<String> ids(List<WebElement> items) {
    List<String> ids = new ArrayList<>();
    items.forEach(li -> ids.add(li.getAttribute("data-id")));
    return ids;
  }

  private static long number(String text) {
    String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}

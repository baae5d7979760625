package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.MutableClock;

/**
 * The live board's map in a real headless Chromium: in the edition's first half hour only UTC+14 is
 * live, and the band shaded on the map lies over Kiritimati's lit marker, about 157 degrees west,
 * not past the map's eastern edge.
 */
class SiteLiveMapBrowserTest {
  @Test
  void inTheFirstHalfHourTheBandCoversKiritimatisLitMarker() throws Exception {
    Browser.assumeAvailable(SiteLiveMapBrowserTest.class);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    try (TestSite first = TestSite.start(clock, 1000)) {
      int edition = first.latestEdition();
      first.intoLatestEdition(Duration.ofMinutes(30));
      first.site.stores().registrations().insert(kiritimati(edition, clock.instant()));
      // A second instance on the same stores builds its board with the registration in it.
      try (TestSite site = first.alongside();
          Browser browser = Browser.start("Pacific/Kiritimati")) {
        site.site.live().feed.tick();
        browser.driver.get(site.url() + "/live");
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
        By marker = By.cssSelector("#live-map path[data-zone='Pacific/Kiritimati']");
        wait.until(d -> "true".equals(d.findElement(marker).getAttribute("data-lit")));
        wait.until(d -> !d.findElements(By.cssSelector("#live-map path.live-band")).isEmpty());

        double x = centreX(browser, browser.driver.findElement(marker));
        List<WebElement> band = browser.driver.findElements(By.cssSelector("path.live-band"));
        assertThat(band)
            .as("a shaded band over Kiritimati's marker at x=%s", x)
            .anyMatch(b -> covers(browser, b, x));
      }
    }
  }

  private static Registration kiritimati(int edition, Instant now) {
    return Registration.builder()
        .edition(edition)
        .handle(TwitterHandle.of("KiribatiPolice"))
        .accountType(AccountType.AGENCY)
        .agencyName("Kiribati Police Service")
        .agencyLevel(AgencyLevel.NATIONAL)
        .email("press@police.gov.ki")
        .coordinates(new Coordinates(1.8721, -157.4278))
        .country("KI")
        .zone(ZoneId.of("Pacific/Kiritimati"))
        .participationModel(ParticipationModel.ONE_TOPIC)
        .status(RegistrationStatus.VERIFIED)
        .createdAt(now)
        .build();
  }

  private static double centreX(Browser browser, WebElement e) {
    Map<?, ?> r = rect(browser, e);
    return ((Number) r.get("left")).doubleValue() + ((Number) r.get("width")).doubleValue() / 2;
  }

  private static boolean covers(Browser browser, WebElement band, double x) {
    Map<?, ?> r = rect(browser, band);
    double left = ((Number) r.get("left")).doubleValue();
    return left <= x && x <= left + ((Number) r.get("width")).doubleValue();
  }

  private static Map<?, ?> rect(Browser browser, WebElement e) {
    return (Map<?, ?>)
        browser.driver.executeScript(
            "var r = arguments[0].getBoundingClientRect();"
                + " return {left: r.left, width: r.width};",
            e);
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poltwt.registration.RegistrationStatus;

/**
 * The grouped review queue and the trusted-domains page in a real browser (issue 21): one click
 * clears a force, the forms refuse bad input beside the field, and every page passes axe-core with
 * no serious or critical violation. Skipped only when Chromium is missing outside CI.
 */
class SiteTrustBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static TestSite site;
  private static Browser browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable(SiteTrustBrowserTest.class);
    site = TestSite.start(Clock.systemUTC(), 1000);
    browser = Browser.start("Europe/Amsterdam");
    wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (site != null) {
      site.close();
    }
  }

  private static void open(String path) {
    browser.driver().get(site.url() + path);
  }

  @Test
  void anOrganiserClearsAForceWithOneClickAndManagesTrustedDomains() {
    int edition = site.latestEdition();
    UUID first = site.waitingForReview(edition, "BrowserPdA", "a@pd-browser.example.com");
    UUID second = site.waitingForReview(edition, "BrowserPdB", "b@pd-browser.example.com");

    open("/organiser/login");
    browser.driver().findElement(By.id("login-password")).sendKeys(TestSite.PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.titleContains("Organisers"));
    open("/organiser/review");
    browser.assertAccessible();
    browser.screenshot(SCREENSHOTS.resolve("review-grouped.png"));
    browser
        .driver()
        .findElement(
            By.cssSelector(
                "section[data-domain='pd-browser.example.com'] form[action$='/trust'] button"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.className("notice"), "Approved 2 sign-ups and trusted pd-browser.example.com."));
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("section[data-domain='pd-browser.example.com']")))
        .isEmpty();
    assertThat(site.site.stores().registrations().find(first).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(site.site.stores().registrations().find(second).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
    browser.assertAccessible();

    browser.driver().findElement(By.linkText("Trusted domains")).click();
    wait.until(ExpectedConditions.titleContains("Trusted email domains"));
    browser.assertAccessible();
    browser.driver().findElement(By.id("trusted-domain")).sendKeys("gmail.com", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("trusted-domain-error"), "public mail service"));
    assertThat(browser.driver().findElement(By.id("trusted-domain")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.assertAccessible();

    browser.driver().findElement(By.id("trusted-domain")).clear();
    browser.driver().findElement(By.id("trusted-domain")).sendKeys("sheriff-browser.example.org");
    browser.driver().findElement(By.id("trusted-note")).sendKeys("County sheriff", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.className("notice"), "Now trusted: sheriff-browser.example.org."));
    browser.driver().findElement(By.cssSelector("tr[data-domain='polisen.se'] button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.className("notice"), "Removed: polisen.se."));
    assertThat(
            browser.driver().findElement(By.cssSelector("tr[data-domain='polisen.se']")).getText())
        .contains("Removed");
    browser.assertAccessible();
    browser.screenshot(SCREENSHOTS.resolve("trusted-domains.png"));
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium: an administrator logs in by name and password, invites a reviewer on the accounts
 * page, reads the audit log and starts setting up one-time codes. Every page passes axe-core with
 * no serious or critical violation.
 */
class SiteAccountsBrowserTest {

  private static TestSite site;
  private static Browser browser;
  private static WebDriverWait wait;

  @RegisterExtension
  static final TestWatcher SCREENSHOT_ON_FAILURE =
      Browser.screenshotOnFailure("accounts-", () -> browser);

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable(SiteAccountsBrowserTest.class);
    site = TestSite.start(Clock.systemUTC(), 1000);
    browser = Browser.start("Europe/London");
    wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
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
    browser.driver.get(site.url() + path);
  }

  @Test
  void anAdministratorInvitesAReviewerAndReadsTheAuditLog() {
    open("/organiser/login");
    wait.until(ExpectedConditions.titleContains("Log in"));
    browser.assertAccessible();
    browser.driver.findElement(By.id("login-name")).sendKeys("admin");
    browser.driver.findElement(By.id("login-password")).sendKeys(TestSite.PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.titleContains("Organisers"));

    open("/organiser/accounts");
    browser.assertAccessible();
    browser.driver.findElement(By.id("invite-name")).sendKeys("browser.reviewer");
    browser.driver.findElement(By.id("invite-email")).sendKeys("reviewer@organisers.example");
    new Select(browser.driver.findElement(By.id("invite-role"))).selectByValue("REVIEWER");
    browser.driver.findElement(By.cssSelector("#invite button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("done"), "An invitation has been sent for browser.reviewer"));
    assertThat(browser.driver.findElement(By.id("accounts")).getText())
        .contains("browser.reviewer")
        .contains("Invited");
    browser.assertAccessible();

    open("/organiser/audit");
    assertThat(browser.driver.findElement(By.id("audit")).getText())
        .contains("account.invite")
        .contains("browser.reviewer/reviewer")
        .contains("login.success");
    browser.assertAccessible();

    open("/organiser/account");
    browser.assertAccessible();
    browser.driver.findElement(By.cssSelector("#totp button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otpauth")));
    assertThat(browser.driver.findElement(By.id("otpauth")).getText())
        .startsWith("otpauth://totp/PolTwt%3Aadmin?secret=");
    browser.assertAccessible();
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.RegistrationQuery;

/**
 * Roles and one's own account in Chromium (issue 21): a reviewer works the review queue and gets
 * the refusal page, not a server error, on every administrator's page; an administrator walks the
 * retention page and erases a registration on request; an organiser changes their password. Every
 * page passes axe-core with no serious or critical violation.
 */
class SiteRolesBrowserTest {
  private static final String REVIEWER_PASSWORD = "the browser reviewer's passphrase";

  private static TestSite site;
  private static Browser browser;
  private static WebDriverWait wait;

  @RegisterExtension
  static final TestWatcher SCREENSHOT_ON_FAILURE =
      Browser.screenshotOnFailure("roles-", () -> browser);

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable(SiteRolesBrowserTest.class);
    site = TestSite.start(Clock.systemUTC(), 1000);
    browser = Browser.start("Europe/Madrid");
    wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
    account("browser.reviewer", OrganiserAccount.Role.REVIEWER, REVIEWER_PASSWORD);
    account("browser.changer", OrganiserAccount.Role.REVIEWER, "the first browser passphrase");
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

  /** Each test logs in as whom it needs. */
  @BeforeEach
  void forget() {
    browser.driver().manage().deleteAllCookies();
  }

  /** An account with its password set, as if its invitation had been taken up. */
  private static void account(String name, OrganiserAccount.Role role, String password) {
    Instant now = Instant.now();
    site.site
        .stores()
        .organiserAccounts()
        .insert(
            OrganiserAccount.invited(
                    name,
                    name + "@organisers.example",
                    role,
                    "0".repeat(64),
                    now.plusSeconds(3600),
                    now)
                .withPassword(Passwords.hash(password)));
  }

  private static void open(String path) {
    browser.driver().get(site.url() + path);
  }

  private static void logIn(String name, String password) {
    open("/organiser/login");
    browser.driver().findElement(By.id("login-name")).sendKeys(name);
    browser.driver().findElement(By.id("login-password")).sendKeys(password, Keys.ENTER);
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/organiser/login")));
  }

  @Test
  void aReviewerApprovesASignUpAndIsRefusedEveryAdministratorsPage() {
    UUID waiting =
        site.waitingForReview(site.latestEdition(), "RolesPdWait", "desk@roles-browser.example");
    logIn("browser.reviewer", REVIEWER_PASSWORD);
    wait.until(ExpectedConditions.urlContains("/organiser/review"));
    assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("@RolesPdWait");
    browser.assertAccessible();

    browser
        .driver()
        .findElement(
            By.cssSelector("tr[data-handle='RolesPdWait'] form[action$='/approve'] button"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.className("notice"), "Approved @RolesPdWait."));
    assertThat(site.site.stores().registrations().find(waiting).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
    browser.assertAccessible();

    for (String page :
        new String[] {
          "/organiser/accounts",
          "/organiser/audit",
          "/organiser/retention",
          "/organiser/trusted",
          "/organiser/announcements",
          "/organiser/registrations/" + waiting + "/erase"
        }) {
      open(page);
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .as(page)
          .isEqualTo("Refused");
      assertThat(browser.driver().findElement(By.tagName("main")).getText())
          .as(page)
          .contains("This page is for administrators")
          .doesNotContain("Something went wrong");
    }
    browser.assertAccessible();
  }

  @Test
  void anAdministratorWalksTheRetentionPage() {
    int edition = site.latestEdition();
    Registration someone =
        site.site.stores().registrations().list(RegistrationQuery.of(edition), 0, 1).get(0);
    logIn("admin", TestSite.PASSWORD);
    open("/organiser/retention");
    wait.until(ExpectedConditions.titleContains("Retention"));
    browser.assertAccessible();

    // Bad input is refused beside the fields.
    browser.driver().findElement(By.cssSelector("#hold button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hold-handle-error")));
    assertThat(browser.driver().findElement(By.id("hold-reason-error")).getText())
        .contains("Give the reason for the hold.");
    browser.assertAccessible();
    browser.driver().findElement(By.id("period-" + edition + "-days")).clear();
    browser
        .driver()
        .findElement(By.id("period-" + edition + "-days"))
        .sendKeys("ninety", Keys.ENTER);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.id("period-" + edition + "-days-error")));
    browser.assertAccessible();

    browser.driver().findElement(By.id("period-" + edition + "-days")).clear();
    browser.driver().findElement(By.id("period-" + edition + "-days")).sendKeys("30", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("retention-notice"), "The retention period of edition " + edition));
    assertThat(browser.driver().findElement(By.id("retention")).getText())
        .contains("30 days (this edition's own)");

    browser.driver().findElement(By.id("hold-handle")).sendKeys(someone.handle().value());
    browser.driver().findElement(By.id("hold-reason")).sendKeys("Request 2026/17");
    browser.driver().findElement(By.cssSelector("#hold button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("retention-notice"), "is on hold"));
    assertThat(browser.driver().findElement(By.id("holds")).getText())
        .contains(someone.handle().value())
        .contains("Request 2026/17");
    browser.assertAccessible();
    // While held, its erasure on request is refused on the confirmation page itself.
    open("/organiser/registrations/" + someone.id() + "/erase");
    assertThat(browser.driver().findElement(By.id("erase-held")).getText())
        .contains("on legal hold");
    assertThat(browser.driver().findElements(By.id("erase"))).isEmpty();
    browser.assertAccessible();
    open("/organiser/retention");

    browser.driver().findElement(By.cssSelector("#holds button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("retention-notice"), "is cleared"));
    assertThat(browser.driver().findElements(By.id("no-holds"))).hasSize(1);
    browser.assertAccessible();

    // Once the hold is cleared, the registrant's request to erase is carried out.
    open("/organiser/registrations/" + someone.id() + "/erase");
    wait.until(ExpectedConditions.titleContains("Erase personal data"));
    browser.assertAccessible();
    browser.driver().findElement(By.cssSelector("#erase button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("erased"), "was erased on"));
    assertThat(site.site.stores().registrations().find(someone.id()).orElseThrow().isErased())
        .isTrue();
    browser.assertAccessible();
  }

  @Test
  void anOrganiserChangesTheirPassword() {
    logIn("browser.changer", "the first browser passphrase");
    open("/organiser/account");
    browser.driver().findElement(By.linkText("Change my password")).click();
    wait.until(ExpectedConditions.titleContains("Change my password"));
    browser.assertAccessible();

    browser.driver().findElement(By.id("password-current")).sendKeys("not my passphrase");
    browser.driver().findElement(By.id("password-password")).sendKeys("the second browser one");
    browser
        .driver()
        .findElement(By.id("password-repeat"))
        .sendKeys("the second browser one", Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-current-error")));
    assertThat(browser.driver().findElement(By.id("password-current")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.assertAccessible();

    browser
        .driver()
        .findElement(By.id("password-current"))
        .sendKeys("the first browser passphrase");
    browser.driver().findElement(By.id("password-password")).sendKeys("the second browser one");
    browser
        .driver()
        .findElement(By.id("password-repeat"))
        .sendKeys("the second browser one", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("done"), "Your password is changed"));
    browser.assertAccessible();
    assertThat(
            Passwords.matches(
                "the second browser one",
                site.site
                    .stores()
                    .organiserAccounts()
                    .find("browser.changer")
                    .orElseThrow()
                    .passwordHash()
                    .orElseThrow()))
        .isTrue();
  }
}

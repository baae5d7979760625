package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real headless Chromium: a visitor in Newfoundland (UTC-03:30) signs up an officer
 * (after a field error) and an agency (by keyboard alone), confirms both from the mail outbox,
 * looks up the masked email, finds the marker on the map, and an organiser approves the agency from
 * the review queue. Every page passes axe-core with no serious or critical violation. Screenshots
 * of the home, sign-up and map pages go to {@code target/screenshots}; a failing step leaves one of
 * its page in {@code target/browser-failures}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String ZONE = "America/St_Johns";

  private static TestSite site;
  private static Browser browser;
  private static WebDriverWait wait;

  @RegisterExtension
  static final TestWatcher SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure("", () -> browser);

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable(SiteBrowserTest.class);
    site = TestSite.start(Clock.systemUTC(), 1000);
    browser = Browser.start(ZONE);
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

  private static WebElement active() {
    return browser.driver.switchTo().activeElement();
  }

  private static void press(CharSequence... keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }

  private static String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  @Test
  @Order(1)
  void homeShowsTheCountdownInTheVisitorsOwnZoneAndLetsThemChangeIt() {
    open("/");
    wait.until(ExpectedConditions.textToBe(By.id("window-zone"), ZONE));
    assertThat(
            new Select(browser.driver.findElement(By.id("zone")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(ZONE);
    assertThat(text("countdown")).startsWith("Starts in");
    // The script ticks with the words the page gave it, the seconds included.
    wait.until(
        ExpectedConditions.textMatches(
            By.id("countdown"), Pattern.compile("Starts in \\d+ days?, \\d\\d:\\d\\d:\\d\\d")));
    assertThat(text("window")).contains("08:00");
    browser.screenshot(SCREENSHOTS.resolve("home.png"));
    browser.assertAccessible();

    // The list is searchable by typing a city's name: the labels start with it.
    browser.driver.findElement(By.id("zone")).sendKeys("Kiritimati");
    wait.until(ExpectedConditions.textToBe(By.id("window-zone"), "Pacific/Kiritimati"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?zone=Pacific%2FKiritimati");
  }

  @Test
  @Order(2)
  void anOfficerSeesAFieldErrorThenSignsUp() {
    open("/signup");
    WebElement zone = browser.driver.findElement(By.id("officer-zone"));
    assertThat(new Select(zone).getFirstSelectedOption().getAttribute("value"))
        .as("zone from the browser")
        .isEqualTo(ZONE);
    browser.screenshot(SCREENSHOTS.resolve("signup.png"));
    browser.assertAccessible();

    browser.driver.findElement(By.id("officer-handle")).sendKeys("@PCJaneDoeKent");
    browser.driver.findElement(By.id("officer-officerName")).sendKeys("Jane Doe");
    browser.driver.findElement(By.id("officer-agencyName")).sendKeys("Kent Police");
    new Select(browser.driver.findElement(By.id("officer-agencyLevel"))).selectByValue("COUNTY");
    browser.driver.findElement(By.id("officer-email")).sendKeys("jane.doe@@kent.police.uk");
    new Select(browser.driver.findElement(By.id("officer-country"))).selectByValue("GB");
    browser.driver.findElement(By.id("officer-participationModel-2")).click();
    browser.driver.findElement(By.id("officer-street")).sendKeys("1 Palace Avenue");
    browser.driver.findElement(By.id("officer-city")).sendKeys("Maidstone");
    browser.driver.findElement(By.cssSelector("#officer-form button[type=submit]")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("officer-email-error")));
    assertThat(text("officer-email-error")).startsWith("Error:");
    assertThat(active().getAttribute("id"))
        .as("the error summary takes the focus")
        .isEqualTo("error-summary");
    assertThat(browser.driver.findElement(By.id("officer-handle")).getAttribute("value"))
        .isEqualTo("@PCJaneDoeKent");
    assertThat(browser.driver.findElement(By.id("officer-email")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.driver.findElement(By.id("officer-participationModel-2")).isSelected())
        .isTrue();
    browser.assertAccessible();

    WebElement email = browser.driver.findElement(By.id("officer-email"));
    email.clear();
    email.sendKeys("jane.doe@kent.police.uk");
    new Select(browser.driver.findElement(By.id("officer-zone"))).selectByValue("Europe/London");
    browser.driver.findElement(By.cssSelector("#officer-form button[type=submit]")).click();

    wait.until(ExpectedConditions.titleContains("Check your email"));
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("@PCJaneDoeKent")
        .contains("j\u2022\u2022\u2022@");
    browser.assertAccessible();
  }

  @Test
  @Order(3)
  void anAgencySignsUpWithTheKeyboardAlone() {
    open("/signup");
    for (int i = 0; i < 80 && !"agency-handle".equals(active().getAttribute("id")); i++) {
      press(Keys.TAB);
    }
    assertThat(active().getAttribute("id")).isEqualTo("agency-handle");
    press("PoliciaMadrid", Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("agency-agencyName");
    press("Polic\u00eda Municipal de Madrid", Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("agency-agencyLevel");
    press("Local", Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("agency-email");
    press("prensa@madrid.es", Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("agency-country");
    press("Spain");
    assertThat(active().getAttribute("value")).isEqualTo("ES");
    press(Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("agency-zone");
    press("Madrid");
    assertThat(active().getAttribute("value")).isEqualTo("Europe/Madrid");
    press(Keys.TAB);
    assertThat(active().getAttribute("name")).isEqualTo("participationModel");
    press(Keys.ARROW_DOWN, Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("agency-street");
    press(
        "Calle de Albarrac\u00edn 31", Keys.TAB, "Madrid", Keys.TAB, Keys.TAB, "28037", Keys.ENTER);

    wait.until(ExpectedConditions.titleContains("Check your email"));
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("@PoliciaMadrid")
        .contains("p\u2022\u2022\u2022@");
  }

  private static String verify(String handle) {
    browser.openOutboxAsOrganiser(site.url());
    browser.assertAccessible();
    browser.driver.findElement(By.partialLinkText("@" + handle)).click();
    wait.until(ExpectedConditions.titleContains("Email"));
    browser.assertAccessible();
    WebElement link = browser.driver.findElement(By.partialLinkText("/verify?token="));
    String href = link.getAttribute("href");
    // The registrant who follows the link is no organiser.
    browser.forgetOrganiser();
    link.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm")));
    browser.assertAccessible();
    browser.driver.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.titleContains("Email confirmation"));
    return href;
  }

  @Test
  @Order(4)
  void bothConfirmTheirEmailFromTheOutboxOnce() {
    String link = verify("PCJaneDoeKent");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("Email confirmed")
        .contains("@PCJaneDoeKent is signed up")
        .contains("You are on the map");
    browser.assertAccessible();

    verify("PoliciaMadrid");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("an organiser will review");

    browser.driver.get(link);
    browser.driver.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.titleContains("Email confirmation"));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Link already used");
  }

  @Test
  @Order(5)
  void theRegisteredEmailIsShownMasked() {
    open("/lookup");
    browser.assertAccessible();
    WebElement handle = browser.driver.findElement(By.id("lookup-handle"));
    handle.sendKeys("pcjanedoekent", Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("masked-email")));
    assertThat(text("masked-email")).startsWith("j\u2022\u2022\u2022@").doesNotContain("jane.doe");
    browser.assertAccessible();
  }

  private static WebElement marker(String handle) {
    open("/map");
    wait.until(
        ExpectedConditions.attributeToBeNotEmpty(
            browser.driver.findElement(By.id("map")), "data-markers"));
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("path.participant-marker[data-handle='" + handle + "']")));
  }

  @Test
  @Order(6)
  void theOfficerIsOnTheMap() {
    WebElement marker = marker("PCJaneDoeKent");
    assertThat(
            Integer.parseInt(browser.driver.findElement(By.id("map")).getAttribute("data-markers")))
        .isGreaterThan(100);
    browser.driver.executeScript(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker);
    WebElement popup =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.className("leaflet-popup-content")));
    assertThat(popup.getText()).contains("Kent Police").contains("@PCJaneDoeKent");
    assertThat(browser.driver.findElement(By.id("participants")).getText())
        .contains("@PCJaneDoeKent");
    browser.screenshot(SCREENSHOTS.resolve("map.png"));
    browser.assertAccessible();
    assertThat(
            browser.driver.findElements(
                By.cssSelector("path.participant-marker[data-handle='PoliciaMadrid']")))
        .as("the agency waits for review")
        .isEmpty();
  }

  @Test
  @Order(8)
  void onAPhoneNothingScrollsSidewaysAndALinkLeadsToTheAgencyForm() {
    browser.driver.manage().window().setSize(new Dimension(375, 812));
    try {
      open("/signup");
      assertThat(((Number) browser.driver.executeScript("return window.innerWidth")).intValue())
          .isEqualTo(375);
      browser.assertNoSidewaysScrolling();
      browser.screenshot(SCREENSHOTS.resolve("signup-phone.png"));
      WebElement agency = browser.driver.findElement(By.id("agency"));
      assertThat(agency.getRect().getY())
          .as("the agency form sits below the officer form")
          .isGreaterThan(812);
      assertThat(browser.driver.findElement(By.tagName("main")).getText())
          .doesNotContainIgnoringCase("on the left")
          .doesNotContainIgnoringCase("on the right");
      browser.assertAccessible();

      browser.driver.findElement(By.cssSelector("nav.form-jump a[href='#agency']")).click();
      wait.until(ExpectedConditions.urlContains("#agency"));
      Number top =
          (Number)
              browser.driver.executeScript(
                  "return document.getElementById('agency').getBoundingClientRect().top");
      assertThat(top.doubleValue())
          .as("the agency form at the top of the screen")
          .isBetween(-1.0, 20.0);
      press(Keys.TAB);
      assertThat(active().getAttribute("id"))
          .as("the keyboard goes on from the agency form")
          .isEqualTo("agency-handle");

      open("/signup");
      browser.driver.findElement(By.cssSelector("nav.form-jump a[href='#officer']")).click();
      wait.until(ExpectedConditions.urlContains("#officer"));
      press(Keys.TAB);
      assertThat(active().getAttribute("id")).isEqualTo("officer-handle");

      marker("PCJaneDoeKent");
      browser.assertNoSidewaysScrolling();
      browser.assertAccessible();
      browser.screenshot(SCREENSHOTS.resolve("map-phone.png"));

      open("/");
      browser.assertNoSidewaysScrolling();
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  @Order(7)
  void anOrganiserApprovesTheAgencyFromTheReviewQueue() {
    open("/organiser/review");
    wait.until(ExpectedConditions.titleContains("Log in"));
    browser.assertAccessible();
    browser.driver.findElement(By.id("login-password")).sendKeys(TestSite.PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.titleContains("Organisers"));
    browser.assertAccessible();
    open("/organiser/review");
    browser.assertAccessible();
    browser
        .driver
        .findElement(
            By.cssSelector("tr[data-handle='PoliciaMadrid'] form[action$='/approve'] button"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.className("notice"), "Approved @PoliciaMadrid"));
    assertThat(browser.driver.findElements(By.cssSelector("tr[data-handle='PoliciaMadrid']")))
        .isEmpty();

    for (String page :
        new String[] {
          "/organiser/registrations",
          "/organiser/announcements",
          "/organiser/edition",
          "/organiser/wrapup"
        }) {
      open(page);
      assertThat(browser.driver.findElement(By.tagName("h1")).getText().toLowerCase(Locale.ROOT))
          .doesNotContain("log in");
      browser.assertAccessible();
    }
    marker("PoliciaMadrid");
  }

  @Test
  @Order(9)
  void anAnnouncementWaitsOnAnAccessibleConfirmationPageAndIsSentOnce() {
    // Logged in since the review test.
    open("/organiser/announcements");
    assertThat(browser.driver.findElements(By.cssSelector("#announcements tbody tr"))).isEmpty();
    browser.driver.findElement(By.cssSelector("button[name='action'][value='send']")).click();
    wait.until(ExpectedConditions.titleContains("Check before sending"));
    browser.assertAccessible();
    assertThat(browser.driver.findElement(By.id("recipients")).getText()).contains("Confirmed");
    assertThat(browser.driver.findElement(By.cssSelector("pre.mail")).getText())
        .contains("Edition");
    browser.screenshot(SCREENSHOTS.resolve("confirm-announcement.png"));
    String confirmation = browser.driver.getCurrentUrl();
    assertThat(browser.driver.findElements(By.cssSelector("#announcements tbody tr")))
        .as("nothing listed as sent before confirming")
        .isEmpty();

    browser.driver.findElement(By.cssSelector("#confirm-form button")).click();
    wait.until(ExpectedConditions.titleContains("Done"));
    browser.assertAccessible();
    assertThat(browser.driver.findElement(By.className("notice")).getText()).contains("Sent to");

    // Back to the confirmation, or a reload: the result again, and nothing sent twice.
    browser.driver.get(confirmation);
    wait.until(ExpectedConditions.titleContains("Done"));
    browser.driver.navigate().refresh();
    open("/organiser/announcements");
    assertThat(browser.driver.findElements(By.cssSelector("#announcements tbody tr"))).hasSize(1);
  }
}

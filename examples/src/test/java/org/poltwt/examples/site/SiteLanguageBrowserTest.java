package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in English, Spanish and Arabic in a real headless Chromium: the home and sign-up pages
 * and the journey from sign-up through "send me a new link" and the confirmed email to managing and
 * withdrawing the registration, each page passing axe-core with no serious or critical violation;
 * in Arabic, right to left, and on a phone's 375 pixels without sideways scrolling. A screenshot of
 * the Arabic sign-up page goes to {@code target/signup-ar.png}.
 */
class SiteLanguageBrowserTest {
  private static TestSite site;
  private static Browser browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeAvailable(SiteLanguageBrowserTest.class);
    site = TestSite.start(Clock.systemUTC(), 1000);
    browser = Browser.start("Europe/Madrid");
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

  private static String attribute(String tag, String name) {
    return browser.driver.findElement(By.tagName(tag)).getAttribute(name);
  }

  private static String heading() {
    return browser.driver.findElement(By.tagName("h1")).getText();
  }

  /**
   * Signs up an officer from the form in the browser and confirms the email, as a visitor would.
   */
  private static void signUpAndConfirm(String handle, String email) {
    open("/signup");
    browser.driver.findElement(By.id("officer-handle")).sendKeys(handle);
    browser.driver.findElement(By.id("officer-officerName")).sendKeys("Ana Ruiz");
    browser.driver.findElement(By.id("officer-agencyName")).sendKeys("Kent Police");
    new Select(browser.driver.findElement(By.id("officer-agencyLevel"))).selectByValue("COUNTY");
    browser.driver.findElement(By.id("officer-email")).sendKeys(email);
    new Select(browser.driver.findElement(By.id("officer-country"))).selectByValue("GB");
    new Select(browser.driver.findElement(By.id("officer-zone"))).selectByValue("Europe/London");
    browser.driver.findElement(By.id("officer-participationModel-2")).click();
    browser.driver.findElement(By.id("officer-street")).sendKeys("1 Palace Avenue");
    browser.driver.findElement(By.id("officer-city")).sendKeys("Maidstone");
    browser.driver.findElement(By.cssSelector("#officer-form button[type=submit]")).click();

    wait.until(
        ExpectedConditions.or(
            ExpectedConditions.urlContains("/signup/sent"),
            ExpectedConditions.presenceOfElementLocated(By.id("error-summary"))));
    assertThat(browser.driver.getCurrentUrl())
        .as(() -> browser.driver.findElement(By.tagName("main")).getText())
        .contains("/signup/sent");
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("@" + handle);
    browser.assertAccessible();

    // "Send me a new link": the page answers, whatever the handle.
    open("/new-link");
    browser.assertAccessible();
    browser.driver.findElement(By.id("newLink-handle")).sendKeys(handle);
    browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-link-answer")));
    browser.assertAccessible();

    open(site.verificationLink(handle));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm")));
    browser.assertAccessible();
    browser.driver.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("map-status")));
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("@" + handle);
    browser.assertAccessible();
  }

  /**
   * From the confirmed page, manages the registration: moves it to another zone and city, then
   * withdraws it after the confirmation page; every page in the chosen language and accessible.
   *
   * @return the text of the page after saving, to check its language
   */
  private static String manageThenWithdraw(String screenshot) {
    browser.driver.findElement(By.id("manage-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manage-form")));
    assertThat(browser.driver.findElement(By.id("manage-invite")).getAttribute("href"))
        .contains("/manage/invite.ics?token=");
    browser.assertAccessible();
    new Select(browser.driver.findElement(By.id("manage-zone"))).selectByValue("Europe/Dublin");
    new Select(browser.driver.findElement(By.id("manage-country"))).selectByValue("IE");
    browser.driver.findElement(By.id("manage-city")).clear();
    browser.driver.findElement(By.id("manage-city")).sendKeys("Dublin");
    browser.driver.findElement(By.id("manage-street")).clear();
    browser.driver.findElement(By.cssSelector("#manage-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manage-saved")));
    assertThat(
            new Select(browser.driver.findElement(By.id("manage-zone")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("Europe/Dublin");
    browser.assertAccessible();
    browser.assertNoSidewaysScrolling();
    if (screenshot != null) {
      browser.screenshot(Path.of("target", "screenshots", screenshot));
    }
    String saved = browser.driver.findElement(By.tagName("main")).getText();

    browser.driver.findElement(By.cssSelector("#withdraw-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-withdraw-form")));
    browser.assertAccessible();
    browser
        .driver
        .findElement(By.cssSelector("#confirm-withdraw-form button[type=submit]"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manage-withdrawn")));
    browser.assertAccessible();
    return saved;
  }

  @Test
  void anEnglishVisitorSignsUpAsksForANewLinkConfirmsManagesAndWithdraws() {
    open("/?lang=en");
    signUpAndConfirm("PCKentEn", "pc.kent.en@kent.police.uk");
    assertThat(heading()).isEqualTo("Email confirmed");

    assertThat(manageThenWithdraw("manage.png")).contains("Your changes are saved");
    assertThat(heading()).isEqualTo("Your registration is withdrawn");

    // The mails the registrant got, as the demo outbox shows them: the invite went with the first.
    browser.openOutboxAsOrganiser(site.url());
    java.util.List<org.openqa.selenium.WebElement> mails =
        browser.driver.findElements(By.partialLinkText("@PCKentEn"));
    assertThat(mails).as("verification, change and withdrawal").hasSize(3);
    mails.get(mails.size() - 1).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre.attachment")));
    assertThat(browser.driver.findElement(By.cssSelector("pre.attachment")).getText())
        .contains("METHOD:REQUEST")
        .contains("TZID:Europe/London");
    browser.assertAccessible();
    browser.driver.executeScript("document.querySelector('h2.attachment').scrollIntoView()");
    browser.screenshot(Path.of("target", "screenshots", "invite.png"));
    browser.forgetOrganiser();
  }

  @Test
  void aSpanishVisitorSignsUpAndConfirmsInSpanish() {
    open("/?lang=es");
    assertThat(attribute("html", "lang")).isEqualTo("es");
    assertThat(attribute("html", "dir")).isEqualTo("ltr");
    assertThat(
            browser.driver.findElement(By.cssSelector("nav.languages a[aria-current]")).getText())
        .isEqualTo("Español");
    browser.assertAccessible();

    open("/signup");
    assertThat(browser.driver.getTitle()).startsWith("Inscribirse");
    browser.assertAccessible();

    signUpAndConfirm("PCRuizKent", "ana.ruiz@kent.police.uk");
    assertThat(heading()).isEqualTo("Correo confirmado");
    assertThat(manageThenWithdraw(null)).doesNotContain("Your changes are saved");
    assertThat(attribute("html", "lang")).isEqualTo("es");
  }

  @Test
  void anArabicVisitorReadsRightToLeftOnAPhoneAndSignsUp() {
    browser.driver.manage().window().setSize(new Dimension(375, 812));
    try {
      open("/?lang=ar");
      assertThat(attribute("html", "lang")).isEqualTo("ar");
      assertThat(attribute("html", "dir")).isEqualTo("rtl");
      assertThat(
              browser.driver.executeScript(
                  "return getComputedStyle(document.querySelector('main')).direction"))
          .isEqualTo("rtl");
      browser.assertNoSidewaysScrolling();
      browser.assertAccessible();

      open("/signup");
      assertThat(heading()).startsWith("التسجيل في");
      browser.assertNoSidewaysScrolling();
      browser.assertAccessible();
      // The form's labels start at the right-hand edge, as Arabic is read.
      Number labelRight =
          (Number)
              browser.driver.executeScript(
                  "var r = document.querySelector('label[for=officer-handle]')"
                      + ".getBoundingClientRect(); return r.right;");
      Number formRight =
          (Number)
              browser.driver.executeScript(
                  "return document.getElementById('officer-form').getBoundingClientRect().right;");
      assertThat(formRight.doubleValue() - labelRight.doubleValue()).isBetween(-1.0, 2.0);

      browser.driver.manage().window().setSize(new Dimension(1280, 1000));
      browser.screenshot(Path.of("target", "signup-ar.png"));
      browser.driver.manage().window().setSize(new Dimension(375, 812));

      signUpAndConfirm("PCAminaKent", "amina@kent.police.uk");
      assertThat(heading()).isEqualTo("تمّ تأكيد البريد الإلكتروني");
      browser.assertNoSidewaysScrolling();
      assertThat(manageThenWithdraw(null)).doesNotContain("Your changes are saved");
      assertThat(attribute("html", "dir")).isEqualTo("rtl");
      browser.assertNoSidewaysScrolling();
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }
}

package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver, driven by Selenium with both paths given, so that
 * Selenium Manager never looks for (or downloads) a browser or a driver.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Whether the browser and its driver are installed. */
  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Skips the calling test class when the browser is not installed, unless on CI ({@code CI=true}),
   * where a missing browser must fail the build rather than quietly skip its tests.
   *
   * @param testClass the class whose tests need the browser, named in the message
   */
  static void assumeAvailable(Class<?> testClass) {
    if (available()) {
      return;
    }
    String message =
        "Browser tests need Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install chromium chromium-driver";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    System.err.println("SKIPPED " + testClass.getSimpleName() + ": " + message);
    Assumptions.abort(message);
  }

  /** Starts a browser whose time zone is the given one, as a visitor's would be. */
  static Browser start(String timeZone) throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("poltwt-chromium");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", timeZone))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=1280,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  /** Saves a screenshot of what the window shows, 1280 by 1000 pixels. */
  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JUnit extension that saves a full-page screenshot of a failed test's browser under {@code
   * target/browser-failures}, named by the prefix and the test method.
   *
   * @param prefix tells one test class's screenshots from another's
   * @param browser the class's browser, once started (null until then)
   */
  static org.junit.jupiter.api.extension.TestWatcher screenshotOnFailure(
      String prefix, java.util.function.Supplier<Browser> browser) {
    return new org.junit.jupiter.api.extension.TestWatcher() {
      @Override
      public void testFailed(
          org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
        Browser b = browser.get();
        if (b != null) {
          b.fullPageScreenshot(
              Path.of("target", "browser-failures")
                  .resolve(prefix + context.getRequiredTestMethod().getName() + ".png"));
        }
      }
    };
  }

  /** Saves a screenshot of the whole page, up to 4000 pixels high. */
  void fullPageScreenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Long height =
          (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
      driver
          .manage()
          .window()
          .setSize(
              new org.openqa.selenium.Dimension(
                  1280, (int) Math.min(4000, Math.max(1000, height == null ? 1000 : height))));
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails, naming the page and each problem, when axe-core finds a serious or critical one. */
  void assertAccessible() {
    org.assertj.core.api.Assertions.assertThat(accessibilityProblems())
        .as("axe-core on " + driver.getCurrentUrl())
        .isEmpty();
  }

  /** The serious and critical axe-core violations of the page, described; empty when none. */
  List<String> accessibilityProblems() {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
            .analyze(driver);
    List<String> problems = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        problems.add(
            rule.getImpact()
                + " "
                + rule.getId()
                + ": "
                + rule.getHelp()
                + " at "
                + rule.getNodes().stream()
                    .map(n -> String.valueOf(n.getTarget()))
                    .limit(3)
                    .collect(Collectors.joining(", ")));
      }
    }
    return problems;
  }

  /** Fails unless the page fits the window's width: it must never scroll sideways. */
  void assertNoSidewaysScrolling() {
    Boolean fits =
        (Boolean)
            driver.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(fits)
        .as(
            "page width %s within the window's %s on %s",
            driver.executeScript("return document.documentElement.scrollWidth"),
            driver.executeScript("return window.innerWidth"),
            driver.getCurrentUrl())
        .isTrue();
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Opens the demo outbox as an organiser, logging in first when the site asks: the outbox is for
   * organisers only. Call {@link #forgetOrganiser()} before acting as a visitor again.
   *
   * @param siteUrl the site's base URL
   */
  void openOutboxAsOrganiser(String siteUrl) {
    driver.get(siteUrl + "/organiser/outbox");
    if (!driver.findElements(org.openqa.selenium.By.id("login-password")).isEmpty()) {
      driver
          .findElement(org.openqa.selenium.By.id("login-password"))
          .sendKeys(TestSite.PASSWORD, org.openqa.selenium.Keys.ENTER);
      new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
          .until(d -> !d.getCurrentUrl().endsWith("/organiser/login"));
      driver.get(siteUrl + "/organiser/outbox");
    }
  }

  /** Drops the organiser's session cookie (call it on an organiser page, where it is visible). */
  void forgetOrganiser() {
    driver.manage().deleteCookieNamed(Guards.SESSION_COOKIE);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile; nothing to do
      }
    }
  }
}

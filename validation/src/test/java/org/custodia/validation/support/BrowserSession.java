package org.custodia.validation.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per browser test class, as a JUnit extension: started before the class's tests,
 * closed after them, and before each test on the login page with no cookies (logged out), with a fresh
 * wait that looks again for an element an AJAX update replaced. Register it on a static field:
 * {@code @RegisterExtension static final BrowserSession session = new BrowserSession();}.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Duration timeout;
  private Browser browser;
  private WebDriverWait await;

  /** Waits of 30 s. */
  public BrowserSession() {
    this(Duration.ofSeconds(30));
  }

  public BrowserSession(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    browser = Browser.headless();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    await = new WebDriverWait(driver(), timeout);
    await.ignoring(StaleElementReferenceException.class);
    driver().get(Api.BASE + "/login.xhtml");
    driver().manage().deleteAllCookies();
  }

  public ChromeDriver driver() {
    return browser.driver();
  }

  /** The current test's wait. */
  public WebDriverWait await() {
    return await;
  }

  /** Logs in on the login page as demo user {@code user} (password {@code demo-<user>}). */
  public void logIn(String user) {
    driver().get(Api.BASE + "/index.xhtml");
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
    driver().findElement(By.id("j_username")).sendKeys(user);
    driver().findElement(By.id("j_password")).sendKeys("demo-" + user);
    driver().findElement(By.id("login")).click();
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
  }

  /** Waits until the page has loaded and no jQuery or PrimeFaces AJAX request is pending. */
  public void waitForAjax() {
    await.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return document.readyState === 'complete' && (!window.jQuery || jQuery.active === 0)"
            + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
  }

  /**
   * Waits until the overlay panel {@code panelId} (a select menu's list) has finished opening. PrimeFaces
   * opens it with a CSS transition; an item clicked before that transition has ended can leave the panel
   * open for good, because the closing transition races the opening one. No hand is that fast; a test's is.
   */
  public void waitForOverlayOpen(String panelId) {
    await.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "var p = document.getElementById(arguments[0]);"
            + " return !!p && p.offsetParent !== null"
            + " && (!PrimeFaces.animationEnabled || p.classList.contains('ui-connected-overlay-enter-done'));",
        panelId)));
  }

  /** Saves the page as {@code target/screenshots/<fileName>}. */
  public void screenshot(String fileName) {
    browser.screenshot(SCREENSHOTS.resolve(fileName));
  }
}

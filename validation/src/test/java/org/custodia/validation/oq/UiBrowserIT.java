package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.BrowserSession;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screens in a real browser (UI-3): log in and out as each demo user (SEC-1), open a serial
 * pool and allocate from it (SER-1), and inspect typed and photographed GS1 codes (ID-2, LBL-2).
 * Headless Chromium against the deployed EAR; each test logs in afresh, so no test depends on
 * another. Screenshots of the main screens go to {@code target/screenshots/} as evidence for
 * review.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("UI-3")
class UiBrowserIT {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  private static final String[] USERS = {
    "operator", "qa", "supply", "compliance", "admin", "auditor"
  };

  private static WebDriver driver;

  private WebDriverWait await;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }



  @BeforeEach
  void startLoggedOut() {
    driver = session.driver();
    await = session.await();
  }

  @Test
  @Tag("SEC-1")
  void everyDemoUserCanLogInSeeTheirNameAndLogOut() {
    for (String user : USERS) {
      // when
      logIn(user, "demo-" + user);

      // then
      assertEquals(user, text(By.id("current-user")), user);
      assertEquals(user, text(By.id("welcome-user")), user);
      if (user.equals("qa")) {
        screenshot("home");
      }

      // when
      driver.findElement(By.id("session:logout")).click();

      // then
      await.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
      driver.get(Api.BASE + "/index.xhtml");
      await.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_password")));
      assertTrue(
          driver.findElements(By.id("current-user")).isEmpty(), user + " is still logged in");
    }
  }

  @Test
  @Tag("SEC-1")
  void aWrongPasswordShowsTheErrorPage() {
    // given
    driver.get(Api.BASE + "/index.xhtml");
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
    screenshot("login");

    // when
    submitLogin("qa", "not-the-password");

    // then
    WebElement error =
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    assertTrue(error.getText().contains("wrong"), error.getText());
    assertTrue(driver.findElements(By.id("current-user")).isEmpty());
    screenshot("login-error");
  }

  @Test
  @Tag("SER-1")
  void qaCreatesAPoolAllocatesFiftySerialsAndSeesThemAndTheUsage() {
    // given
    String gtin = TestData.newGtin();
    logIn("qa", "demo-qa");
    openPools();

    // when
    type(By.id("new-pool:gtin"), gtin);
    type(By.id("new-pool:length"), "12");
    type(By.id("new-pool:capacity"), "1000");
    chooseMarket("US");
    driver.findElement(By.id("new-pool:create")).click();

    // then
    By row =
        By.xpath("//tbody[@id='list:pools_data']/tr[td/span[normalize-space()='" + gtin + "']]");
    await.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertTrue(text(By.id("messages")).contains("Created serial pool"), text(By.id("messages")));
    assertTrue(driver.findElement(row).getText().contains("US"));

    // when
    driver.findElement(row).findElement(By.xpath(".//button[contains(@id,':choose')]")).click();
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("allocate:count")));
    type(By.id("allocate:count"), "50");
    type(By.id("allocate:purpose"), "browser test");
    driver.findElement(By.id("allocate:allocate-submit")).click();

    // then
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("allocated-count")));
    assertTrue(
        text(By.id("allocated-count")).startsWith("50 serials allocated"),
        text(By.id("allocated-count")));
    List<WebElement> serials = driver.findElements(By.cssSelector("#serials li"));
    assertEquals(50, serials.size());
    assertTrue(
        serials.stream().allMatch(s -> s.getText().matches("\\d{12}")), serials.get(0).getText());
    WebElement pool = await.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertTrue(pool.getText().contains("1,000"), pool.getText());
    assertTrue(pool.getText().contains("50"), pool.getText());
    assertEquals("5%", pool.findElement(By.cssSelector(".c-pct")).getText().strip());
    screenshot("pools-qa");
  }

  @Test
  @Tag("SER-1")
  void aRefusedPoolShowsTheSentenceAndMarksTheField() {
    // given
    logIn("admin", "demo-admin");
    openPools();

    // when: a GTIN with a wrong check digit
    type(By.id("new-pool:gtin"), "09506000134353");
    driver.findElement(By.id("new-pool:create")).click();

    // then
    await.until(
        ExpectedConditions.attributeContains(By.id("new-pool:gtin"), "class", "ui-state-error"));
    String messages = text(By.id("messages"));
    assertTrue(messages.contains("GTIN"), messages);
    assertTrue(messages.toLowerCase().contains("check digit"), messages);
    assertTrue(!messages.contains("Exception") && !messages.contains("at org."), messages);
    screenshot("pools-refusal");
  }

  @Test
  @Tag("SEC-1")
  @Tag("SER-1")
  void anAuditorSeesThePoolsButNeitherTheNewPoolFormNorAllocation() {
    // given
    logIn("auditor", "demo-auditor");

    // when
    openPools();

    // then
    assertTrue(driver.findElements(By.id("new-pool")).isEmpty());
    assertTrue(driver.findElements(By.id("new-pool:gtin")).isEmpty());
    assertTrue(driver.findElements(By.cssSelector("button[id$=':choose']")).isEmpty());
    assertTrue(driver.findElement(By.id("list:pools")).isDisplayed());
    screenshot("pools-auditor");
  }

  @Test
  @Tag("ID-2")
  void theInspectorShowsEveryAiWithItsTitleFromAScanWithAGsStandIn() {
    // given
    logIn("operator", "demo-operator");
    openInspector();

    // when: a scanner that types Enter after the data
    WebElement data = driver.findElement(By.id("scan:data"));
    data.sendKeys("]d2010950600013435217281231" + "10ABC123" + "<GS>" + "21SN0001234567\n");

    // then
    await.until(ExpectedConditions.textToBe(By.id("validity"), "Valid"));
    List<WebElement> rows = driver.findElements(By.cssSelector("tbody[id$='elements_data'] > tr"));
    assertEquals(4, rows.size(), text(By.id("result")));
    assertRow(rows.get(0), "(01)", "GTIN", "09506000134352");
    assertRow(rows.get(1), "(17)", "EXPIRY", "281231");
    assertRow(rows.get(2), "(10)", "BATCH/LOT", "ABC123");
    assertRow(rows.get(3), "(21)", "SERIAL", "SN0001234567");
    assertEquals(
        "(01)09506000134352(17)281231(10)ABC123(21)SN0001234567", text(By.id("bracketed")));
    assertTrue(
        text(By.id("digital-link")).contains("/01/09506000134352"), text(By.id("digital-link")));
    WebElement image =
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("datamatrix")));
    await.until(d -> imageLoaded(image));
    assertTrue(
        driver.switchTo().activeElement().getAttribute("id").equals("scan:data"),
        "the field keeps the focus");
    screenshot("inspector-valid");
  }

  @Test
  @Tag("ID-2")
  void theInspectorShowsTheCheckDigitProblem() {
    // given
    logIn("compliance", "demo-compliance");
    openInspector();

    // when
    type(By.id("scan:data"), "(01)09506000134353");
    driver.findElement(By.id("scan:inspect")).click();

    // then
    await.until(ExpectedConditions.textToBe(By.id("validity"), "Not valid"));
    String problems = text(By.cssSelector("[id$='problems']"));
    assertTrue(problems.contains("01"), problems);
    assertTrue(problems.contains("09506000134353"), problems);
    assertTrue(problems.toLowerCase().contains("check digit"), problems);
    assertTrue(driver.findElements(By.id("datamatrix")).isEmpty(), "no image of invalid data");
    screenshot("inspector-problem");
  }

  @Test
  @Tag("LBL-2")
  @Tag("ID-2")
  void anUploadedPhotoIsDecodedAndItsElementsShown() throws IOException {
    // given a GS1 DataMatrix rendered by the label API
    String bracketed = "(01)09506000134352(17)281231(10)LOT-UI(21)PHOTO42";
    Api.Reply png =
        Api.as("qa").postText("/api/labels?symbology=DATA_MATRIX&format=png&module=6", bracketed);
    assertEquals(200, png.status(), png.body());
    Path file = Files.createTempFile("custodia-code", ".png");
    Files.write(file, png.bytes());
    logIn("supply", "demo-supply");
    openInspector();

    // when
    driver
        .findElement(By.cssSelector("#upload input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());

    // then
    await.until(ExpectedConditions.textToBe(By.id("bracketed"), bracketed));
    assertEquals("Valid", text(By.id("validity")));
    List<WebElement> rows = driver.findElements(By.cssSelector("tbody[id$='elements_data'] > tr"));
    assertEquals(4, rows.size());
    assertRow(rows.get(3), "(21)", "SERIAL", "PHOTO42");
    assertTrue(driver.findElement(By.id("scan:data")).getAttribute("value").startsWith("]d2"));
    assertTrue(text(By.id("source")).contains("DATA_MATRIX"), text(By.id("source")));
    screenshot("inspector-photo");
    Files.deleteIfExists(file);
  }

  // ---- helpers

  private void logIn(String user, String password) {
    driver.get(Api.BASE + "/index.xhtml");
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
    submitLogin(user, password);
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
  }

  private void submitLogin(String user, String password) {
    type(By.id("j_username"), user);
    type(By.id("j_password"), password);
    driver.findElement(By.id("login")).click();
  }

  private void openPools() {
    driver.findElement(By.id("nav-pools")).click();
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("list:pools")));
  }

  private void openInspector() {
    driver.findElement(By.id("nav-inspector")).click();
    await.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan:data")));
  }

  /** Opens the markets menu, ticks {@code code} and closes it again. */
  private void chooseMarket(String code) {
    driver
        .findElement(By.cssSelector("#new-pool\\:markets .ui-selectcheckboxmenu-trigger"))
        .click();
    session.waitForOverlayOpen("new-pool:markets_panel");
    By item =
        By.cssSelector(
            "#new-pool\\:markets_panel li[data-item-value='" + code + "'] .ui-chkbox-box");
    await.until(ExpectedConditions.elementToBeClickable(item)).click();
    driver
        .findElement(By.cssSelector("#new-pool\\:markets_panel .ui-selectcheckboxmenu-close"))
        .click();
    await.until(ExpectedConditions.invisibilityOfElementLocated(By.id("new-pool:markets_panel")));
  }

  private void type(By field, String value) {
    WebElement e = driver.findElement(field);
    e.clear();
    e.sendKeys(value);
  }

  private String text(By by) {
    return driver.findElement(by).getText().strip();
  }

  private static void assertRow(WebElement row, String ai, String titleFragment, String value) {
    List<WebElement> cells = row.findElements(By.tagName("td"));
    assertEquals(ai, cells.get(0).getText().strip(), row.getText());
    assertTrue(cells.get(1).getText().toUpperCase().contains(titleFragment), row.getText());
    assertEquals(value, cells.get(2).getText().strip(), row.getText());
  }

  private static boolean imageLoaded(WebElement image) {
    Object loaded =
        ((JavascriptExecutor) driver)
            .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", image);
    return Boolean.TRUE.equals(loaded);
  }

  private static void screenshot(String name) {
    session.screenshot((name + ".png"));
  }
}

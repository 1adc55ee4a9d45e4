package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.BrowserSession;
import org.custodia.validation.support.Deployments;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The exception inbox in a real browser (UI-2, EXC-2, EXC-3): an exception raised elsewhere while QA has a
 * page open is announced at once and appears in the inbox without a reload; QA resolves it with its root
 * cause; an auditor reads but cannot resolve; the packaging line does not see the inbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("UI-2")
class ExceptionInboxIT {

  private static final String DEMO_GTIN = "09506000134352";

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  private static WebDriver driver;
  private WebDriverWait wait;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeEach
  void startLoggedOut() {
    driver = session.driver();
    wait = session.await();
  }

  @Test
  @Tag("EXC-3")
  @Tag("EXC-2")
  void aNewExceptionIsPushedToTheOpenInboxAndQaResolvesIt() {
    // given QA on the inbox
    session.logIn("qa");
    driver.findElement(By.id("nav-exceptions")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list")));
    waitForSocket();
    assertFalse(driver.findElement(By.id("exception-alert")).isDisplayed(), "no alert before an exception");

    // when a never-commissioned serial of the demo product is verified elsewhere (a suspect product)
    String serial = "INBOX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Api.Reply verified = Api.as("supply").postJson("/api/verification",
        "{\"gtin\":\"" + DEMO_GTIN + "\",\"serial\":\"" + serial + "\"}");
    assertEquals(200, verified.status(), verified.body());
    List<JsonObject> raised = Api.as("qa").get("/api/exceptions?type=SUSPECT_PRODUCT&serial=" + serial).jsonStructure()
        .asJsonArray().getValuesAs(JsonObject.class);
    assertEquals(1, raised.size(), raised.toString());
    long id = raised.get(0).getJsonNumber("id").longValue();

    // then the page announces it and lists it, without a reload
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exception-alert")));
    assertTrue(driver.findElement(By.id("exception-alert-text")).getText().contains(id + ": SUSPECT_PRODUCT"),
        driver.findElement(By.id("exception-alert-text")).getText());
    wait.until(d -> d.findElement(By.id("list")).getText().contains(serial));
    driver.findElement(By.id("exception-alert-close")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("exception-alert")));

    // and QA opens and resolves it with its root cause
    driver.findElement(By.xpath("//tr[td[contains(normalize-space(.), '" + serial + "')]]//button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exception:rootCause")));
    driver.findElement(By.id("exception:resolve")).click();
    session.waitForAjax();
    assertTrue(driver.findElement(By.id("messages")).getText().contains("rootCause"),
        driver.findElement(By.id("messages")).getText());
    driver.findElement(By.id("exception:rootCause")).sendKeys("test pack from the OQ inbox check");
    driver.findElement(By.id("exception:resolve")).click();
    wait.until(d -> d.findElement(By.id("exception-status")).getText().equals("RESOLVED"));
    JsonObject after = Api.as("qa").get("/api/exceptions/" + id).json();
    assertEquals("RESOLVED", after.getString("status"));
    assertEquals("qa", after.getString("resolvedBy"));
    assertEquals("test pack from the OQ inbox check", after.getString("rootCause"));
    session.screenshot("exceptions-resolved.png");
  }

  @Test
  void anAuditorReadsWithoutResolvingAndTheOperatorDoesNotSeeTheInbox() {
    // given an open exception
    String serial = "AUDIT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertEquals(200, Api.as("supply").postJson("/api/verification",
        "{\"gtin\":\"" + DEMO_GTIN + "\",\"serial\":\"" + serial + "\"}").status());

    // when the auditor opens it
    session.logIn("auditor");
    driver.findElement(By.id("nav-exceptions")).click();
    wait.until(d -> d.findElement(By.id("list")).getText().contains(serial));
    driver.findElement(By.xpath("//tr[td[contains(normalize-space(.), '" + serial + "')]]//button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exception-detail")));

    // then it is shown without the resolution form
    assertTrue(driver.findElement(By.id("exception-detail")).getText().contains(serial));
    assertTrue(driver.findElements(By.id("exception:rootCause")).isEmpty());

    // and the operator has neither the menu entry nor the page
    driver.manage().deleteAllCookies();
    session.logIn("operator");
    assertTrue(driver.findElements(By.id("nav-exceptions")).isEmpty());
    assertTrue(driver.findElements(By.id("exception-alert")).isEmpty());
    driver.get(Api.BASE + "/exceptions.xhtml");
    assertTrue(driver.findElements(By.id("list")).isEmpty());
  }

  /** Waits until the page's alert websocket is open (the template marks it), so a message sent now reaches it. */
  private void waitForSocket() {
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return window.custodiaExceptionSocketOpen === true;")));
  }

}

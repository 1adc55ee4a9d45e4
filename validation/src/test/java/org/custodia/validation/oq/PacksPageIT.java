package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packs page (LIFE-2) in a real browser: the supply chain user dispenses pasted packs for the pharmacy,
 * sees the same request refused pack by pack with the NMVS code, and undoes it; QA withdraws the batch in
 * the batch panel, which the supply chain user does not get.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("LIFE-2")
class PacksPageIT {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  private static final String PHARMACY = "9506000000039";

  private WebDriver driver;
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
  void theSupplyChainDispensesSeesTheRefusalAndUndoesQaWithdrawsTheBatch() {
    PackStateIT.Lot l = PackStateIT.lot(2);
    session.logIn("supply");
    driver.findElement(By.id("nav-packs")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change:codes")));
    assertTrue(driver.findElements(By.id("batch:setBatch")).isEmpty());

    driver.findElement(By.id("change:codes")).sendKeys(String.join("\n", l.epcs()));
    choose("change:party", PHARMACY);
    choose("change:location", PHARMACY);
    driver.findElement(By.id("change:decommission")).click();
    wait.until(d -> d.findElement(By.id("outcome")).getText().contains("2 packs now SUPPLIED"));
    assertEquals("SUPPLIED", state(l.epcs().get(1)));

    driver.findElement(By.id("change:decommission")).click();
    wait.until(d -> d.findElement(By.id("outcome")).getText().contains("2 of 2 packs refused"));
    assertTrue(driver.findElement(By.id("result")).getText().contains("NMVS_NC_PCK_19"));
    session.screenshot("packs-refused.png");

    driver.findElement(By.id("change:undo")).click();
    wait.until(d -> d.findElement(By.id("outcome")).getText().contains("2 packs now ACTIVE"));
    assertEquals("ACTIVE", state(l.epcs().get(0)));

    driver.manage().deleteAllCookies();
    session.logIn("qa");
    driver.findElement(By.id("nav-packs")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch:gtin")));
    driver.findElement(By.id("batch:gtin")).sendKeys(l.gtin());
    driver.findElement(By.id("batch:lot")).sendKeys(l.lot());
    driver.findElement(By.id("batch:reason")).sendKeys("OQ browser withdrawal");
    driver.findElement(By.id("batch:setBatch")).click();
    wait.until(d -> !d.findElements(By.id("batch-state")).isEmpty()
        && d.findElement(By.id("batch-state")).getText().contains("WITHDRAWN"));
    assertEquals("WITHDRAWN", Api.as("supply").get("/api/batches/" + l.gtin() + "/"
        + URLEncoder.encode(l.lot(), StandardCharsets.UTF_8)).json().getString("state"));
    session.screenshot("packs-batch.png");
  }

  private static String state(String epc) {
    return Api.as("auditor").get("/api/packs/" + URLEncoder.encode(epc, StandardCharsets.UTF_8)).json()
        .getString("state");
  }

  /**
   * Picks the item of a PrimeFaces select menu whose label starts with {@code prefix}, as a user does when
   * the list is long (the suite leaves many partners behind): opens the menu, types into its filter, picks.
   */
  private void choose(String id, String prefix) {
    session.waitForAjax();
    driver.findElement(By.id(id)).click();
    session.waitForOverlayOpen(id + "_panel");
    driver.findElement(By.id(id + "_filter")).sendKeys(prefix);
    By item = By.xpath("//div[@id='" + id + "_panel']//li[starts-with(normalize-space(.), '" + prefix + "')]");
    wait.until(ExpectedConditions.elementToBeClickable(item)).click();
    wait.until(d -> d.findElement(By.id(id + "_label")).getText().startsWith(prefix));
    session.waitForAjax();
  }

}

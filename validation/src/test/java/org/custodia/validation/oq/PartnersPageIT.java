package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trading partner page (UI-2 master data) in a real browser: the administrator changes a partner, an
 * auditor only reads, the packaging line does not see the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("UI-2")
class PartnersPageIT {

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
  void theAdministratorRenamesAPartnerAndTheListShowsIt() {
    // given a partner made over the API
    String gln = newGln();
    assertEquals(201, Api.as("admin").putJson("/api/masterdata/partners/" + gln,
        "{\"name\":\"UI partner " + gln + "\",\"roles\":[\"3PL\"],\"mayVerify\":false}").status());
    session.logIn("admin");
    driver.findElement(By.id("nav-partners")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:gln")));

    // when the administrator edits it
    driver.findElement(By.xpath("//tr[td[contains(normalize-space(.), '" + gln + "')]]//button")).click();
    wait.until(d -> gln.equals(d.findElement(By.id("edit:gln")).getAttribute("value")));
    WebElement name = driver.findElement(By.id("edit:name"));
    name.clear();
    name.sendKeys("Renamed partner " + gln);
    driver.findElement(By.id("edit:save")).click();
    session.waitForAjax();

    // then
    wait.until(d -> d.findElement(By.id("list")).getText().contains("Renamed partner " + gln));
    assertTrue(driver.findElement(By.id("list")).getText().contains("Demo Wholesaler (demo)"));
    assertEquals("Renamed partner " + gln, Api.as("qa").get("/api/masterdata/partners/" + gln).json().getString("name"));
    session.screenshot(("partners-admin.png"));
  }

  @Test
  void anAuditorReadsWithoutTheEditorAndTheOperatorDoesNotSeeThePage() {
    // when
    session.logIn("auditor");
    driver.findElement(By.id("nav-partners")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list")));

    // then
    assertTrue(driver.findElement(By.id("list")).getText().contains("9506000000039"));
    assertTrue(driver.findElements(By.id("edit:gln")).isEmpty());

    // and the operator
    driver.manage().deleteAllCookies();
    session.logIn("operator");
    assertTrue(driver.findElements(By.id("nav-partners")).isEmpty());
    driver.get(Api.BASE + "/partners.xhtml");
    assertTrue(driver.findElements(By.id("list")).isEmpty());
  }

  private static String newGln() {
    String data = "9506000" + String.format("%05d", ThreadLocalRandom.current().nextInt(100, 100_000));
    int sum = 0;
    int w = 3;
    for (int i = data.length() - 1; i >= 0; i--) {
      sum += (data.charAt(i) - '0') * w;
      w = 4 - w;
    }
    return data + (10 - sum % 10) % 10;
  }
}

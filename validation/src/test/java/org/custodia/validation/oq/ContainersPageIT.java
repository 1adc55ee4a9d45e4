package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
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
 * The cases and pallets page (AGG-2) in a real browser: the supply chain user opens a case by its SSCC,
 * takes a unit out, and packs it into a new case, whose new SSCC the page shows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainersPageIT {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

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
  @Tag("AGG-2")
  @Tag("UI-2")
  void aUnitTakenOutOfACaseIsPackedIntoANewCaseFromThePage() {
    // given a case of three packed at the wholesaler
    DisaggregationIT.Units u = DisaggregationIT.units(3);
    String sscc = DisaggregationIT.packed("CASE", u.epcs());
    session.logIn("supply");
    driver.findElement(By.id("nav-containers")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask:sscc")));

    // when the case is opened by its SSCC and its first child taken out
    driver.findElement(By.id("ask:sscc")).sendKeys("(00)" + sscc);
    driver.findElement(By.id("ask:open")).click();
    wait.until(d -> d.findElements(By.id("child-count")).size() == 1
        && "3".equals(d.findElement(By.id("child-count")).getText()));
    String first = driver.findElement(By.cssSelector("label[for='found:selected:0']")).getText().strip();
    driver.findElement(By.cssSelector("label[for='found:selected:0']")).click();
    driver.findElement(By.id("found:remove")).click();
    wait.until(d -> "2".equals(d.findElement(By.id("child-count")).getText()));
    session.waitForAjax();
    assertTrue(driver.findElement(By.id("history")).getText().contains("remove"));

    // and packed into a new case
    driver.findElement(By.id("pack:newCodes")).sendKeys(first);
    driver.findElement(By.id("pack:packNew")).click();
    wait.until(d -> d.findElement(By.id("messages")).getText().contains("New case (00)"));

    // then the page shows the new case with the unit, and the API agrees
    String message = driver.findElement(By.id("messages")).getText();
    String newSscc = message.substring(message.indexOf("(00)") + 4, message.indexOf("(00)") + 22);
    wait.until(d -> ("(00)" + newSscc).equals(d.findElement(By.id("found-sscc")).getText()));
    assertEquals("1", driver.findElement(By.id("child-count")).getText());
    JsonObject created = Api.as("supply").get("/api/aggregation/containers/" + newSscc).json();
    assertEquals(List.of(first), created.getJsonArray("children").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("code")).toList());
    assertEquals(2, Api.as("supply").get("/api/aggregation/containers/" + sscc).json().getJsonArray("children").size());
    session.screenshot("containers-repacked.png");
  }

  @Test
  @Tag("AGG-2")
  @Tag("UI-2")
  void aCaseOfASuppliersPalletIsOpenedFromThePage() {
    // given a supplier's pallet, known here from its events alone
    DisaggregationIT.SupplierPallet sp = DisaggregationIT.supplierPallet();
    session.logIn("supply");
    driver.findElement(By.id("nav-containers")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask:sscc")));

    // when its first case is opened by its SSCC and one unit taken out
    driver.findElement(By.id("ask:sscc")).sendKeys("(00)" + sp.case1());
    driver.findElement(By.id("ask:open")).click();
    wait.until(d -> d.findElements(By.id("child-count")).size() == 1
        && "2".equals(d.findElement(By.id("child-count")).getText()));
    long lookedAt = DisaggregationIT.takeOvers(sp.case1());
    driver.findElement(By.cssSelector("label[for='found:selected:0']")).click();
    driver.findElement(By.id("found:remove")).click();
    wait.until(d -> "1".equals(d.findElement(By.id("child-count")).getText()));
    session.waitForAjax();
    assertTrue(driver.findElement(By.id("messages")).getText().contains("1 child taken out"),
        driver.findElement(By.id("messages")).getText());

    // then looking took nothing over, the removal did, and the case is on the supplier's pallet still
    assertEquals(0, lookedAt);
    assertEquals(1, DisaggregationIT.takeOvers(sp.case1()));
    JsonObject c1 = Api.as("supply").get("/api/aggregation/containers/" + sp.case1()).json();
    assertEquals(DisaggregationIT.supplierEpc(sp.case1()), c1.getString("epc"));
    assertEquals(sp.pallet(), c1.getString("parent"));
    assertEquals(1, c1.getJsonArray("children").size());
    assertTrue(driver.findElement(By.id("history")).getText().contains("remove"));
    session.screenshot("containers-supplier-case.png");
  }
}

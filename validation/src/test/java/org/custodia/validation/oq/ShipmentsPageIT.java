package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shipments page in a real browser (LIFE-1): the supply chain ships two units pasted into the page
 * to the wholesaler, opens the shipment and receives it with one of them missing; the page shows the
 * shortage and the API agrees.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("LIFE-1")
class ShipmentsPageIT {

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
  void shipAndReceiveWithAShortageOnThePage() {
    // given two commissioned units
    String gtin = TestData.newGtin();
    long pool = SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]");
    Api.Reply c = SerializationApiIT.commission(gtin, TestData.newLot(), SerializationApiIT.allocate(pool, 2));
    assertEquals(201, c.status(), c.body());
    List<String> units = c.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
    await().atMost(Duration.ofSeconds(30)).until(() -> units.stream().allMatch(u ->
        Api.as("supply").get("/api/trace/" + URLEncoder.encode(u, StandardCharsets.UTF_8)).status() == 200));

    // when the supply chain ships them from the page
    session.logIn("supply");
    driver.findElement(By.id("nav-shipments")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ship:items")));
    driver.findElement(By.id("ship:items")).sendKeys(units.get(0) + "\n" + units.get(1));
    String po = "PO-UI-" + UUID.randomUUID().toString().substring(0, 8);
    driver.findElement(By.id("ship:po")).sendKeys(po);
    choose("ship:sourceOwner", "9506000000015");
    choose("ship:sourceLocation", "9506000000015");
    choose("ship:destinationOwner", "9506000000022");
    choose("ship:destinationLocation", "9506000000022");
    driver.findElement(By.id("ship:shipButton")).click();
    session.waitForAjax();
    wait.until(d -> d.findElement(By.id("messages")).getText().contains("is in transit with 2 objects"));
    wait.until(d -> "IN_TRANSIT".equals(d.findElement(By.id("selectedStatus")).getText()));

    // and receives the shipment with one unit scanned
    driver.findElement(By.id("receive:received")).sendKeys(units.get(0));
    driver.findElement(By.id("receive:receiveButton")).click();
    session.waitForAjax();

    // then
    wait.until(d -> "RECEIVED_WITH_DISCREPANCIES".equals(d.findElement(By.id("selectedStatus")).getText()));
    String discrepancies = driver.findElement(By.id("receive:discrepancies")).getText();
    assertTrue(discrepancies.contains(units.get(1)) && discrepancies.contains("SHORTAGE"), discrepancies);
    assertTrue(driver.findElement(By.id("list")).getText().contains(po));
    long id = Api.as("auditor").get("/api/shipments").json().getJsonArray("shipments").stream()
        .map(v -> v.asJsonObject()).filter(s -> po.equals(s.getString("purchaseOrder"))).findFirst().orElseThrow()
        .getJsonNumber("id").longValue();
    assertEquals("RECEIVED_WITH_DISCREPANCIES", Api.as("auditor").get("/api/shipments/" + id).json().getString("status"));
    session.screenshot("shipments-received.png");
  }

  /** Picks the entry naming {@code gln} in a PrimeFaces select menu, through its widget. */
  private void choose(String id, String gln) {
    ((JavascriptExecutor) driver).executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);",
        id, gln);
    wait.until(d -> gln.equals(d.findElement(By.id(id + "_input")).getAttribute("value")));
  }

}

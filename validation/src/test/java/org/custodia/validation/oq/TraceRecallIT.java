package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.EpcisCapture;
import org.custodia.validation.support.Browser;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Trace and recall on the real EAR (RCL-1 to RCL-3): units commissioned through the serialization API,
 * packed into cases on a pallet, the pallet shipped to a wholesaler and one loose unit dispensed, all
 * captured through the EPCIS REST binding; then the trace of a unit, the contents of the pallet, and a
 * signed recall of the lot with its grouping, quarantine and CSV and PDF exports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TraceRecallIT {

  private static final Api QA = Api.as("qa");
  private static final Api SUPPLY = Api.as("supply");
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String PHARMACY = "urn:epc:id:sgln:9506000.00003.0";
  private static final String WHOLESALER = "urn:epc:id:pgln:9506000.00002";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** Six units of a fresh lot: u0–u2 in case 1, u3 in case 2, both cases on the pallet; u4 loose; u5 dispensed. */
  private record Scenario(String gtin, String lot, List<String> units, List<String> serials, String case1,
      String case2, String pallet, String palletSscc, String commissioning, List<String> aggregations) {}

  private static Scenario scenario() {
    String gtin = TestData.newGtin();
    String lot = TestData.newLot();
    long pool = SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]");
    List<String> serials = SerializationApiIT.allocate(pool, 6);
    Api.Reply c = SerializationApiIT.commission(gtin, lot, serials);
    assertEquals(201, c.status(), c.body());
    List<String> units = c.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
    String commissioning = c.json().getString("eventId");
    String eventPath = "/api/epcis/events/" + URLEncoder.encode(commissioning, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).until(() -> QA.get(eventPath).status() == 200);
    OffsetDateTime t0 = OffsetDateTime.parse(QA.get(eventPath).json().getString("eventTime"));

    String case1Sscc = TestData.newSscc();
    String case2Sscc = TestData.newSscc();
    String palletSscc = TestData.newSscc();
    String case1 = ssccEpc(case1Sscc);
    String case2 = ssccEpc(case2Sscc);
    String pallet = ssccEpc(palletSscc);
    List<String> aggregations = List.of(id(), id(), id());
    EpcisCapture.captured(
        aggregation(aggregations.get(0), t0.plusNanos(1_000_000), case1, units.subList(0, 3)),
        aggregation(aggregations.get(1), t0.plusNanos(2_000_000), case2, units.subList(3, 4)),
        aggregation(aggregations.get(2), t0.plusNanos(3_000_000), pallet, List.of(case1, case2)),
        "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id() + "\",\"eventTime\":\"" + t0.plusNanos(4_000_000)
            + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + pallet + "\"],\"action\":\"OBSERVE\","
            + "\"bizStep\":\"shipping\",\"disposition\":\"in_transit\",\"readPoint\":{\"id\":\"" + PLANT + "\"},"
            + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"" + WHOLESALER + "\"}]}",
        "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id() + "\",\"eventTime\":\"" + t0.plusNanos(5_000_000)
            + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + units.get(5) + "\"],\"action\":\"OBSERVE\","
            + "\"bizStep\":\"dispensing\",\"disposition\":\"dispensed\",\"bizLocation\":{\"id\":\"" + PHARMACY + "\"}}");
    // the commissioning event comes over the capture queue: wait until every unit has its state
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Api.Reply t = SUPPLY.get(trace(units.get(5)));
      return t.status() == 200 && "dispensed".equals(t.json().getString("status"));
    });
    return new Scenario(gtin, lot, units, serials, case1, case2, pallet, palletSscc, commissioning, aggregations);
  }

  private static String ssccEpc(String sscc) {
    return "urn:epc:id:sscc:9506000." + sscc.charAt(0) + sscc.substring(8, 17);
  }

  private static String aggregation(String id, OffsetDateTime time, String parent, List<String> children) {
    StringBuilder c = new StringBuilder();
    for (String x : children) {
      c.append(c.length() == 0 ? "" : ",").append('"').append(x).append('"');
    }
    return "{\"type\":\"AggregationEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":[" + c
        + "],\"action\":\"ADD\",\"bizStep\":\"packing\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
  }

  private static String id() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  private static String trace(String id) {
    return "/api/trace/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static List<String> strings(JsonArray a, String field) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : a) {
      out.add(v.asJsonObject().getString(field));
    }
    return out;
  }

  @Test
  @Tag("RCL-1")
  @Tag("RCL-4")
  void aUnitShowsItsStateItsContainersUpToThePalletAndItsHistory() {
    // given
    Scenario s = scenario();

    // when traced by EPC URI, element string and Digital Link
    JsonObject byEpc = SUPPLY.get(trace(s.units().get(0))).json();
    Api.Reply byElements = SUPPLY.get(trace("(01)" + s.gtin() + "(21)" + s.serials().get(0)));
    Api.Reply byLink = SUPPLY.get(trace("https://id.gs1.org/01/" + s.gtin() + "/21/" + s.serials().get(0)));

    // then the state
    assertEquals(s.units().get(0), byEpc.getString("epc"));
    assertEquals("unit", byEpc.getString("kind"));
    assertEquals("in_transit", byEpc.getString("status"), "a packed unit travels with its shipped pallet (LIFE-1)");
    assertEquals(s.lot(), byEpc.getString("lot"));
    assertEquals("2028-12-31", byEpc.getString("expiry"));
    assertEquals(PLANT, byEpc.getString("location"));
    assertEquals(s.case1(), byEpc.getString("parent"));
    assertEquals(s.pallet(), byEpc.getString("topParent"));
    assertEquals(WHOLESALER, byEpc.getString("currentOwner"), "a packed unit belongs to whom its pallet was shipped");
    // the parent chain up to the pallet
    assertEquals(List.of(s.case1(), s.pallet()), strings(byEpc.getJsonArray("parents"), "epc"));
    assertEquals("in_transit", byEpc.getJsonArray("parents").getJsonObject(1).getString("status"));
    // and the history, oldest first, with each event's details
    JsonArray history = byEpc.getJsonArray("history");
    assertEquals(List.of(s.commissioning(), s.aggregations().get(0)), strings(history, "eventID"));
    assertEquals("commissioning", history.getJsonObject(0).getString("bizStep"));
    assertEquals("CHILD", history.getJsonObject(1).getString("role"));
    assertEquals(s.case1(), history.getJsonObject(1).getJsonObject("event").getString("parentID"));
    // every form of the identifier finds the same object
    assertEquals(200, byElements.status(), byElements.body());
    assertEquals(s.units().get(0), byElements.json().getString("epc"));
    assertEquals(200, byLink.status(), byLink.body());
    assertEquals(s.units().get(0), byLink.json().getString("epc"));
  }

  @Test
  @Tag("RCL-2")
  void aPalletResolvesToEveryCaseAndUnitInside() {
    // given
    Scenario s = scenario();

    // when asked by its 18-digit SSCC
    Api.Reply r = SUPPLY.get("/api/trace/" + s.palletSscc() + "/contents");

    // then
    assertEquals(200, r.status(), r.body());
    JsonObject c = r.json();
    assertEquals(s.pallet(), c.getString("epc"));
    assertEquals(6, c.getInt("count"));
    JsonArray cases = c.getJsonArray("children");
    assertEquals(Set.of(s.case1(), s.case2()), new HashSet<>(strings(cases, "epc")));
    JsonObject case1 = cases.getJsonObject(s.case1().equals(cases.getJsonObject(0).getString("epc")) ? 0 : 1);
    assertEquals(new HashSet<>(s.units().subList(0, 3)), new HashSet<>(strings(case1.getJsonArray("children"), "epc")));
    Set<String> all = new HashSet<>(strings(c.getJsonArray("descendants"), "epc"));
    assertEquals(Set.of(s.case1(), s.case2(), s.units().get(0), s.units().get(1), s.units().get(2), s.units().get(3)), all);
  }

  @Test
  @Tag("RCL-1")
  void anUnknownObjectIs404AndAMalformedIdA400NamingIt() {
    // when
    Api.Reply unknown = SUPPLY.get(trace("urn:epc:id:sgtin:9506000.012345.NO-SUCH-UNIT"));
    Api.Reply malformed = SUPPLY.get(trace("(01)09506000134353(21)X"));
    Api.Reply operator = Api.as("operator").get(trace("urn:epc:id:sgtin:9506000.012345.NO-SUCH-UNIT"));

    // then
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("unknown-object", unknown.json().getString("code"));
    assertEquals(400, malformed.status(), malformed.body());
    assertEquals("id", malformed.json().getString("field"));
    assertEquals("(01)09506000134353(21)X", malformed.json().getString("value"));
    assertEquals(403, operator.status(), operator.body());
  }

  @Test
  @Tag("RCL-3")
  @Tag("AUD-2")
  void aSignedRecallOfTheLotGroupsQuarantinesAndExportsEveryAffectedUnit() {
    // given
    Scenario s = scenario();

    // when QA starts the recall, signing with the password of the request's Basic credentials
    Api.Reply started = QA.postJson("/api/recalls",
        "{\"gtin\":\"" + s.gtin() + "\",\"lots\":[\"" + s.lot() + "\"],\"reason\":\"OQ\","
            + "\"meaning\":\"recall approved by QA\"}");

    // then it runs to DONE
    assertEquals(201, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    assertNotNull(started.header("Location"));
    await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(SUPPLY.get("/api/recalls/" + id).json().getString("status")));
    JsonObject r = SUPPLY.get("/api/recalls/" + id).json();
    assertEquals(6, r.getInt("total"), r.toString());
    assertEquals(3, r.getInt("containers"));
    assertEquals(5, r.getInt("quarantined"));
    assertEquals(1, r.getInt("exceptions"));
    assertEquals("qa", r.getString("signedBy"));
    assertEquals("recall approved by QA", r.getString("meaning"));
    // grouped by location and owner: the four packed units travel with the pallet to the wholesaler
    JsonArray groups = r.getJsonArray("byLocation");
    assertEquals(3, groups.size(), groups.toString());
    assertEquals(PLANT, groups.getJsonObject(0).getString("location"));
    assertEquals(WHOLESALER, groups.getJsonObject(0).getString("owner"));
    assertEquals(4, groups.getJsonObject(0).getInt("count"));
    int sum = 0;
    for (JsonValue g : groups) {
      sum += g.asJsonObject().getInt("count");
    }
    assertEquals(6, sum);
    // quarantined: the units now have status recalled, except the dispensed one, which is an exception
    await().atMost(Duration.ofSeconds(30)).until(() -> "recalled".equals(SUPPLY.get(trace(s.units().get(4))).json().getString("status")));
    for (String u : s.units().subList(0, 5)) {
      assertEquals("recalled", SUPPLY.get(trace(u)).json().getString("status"), u);
    }
    assertEquals("dispensed", SUPPLY.get(trace(s.units().get(5))).json().getString("status"));
    JsonArray exceptions = SUPPLY.get("/api/recalls/" + id + "/exceptions").json().getJsonArray("exceptions");
    assertEquals(List.of(s.units().get(5)), strings(exceptions, "epc"));
    // and it is a supply-chain exception for QA to follow up
    JsonArray raised = QA.get("/api/exceptions?type=RECALLED_UNIT_OUT_OF_REACH&status=OPEN&limit=1000").jsonStructure().asJsonArray();
    assertTrue(strings(raised, "epc").contains(s.units().get(5)), raised.toString());
    // the objects page by page
    Api.Reply page1 = SUPPLY.get("/api/recalls/" + id + "/objects?page=1&size=4");
    assertEquals(4, page1.json().getJsonArray("objects").size());
    assertTrue(page1.header("Link").contains("page=2"), page1.header("Link"));
    assertEquals(1, SUPPLY.get("/api/recalls/" + id + "/objects?page=3&size=4").json().getJsonArray("objects").size());
    // CSV: a header and one line per affected object, with its status now
    Api.Reply csv = SUPPLY.get("/api/recalls/" + id + "/export.csv");
    assertEquals(200, csv.status());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(1 + 6 + 3, lines.length, csv.body());
    assertEquals("epc,kind,gtin,serial,lot,status,location,owner,parent,quarantined", lines[0]);
    for (String u : s.units().subList(0, 5)) {
      assertTrue(csv.body().contains(u + ",UNIT," + s.gtin() + ","), csv.body());
    }
    assertTrue(csv.body().contains(s.units().get(0) + ",UNIT," + s.gtin() + "," + s.serials().get(0) + "," + s.lot()
        + ",recalled," + PLANT + "," + WHOLESALER + "," + s.case1() + ",yes"), csv.body());
    assertTrue(csv.body().contains(s.pallet() + ",CONTAINER,"), csv.body());
    Api.Reply pdf = SUPPLY.get("/api/recalls/" + id + "/export.pdf");
    assertEquals(200, pdf.status());
    assertEquals("%PDF-", new String(pdf.bytes(), 0, 5, StandardCharsets.ISO_8859_1));
    // and the signature is in the audit trail with its meaning
    JsonArray audit = Api.as("auditor").get("/api/audit/records?limit=200").jsonStructure().asJsonArray();
    boolean signed = false;
    for (JsonValue v : audit) {
      JsonObject a = v.asJsonObject();
      if ("e-signature".equals(a.getString("action")) && String.valueOf(id).equals(a.getString("objectId", null))) {
        signed = "qa".equals(a.getString("actor")) && a.getString("detail").contains("recall approved by QA");
      }
    }
    assertTrue(signed, "no e-signature record for recall " + id);
  }

  @Test
  @Tag("RCL-3")
  @Tag("AUD-2")
  void aRecallIsSignedByQaWithTheRightPasswordOnly() {
    // when
    Api.Reply wrong = QA.postJson("/api/recalls",
        "{\"gtin\":\"" + TestData.newGtin() + "\",\"lots\":[\"L1\"],\"password\":\"not-my-password\"}");
    Api.Reply supply = SUPPLY.postJson("/api/recalls", "{\"gtin\":\"" + TestData.newGtin() + "\",\"lots\":[\"L1\"]}");
    Api.Reply noLots = QA.postJson("/api/recalls", "{\"gtin\":\"" + TestData.newGtin() + "\",\"lots\":[]}");

    // then
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals("signature-refused", wrong.json().getString("code"));
    assertEquals(403, supply.status(), supply.body());
    assertEquals(400, noLots.status(), noLots.body());
    assertEquals("lots", noLots.json().getString("field"));
  }

  @Test
  @Tag("UI-2")
  @Tag("RCL-1")
  @Tag("RCL-3")
  @Tag("AUD-2")
  void qaTracesAUnitAndAPalletAndStartsASignedRecallInTheBrowser() throws Exception {
    // given
    Scenario s = scenario();
    try (Browser browser = Browser.headless()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      driver.get(Api.BASE + "/login.xhtml");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
      driver.findElement(By.id("j_username")).sendKeys("qa");
      driver.findElement(By.id("j_password")).sendKeys("demo-qa");
      driver.findElement(By.id("login")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

      // when a unit is traced by its element string, typed into the field
      driver.findElement(By.id("nav-trace")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask:id")));
      driver.findElement(By.id("ask:id")).sendKeys("(01)" + s.gtin() + "(21)" + s.serials().get(0));
      driver.findElement(By.id("ask:trace")).click();

      // then the status card, the chain of containers and the timeline show
      wait.until(ExpectedConditions.textToBe(By.id("epc"), s.units().get(0)));
      assertEquals("in_transit", driver.findElement(By.id("status")).getText());
      String parents = driver.findElement(By.id("parents")).getText();
      assertTrue(parents.contains(s.case1()) && parents.contains(s.pallet()), parents);
      assertEquals(2, driver.findElements(By.cssSelector(".c-timeline-event")).size());

      // and the pallet shows its contents as a tree
      driver.get(Api.BASE + "/trace.xhtml?id=" + s.palletSscc());
      try {
        wait.until(ExpectedConditions.textToBe(By.id("epc"), s.pallet()));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError("the trace page shows: " + driver.findElement(By.tagName("body")).getText(), e);
      }
      String tree = driver.findElement(By.id("found:contents")).getText();
      assertTrue(tree.contains(s.case1()) && tree.contains(s.case2()), tree);

      // when QA starts a recall of the lot and signs it with the password
      driver.findElement(By.id("nav-recall")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start:gtin")));
      driver.findElement(By.id("start:gtin")).sendKeys(s.gtin());
      driver.findElement(By.id("start:lots")).sendKeys(s.lot());
      driver.findElement(By.id("start:prepare")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start:password")));
      driver.findElement(By.id("start:password")).sendKeys("demo-qa");
      driver.findElement(By.id("start:signStart")).click();

      // then it runs to DONE on the screen with all six units counted
      wait.until(ExpectedConditions.textToBe(By.id("recall-status"), "DONE"));
      assertTrue(driver.findElement(By.id("counts")).getText().startsWith("6 units and 3 cases and pallets"),
          driver.findElement(By.id("counts")).getText());
    }
  }
}

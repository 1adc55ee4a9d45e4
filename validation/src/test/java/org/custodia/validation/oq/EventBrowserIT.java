package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.BrowserSession;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The EPCIS event browser in a real browser (EPC-2, UI-2): a document with a known packing
 * hierarchy is captured through the REST API, then QA finds its events by EPC (typed as a GS1
 * element string and as a Digital Link), by business step and location, pages through them, opens
 * events as JSON-LD and EPCIS 2.0 XML, and unfolds a pallet to its cases and units. A bad filter
 * value is named with its field, and the operator role cannot open the screen (SEC-1). Headless
 * Chromium as in {@link UiBrowserIT}; screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("EPC-2")
@Tag("UI-2")
class EventBrowserIT {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  private static final String GTIN = "09506000134352";
  private static final String ROWS = "tbody[id='results:events_data'] > tr:not(.ui-datatable-empty-message)";

  /** What this run captured: unique serials, cases, pallet and business location. */
  private static final String RUN =
      Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);

  private static final String[] UNITS = new String[4];
  private static String case1;
  private static String case2;
  private static String pallet;
  private static String location;

  /** The eventIDs of the document, in capture (and event time) order. */
  private static final List<String> IDS = new ArrayList<>();

  private static WebDriver driver;

  private WebDriverWait wait;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeAll
  static void capture() throws IOException {
    captureTheDocument();
  }


  @BeforeEach
  void startLoggedOut() {
    driver = session.driver();
    wait = session.await();
  }

  /**
   * Seven events at one new business location: four units commissioned (0), packed two by two
   * into two cases (1, 2), the cases onto a pallet (3), the pallet shipped (4), one unit inspected
   * (5), the pallet stored (6).
   */
  private static void captureTheDocument() {
    for (int i = 0; i < UNITS.length; i++) {
      UNITS[i] = "urn:epc:id:sgtin:9506000.013435.U" + (i + 1) + RUN;
    }
    case1 = sscc(TestData.newSscc());
    case2 = sscc(TestData.newSscc());
    pallet = sscc(TestData.newSscc());
    location = "urn:epc:id:sgln:9506000.00001." + RUN;
    List<String> events = new ArrayList<>();
    events.add(object(0, "ADD", "commissioning", "active", UNITS));
    events.add(aggregation(1, case1, UNITS[0], UNITS[1]));
    events.add(aggregation(2, case2, UNITS[2], UNITS[3]));
    events.add(aggregation(3, pallet, case1, case2));
    events.add(object(4, "OBSERVE", "shipping", "in_transit", pallet));
    events.add(object(5, "OBSERVE", "inspecting", "active", UNITS[0]));
    events.add(object(6, "OBSERVE", "storing", "in_progress", pallet));
    String doc =
        "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
            + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T10:00:00Z\","
            + "\"epcisBody\":{\"eventList\":["
            + String.join(",", events)
            + "]}}";
    Api qa = Api.as("qa");
    Api.Reply r =
        qa.postBytes("/api/epcis/capture", "application/ld+json", doc.getBytes(StandardCharsets.UTF_8));
    assertEquals(202, r.status(), r.body());
    String job = r.header("Location");
    assertNotNull(job);
    await().atMost(Duration.ofSeconds(60)).until(() -> !qa.getUrl(job).json().getBoolean("running"));
    JsonObject done = qa.getUrl(job).json();
    assertTrue(done.getBoolean("success"), done.toString());
    assertEquals(7, done.getInt("storedCount"), done.toString());
  }

  private static String sscc(String digits) {
    return "urn:epc:id:sscc:9506000." + digits.charAt(0) + digits.substring(8, 17);
  }

  private static String head(int n, String type, String action, String bizStep, String disposition) {
    String id = "urn:uuid:" + UUID.randomUUID();
    IDS.add(id);
    return "{\"type\":\""
        + type
        + "\",\"eventID\":\""
        + id
        + "\",\"eventTime\":\"2026-11-20T08:0"
        + n
        + ":00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"action\":\""
        + action
        + "\",\"bizStep\":\""
        + bizStep
        + "\",\"disposition\":\""
        + disposition
        + "\",\"bizLocation\":{\"id\":\""
        + location
        + "\"},\"readPoint\":{\"id\":\""
        + location
        + "\"}";
  }

  private static String object(int n, String action, String bizStep, String disposition, String... epcs) {
    String s = head(n, "ObjectEvent", action, bizStep, disposition) + ",\"epcList\":" + list(epcs);
    if (bizStep.equals("shipping")) {
      s += ",\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:9506000000015:PO-"
          + RUN
          + "\"}]";
    }
    return s + "}";
  }

  private static String aggregation(int n, String parent, String... children) {
    return head(n, "AggregationEvent", "ADD", "packing", "in_progress")
        + ",\"parentID\":\""
        + parent
        + "\",\"childEPCs\":"
        + list(children)
        + "}";
  }

  private static String list(String... values) {
    return "[\"" + String.join("\",\"", values) + "\"]";
  }

  @Test
  void qaFindsAUnitsEventsByItsScannedCodeAndByItsDigitalLink() {
    // given
    logIn("qa");
    openEvents();

    // when: the first unit as a scanner reads it, with an expiry the EPC does not carry
    type(By.id("filter:epc"), "(01)" + GTIN + "(17)281231(21)U1" + RUN);
    search();

    // then: commissioning, packing into the case, inspection
    assertRows(Set.of(IDS.get(0), IDS.get(1), IDS.get(5)));
    String table = text(By.id("results:events_data"));
    assertTrue(table.contains("commissioning") && table.contains("inspecting"), table);
    screenshot("events-by-epc");

    // when: the same unit as the Digital Link of its QR code
    type(By.id("filter:epc"), "https://id.gs1.org/01/" + GTIN + "/21/U1" + RUN);
    search();

    // then
    assertRows(Set.of(IDS.get(0), IDS.get(1), IDS.get(5)));
  }

  @Test
  void supplyChainFindsThePackingEventsOfALocationAndTheShipmentByItsOrder() {
    // given
    logIn("supply");
    openEvents();

    // when
    type(By.id("filter:bizStep"), "packing");
    type(By.id("filter:bizLocation"), location);
    search();

    // then
    assertRows(Set.of(IDS.get(1), IDS.get(2), IDS.get(3)));
    for (WebElement row : driver.findElements(By.cssSelector(ROWS))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      assertEquals("AggregationEvent", cells.get(1).getText().strip(), row.getText());
      assertEquals("ADD", cells.get(2).getText().strip(), row.getText());
      assertEquals("in_progress", cells.get(4).getText().strip(), row.getText());
      assertEquals(location, cells.get(5).getText().strip(), row.getText());
      assertEquals("2", cells.get(6).getText().strip(), row.getText());
    }

    // when: by purchase order instead
    driver.findElement(By.id("filter:clear")).click();
    session.waitForAjax();
    type(By.id("filter:bizTransaction"), "urn:epcglobal:cbv:bt:9506000000015:PO-" + RUN);
    search();

    // then
    assertRows(Set.of(IDS.get(4)));
  }

  @Test
  void anOpenedPalletShowsItsJsonItsXmlAndWhatWasPackedInIt() {
    // given
    logIn("qa");
    openEvents();
    type(By.id("filter:epc"), pallet);
    search();
    assertRows(Set.of(IDS.get(3), IDS.get(4), IDS.get(6)));

    // when
    String id = IDS.get(3);
    driver
        .findElement(By.xpath("//tbody[@id='results:events_data']/tr[td//span[normalize-space()='" + id + "']]"
            + "//button[contains(@id,':show')]"))
        .click();

    // then: the stored JSON-LD
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-json")));
    assertTrue(text(By.id("detail-id")).contains(id), text(By.id("detail-id")));
    String json = text(By.id("event-json"));
    assertTrue(json.contains("\"eventID\": \"" + id + "\""), json);
    assertTrue(json.contains(pallet) && json.contains(case1) && json.contains(case2), json);
    assertTrue(json.contains("\"recordTime\""), json);
    screenshot("event-json");

    // when
    tab("EPCIS 2.0 XML");

    // then
    WebElement xmlPane = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-xml")));
    String xml = xmlPane.getText();
    assertTrue(xml.contains("<eventID>" + id + "</eventID>"), xml);
    assertTrue(xml.contains("<parentID>" + pallet + "</parentID>"), xml);
    assertTrue(xml.contains("<epc>" + case1 + "</epc>") && xml.contains("<epc>" + case2 + "</epc>"), xml);
    assertTrue(xml.contains("urn:epcglobal:epcis:xsd:2"), xml);
    screenshot("event-xml");

    // when
    tab("Hierarchy");

    // then: the pallet and its two cases, the units folded away
    wait.until(ExpectedConditions.visibilityOfElementLocated(node(pallet)));
    assertTrue(driver.findElement(node(case1)).isDisplayed());
    assertTrue(driver.findElement(node(case2)).isDisplayed());
    assertFalse(driver.findElement(node(UNITS[0])).isDisplayed());

    // when: the first case is unfolded
    driver.findElement(By.xpath(content(case1) + "//span[contains(@class,'ui-tree-toggler')]")).click();

    // then: the units packed into it before the pallet was built
    wait.until(ExpectedConditions.visibilityOfElementLocated(node(UNITS[0])));
    assertTrue(driver.findElement(node(UNITS[1])).isDisplayed());
    assertFalse(driver.findElement(node(UNITS[2])).isDisplayed(), "the second case's units stay folded");
    assertTrue(text(By.xpath(content(case1))).contains("2 inside"), text(By.xpath(content(case1))));
    screenshot("event-hierarchy");
  }

  @Test
  void fiveEventsAPageAreReadForwardAndBack() {
    // given
    logIn("compliance");
    openEvents();
    type(By.id("filter:bizLocation"), location);
    search();
    assertRows(new HashSet<>(IDS));

    // when
    choose("results:pageSize", "5");

    // then: the newest five
    assertRows(Set.of(IDS.get(6), IDS.get(5), IDS.get(4), IDS.get(3), IDS.get(2)));
    assertEquals("1", text(By.id("results:page")));
    assertEquals(IDS.get(6), eventIds().get(0), "newest first");

    // when
    driver.findElement(By.id("results:next")).click();

    // then: the oldest two, and no page after them
    assertRows(Set.of(IDS.get(1), IDS.get(0)));
    assertEquals("2", text(By.id("results:page")));
    assertFalse(driver.findElement(By.id("results:next")).isEnabled());
    screenshot("events-page-2");

    // when
    driver.findElement(By.id("results:first")).click();

    // then
    assertRows(Set.of(IDS.get(6), IDS.get(5), IDS.get(4), IDS.get(3), IDS.get(2)));
    assertEquals("1", text(By.id("results:page")));
  }

  @Test
  void aBadFilterValueIsNamedWithItsFieldAndValue() {
    // given
    logIn("auditor");
    openEvents();

    // when: a GTIN with a wrong check digit
    String bad = "(01)09506000134353(21)X1";
    type(By.id("filter:epc"), bad);
    driver.findElement(By.id("filter:search")).click();

    // then
    wait.until(ExpectedConditions.attributeContains(By.id("filter:epc"), "class", "ui-state-error"));
    String messages = text(By.id("messages"));
    assertTrue(messages.contains("EPC: \"" + bad + "\""), messages);
    assertTrue(messages.toLowerCase(Locale.ROOT).contains("check digit"), messages);
    assertFalse(messages.contains("Exception") || messages.contains("at org."), messages);
    screenshot("events-bad-epc");

    // when: a time that is no time
    type(By.id("filter:epc"), "");
    type(By.id("filter:from"), "yesterday");
    driver.findElement(By.id("filter:search")).click();

    // then
    wait.until(ExpectedConditions.attributeContains(By.id("filter:from"), "class", "ui-state-error"));
    messages = text(By.id("messages"));
    assertTrue(messages.contains("Event time from: \"yesterday\""), messages);
  }

  @Test
  @Tag("SEC-1")
  void theOperatorRoleCannotOpenTheEventBrowser() {
    // given
    logIn("operator");

    // then: not offered
    assertTrue(driver.findElements(By.id("nav-events")).isEmpty());

    // when: asked for directly
    driver.get(Api.BASE + "/events.xhtml");

    // then
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
    assertTrue(driver.findElements(By.id("filter:epc")).isEmpty());
    assertTrue(driver.findElements(By.id("results:events")).isEmpty());
    screenshot("events-operator-forbidden");
  }

  // ---- helpers

  private void logIn(String user) {
    driver.get(Api.BASE + "/index.xhtml");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
    type(By.id("j_username"), user);
    type(By.id("j_password"), "demo-" + user);
    driver.findElement(By.id("login")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
  }

  private void openEvents() {
    driver.findElement(By.id("nav-events")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter:epc")));
  }

  private void search() {
    driver.findElement(By.id("filter:search")).click();
    session.waitForAjax();
  }

  /** Waits until the table lists exactly {@code expected} (by eventID), then checks it does. */
  private void assertRows(Set<String> expected) {
    session.waitForAjax();
    try {
      wait.until(d -> new HashSet<>(eventIds()).equals(expected));
    } catch (TimeoutException e) {
      // the assertion below says what is shown instead
    }
    assertEquals(expected, new HashSet<>(eventIds()), text(By.id("messages")));
    assertEquals(expected.size(), eventIds().size(), "no event twice");
  }

  private List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector(ROWS))) {
      ids.add(row.findElement(By.cssSelector("span.c-event-id")).getText().strip());
    }
    return ids;
  }

  /** Picks {@code label} in a PrimeFaces select menu and waits for the request it sends. */
  private void choose(String id, String label) {
    String css = "#" + id.replace(":", "\\:");
    session.waitForAjax();
    driver.findElement(By.cssSelector(css + " .ui-selectonemenu-trigger")).click();
    session.waitForOverlayOpen(id + "_panel");
    By item = By.cssSelector(css + "_items li[data-label='" + label + "']");
    wait.until(ExpectedConditions.elementToBeClickable(item)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css + "_panel")));
    wait.until(ExpectedConditions.textToBe(By.cssSelector(css + "_label"), label));
    session.waitForAjax();
  }

  private void tab(String title) {
    driver.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + title + "']")).click();
  }

  /** The content (toggler and label) of the tree node of {@code epc}, without its children. */
  private static String content(String epc) {
    return "//div[contains(@class,'ui-treenode-content')][.//span[contains(@class,'ui-treenode-label')]"
        + "//span[normalize-space()='" + epc + "']]";
  }

  private static By node(String epc) {
    return By.xpath(
        "//span[contains(@class,'ui-treenode-label')]//span[normalize-space()='" + epc + "']");
  }


  private void type(By field, String value) {
    WebElement e = driver.findElement(field);
    e.clear();
    e.sendKeys(value);
  }

  private String text(By by) {
    return driver.findElements(by).isEmpty() ? "" : driver.findElement(by).getText().strip();
  }

  private static void screenshot(String name) {
    session.screenshot((name + ".png"));
  }
}

package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.BrowserSession;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.oq.line.LineActivityProbe;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator line dashboard in a real browser (UI-1, UI-3): work orders created, started, paused,
 * resumed and closed through the REST API by other users appear on an open dashboard by websocket push,
 * without the page being loaded again (a marker set in the page's window survives every change); the
 * operator pauses from the dashboard, a start the line cannot take is refused with the service's
 * sentence, QA releases from it, and roles that may not view it are refused. Headless Chromium as in
 * {@link EventBrowserIT}; screenshots go to {@code target/screenshots/}.
 *
 * <p>The orders run on the in-process line simulator behind the line adapter: {@link
 * #readsFillTheLastCodesAndTheCountsGrow} watches real camera reads arrive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("UI-1")
@Tag("UI-3")
class LineDashboardIT {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String LINE = "line-2";
  /**
   * A line configured for the OQ server (arquillian.xml, custodia.line.demo.lines) with no simulator line and no
   * adapter listening: what the probe tells the dashboard about it is all that happens on it.
   */
  private static final String PROBE_LINE = "line-3";
  private static final String GTIN = "09506000134352";
  private static final Api QA = Api.as("qa");
  private static final Api OPERATOR = Api.as("operator");
  private static final Api SUPPLY = Api.as("supply");
  private static final Pattern BUSY = Pattern.compile("running work order (\\d+)");

  private static WebDriver driver;

  private final List<Long> created = new ArrayList<>();
  private WebDriverWait wait;

  /** The EAR, and a probe that tells the line activity port what the wired adapter will tell it. */
  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.earWithProbe(LineActivityProbe.class);
  }



  @BeforeEach
  void startLoggedOutOnAFreeLine() {
    driver = session.driver();
    wait = session.await();
    freeTheLine();
  }

  @AfterEach
  void closeTheOrdersOfTheTest() {
    for (long id : created) {
      QA.postJson("/api/line/workorders/" + id + "/close", ""); // 409 when already closed
    }
  }

  @Test
  void theDashboardFollowsTheLineWithoutReloading() {
    // given: the operator on the dashboard of the line, a marker in the loaded page
    logIn("operator");
    driver.findElement(By.id("nav-dashboard")).click();
    driver.findElement(By.cssSelector("a.c-line-link[data-line='" + LINE + "']")).click();
    wait.until(d -> LINE.equals(d.findElement(By.id("live")).getAttribute("data-line")));
    markThePage();
    screenshot("dashboard-idle");

    // when: QA creates an order for the line
    long a = create(QA);

    // then: it is pushed to the waiting orders, with Start for the operator
    By rowA = waitingRow(a);
    wait.until(ExpectedConditions.visibilityOfElementLocated(rowA));
    assertTrue(driver.findElement(rowA).getText().contains("RELEASED"), driver.findElement(rowA).getText());
    wait.until(ExpectedConditions.visibilityOfElementLocated(startButton(a)));

    // when: supply chain creates one, which waits for QA
    long c = create(SUPPLY);

    // then: shown as created, and the operator is offered nothing for it
    By rowC = waitingRow(c);
    wait.until(ExpectedConditions.visibilityOfElementLocated(rowC));
    assertTrue(driver.findElement(rowC).getText().contains("CREATED"), driver.findElement(rowC).getText());
    assertTrue(driver.findElement(rowC).findElements(By.tagName("button")).isEmpty(), "no Start or Release");

    // when: the operator starts the order over REST
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + a + "/start", "").status());

    // then: the dashboard shows it running with the labels sent to the line
    waitForText(By.id("order-id"), Long.toString(a));
    waitForText(By.id("order-status"), "RUNNING");
    JsonObject running = QA.get("/api/line/workorders/" + a).json();
    wait.until(d -> number(By.id("count-printed")) > 0);
    assertEquals(running.getString("lot"), text(By.id("order-lot")));
    assertEquals("100", text(By.id("order-quantity")));
    assertTrue(driver.findElements(rowA).isEmpty(), "no longer waiting");
    screenshot("dashboard-running");

    // when: the operator pauses on the dashboard
    click(By.id("board:pause"));

    // then
    waitForText(By.id("order-status"), "PAUSED");
    assertTrue(text(By.id("messages")).contains("Work order " + a + " paused."), text(By.id("messages")));

    // when: resumed over REST
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + a + "/resume", "").status());

    // then
    waitForText(By.id("order-status"), "RUNNING");

    // when: QA creates another order and the operator tries to start it while the first runs
    long b = create(QA);
    wait.until(ExpectedConditions.elementToBeClickable(startButton(b)));
    click(startButton(b));

    // then: refused with the service's sentence, and the first order stays on the line
    wait.until(d -> text(By.id("messages")).contains("is running work order " + a));
    assertTrue(text(By.id("messages")).contains("line " + LINE), text(By.id("messages")));
    assertEquals(Long.toString(a), text(By.id("order-id")));
    screenshot("dashboard-refused-start");

    // when: QA closes the first order over REST
    assertEquals(200, QA.postJson("/api/line/workorders/" + a + "/close", "").status());

    // then: it shows closed with the counts of the reconciliation
    waitForText(By.id("order-status"), "CLOSED");
    JsonObject closed = QA.get("/api/line/workorders/" + a).json();
    waitForText(By.id("count-printed"), Integer.toString(closed.getInt("printed")));
    waitForText(By.id("count-good"), Integer.toString(closed.getInt("good")));
    waitForText(By.id("count-destroyed"), Integer.toString(closed.getInt("destroyed")));
    screenshot("dashboard-closed");

    // and all of it happened in the page loaded at the start
    assertEquals("loaded-once", ((JavascriptExecutor) driver).executeScript("return window.custodiaMarker;"),
        "the dashboard was loaded again");
  }

  /**
   * Reads, rejects and line states as the line adapter will report them through the {@code LineActivity}
   * port (sent here by the probe, as the adapter is not wired into the work orders yet): the last codes
   * fill with their DataMatrix, at most 20, the rejects list their reasons, the speed counts them and a
   * fault is an alarm, all without reloading.
   */
  @Test
  void readsReportedToTheLineActivityFillTheLastCodesAndRejects() {
    // given
    logIn("operator");
    driver.get(Api.BASE + "/dashboard.xhtml?line=" + PROBE_LINE);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
    markThePage();
    long a = create(QA, PROBE_LINE);
    String lot = QA.get("/api/line/workorders/" + a).json().getString("lot");

    // when: 23 good reads, then one of low grade and one unreadable
    for (int seq = 1; seq <= 23; seq++) {
      probeRead(a, seq, code(lot, seq), "A", "GOOD");
    }
    probeRead(a, 24, code(lot, 24), "D", "LOW_GRADE");
    probeRead(a, 25, null, null, "UNREADABLE");

    // then: the latest 20, newest first, the good ones with their DataMatrix
    wait.until(d -> text(By.id("reads-seen")).equals("25"));
    wait.until(d -> d.findElements(By.cssSelector("#last-codes > li")).size() == 20);
    List<WebElement> codes = driver.findElements(By.cssSelector("#last-codes > li"));
    assertTrue(codes.get(0).getText().contains("unit 25") && codes.get(0).getText().contains("UNREADABLE"),
        codes.get(0).getText());
    assertTrue(codes.get(1).getText().contains("LOW_GRADE") && codes.get(1).getText().contains("grade D"),
        codes.get(1).getText());
    assertTrue(codes.get(19).getText().contains("unit 6"), codes.get(19).getText());
    assertEquals(19, driver.findElements(By.cssSelector("#last-codes > li svg")).size(),
        "every read with a code has its DataMatrix");
    assertTrue(codes.get(2).getText().contains(code(lot, 23)), codes.get(2).getText());
    // the speed counts every read of the line in the last minute: these 25, and the real camera reads of
    // an earlier test's order on the same line, if it ended less than a minute ago
    assertTrue(Integer.parseInt(text(By.id("speed"))) >= 25, text(By.id("speed")));

    // and the rejects with their reasons
    String rejects = text(By.id("board:rejects"));
    assertTrue(rejects.contains("1 LOW_GRADE") && rejects.contains("1 UNREADABLE"), rejects);
    assertEquals(2, driver.findElements(By.cssSelector("#last-rejects > li")).size());
    screenshot("dashboard-reads");

    // when: the line reports a fault
    Api.anonymous().getUrl(probe() + "?line=" + PROBE_LINE + "&state=FAULT");

    // then
    waitForText(By.id("line-state"), "FAULT");
    assertTrue(text(By.id("board:alarms")).contains("reports FAULT"), text(By.id("board:alarms")));

    // when: running again
    Api.anonymous().getUrl(probe() + "?line=" + PROBE_LINE + "&state=RUNNING");

    // then
    waitForText(By.id("line-state"), "RUNNING");
    assertTrue(!text(By.id("board:alarms")).contains("reports"), text(By.id("board:alarms")));
    assertEquals("loaded-once", ((JavascriptExecutor) driver).executeScript("return window.custodiaMarker;"));
    screenshot("dashboard-state");
  }

  @Test
  void qaReleasesAnOrderOnTheDashboard() {
    // given
    long d = create(SUPPLY);
    logIn("qa");
    driver.get(Api.BASE + "/dashboard.xhtml?line=" + LINE);
    wait.until(ExpectedConditions.visibilityOfElementLocated(waitingRow(d)));
    markThePage();

    // when
    click(By.xpath("//tr[td//span[@class='c-order-id' and normalize-space()='" + d + "']]"
        + "//button[contains(@id,':release')]"));

    // then: released, and QA is not offered Start (the operator starts)
    wait.until(d2 -> driver.findElement(waitingRow(d)).getText().contains("RELEASED"));
    assertTrue(text(By.id("messages")).contains("Work order " + d + " released."), text(By.id("messages")));
    assertTrue(driver.findElements(startButton(d)).isEmpty());
    assertEquals("RELEASED", QA.get("/api/line/workorders/" + d).json().getString("status"));
    assertEquals("loaded-once", ((JavascriptExecutor) driver).executeScript("return window.custodiaMarker;"));
    screenshot("dashboard-qa-released");
  }

  @Test
  @Tag("SEC-1")
  void theAuditorIsNotOfferedTheDashboardAndCannotOpenIt() {
    // given
    logIn("auditor");

    // then
    assertTrue(driver.findElements(By.id("nav-dashboard")).isEmpty());

    // when
    driver.get(Api.BASE + "/dashboard.xhtml?line=" + LINE);

    // then
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
    assertTrue(driver.findElements(By.id("board")).isEmpty());
  }

  @Test
  void anUnknownLineIsNamedAndTheConfiguredOnesOffered() {
    // given
    logIn("supply");

    // when
    driver.get(Api.BASE + "/dashboard.xhtml?line=line-9");

    // then
    wait.until(d -> text(By.id("messages")).contains("Line \"line-9\" is not configured"));
    assertTrue(driver.findElements(By.id("board")).isEmpty());
    assertTrue(!driver.findElements(By.cssSelector("a.c-line-link[data-line='" + LINE + "']")).isEmpty());
  }

  /**
   * A started order's camera reads, as the work order loop tells them to the dashboard after each commit,
   * fill the last codes with their DataMatrix, and the printed and good counts and the speed grow, all
   * without reloading.
   */
  @Test
  void readsFillTheLastCodesAndTheCountsGrow() {
    // given
    logIn("operator");
    driver.get(Api.BASE + "/dashboard.xhtml?line=" + LINE);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
    markThePage();
    long a = create(QA);
    wait.until(ExpectedConditions.visibilityOfElementLocated(startButton(a)));

    // when
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + a + "/start", "").status());

    // then: codes arrive with their images, and the counts move
    waitForText(By.id("order-id"), Long.toString(a));
    int printedAtStart = number(By.id("count-printed"));
    wait.until(d -> !d.findElements(By.cssSelector("#last-codes li svg")).isEmpty());
    wait.until(d -> number(By.id("count-good")) > 0);
    wait.until(d -> number(By.id("count-printed")) > printedAtStart);
    wait.until(d -> number(By.id("speed")) > 0);
    assertTrue(driver.findElements(By.cssSelector("#last-codes li")).size() <= 20);
    wait.until(d -> text(By.id("last-codes")).contains(GTIN));
    assertEquals("loaded-once", ((JavascriptExecutor) driver).executeScript("return window.custodiaMarker;"));
    screenshot("dashboard-reads");
    // leave the line free for the next test
    assertEquals(200, QA.postJson("/api/line/workorders/" + a + "/close", "").status());
  }

  // ---- helpers

  private static String probe() {
    return Api.BASE.replaceFirst("/custodia$", "/test") + "/line-activity";
  }

  private static void probeRead(long order, int seq, String code, String grade, String outcome) {
    StringBuilder url = new StringBuilder(probe()).append("?line=").append(PROBE_LINE).append("&order=").append(order)
        .append("&seq=").append(seq).append("&serial=S").append(seq).append("&outcome=").append(outcome);
    if (code != null) {
      url.append("&code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
    }
    if (grade != null) {
      url.append("&grade=").append(grade);
    }
    assertEquals(204, Api.anonymous().getUrl(url.toString()).status());
  }

  private static String code(String lot, int seq) {
    return "(01)" + GTIN + "(17)281231(10)" + lot + "(21)S" + seq;
  }

  /** A new order of 100 units on the line; QA's is released, supply chain's waits for QA. */
  private long create(Api who) {
    return create(who, LINE);
  }

  private long create(Api who, String line) {
    String body = "{\"line\":\"" + line + "\",\"gtin\":\"" + GTIN + "\",\"lot\":\"" + TestData.newLot()
        + "\",\"expiry\":\"281231\",\"quantity\":100,\"markets\":[\"EU\"]}";
    Api.Reply r = who.postJson("/api/line/workorders", body);
    assertEquals(201, r.status(), r.body());
    long id = r.json().getJsonNumber("id").longValue();
    created.add(id);
    return id;
  }

  /** Closes an order an earlier run may have left on the line: starting one names it. */
  private void freeTheLine() {
    long probe = create(QA);
    Api.Reply started = OPERATOR.postJson("/api/line/workorders/" + probe + "/start", "");
    if (started.status() == 409) {
      Matcher m = BUSY.matcher(started.body());
      if (m.find()) {
        QA.postJson("/api/line/workorders/" + m.group(1) + "/close", "");
      }
    }
    assertEquals(200, QA.postJson("/api/line/workorders/" + probe + "/close", "").status());
    created.clear();
  }

  private void logIn(String user) {
    driver.get(Api.BASE + "/index.xhtml");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
    type(By.id("j_username"), user);
    type(By.id("j_password"), "demo-" + user);
    driver.findElement(By.id("login")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
  }

  /** Marks the loaded page: a reload or navigation would lose the mark. */
  private void markThePage() {
    ((JavascriptExecutor) driver).executeScript("window.custodiaMarker = 'loaded-once';");
  }

  private static By waitingRow(long id) {
    return By.xpath("//tbody[@id='board:waiting_data']/tr[td//span[@class='c-order-id' and normalize-space()='"
        + id + "']]");
  }

  private static By startButton(long id) {
    return By.xpath("//tbody[@id='board:waiting_data']/tr[td//span[@class='c-order-id' and normalize-space()='"
        + id + "']]//button[contains(@id,':start')]");
  }

  /** Clicks, again if a push re-rendered the element between finding and clicking it. */
  private void click(By by) {
    wait.until(d -> {
      try {
        d.findElement(by).click();
        return true;
      } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
        return false;
      }
    });
  }

  private void waitForText(By by, String expected) {
    try {
      wait.until(d -> expected.equals(text(by)));
    } catch (TimeoutException e) {
      assertEquals(expected, text(by), "waited " + WAIT + "; messages: " + text(By.id("messages")));
    }
  }

  private int number(By by) {
    String t = text(by);
    return t.isEmpty() ? 0 : Integer.parseInt(t);
  }

  private void type(By field, String value) {
    WebElement e = driver.findElement(field);
    e.clear();
    e.sendKeys(value);
  }

  /** The element's text; read again when a push replaced the element meanwhile. */
  private String text(By by) {
    for (int attempt = 0; ; attempt++) {
      try {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText().strip();
      } catch (StaleElementReferenceException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static void screenshot(String name) {
    session.screenshot((name + ".png"));
  }
}

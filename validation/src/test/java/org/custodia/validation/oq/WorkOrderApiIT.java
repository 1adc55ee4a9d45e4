package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The work order REST contract of DESIGN.md on the real EAR and database, with the in-process line
 * simulator behind the line adapter (full runs, defects and faults: {@link LineRunIT}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkOrderApiIT {

  private static final Api QA = Api.as("qa");
  private static final Api OPERATOR = Api.as("operator");
  private static final Api SUPPLY = Api.as("supply");
  private static final Api AUDITOR = Api.as("auditor");
  private static final String DEMO_GTIN = "09506000134352";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  static String body(String line, String gtin, String expiry, Object quantity, String markets) {
    return "{\"line\":\"" + line + "\",\"gtin\":\"" + gtin + "\",\"lot\":\"" + TestData.newLot() + "\",\"expiry\":\""
        + expiry + "\",\"quantity\":" + quantity + ",\"markets\":" + markets + "}";
  }

  static JsonObject problem(Api.Reply r, int status, String field) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
    JsonObject p = r.json();
    if (field != null) {
      assertEquals(field, p.getString("field"), r.body());
    }
    return p;
  }

  @Test
  @Tag("LINE-2")
  @Tag("LINE-3")
  void qaCreatesAReleasedOrderTheOperatorStartsItAndClosingReconciles() {
    // given
    Api.Reply created = QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "281231", 50, "[\"US\",\"EU\"]"));
    assertEquals(201, created.status(), created.body());
    assertNotNull(created.header("Location"));
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals("RELEASED", created.json().getString("status"));
    assertEquals("qa", created.json().getString("releasedBy"));

    // when
    Api.Reply started = OPERATOR.postJson("/api/line/workorders/" + id + "/start", "");

    // then the line's window of labels went out and the line runs
    assertEquals(200, started.status(), started.body());
    JsonObject running = OPERATOR.get("/api/line/workorders/" + id).json();
    assertEquals("RUNNING", running.getString("status"));
    int printed = running.getInt("printed");
    assertTrue(printed > 0 && printed <= 50, running.toString());
    assertTrue(running.getInt("serialsAllocated") >= printed);

    // when the operator pauses it at once and QA closes it mid-run
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + id + "/pause", "").status());
    Api.Reply closed = QA.postJson("/api/line/workorders/" + id + "/close", "");

    // then printed = good + rejected + sampled + destroyed (units not yet judged are destroyed, never
    // commissioned), and every serial drawn is accounted for
    assertEquals(200, closed.status(), closed.body());
    JsonObject s = QA.get("/api/line/workorders/" + id).json();
    assertEquals("CLOSED", s.getString("status"));
    assertTrue(s.getInt("good") < 50, s.toString());
    assertEquals(s.getInt("printed"), s.getInt("good") + s.getInt("rejected") + s.getInt("sampled") + s.getInt("destroyed"));
    assertEquals(s.getInt("serialsAllocated"), s.getInt("printed") + s.getInt("unused"));
    assertTrue(s.getBoolean("reconciled"));
    assertEquals(409, QA.postJson("/api/line/workorders/" + id + "/close", "").status());
  }

  @Test
  @Tag("LINE-2")
  void anOrderCreatedBySupplyChainWaitsForQaRelease() {
    // given
    Api.Reply created = SUPPLY.postJson("/api/line/workorders", body("line-2", DEMO_GTIN, "281231", 10, "[\"EU\"]"));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals("CREATED", created.json().getString("status"));

    // when / then
    problem(OPERATOR.postJson("/api/line/workorders/" + id + "/start", ""), 409, "status");
    problem(OPERATOR.postJson("/api/line/workorders/" + id + "/release", ""), 403, null);
    Api.Reply released = QA.postJson("/api/line/workorders/" + id + "/release", "");
    assertEquals(200, released.status(), released.body());
    assertEquals("RELEASED", released.json().getString("status"));
    assertTrue(released.json().containsKey("poolId"));
    Api.Reply closed = OPERATOR.postJson("/api/line/workorders/" + id + "/close", "");
    assertEquals(200, closed.status(), closed.body());
    assertEquals(0, closed.json().getInt("printed"));
  }

  @Test
  @Tag("LINE-2")
  @Tag("MKT-1")
  void badDataIsA400ProblemNamingFieldAndValueAndIsAudited() {
    // unknown market
    JsonObject market = problem(QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "281231", 5, "[\"US\",\"XX\"]")),
        400, "markets[1]");
    assertEquals("XX", market.getString("value"));
    // unknown line
    assertEquals("line-9", problem(QA.postJson("/api/line/workorders", body("line-9", DEMO_GTIN, "281231", 5, "[\"EU\"]")),
        400, "line").getString("value"));
    // quantity out of range, and missing
    assertEquals("0", problem(QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "281231", 0, "[\"EU\"]")),
        400, "quantity").getString("value"));
    problem(QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "281231", 1_000_001, "[\"EU\"]")), 400, "quantity");
    problem(QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "281231", "null", "[\"EU\"]")), 400, "quantity");
    // expiry in the past, and not a date
    assertEquals("200101", problem(QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "200101", 5, "[\"EU\"]")),
        400, "expiry").getString("value"));
    problem(QA.postJson("/api/line/workorders", body("line-1", DEMO_GTIN, "281332", 5, "[\"EU\"]")), 400, "expiry");
    // a GTIN without master data, and one with a wrong check digit
    String unknown = TestData.newGtin();
    assertEquals(unknown, problem(QA.postJson("/api/line/workorders", body("line-1", unknown, "281231", 5, "[\"EU\"]")),
        400, "gtin").getString("value"));
    problem(QA.postJson("/api/line/workorders", body("line-1", "09506000134353", "281231", 5, "[\"EU\"]")), 400, "gtin");
    // the US market for a product without NDC
    String noNdc = TestData.newGtin();
    assertEquals(201, Api.as("admin").putJson("/api/masterdata/products/" + noNdc,
        "{\"regulatedProductName\":\"No NDC (test)\",\"manufacturerName\":\"Test\"}").status());
    assertEquals("US", problem(QA.postJson("/api/line/workorders", body("line-1", noNdc, "281231", 5, "[\"EU\",\"US\"]")),
        400, "markets[1]").getString("value"));

    // then the refusals are audited
    JsonArray refusals = AUDITOR.get("/api/audit/records?outcome=REFUSED&limit=50").jsonStructure().asJsonArray();
    assertTrue(refusals.getValuesAs(JsonObject.class).stream()
        .anyMatch(a -> a.getString("detail", "").contains("field=markets[1] value=XX")), refusals.toString());
    assertTrue(refusals.getValuesAs(JsonObject.class).stream()
        .anyMatch(a -> a.getString("detail", "").contains("value=" + unknown)), "the unknown GTIN must be audited");
  }

  @Test
  @Tag("LINE-2")
  void rolesDecideWhoMayCreateStartAndRead() {
    // the operator cannot create
    problem(OPERATOR.postJson("/api/line/workorders", body("line-2", DEMO_GTIN, "281231", 5, "[\"EU\"]")), 403, null);
    // the auditor cannot start, but reads
    Api.Reply created = QA.postJson("/api/line/workorders", body("line-2", DEMO_GTIN, "281231", 5, "[\"EU\"]"));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    problem(AUDITOR.postJson("/api/line/workorders/" + id + "/start", ""), 403, null);
    problem(QA.postJson("/api/line/workorders/" + id + "/start", ""), 403, null);
    assertEquals(200, AUDITOR.get("/api/line/workorders/" + id).status());
    assertEquals(401, Api.anonymous().get("/api/line/workorders/" + id).status());
    problem(AUDITOR.postJson("/api/line/workorders/" + id + "/close", ""), 403, null);
    assertEquals(200, QA.postJson("/api/line/workorders/" + id + "/close", "").status());
    // an unknown order
    problem(QA.get("/api/line/workorders/987654321"), 404, "id");
    // line exceptions are readable
    assertEquals(200, AUDITOR.get("/api/line/exceptions?status=OPEN").status());
  }
}

package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.custodia.line.simulator.ejb.EmbeddedLineSimulator;
import org.custodia.line.simulator.model.LineModel;
import org.custodia.line.simulator.model.LineSettings;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Work orders run end to end on the real EAR (issue 4): REST → work order loop → OPC UA adapter → the
 * in-process line simulator's printer, camera and reject station → adapter → the application's line bean →
 * commissioning → EPCIS repository. The test runs inside the server only to set the simulator's defect
 * rates and to count rows in the database; everything else goes through the REST API as the users would.
 */
@ExtendWith(ArquillianExtension.class)
class LineRunIT {

  private static final Logger LOG = Logger.getLogger(LineRunIT.class.getName());
  private static final Api QA = Api.as("qa");
  private static final Api OPERATOR = Api.as("operator");
  private static final String LINE = "line-1";

  @Deployment
  static EnterpriseArchive ear() {
    return Deployments.earWithProbe(LineRunIT.class, Api.class, Api.Reply.class, TestData.class);
  }

  @EJB EmbeddedLineSimulator simulator;

  @Resource(lookup = "java:jboss/datasources/CustodiaDS")
  DataSource database;

  private LineSettings original;
  private long current;

  private LineModel line() {
    LineModel line = simulator.line(LINE);
    if (original == null) {
      original = line.settings();
    }
    return line;
  }

  @AfterEach
  void restoreTheLine() {
    if (current != 0 && !order(current).getString("status").equals("CLOSED")) {
      // a failed test must not leave its order on the line for the next one
      QA.postJson("/api/line/workorders/" + current + "/close", "");
    }
    if (original != null) {
      simulator.line(LINE).settings(original);
    }
    if (!simulator.serverRunning()) {
      try {
        simulator.startServer();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private long create(int quantity) {
    Api.Reply r = QA.postJson("/api/line/workorders", "{\"line\":\"" + LINE + "\",\"gtin\":\"09506000134352\","
        + "\"lot\":\"" + TestData.newLot() + "\",\"expiry\":\"281231\",\"quantity\":" + quantity
        + ",\"markets\":[\"US\",\"EU\"]}");
    assertEquals(201, r.status(), r.body());
    current = r.json().getJsonNumber("id").longValue();
    return current;
  }

  private static JsonObject order(long id) {
    return QA.get("/api/line/workorders/" + id).json();
  }

  private long count(String sql, Object... args) throws SQLException {
    try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Closes the order as QA and checks the reconciliation of LINE-2 and that each good unit is commissioned once. */
  private JsonObject closeAndReconcile(long id, int quantity) throws SQLException {
    Api.Reply closed = QA.postJson("/api/line/workorders/" + id + "/close", "");
    assertEquals(200, closed.status(), closed.body());
    JsonObject s = order(id);
    LOG.info("closed: " + s);
    assertEquals("CLOSED", s.getString("status"));
    assertTrue(s.getBoolean("reconciled"), s.toString());
    assertEquals(quantity, s.getInt("good"), s.toString());
    assertEquals(s.getInt("printed"), s.getInt("good") + s.getInt("rejected") + s.getInt("sampled")
        + s.getInt("destroyed"), s.toString());
    assertEquals(s.getInt("serialsAllocated"), s.getInt("printed") + s.getInt("unused"), s.toString());
    // every GOOD unit commissioned once, nothing else commissioned for the order
    String wo = "WO-" + id;
    assertEquals(quantity, count("SELECT COUNT(*) FROM commissioned_unit WHERE work_order = ?", wo));
    assertEquals(quantity, count("SELECT COUNT(DISTINCT serial) FROM commissioned_unit WHERE work_order = ?", wo));
    assertEquals(0, count("SELECT COUNT(*) FROM work_order_unit u WHERE u.work_order_id = ? AND u.status <> 'GOOD'"
        + " AND EXISTS (SELECT 1 FROM commissioned_unit c WHERE c.work_order = ? AND c.serial = u.serial)", id, wo));
    // and each commissioning reached the EPCIS repository over the capture queue: the event the unit's row
    // names is a commissioning ObjectEvent (ADD) of the line's lot that lists the unit's EPC (a line's
    // transaction commissions its units together, one event per work order, so an event lists several)
    await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(DISTINCT c.serial) FROM commissioned_unit c"
        + " JOIN epcis_event ev ON ev.event_id = c.event_id AND ev.event_type = 'ObjectEvent' AND ev.action = 'ADD'"
        + " AND ev.biz_step = 'commissioning'"
        + " JOIN epcis_event_epc e ON e.event_pk = ev.id AND e.epc = c.epc WHERE c.work_order = ?", wo) == quantity);
    assertEquals(0, count("SELECT COUNT(*) FROM epcis_event_epc e JOIN epcis_event ev ON ev.id = e.event_pk"
        + " WHERE ev.event_id IN (SELECT event_id FROM commissioned_unit WHERE work_order = ?)"
        + " AND NOT EXISTS (SELECT 1 FROM commissioned_unit c WHERE c.epc = e.epc AND c.work_order = ?)", wo, wo),
        "a commissioning event of " + wo + " lists an EPC the order did not commission");
    return s;
  }

  @Test
  @Tag("LINE-2")
  @Tag("LINE-3")
  @Tag("LINE-5")
  @Tag("AGG-1")
  @Tag("AGG-3")
  void aWorkOrderOfSeveralHundredUnitsWithDefectsRunsThroughTheLineAndReconcilesExactly() throws Exception {
    // given line-1 at 600 units a minute (its reject station 8 packs, 0.8 s, behind the camera), printing 3 %
    // unreadable, 2 % wrong, 2 % duplicate and 3 % low-grade codes
    LineModel line = line();
    line.settings(original.withSpeed(600).withDefects(0.03, 0.02, 0.02, 0.03).withMissedConfirmations(0));
    long id = create(300);

    // when the operator starts it and the line runs until 300 units are good
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + id + "/start", "").status());
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
        .until(() -> order(id).getInt("good") == 300);
    assertEquals("RUNNING", order(id).getString("status"), "no reject missed the station");
    // the last rejects are confirmed by the station shortly after their reads
    await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM work_order_unit WHERE"
        + " work_order_id = ? AND status = 'REJECTED' AND reject_confirmed_at IS NULL", id) == 0);

    // then it reconciles: every defect rejected and confirmed, duplicates raised, 300 commissioned once each
    JsonObject s = closeAndReconcile(id, 300);
    // and the good units are in cases of 10 under SSCCs from the pool, the cases on pallets of 4, the last
    // pallet partial (closed at the end of the run), each with its AggregationEvent in the repository (AGG-1)
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> order(id).getInt("pallets") == 8);
    assertEquals(30, order(id).getInt("cases"));
    assertEquals(0, count("SELECT COUNT(*) FROM line_exception WHERE work_order_id = ?"
        + " AND exception_type = 'AGGREGATION_REFUSED'", id));
    assertEquals(300, count("SELECT COUNT(*) FROM aggregation_link WHERE work_order_id = ? AND child_level = 'UNIT'", id));
    assertEquals(1, count("SELECT COUNT(*) FROM aggregation_container WHERE work_order_id = ? AND status = 'PACKED'"
        + " AND container_level = 'PALLET' AND child_count = 2", id));
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(DISTINCT c.sscc) FROM aggregation_container c"
        + " JOIN epcis_event_epc p ON p.epc = 'urn:epc:id:sscc:9506000.' || SUBSTR(c.sscc, 1, 1) || SUBSTR(c.sscc, 9, 9)"
        + " AND p.epc_role = 'PARENT' JOIN epcis_event e ON e.id = p.event_pk AND e.event_type = 'AggregationEvent'"
        + " WHERE c.work_order_id = ? AND c.status = 'PACKED'", id) == 38);
    assertTrue(s.getInt("rejected") > 0, s.toString());
    assertEquals(s.getInt("rejected"), count("SELECT COUNT(*) FROM work_order_unit WHERE work_order_id = ?"
        + " AND status = 'REJECTED' AND reject_confirmed_at IS NOT NULL", id));
    assertTrue(count("SELECT COUNT(*) FROM work_order_unit WHERE work_order_id = ? AND reason = 'UNREADABLE'", id) > 0);
    assertTrue(count("SELECT COUNT(*) FROM line_exception WHERE work_order_id = ? AND exception_type = 'DUPLICATE_CODE'",
        id) > 0);
  }

  @Test
  @Tag("LINE-3")
  @Tag("EXC-1")
  void aRejectTheStationDoesNotConfirmStopsTheLineUntilQaResolvesIt() throws Exception {
    // given a reject station that confirms nothing and a printer smearing a fifth of the codes
    LineModel line = line();
    line.settings(original.withSpeed(1200).withDefects(0.2, 0, 0, 0).withMissedConfirmations(1.0));
    long id = create(40);
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + id + "/start", "").status());

    // when a reject stays unconfirmed past the line's timeout (5 s on the demo lines)
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> order(id).getString("status").equals("STOPPED_BY_EXCEPTION"));

    // then the line was stopped, and the operator cannot resume before QA resolved the exception
    await().atMost(Duration.ofSeconds(10)).until(() -> line.state() == org.custodia.line.api.LineState.STOPPED);
    assertEquals(409, OPERATOR.postJson("/api/line/workorders/" + id + "/resume", "").status());
    JsonObject open = QA.get("/api/line/exceptions?status=OPEN&workOrder=" + id).jsonStructure().asJsonArray()
        .stream().map(v -> v.asJsonObject()).filter(e -> e.getString("type").equals("REJECT_NOT_CONFIRMED"))
        .findFirst().orElseThrow();
    line.settings(original.withSpeed(1200));
    for (var e : QA.get("/api/line/exceptions?status=OPEN&workOrder=" + id).jsonStructure().asJsonArray()) {
      Api.Reply resolved = QA.postJson("/api/line/exceptions/" + e.asJsonObject().getJsonNumber("id").longValue()
          + "/resolve", "{\"resolution\":\"pack taken off by hand and destroyed\"}");
      assertEquals(200, resolved.status(), resolved.body());
    }
    assertTrue(open.getString("detail").contains("not confirmed"), open.toString());
    Api.Reply resumed = OPERATOR.postJson("/api/line/workorders/" + id + "/resume", "");
    assertEquals(200, resumed.status(), resumed.body());

    // and the order completes and reconciles
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> order(id).getInt("good") == 40);
    closeAndReconcile(id, 40);
  }

  @Test
  @Tag("LINE-1")
  @Tag("LINE-4")
  void aLostLineServerPausesTheOrderNothingUnconfirmedIsCommissionedAndItResumesWhenTheLineIsBack()
      throws Exception {
    // given an order running at 1,200 units a minute
    LineModel line = line();
    line.settings(original.withSpeed(1200).withDefects(0, 0, 0, 0).withMissedConfirmations(0));
    long id = create(150);
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + id + "/start", "").status());
    await().atMost(Duration.ofSeconds(60)).until(() -> order(id).getInt("good") >= 30);

    // when the line's OPC UA server goes away for 4 seconds (the line itself goes on with what it was sent)
    simulator.stopServer();
    long stoppedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> order(id).getString("status").equals("PAUSED"));
    LOG.info("FIGURE line_disconnect_noticed_ms=" + (System.nanoTime() - stoppedAt) / 1_000_000);
    int goodWhilePaused = order(id).getInt("good");
    Thread.sleep(Math.max(0, 4000 - (System.nanoTime() - stoppedAt) / 1_000_000));
    assertEquals(goodWhilePaused, order(id).getInt("good"), "nothing is commissioned while the line is unreachable");
    simulator.startServer();

    // then the adapter reconnects, catches up with what the line read meanwhile, and the order runs to the end
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> order(id).getString("status").equals("RUNNING"));
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> order(id).getInt("good") == 150);
    JsonObject s = closeAndReconcile(id, 150);
    assertEquals(0, s.getInt("rejected"), s.toString());
  }
}

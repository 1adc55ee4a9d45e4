package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pack states on the real EAR (LIFE-1 decommissioning handoffs, LIFE-2, VER-1): units commissioned through
 * the serialization API, then each decommissioning through {@code /api/packs}, its EPCIS event and the
 * unit's trace status; the same one again, undo allowed and refused (destroyed, stolen, another party or
 * location, a withdrawn or recalled batch), a recall of the lot blocking dispensing, and what verification
 * and the VRS answer for decommissioned packs and blocked batches.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("LIFE-2")
class PackStateIT {

  private static final Api QA = Api.as("qa");
  private static final Api SUPPLY = Api.as("supply");
  private static final Api AUDITOR = Api.as("auditor");
  private static final String PHARMACY = "9506000000039";
  private static final String WHOLESALER = "9506000000022";
  private static final String PHARMACY_SGLN = "urn:epc:id:sgln:9506000.00003.0";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** Units of a fresh lot, known to the repository. */
  record Lot(String gtin, String lot, List<String> serials, List<String> epcs) {}

  static Lot lot(int count) {
    String gtin = TestData.newGtin();
    String lot = TestData.newLot();
    long pool = SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"EU\"]");
    List<String> serials = SerializationApiIT.allocate(pool, count);
    Api.Reply c = SerializationApiIT.commission(gtin, lot, serials);
    assertEquals(201, c.status(), c.body());
    List<String> epcs = c.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
    // the commissioning event comes over the capture queue
    await().atMost(Duration.ofSeconds(60)).until(() -> epcs.stream().allMatch(e -> SUPPLY.get(trace(e)).status() == 200));
    return new Lot(gtin, lot, serials, epcs);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String trace(String epc) {
    return "/api/trace/" + enc(epc);
  }

  private static String codes(List<String> codes) {
    StringBuilder b = new StringBuilder("[");
    for (String c : codes) {
      b.append(b.length() == 1 ? "" : ",").append('"').append(c).append('"');
    }
    return b.append(']').toString();
  }

  private static Api.Reply decommission(Api as, List<String> codes, String state, String party, String location) {
    return as.postJson("/api/packs/decommissions", "{\"codes\":" + codes(codes) + ",\"state\":\"" + state
        + "\",\"party\":\"" + party + "\",\"location\":\"" + location + "\"}");
  }

  private static Api.Reply undo(Api as, List<String> codes, String from, String party, String location) {
    return as.postJson("/api/packs/undo", "{\"codes\":" + codes(codes) + ",\"from\":\"" + from
        + "\",\"party\":\"" + party + "\",\"location\":\"" + location + "\"}");
  }

  private static JsonObject firstRefusal(Api.Reply r) {
    assertEquals(409, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
    assertEquals("pack-state-refused", r.json().getString("code"));
    return r.json().getJsonArray("refusals").getJsonObject(0);
  }

  private static JsonObject event(String eventId) {
    String path = "/api/epcis/events/" + enc(eventId);
    await().atMost(Duration.ofSeconds(30)).until(() -> QA.get(path).status() == 200);
    return QA.get(path).json();
  }

  private static void awaitStatus(String epc, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(SUPPLY.get(trace(epc)).json().getString("status")));
  }

  private static JsonObject verify(Lot l, int i) {
    Api.Reply r = SUPPLY.postJson("/api/verification", "{\"gtin\":\"" + l.gtin() + "\",\"serial\":\""
        + l.serials().get(i) + "\",\"lot\":\"" + l.lot() + "\"}");
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static JsonObject vrs(Lot l, int i) {
    Api.Reply r = SUPPLY.get("/api/vrs/verify/gtin/" + l.gtin() + "/lot/" + enc(l.lot()) + "/ser/"
        + enc(l.serials().get(i)) + "?reqGLN=" + WHOLESALER + "&corrUUID=" + UUID.randomUUID()
        + "&context=dscsaSaleableReturn");
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonObject("data");
  }

  @ParameterizedTest
  @Tag("LIFE-1")
  @CsvSource({"SUPPLIED,dispensing,dispensed,OBSERVE", "DESTROYED,destroying,destroyed,DELETE",
      "STOLEN,removing,stolen,OBSERVE", "SAMPLE,sampling,non_sellable_other,OBSERVE",
      "FREE_SAMPLE,sampling,non_sellable_other,OBSERVE", "LOCKED,holding,non_sellable_other,OBSERVE",
      "EXPORTED,departing,in_transit,OBSERVE", "CHECKED_OUT,departing,non_sellable_other,OBSERVE"})
  void everyDecommissioningIsOneEpcisEventAndChangesTheTraceStatusAndVerification(String state, String bizStep,
      String disposition, String action) {
    Lot l = lot(2);

    Api.Reply r = decommission(SUPPLY, l.epcs(), state, PHARMACY, PHARMACY);

    assertEquals(200, r.status(), r.body());
    assertEquals(state, r.json().getString("state"));
    JsonObject e = event(r.json().getString("eventId"));
    assertTrue(e.getString("bizStep").endsWith(bizStep), e.toString());
    assertTrue(e.getString("disposition").endsWith(disposition), e.toString());
    assertEquals(action, e.getString("action"));
    assertEquals(2, e.getJsonArray("epcList").size());
    assertTrue(e.toString().contains(PHARMACY_SGLN), e.toString());
    awaitStatus(l.epcs().get(1), disposition);
    JsonObject pack = SUPPLY.get("/api/packs/" + enc(l.epcs().get(0))).json();
    assertEquals(state, pack.getString("state"));
    assertEquals(PHARMACY, pack.getJsonObject("lastDecommissioning").getString("party"));
    assertEquals("supply", pack.getJsonObject("lastDecommissioning").getString("by"));

    // VER-1: decommissioned, with the state
    JsonObject v = verify(l, 0);
    assertFalse(v.getBoolean("verified"));
    assertEquals("DECOMMISSIONED", v.getString("reason"));
    assertEquals(state.toLowerCase(), v.getString("status"));
    assertEquals("No_reason_provided", vrs(l, 1).getString("verificationFailureReason"));
  }

  @Test
  void theSameDecommissioningAgainIsRefusedAsAlreadySet() {
    Lot l = lot(1);
    assertEquals(200, decommission(SUPPLY, l.epcs(), "LOCKED", PHARMACY, PHARMACY).status());

    JsonObject refusal = firstRefusal(decommission(SUPPLY, l.epcs(), "LOCKED", PHARMACY, PHARMACY));

    assertEquals("STATUS_ALREADY_SET", refusal.getString("refusal"));
    assertEquals("NMVS_NC_PCK_19", refusal.getString("nmvsCode"));
    assertEquals(l.epcs().get(0), refusal.getString("epc"));
  }

  @Test
  void aRequestWithOneRefusedPackChangesNothing() {
    Lot l = lot(2);
    assertEquals(200, decommission(SUPPLY, l.epcs().subList(1, 2), "STOLEN", PHARMACY, PHARMACY).status());

    Api.Reply r = decommission(SUPPLY, l.epcs(), "DESTROYED", PHARMACY, PHARMACY);

    JsonObject refusal = firstRefusal(r);
    assertEquals(1, r.json().getJsonArray("refusals").size());
    assertEquals("PACK_INACTIVE", refusal.getString("refusal"));
    assertEquals("ACTIVE", SUPPLY.get("/api/packs/" + enc(l.epcs().get(0))).json().getString("state"));
  }

  @Test
  void theSamePartyUndoesAndThePackIsActiveAgain() {
    Lot l = lot(1);
    Api.Reply d = decommission(SUPPLY, l.epcs(), "SUPPLIED", PHARMACY, PHARMACY);
    assertEquals(200, d.status(), d.body());
    JsonObject before = SUPPLY.get("/api/packs/" + enc(l.epcs().get(0))).json();
    assertEquals(OffsetDateTime.parse(d.json().getString("at")).plusDays(10),
        OffsetDateTime.parse(before.getString("undoAllowedUntil")));

    Api.Reply r = undo(SUPPLY, l.epcs(), "SUPPLIED", PHARMACY, PHARMACY);

    assertEquals(200, r.status(), r.body());
    assertEquals("ACTIVE", r.json().getString("state"));
    JsonObject e = event(r.json().getString("eventId"));
    assertTrue(e.getString("bizStep").endsWith("inspecting"), e.toString());
    assertTrue(e.getString("disposition").endsWith("active"), e.toString());
    awaitStatus(l.epcs().get(0), "active");
    JsonObject after = AUDITOR.get("/api/packs/" + enc(l.epcs().get(0))).json();
    assertEquals("ACTIVE", after.getString("state"));
    assertEquals("SUPPLIED", after.getJsonObject("lastDecommissioning").getString("state"));
    assertEquals(2, after.getJsonArray("history").size());
    assertTrue(verify(l, 0).getBoolean("verified"));
  }

  @Test
  void destroyedAndStolenAreNeverUndone() {
    Lot l = lot(2);
    assertEquals(200, decommission(SUPPLY, l.epcs().subList(0, 1), "DESTROYED", PHARMACY, PHARMACY).status());
    assertEquals(200, decommission(SUPPLY, l.epcs().subList(1, 2), "STOLEN", PHARMACY, PHARMACY).status());

    JsonObject destroyed = firstRefusal(undo(SUPPLY, l.epcs().subList(0, 1), "DESTROYED", PHARMACY, PHARMACY));
    JsonObject stolen = firstRefusal(undo(SUPPLY, l.epcs().subList(1, 2), "STOLEN", PHARMACY, PHARMACY));

    assertEquals("UNDO_FINAL_STATE", destroyed.getString("refusal"));
    assertEquals("NMVS_NC_PCK_22", destroyed.getString("nmvsCode"));
    assertEquals("UNDO_FINAL_STATE", stolen.getString("refusal"));
    assertEquals("UNDO_FINAL_STATE",
        SUPPLY.get("/api/packs/" + enc(l.epcs().get(0))).json().getJsonObject("undoRefusal").getString("refusal"));
  }

  @Test
  void anUndoByAnotherPartyOrAtAnotherLocationIsRefused() {
    Lot l = lot(1);
    assertEquals(200, decommission(SUPPLY, l.epcs(), "SAMPLE", PHARMACY, PHARMACY).status());

    JsonObject refusal = firstRefusal(undo(SUPPLY, l.epcs(), "SAMPLE", WHOLESALER, WHOLESALER));

    assertEquals("UNDO_OTHER_PARTY", refusal.getString("refusal"));
    assertEquals("NMVS_NC_PCK_21", refusal.getString("nmvsCode"));
    assertTrue(refusal.getString("detail").contains(PHARMACY), refusal.toString());
    assertEquals("SAMPLE", SUPPLY.get("/api/packs/" + enc(l.epcs().get(0))).json().getString("state"));
  }

  @Test
  @Tag("VER-1")
  void aWithdrawnBatchRefusesUndoAndDispensingAndFailsVerification() {
    Lot l = lot(3);
    assertEquals(200, decommission(SUPPLY, l.epcs().subList(0, 1), "LOCKED", PHARMACY, PHARMACY).status());
    String batch = "/api/batches/" + l.gtin() + "/" + enc(l.lot());
    assertEquals(403, SUPPLY.postJson(batch + "/state", "{\"state\":\"WITHDRAWN\",\"reason\":\"x\"}").status());

    Api.Reply set = QA.postJson(batch + "/state", "{\"state\":\"WITHDRAWN\",\"reason\":\"OQ: deviation 17\"}");

    assertEquals(200, set.status(), set.body());
    assertEquals("WITHDRAWN", SUPPLY.get(batch).json().getString("state"));
    assertEquals("OQ: deviation 17", SUPPLY.get(batch).json().getString("reason"));
    JsonObject undo = firstRefusal(undo(SUPPLY, l.epcs().subList(0, 1), "LOCKED", PHARMACY, PHARMACY));
    assertEquals("BATCH_BLOCKED", undo.getString("refusal"));
    assertEquals("the pack's batch is withdrawn", undo.getString("detail"));
    JsonObject dispensing = firstRefusal(decommission(SUPPLY, l.epcs().subList(1, 2), "SUPPLIED", PHARMACY, PHARMACY));
    assertEquals("BATCH_BLOCKED", dispensing.getString("refusal"));
    assertEquals("WITHDRAWN", SUPPLY.get("/api/packs/" + enc(l.epcs().get(2))).json().getString("batchState"));
    JsonObject v = verify(l, 2);
    assertFalse(v.getBoolean("verified"));
    assertEquals("RECALLED", v.getString("reason"));
    assertEquals("withdrawn", v.getString("status"));
    assertEquals("Recalled", vrs(l, 2).getString("additionalInfo"));
    // the locked pack stays decommissioned, whatever its batch
    assertEquals("DECOMMISSIONED", verify(l, 0).getString("reason"));

    // lifted: the undo is allowed again
    assertEquals(200, QA.postJson(batch + "/state", "{\"state\":\"RELEASED\",\"reason\":\"closed\"}").status());
    assertEquals(200, undo(SUPPLY, l.epcs().subList(0, 1), "LOCKED", PHARMACY, PHARMACY).status());
  }

  @Test
  @Tag("VER-1")
  void aRecallOfTheLotMarksTheBatchRecalledAtOnce() {
    Lot l = lot(2);
    assertEquals(200, decommission(SUPPLY, l.epcs().subList(0, 1), "CHECKED_OUT", PHARMACY, PHARMACY).status());

    Api.Reply started = QA.postJson("/api/recalls", "{\"gtin\":\"" + l.gtin() + "\",\"lots\":[\"" + l.lot()
        + "\"],\"reason\":\"OQ pack states\"}");

    assertEquals(201, started.status(), started.body());
    JsonObject batch = SUPPLY.get("/api/batches/" + l.gtin() + "/" + enc(l.lot())).json();
    assertEquals("RECALLED", batch.getString("state"));
    assertTrue(batch.getString("reason").startsWith("recall "), batch.toString());
    assertEquals("BATCH_BLOCKED",
        firstRefusal(undo(SUPPLY, l.epcs().subList(0, 1), "CHECKED_OUT", PHARMACY, PHARMACY)).getString("refusal"));
    assertEquals("BATCH_BLOCKED",
        firstRefusal(decommission(SUPPLY, l.epcs().subList(1, 2), "SUPPLIED", PHARMACY, PHARMACY)).getString("refusal"));
    JsonObject v = verify(l, 1);
    assertEquals("RECALLED", v.getString("reason"));
    // destroying a recalled pack is allowed
    assertEquals(200, decommission(SUPPLY, l.epcs().subList(1, 2), "DESTROYED", PHARMACY, PHARMACY).status());
  }

  @Test
  void malformedRequestsAreProblemsNamingTheField() {
    Lot l = lot(1);
    Api.Reply sscc = decommission(SUPPLY, List.of("(00)" + TestData.newSscc()), "DESTROYED", PHARMACY, PHARMACY);
    assertEquals(400, sscc.status(), sscc.body());
    assertEquals("container-code", sscc.json().getString("code"));
    assertEquals("codes[0]", sscc.json().getString("field"));

    Api.Reply party = decommission(SUPPLY, l.epcs(), "SUPPLIED", "9506000000992", PHARMACY);
    assertEquals(400, party.status(), party.body());
    assertEquals("unknown-party", party.json().getString("code"));

    Api.Reply state = decommission(SUPPLY, l.epcs(), "ACTIVE", PHARMACY, PHARMACY);
    assertEquals(400, state.status(), state.body());
    assertEquals("state", state.json().getString("field"));

    assertEquals(403, decommission(AUDITOR, l.epcs(), "SUPPLIED", PHARMACY, PHARMACY).status());
    assertEquals(404, SUPPLY.get("/api/packs/" + enc(l.epcs().get(0).replaceAll(".$", "Z9"))).status());
  }
}

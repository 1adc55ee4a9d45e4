package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.EpcisCapture;
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
 * Disaggregation and re-aggregation at a distribution point on the real EAR (AGG-2, AGG-3): units
 * commissioned through the serialization API, packed at the wholesaler into cases on a pallet through
 * {@code /api/aggregation/containers}; a case unpacked, two units taken out of the other, a damaged unit
 * replaced, the loose units re-packed into a new case put back on the pallet. The containment API, the
 * trace (contents, parent chain, history) and the EPCIS repository all show it; the AGG-3 refusals leave
 * nothing behind and are audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisaggregationIT {

  private static final Api QA = Api.as("qa");
  private static final Api SUPPLY = Api.as("supply");
  private static final String WHOLESALER = "9506000000022";
  private static final String WHOLESALER_SGLN = "urn:epc:id:sgln:9506000.00002.0";
  private static final String BASE = "/api/aggregation/containers";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** Units of a fresh GTIN and lot, commissioned and known to the repository. */
  record Units(String gtin, String lot, long pool, List<String> epcs, List<String> serials) {}

  static Units units(int n) {
    String gtin = TestData.newGtin();
    return units(gtin, TestData.newLot(), SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]"), n);
  }

  private static Units units(String gtin, String lot, long pool, int n) {
    List<String> serials = SerializationApiIT.allocate(pool, n);
    Api.Reply c = SerializationApiIT.commission(gtin, lot, serials);
    assertEquals(201, c.status(), c.body());
    List<String> epcs = c.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
    stored(c.json().getString("eventId"));
    await().atMost(Duration.ofSeconds(30)).until(() -> SUPPLY.get(trace(epcs.get(n - 1))).status() == 200);
    return new Units(gtin, lot, pool, epcs, serials);
  }

  /** Waits until the repository stored the event (each change is one message; the next one follows it). */
  private static JsonObject stored(String eventId) {
    String path = "/api/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).until(() -> QA.get(path).status() == 200);
    return QA.get(path).json();
  }

  private static Api.Reply pack(String level, List<String> children) {
    return SUPPLY.postJson(BASE, "{\"level\":\"" + level + "\",\"children\":" + array(children) + ",\"location\":\""
        + WHOLESALER + "\"}");
  }

  /** Packs and waits for its event; the new SSCC. */
  static String packed(String level, List<String> children) {
    Api.Reply r = pack(level, children);
    assertEquals(201, r.status(), r.body());
    assertTrue(r.header("Location").endsWith(BASE + "/" + r.json().getString("sscc")), r.header("Location"));
    events(r);
    return r.json().getString("sscc");
  }

  private static Api.Reply post(String sscc, String op, String body) {
    return SUPPLY.postJson(BASE + "/" + sscc + "/" + op, body);
  }

  private static String children(List<String> codes) {
    return "{\"children\":" + array(codes) + ",\"location\":\"" + WHOLESALER + "\"}";
  }

  /** The events of a change, as stored, once each is stored. */
  private static List<JsonObject> events(Api.Reply r) {
    assertTrue(r.status() == 200 || r.status() == 201, r.body());
    List<JsonObject> out = new ArrayList<>();
    for (String id : r.json().getJsonArray("eventIds").getValuesAs(JsonString::getString)) {
      out.add(stored(id));
    }
    return out;
  }

  private static String array(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (String v : values) {
      b.append(b.length() == 1 ? "" : ",").append('"').append(v).append('"');
    }
    return b.append(']').toString();
  }

  private static String trace(String id) {
    return "/api/trace/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static String ssccEpc(String sscc) {
    return "urn:epc:id:sscc:9506000." + sscc.charAt(0) + sscc.substring(8, 17);
  }

  private static List<String> strings(JsonArray a, String field) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : a) {
      out.add(v.asJsonObject().getString(field));
    }
    return out;
  }

  private static void assertEvent(JsonObject e, String action, String bizStep, String parent, List<String> children) {
    assertEquals("AggregationEvent", e.getString("type"), e.toString());
    assertEquals(action, e.getString("action"), e.toString());
    assertTrue(e.getString("bizStep").endsWith(bizStep), e.toString());
    assertEquals(parent, e.getString("parentID"), e.toString());
    // the order of childEPCs carries no meaning (an unpacking names the children in key order)
    assertEquals(new HashSet<>(children), new HashSet<>(e.getJsonArray("childEPCs").getValuesAs(JsonString::getString)),
        e.toString());
    assertEquals(children.size(), e.getJsonArray("childEPCs").size(), e.toString());
    assertEquals(WHOLESALER_SGLN, e.getJsonObject("bizLocation").getString("id"), e.toString());
    assertEquals(WHOLESALER_SGLN, e.getJsonObject("readPoint").getString("id"), e.toString());
  }

  @Test
  @Tag("AGG-2")
  @Tag("AGG-3")
  @Tag("AGG-1")
  void aPalletIsOpenedPartlyEmptiedRepairedAndRepackedWithFullHistory() {
    // given units u0–u7, case 1 (u0–u2) and case 2 (u3–u6) packed at the wholesaler onto a pallet
    Units u = units(8);
    List<String> e = u.epcs();
    String case1 = packed("CASE", e.subList(0, 3));
    String case2 = packed("CASE", List.of("(01)" + u.gtin() + "(21)" + u.serials().get(3), e.get(4), e.get(5),
        "https://id.gs1.org/01/" + u.gtin() + "/21/" + u.serials().get(6)));
    String pallet = packed("PALLET", List.of(case1, "(00)" + case2));
    JsonObject before = SUPPLY.get(BASE + "/" + pallet).json();
    assertEquals("PALLET", before.getString("level"));
    assertEquals("PACKED", before.getString("status"));
    assertEquals(Set.of("(00)" + case1, "(00)" + case2), new HashSet<>(strings(before.getJsonArray("children"), "code")));

    // when case 1 is unpacked
    Api.Reply unpacked = post(case1, "unpack", "{\"location\":\"" + WHOLESALER + "\"}");
    // and u3, u4 are taken out of case 2
    Api.Reply removed = post(case2, "remove", children(List.of(e.get(3), e.get(4))));
    // and the damaged u5 is replaced by u7
    Api.Reply replaced = post(case2, "replace", "{\"old\":\"" + e.get(5) + "\",\"new\":\"" + e.get(7)
        + "\",\"reason\":\"crushed blister\",\"location\":\"" + WHOLESALER + "\"}");
    // and u0, u1, u3 are re-aggregated into a new case, put back on the pallet
    List<JsonObject> unpack = events(unpacked);
    List<JsonObject> remove = events(removed);
    List<JsonObject> replace = events(replaced);
    String case3 = packed("CASE", List.of(e.get(0), e.get(1), e.get(3)));
    Api.Reply added = post(pallet, "add", children(List.of(case3)));
    List<JsonObject> add = events(added);

    // then each change is an AggregationEvent at the wholesaler's SGLN
    assertEvent(unpack.get(0), "DELETE", "unpacking", ssccEpc(case1), e.subList(0, 3));
    assertEvent(remove.get(0), "DELETE", "unpacking", ssccEpc(case2), List.of(e.get(3), e.get(4)));
    assertEvent(replace.get(0), "DELETE", "unpacking", ssccEpc(case2), List.of(e.get(5)));
    assertEvent(replace.get(1), "ADD", "packing", ssccEpc(case2), List.of(e.get(7)));
    assertEquals("ObjectEvent", replace.get(2).getString("type"));
    assertTrue(replace.get(2).getString("disposition").endsWith("damaged"), replace.get(2).toString());
    assertEvent(add.get(0), "ADD", "packing", ssccEpc(pallet), List.of(ssccEpc(case3)));
    // the containment API shows case 2 now and how it came to be
    JsonObject c2 = SUPPLY.get(BASE + "/" + case2).json();
    assertEquals("OPEN", c2.getString("status"));
    assertEquals(pallet, c2.getString("parent"));
    assertEquals(List.of(e.get(6), e.get(7)), strings(c2.getJsonArray("children"), "epc").stream().sorted(
        (a, b) -> Integer.compare(e.indexOf(a), e.indexOf(b))).toList());
    JsonArray history = c2.getJsonArray("history");
    assertEquals(5, history.size(), history.toString());
    JsonObject u5 = history.getValuesAs(JsonObject.class).stream()
        .filter(h -> h.getString("child").endsWith(u.serials().get(5))).findFirst().orElseThrow();
    assertEquals("REPLACE", u5.getString("unlinkStep"));
    assertEquals("crushed blister", u5.getString("reason"));
    assertEquals(replace.get(0).getString("eventID"), u5.getString("unlinkEventId"));
    // the trace's contents tree of the pallet: case 1 (empty), case 2 (u6, u7), case 3 (u0, u1, u3)
    Set<String> expected = Set.of(ssccEpc(case1), ssccEpc(case2), ssccEpc(case3), e.get(6), e.get(7), e.get(0),
        e.get(1), e.get(3));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        new HashSet<>(strings(SUPPLY.get(trace(pallet) + "/contents").json().getJsonArray("descendants"), "epc"))
            .equals(expected));
    JsonObject contents = SUPPLY.get(trace(pallet) + "/contents").json();
    JsonObject tree3 = contents.getJsonArray("children").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("epc").equals(ssccEpc(case3))).findFirst().orElseThrow();
    assertEquals(Set.of(e.get(0), e.get(1), e.get(3)), new HashSet<>(strings(tree3.getJsonArray("children"), "epc")));
    // u0's parent chain and its timeline: packed into case 1, unpacked, packed into case 3
    JsonObject t0 = SUPPLY.get(trace(e.get(0))).json();
    assertEquals(List.of(ssccEpc(case3), ssccEpc(pallet)), strings(t0.getJsonArray("parents"), "epc"));
    List<String> timeline = new ArrayList<>();
    for (JsonObject h : t0.getJsonArray("history").getValuesAs(JsonObject.class)) {
      if ("AggregationEvent".equals(h.getString("type"))) {
        timeline.add(h.getString("action") + " " + h.getJsonObject("event").getString("parentID"));
      }
    }
    assertEquals(List.of("ADD " + ssccEpc(case1), "DELETE " + ssccEpc(case1), "ADD " + ssccEpc(case3)), timeline);
    // the replaced unit is loose and damaged; the units taken out and not re-packed are loose
    JsonObject t5 = SUPPLY.get(trace(e.get(5))).json();
    assertEquals("damaged", t5.getString("status"));
    assertTrue(!t5.containsKey("parent"), t5.toString());
    assertTrue(!SUPPLY.get(trace(e.get(4))).json().containsKey("parent"));
  }

  @Test
  @Tag("AGG-3")
  void refusesCyclesChildrenInAnotherParentInactiveOrOtherLotChildrenAndUnknownSsccs() {
    // given case 1 (u0, u1) on a pallet, u2 decommissioned, a unit of another lot
    Units u = units(4);
    List<String> e = u.epcs();
    String case1 = packed("CASE", e.subList(0, 2));
    String pallet = packed("PALLET", List.of(case1));
    decommission(e.get(2));
    Units other = units(u.gtin(), TestData.newLot(), u.pool(), 1);
    String unknown = TestData.newSscc();

    // when
    Api.Reply cycle = post(pallet, "add", children(List.of(pallet)));
    Api.Reply hasParent = pack("CASE", List.of(e.get(3), e.get(0)));
    Api.Reply inactive = post(case1, "add", children(List.of(e.get(2))));
    Api.Reply otherLot = post(case1, "add", children(List.of(other.epcs().get(0))));
    Api.Reply notInside = post(case1, "remove", children(List.of(e.get(3))));
    Api.Reply unknownSscc = post(unknown, "unpack", "{\"location\":\"" + WHOLESALER + "\"}");
    Api.Reply unknownGet = SUPPLY.get(BASE + "/" + unknown);
    Api.Reply unknownSite = post(case1, "unpack", "{\"location\":\"4012345000009\"}");
    Api.Reply badCode = pack("CASE", List.of(e.get(3), "(01)" + u.gtin() + "(21)"));
    Api.Reply wrongLevel = pack("PALLET", List.of(e.get(3)));
    Api.Reply auditor = Api.as("auditor").postJson(BASE + "/" + case1 + "/unpack", "{\"location\":\"" + WHOLESALER + "\"}");

    // then
    assertProblem(cycle, 409, "cycle", "children[0]");
    assertProblem(hasParent, 409, "child-has-parent", "children[1]");
    assertTrue(hasParent.json().getString("detail").contains(case1), hasParent.body());
    assertProblem(inactive, 409, "child-not-active", "children[0]");
    assertTrue(inactive.json().getString("detail").contains("decommissioned"), inactive.body());
    assertProblem(otherLot, 409, "child-other-lot", "children[0]");
    assertProblem(notInside, 409, "not-a-child", "children[0]");
    assertProblem(unknownSscc, 404, "unknown-sscc", "sscc");
    assertEquals(unknown, unknownSscc.json().getString("value"));
    assertEquals(404, unknownGet.status(), unknownGet.body());
    assertProblem(unknownSite, 400, "unknown-location", "location");
    assertProblem(badCode, 400, "invalid-field", "children[1]");
    assertProblem(wrongLevel, 409, "wrong-child-level", "children[0]");
    assertEquals(403, auditor.status(), auditor.body());
    // nothing of the refused requests was recorded: case 1 still holds u0, u1 and u3 is loose
    JsonObject c1 = SUPPLY.get(BASE + "/" + case1).json();
    assertEquals(Set.of(e.get(0), e.get(1)), new HashSet<>(strings(c1.getJsonArray("children"), "epc")));
    assertEquals("PACKED", c1.getString("status"));
    // and each refusal is audited with its code and value
    JsonArray refusals = Api.as("auditor").get("/api/audit/records?outcome=REFUSED&limit=100").jsonStructure().asJsonArray();
    assertTrue(refusals.getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getString("detail", "")
        .contains("child-has-parent field=children[1]")), refusals.toString());
    assertTrue(refusals.getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getString("detail", "")
        .contains("unknown-sscc field=sscc value=" + unknown)), refusals.toString());
  }

  @Test
  @Tag("AGG-2")
  @Tag("AGG-3")
  void aSuppliersPalletKnownFromItsEventsIsOpenedAndItsUnitsRepackedAtTheWholesaler() {
    // given a supplier's pallet of two cases of two units each, received at the wholesaler
    SupplierPallet sp = supplierPallet();
    List<String> p = sp.units();
    String case1 = sp.case1();
    String case2 = sp.case2();
    String pallet = sp.pallet();

    // when the pallet is looked at, a refused change is asked for, then case 1 is opened
    Api.Reply view = SUPPLY.get(BASE + "/" + pallet);
    Api.Reply refused = post(case1, "remove", children(List.of(p.get(2))));
    long takeOversBefore = takeOvers(case1);
    Api.Reply unpacked = post(case1, "unpack", "{\"location\":\"" + WHOLESALER + "\"}");
    List<JsonObject> unpack = events(unpacked);
    // and its two units are packed into a new case of the wholesaler's
    String case3 = packed("CASE", p.subList(0, 2));

    // then the pallet is shown as the supplier's events made it, under the supplier's EPCs
    assertEquals(200, view.status(), view.body());
    assertEquals("PALLET", view.json().getString("level"));
    assertEquals(supplierEpc(pallet), view.json().getString("epc"));
    assertEquals(Set.of(supplierEpc(case1), supplierEpc(case2)),
        new HashSet<>(strings(view.json().getJsonArray("children"), "epc")));
    // the refusal names the child and is audited; neither the look nor the refusal took the pallet over
    assertProblem(refused, 409, "not-a-child", "children[0]");
    assertEquals(0, takeOversBefore, "a read or a refused change records nothing");
    // the opening took it over once, and its event names the case and units as the supplier's events did
    assertEquals(1, takeOvers(case1));
    assertEvent(unpack.get(0), "DELETE", "unpacking", supplierEpc(case1), p.subList(0, 2));
    JsonObject c1 = SUPPLY.get(BASE + "/" + case1).json();
    assertEquals("OPEN", c1.getString("status"));
    assertEquals(pallet, c1.getString("parent"));
    assertEquals(2, c1.getJsonArray("history").size(), c1.toString());
    // the units are in the wholesaler's new case, by the trace too; case 2 still holds its two
    await().atMost(Duration.ofSeconds(30)).until(() -> parents(p.get(0)).equals(List.of(ssccEpc(case3))));
    assertEquals(List.of(supplierEpc(case2), supplierEpc(pallet)), parents(p.get(2)));
    assertEquals(Set.of(p.get(0), p.get(1)), new HashSet<>(strings(SUPPLY.get(BASE + "/" + case3).json()
        .getJsonArray("children"), "epc")));
  }

  /** A supplier's pallet: its four units' EPCs (two in each case) and the SSCCs of its cases and itself. */
  record SupplierPallet(List<String> units, String case1, String case2, String pallet) {}

  /**
   * A pallet of two cases of two units each that a supplier (company prefix 761234, not registered here)
   * commissioned and packed, known here only from its events captured over the EPCIS REST binding, received
   * at the wholesaler; returns once the trace shows its containment.
   */
  static SupplierPallet supplierPallet() {
    String gtin = TestData.foreignGtin();
    String lot = TestData.newLot();
    List<String> p = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      p.add("urn:epc:id:sgtin:761234." + gtin.charAt(0) + gtin.substring(7, 13) + "." + lot + i);
    }
    SupplierPallet sp = new SupplierPallet(p, TestData.foreignSscc(), TestData.foreignSscc(), TestData.foreignSscc());
    EpcisCapture.captured("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:" + UUID.randomUUID() + "\",\"eventTime\":\""
            + "2026-11-26T08:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":" + array(p)
            + ",\"action\":\"ADD\",\"bizStep\":\"commissioning\",\"disposition\":\"active\","
            + "\"ilmd\":{\"cbvmda:lotNumber\":\"" + lot + "\"}}",
        supplierAggregation("2026-11-26T08:01:00Z", supplierEpc(sp.case1()), p.subList(0, 2)),
        supplierAggregation("2026-11-26T08:02:00Z", supplierEpc(sp.case2()), p.subList(2, 4)),
        supplierAggregation("2026-11-26T08:03:00Z", supplierEpc(sp.pallet()),
            List.of(supplierEpc(sp.case1()), supplierEpc(sp.case2()))),
        "{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:" + UUID.randomUUID() + "\",\"eventTime\":\""
            + "2026-11-27T09:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + supplierEpc(sp.pallet())
            + "\"],\"action\":\"OBSERVE\",\"bizStep\":\"receiving\",\"disposition\":\"in_progress\","
            + "\"bizLocation\":{\"id\":\"" + WHOLESALER_SGLN + "\"}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> parents(p.get(3)).size() == 2);
    return sp;
  }

  /** The EPCs of the containers the trace puts {@code epc} in, nearest first (none while it is not stored). */
  private static List<String> parents(String epc) {
    Api.Reply r = SUPPLY.get(trace(epc));
    return r.status() == 200 && r.json().containsKey("parents") ? strings(r.json().getJsonArray("parents"), "epc")
        : List.of();
  }

  /** How many audit records say {@code sscc}'s pallet was taken over from the repository. */
  static long takeOvers(String sscc) {
    JsonArray records = Api.as("auditor").get("/api/audit/records?limit=500").jsonStructure().asJsonArray();
    return records.getValuesAs(JsonObject.class).stream()
        .filter(a -> "aggregation.take-over".equals(a.getString("action", "")) && sscc.equals(a.getString("objectId", "")))
        .count();
  }

  private static String supplierAggregation(String time, String parent, List<String> children) {
    return "{\"type\":\"AggregationEvent\",\"eventID\":\"urn:uuid:" + UUID.randomUUID() + "\",\"eventTime\":\""
        + time + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":"
        + array(children) + ",\"action\":\"ADD\",\"bizStep\":\"packing\"}";
  }

  static String supplierEpc(String sscc) {
    return "urn:epc:id:sscc:761234." + sscc.charAt(0) + sscc.substring(7, 17);
  }

  private static void assertProblem(Api.Reply r, int status, String code, String field) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
    assertEquals(code, r.json().getString("code"), r.body());
    assertEquals(field, r.json().getString("field", null), r.body());
  }

  /** Decommissions a unit by an ObjectEvent DELETE captured through the EPCIS REST binding. */
  private static void decommission(String epc) {
    EpcisCapture.captured("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:" + UUID.randomUUID()
        + "\",\"eventTime\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + epc + "\"],\"action\":\"DELETE\","
        + "\"bizStep\":\"decommissioning\",\"readPoint\":{\"id\":\"" + WHOLESALER_SGLN + "\"}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "decommissioned".equals(
        SUPPLY.get(trace(epc)).json().getString("status", "")));
  }
}

package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Handoffs on the real EAR (LIFE-1, EXC-1): units commissioned through the serialization API and packed
 * into cases on a pallet through the EPCIS capture API; the pallet shipped to the wholesaler (every unit
 * inside in transit), received with one unit missing, one extra and one damaged (exactly those three
 * exceptions, the ownership handed over), units returned; and the refusals.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShipmentIT {

  private static final Api SUPPLY = Api.as("supply");
  private static final Api QA = Api.as("qa");
  private static final Api AUDITOR = Api.as("auditor");
  private static final String PLANT_GLN = "9506000000015";
  private static final String WHOLESALER_GLN = "9506000000022";
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String WHOLESALER_SITE = "urn:epc:id:sgln:9506000.00002.0";
  private static final String PLANT_PARTY = "urn:epc:id:pgln:9506000.00001";
  private static final String WHOLESALER_PARTY = "urn:epc:id:pgln:9506000.00002";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /**
   * Nine units of a fresh lot: u0–u2 in case 1, u3 in case 2, both cases on the pallet; u4 dispensed; u5
   * in case 3 (not on the pallet); u6, u7, u8 loose and active.
   */
  private record Scenario(List<String> units, List<String> serials, String case1, String case2, String case3,
      String pallet, String palletSscc) {}

  private static Scenario scenario() {
    String gtin = TestData.newGtin();
    String lot = TestData.newLot();
    long pool = SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]");
    List<String> serials = SerializationApiIT.allocate(pool, 9);
    Api.Reply c = SerializationApiIT.commission(gtin, lot, serials);
    assertEquals(201, c.status(), c.body());
    List<String> units = c.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
    String eventPath = "/api/epcis/events/" + URLEncoder.encode(c.json().getString("eventId"), StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).until(() -> QA.get(eventPath).status() == 200);
    OffsetDateTime t0 = OffsetDateTime.parse(QA.get(eventPath).json().getString("eventTime"));

    String palletSscc = TestData.newSscc();
    String case1 = ssccEpc(TestData.newSscc());
    String case2 = ssccEpc(TestData.newSscc());
    String case3 = ssccEpc(TestData.newSscc());
    String pallet = ssccEpc(palletSscc);
    EpcisCapture.captured(
        pack(t0.plusNanos(1_000_000), case1, units.subList(0, 3)),
        pack(t0.plusNanos(2_000_000), case2, units.subList(3, 4)),
        pack(t0.plusNanos(3_000_000), pallet, List.of(case1, case2)),
        pack(t0.plusNanos(4_000_000), case3, units.subList(5, 6)),
        "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id() + "\",\"eventTime\":\"" + t0.plusNanos(5_000_000)
            + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + units.get(4) + "\"],\"action\":\"OBSERVE\","
            + "\"bizStep\":\"dispensing\",\"disposition\":\"dispensed\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Api.Reply t = SUPPLY.get(trace(units.get(4)));
      return t.status() == 200 && "dispensed".equals(t.json().getString("status"))
          && pallet.equals(state(units.get(3)).getString("topParent", null));
    });
    return new Scenario(units, serials, case1, case2, case3, pallet, palletSscc);
  }

  private static String ssccEpc(String sscc) {
    return "urn:epc:id:sscc:9506000." + sscc.charAt(0) + sscc.substring(8, 17);
  }

  private static String pack(OffsetDateTime time, String parent, List<String> children) {
    return "{\"type\":\"AggregationEvent\",\"eventID\":\"" + id() + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":" + list(children)
        + ",\"action\":\"ADD\",\"bizStep\":\"packing\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
  }

  private static String list(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (String x : values) {
      b.append(b.length() == 0 ? "" : ",").append('"').append(x).append('"');
    }
    return "[" + b + "]";
  }

  private static String id() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  private static String trace(String id) {
    return "/api/trace/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static JsonObject state(String epc) {
    Api.Reply t = SUPPLY.get(trace(epc));
    assertEquals(200, t.status(), t.body());
    return t.json();
  }

  private static String ship(List<String> items, String po, String destinationOwner) {
    return ship(items, po, destinationOwner, PLANT_GLN, WHOLESALER_GLN);
  }

  private static String ship(List<String> items, String po, String destinationOwner, String sourceLocation,
      String destinationLocation) {
    return "{\"items\":" + list(items) + (po == null ? "" : ",\"purchaseOrder\":\"" + po + "\"")
        + ",\"despatchAdvice\":\"DA-" + UUID.randomUUID().toString().substring(0, 8) + "\","
        + "\"sourceOwner\":\"" + PLANT_GLN + "\",\"sourceLocation\":\"" + sourceLocation + "\","
        + "\"destinationOwner\":\"" + destinationOwner + "\",\"destinationLocation\":\"" + destinationLocation
        + "\"}";
  }

  private static String returning(List<String> items, boolean saleable) {
    return "{\"items\":" + list(items) + ",\"fromOwner\":\"" + WHOLESALER_GLN + "\",\"fromLocation\":\""
        + WHOLESALER_GLN + "\",\"toOwner\":\"" + PLANT_GLN + "\",\"toLocation\":\"" + PLANT_GLN
        + "\",\"reason\":\"customer return\",\"saleable\":" + saleable + "}";
  }

  private static void assertProblem(Api.Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("code"), r.body());
    assertFalse(r.json().getString("detail").isBlank());
  }

  @Test
  @Tag("LIFE-1")
  @Tag("EXC-1")
  void aPalletShipsWithItsContentsIsReceivedWithDiscrepanciesAndUnitsComeBack() {
    Scenario s = scenario();
    List<String> u = s.units();
    assertFalse(state(u.get(0)).containsKey("owner"), "no owner before shipping: " + state(u.get(0)));

    // ship the pallet, named by the 18 digits of its SSCC as scanned
    String po = "PO-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply shipped = SUPPLY.postJson("/api/shipments", ship(List.of(s.palletSscc()), po, WHOLESALER_GLN));
    assertEquals(201, shipped.status(), shipped.body());
    long id = shipped.json().getJsonNumber("id").longValue();
    assertEquals("IN_TRANSIT", shipped.json().getString("status"));
    assertEquals(7, shipped.json().getInt("itemCount"), "pallet, two cases, four units: " + shipped.body());
    assertEquals(List.of(s.pallet()), shipped.json().getJsonArray("named").getValuesAs(JsonString::getString));

    // every unit inside is in transit (the shipping event names only the pallet)
    await().atMost(Duration.ofSeconds(30)).until(() ->
        u.subList(0, 4).stream().allMatch(x -> "in_transit".equals(state(x).getString("status"))));
    assertEquals(PLANT, state(u.get(2)).getString("location"));
    assertEquals("active", state(u.get(6)).getString("status"));
    assertTrue(AUDITOR.get("/api/shipments?status=IN_TRANSIT").json().getJsonArray("shipments").stream()
        .map(JsonValue::asJsonObject).anyMatch(x -> x.getJsonNumber("id").longValue() == id));

    // refusals: in transit, decommissioned, packed in an unshipped case, no PO, unknown partner, unknown item,
    // not at the source location
    assertProblem(SUPPLY.postJson("/api/shipments", ship(List.of(u.get(1)), po, WHOLESALER_GLN)), 409, "item-in-transit");
    assertProblem(SUPPLY.postJson("/api/shipments", ship(List.of(u.get(4)), po, WHOLESALER_GLN)), 409, "item-not-active");
    assertProblem(SUPPLY.postJson("/api/shipments", ship(List.of(u.get(5)), po, WHOLESALER_GLN)), 409,
        "item-inside-parent");
    assertProblem(SUPPLY.postJson("/api/shipments", ship(List.of(u.get(6)), null, WHOLESALER_GLN)), 400, "missing-po");
    assertProblem(SUPPLY.postJson("/api/shipments", ship(List.of(u.get(6)), po, "9506000000046")), 400,
        "unknown-partner");
    assertProblem(SUPPLY.postJson("/api/shipments", ship(List.of(u.get(6), ssccEpc(TestData.newSscc())), po,
        WHOLESALER_GLN)), 400, "unknown-item");
    // u6 is at the plant: it does not ship from the wholesaler's site
    Api.Reply elsewhere = SUPPLY.postJson("/api/shipments", ship(List.of(u.get(6)), po, WHOLESALER_GLN,
        WHOLESALER_GLN, PLANT_GLN));
    assertProblem(elsewhere, 409, "item-not-at-source");
    assertTrue(elsewhere.json().getString("detail").contains("is at " + PLANT_GLN), elsewhere.body());
    // all or nothing: u6 named with a refused item did not ship
    assertEquals("active", state(u.get(6)).getString("status"));
    assertEquals(403, AUDITOR.postJson("/api/shipments", ship(List.of(u.get(6)), po, WHOLESALER_GLN)).status());

    // receive: u2 missing, u6 extra (same GTIN and lot), u3 damaged
    Api.Reply received = SUPPLY.postJson("/api/shipments/" + id + "/receipt",
        "{\"items\":" + list(List.of(u.get(0), u.get(1), u.get(6))) + ",\"damaged\":" + list(List.of(u.get(3))) + "}");
    assertEquals(200, received.status(), received.body());
    assertEquals("RECEIVED_WITH_DISCREPANCIES", received.json().getString("status"));
    Map<String, String> found = new HashMap<>();
    for (JsonValue v : received.json().getJsonArray("exceptions")) {
      long exceptionId = v.asJsonObject().getJsonNumber("id").longValue();
      Api.Reply e = QA.get("/api/exceptions/" + exceptionId);
      assertEquals(200, e.status(), e.body());
      found.put(e.json().getString("epc"), e.json().getString("type"));
    }
    assertEquals(Map.of(u.get(2), "SHIPMENT_SHORTAGE", u.get(6), "SHIPMENT_OVERAGE", u.get(3), "SHIPMENT_DAMAGED"),
        found);
    Api.Reply shortage = QA.get("/api/exceptions?type=SHIPMENT_SHORTAGE&serial=" + s.serials().get(2));
    assertEquals(1, shortage.jsonStructure().asJsonArray().size(), shortage.body());

    // the state follows: received units in progress at the wholesaler, owned by it; the damaged one damaged
    await().atMost(Duration.ofSeconds(30)).until(() -> "in_progress".equals(state(u.get(0)).getString("status"))
        && "damaged".equals(state(u.get(3)).getString("status")));
    JsonObject u0 = state(u.get(0));
    assertEquals(WHOLESALER_SITE, u0.getString("location"));
    assertEquals(WHOLESALER_PARTY, u0.getString("owner"));
    assertTrue(u0.getJsonArray("history").stream().map(JsonValue::asJsonObject)
        .anyMatch(h -> "TransactionEvent".equals(h.getString("type"))), u0.toString());
    assertEquals("in_progress", state(u.get(6)).getString("status"));

    // receiving twice is refused
    assertProblem(SUPPLY.postJson("/api/shipments/" + id + "/receipt", "{\"items\":" + list(List.of(u.get(2))) + "}"),
        409, "already-received");
    JsonObject detail = AUDITOR.get("/api/shipments/" + id).json();
    assertEquals(3, detail.getJsonArray("exceptions").size(), detail.toString());

    // returns: u0 not saleable, u1 saleable, back to the plant; u7 was never shipped to the wholesaler
    Api.Reply ret = SUPPLY.postJson("/api/returns", returning(List.of(u.get(0)), false));
    assertEquals(201, ret.status(), ret.body());
    assertEquals("non_sellable_other", ret.json().getString("disposition"));
    assertEquals(201, SUPPLY.postJson("/api/returns", returning(List.of(u.get(1)), true)).status());
    await().atMost(Duration.ofSeconds(30)).until(() -> "non_sellable_other".equals(state(u.get(0)).getString("status"))
        && "returned".equals(state(u.get(1)).getString("status")));
    assertEquals(PLANT_PARTY, state(u.get(0)).getString("owner"));
    assertEquals(PLANT, state(u.get(1)).getString("location"));
    assertProblem(SUPPLY.postJson("/api/returns", returning(List.of(u.get(7)), true)), 409, "not-shipped-to-party");
    assertProblem(SUPPLY.postJson("/api/returns", returning(List.of(u.get(0)), true)), 409, "already-returned");
  }
}

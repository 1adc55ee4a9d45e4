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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * One lot's whole downstream life through the public APIs, on the demo network (issue 5, "Done when"):
 * commissioned at the plant, packed into a case, shipped to the wholesaler and received there, the case
 * opened, units shipped on to the pharmacy and received, one dispensed, one returned to the wholesaler;
 * traced at every step, verified by the pharmacy, and the lot recalled — the recall finding each unit
 * where it is, with the dispensed one out of reach.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnitJourneyIT {

  private static final Api QA = Api.as("qa");
  private static final Api SUPPLY = Api.as("supply");
  private static final String PLANT = "9506000000015";
  private static final String WHOLESALER = "9506000000022";
  private static final String PHARMACY = "9506000000039";
  private static final String PLANT_SITE = "urn:epc:id:sgln:9506000.00001.0";
  private static final String WHOLESALER_SITE = "urn:epc:id:sgln:9506000.00002.0";
  private static final String PHARMACY_SITE = "urn:epc:id:sgln:9506000.00003.0";
  private static final String WHOLESALER_PARTY = "urn:epc:id:pgln:9506000.00002";
  private static final String PHARMACY_PARTY = "urn:epc:id:pgln:9506000.00003";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  @Tag("LIFE-1")
  @Tag("LIFE-2")
  @Tag("RCL-1")
  @Tag("RCL-3")
  @Tag("VER-1")
  void aLotIsShippedReceivedDispensedReturnedTracedVerifiedAndRecalled() {
    // given six units commissioned at the plant and packed into a case there
    String gtin = TestData.newGtin();
    String lot = TestData.newLot();
    long pool = SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\",\"EU\"]");
    List<String> serials = SerializationApiIT.allocate(pool, 6);
    Api.Reply commissioned = SerializationApiIT.commission(gtin, lot, serials);
    assertEquals(201, commissioned.status(), commissioned.body());
    List<String> units = commissioned.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
    await().atMost(Duration.ofSeconds(30)).until(() -> units.stream().allMatch(u -> SUPPLY.get(trace(u)).status() == 200));
    Api.Reply packed = SUPPLY.postJson("/api/aggregation/containers",
        "{\"level\":\"CASE\",\"children\":" + list(units) + ",\"location\":\"" + PLANT + "\"}");
    assertEquals(201, packed.status(), packed.body());
    String caseSscc = packed.json().getString("sscc");
    String caseEpc = packed.json().getString("epc");
    await().atMost(Duration.ofSeconds(30)).until(() -> caseEpc.equals(state(units.get(0)).getString("parent", null)));

    // when the case ships to the wholesaler: every unit inside is in transit
    long toWholesaler = ship(List.of(caseSscc), PLANT, WHOLESALER);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        units.stream().allMatch(u -> "in_transit".equals(state(u).getString("status"))));

    // and the wholesaler receives it complete: theirs now, at their site
    receive(toWholesaler, List.of(caseSscc), "RECEIVED");
    await().atMost(Duration.ofSeconds(30)).until(() -> WHOLESALER_PARTY.equals(state(units.get(5)).getString("owner", null)));
    assertEquals(WHOLESALER_SITE, state(units.get(5)).getString("location", state(units.get(5)).getString("bizLocation", null)));

    // and opens the case and ships three units on to the pharmacy, which receives them
    Api.Reply opened = SUPPLY.postJson("/api/aggregation/containers/" + caseSscc + "/unpack",
        "{\"location\":\"" + WHOLESALER + "\"}");
    assertEquals(200, opened.status(), opened.body());
    await().atMost(Duration.ofSeconds(30)).until(() -> !state(units.get(0)).containsKey("parent"));
    long toPharmacy = ship(units.subList(0, 3), WHOLESALER, PHARMACY);
    receive(toPharmacy, units.subList(0, 3), "RECEIVED");
    await().atMost(Duration.ofSeconds(30)).until(() -> PHARMACY_PARTY.equals(state(units.get(0)).getString("owner", null)));

    // and the pharmacy verifies a pack, dispenses it, and returns another to the wholesaler
    assertTrue(vrs(gtin, serials.get(0), lot).getBoolean("verified"), "an active unit verifies");
    Api.Reply dispensed = SUPPLY.postJson("/api/packs/decommissions", "{\"codes\":[\"" + units.get(0)
        + "\"],\"state\":\"SUPPLIED\",\"party\":\"" + PHARMACY + "\",\"location\":\"" + PHARMACY + "\"}");
    assertEquals(200, dispensed.status(), dispensed.body());
    Api.Reply returned = SUPPLY.postJson("/api/returns", "{\"items\":[\"" + units.get(1) + "\"],\"fromOwner\":\""
        + PHARMACY + "\",\"fromLocation\":\"" + PHARMACY + "\",\"toOwner\":\"" + WHOLESALER + "\",\"toLocation\":\""
        + WHOLESALER + "\",\"reason\":\"ordered in error\",\"saleable\":true}");
    assertEquals(201, returned.status(), returned.body());
    await().atMost(Duration.ofSeconds(30)).until(() -> "dispensed".equals(state(units.get(0)).getString("status"))
        && WHOLESALER_PARTY.equals(state(units.get(1)).getString("owner", null)));

    // then the dispensed pack no longer verifies, with the reason
    JsonObject afterDispensing = vrs(gtin, serials.get(0), lot);
    assertFalse(afterDispensing.getBoolean("verified"), afterDispensing.toString());

    // and its trace tells the whole story, in order
    JsonObject traced = state(units.get(0));
    List<String> steps = traced.getJsonArray("history").getValuesAs(JsonObject.class).stream()
        .map(h -> h.getString("bizStep", "")).toList();
    for (String step : List.of("commissioning", "packing", "shipping", "receiving", "unpacking", "dispensing")) {
      assertTrue(steps.contains(step), step + " missing from " + steps);
    }
    assertEquals(PHARMACY_SITE, traced.getString("location", traced.getString("bizLocation", null)));

    // when QA recalls the lot
    Api.Reply recall = QA.postJson("/api/recalls", "{\"gtin\":\"" + gtin + "\",\"lots\":[\"" + lot
        + "\"],\"reason\":\"journey OQ\",\"meaning\":\"recall approved by QA\"}");
    assertEquals(201, recall.status(), recall.body());
    long id = recall.json().getJsonNumber("id").longValue();
    await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(SUPPLY.get("/api/recalls/" + id).json().getString("status")));

    // then it finds every unit where it is: three at the wholesaler (one of them returned), two at the
    // pharmacy (one dispensed, so out of reach), none lost
    JsonObject r = SUPPLY.get("/api/recalls/" + id).json();
    assertEquals(6, r.getInt("total"), r.toString());
    Map<String, Integer> byLocation = r.getJsonArray("byLocation").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(g -> g.getString("location"), g -> g.getInt("count"), Integer::sum));
    assertEquals(Map.of(WHOLESALER_SITE, 4, PHARMACY_SITE, 2), byLocation, r.toString());
    List<JsonObject> outOfReach = QA.get("/api/exceptions?type=RECALLED_UNIT_OUT_OF_REACH&serial=" + serials.get(0))
        .jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
    assertEquals(1, outOfReach.size(), outOfReach.toString());
    assertEquals("recalled", state(units.get(2)).getString("status"));
    JsonObject afterRecall = vrs(gtin, serials.get(3), lot);
    assertFalse(afterRecall.getBoolean("verified"), afterRecall.toString());
  }

  private static long ship(List<String> items, String from, String to) {
    Api.Reply r = SUPPLY.postJson("/api/shipments", "{\"items\":" + list(items) + ",\"purchaseOrder\":\"PO-"
        + UUID.randomUUID().toString().substring(0, 8) + "\",\"despatchAdvice\":\"DA-"
        + UUID.randomUUID().toString().substring(0, 8) + "\",\"sourceOwner\":\"" + from + "\",\"sourceLocation\":\""
        + from + "\",\"destinationOwner\":\"" + to + "\",\"destinationLocation\":\"" + to + "\"}");
    assertEquals(201, r.status(), r.body());
    return r.json().getJsonNumber("id").longValue();
  }

  private static void receive(long shipment, List<String> items, String expectedStatus) {
    Api.Reply r = SUPPLY.postJson("/api/shipments/" + shipment + "/receipt", "{\"items\":" + list(items) + "}");
    assertEquals(200, r.status(), r.body());
    assertEquals(expectedStatus, r.json().getString("status"), r.body());
  }

  private static JsonObject vrs(String gtin, String serial, String lot) {
    Api.Reply r = SUPPLY.get("/api/vrs/verify/gtin/" + gtin + "/lot/" + enc(lot) + "/ser/" + enc(serial)
        + "?exp=281200&reqGLN=" + PHARMACY + "&corrUUID=" + UUID.randomUUID() + "&context=dscsaSaleableReturn");
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonObject("data");
  }

  private static JsonObject state(String epc) {
    Api.Reply t = SUPPLY.get(trace(epc));
    assertEquals(200, t.status(), t.body());
    return t.json();
  }

  private static String trace(String id) {
    return "/api/trace/" + enc(id);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String list(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}

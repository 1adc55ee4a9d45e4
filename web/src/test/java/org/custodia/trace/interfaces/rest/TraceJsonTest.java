package org.custodia.trace.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.custodia.platform.Jsonp;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.HistoryEntry;
import org.custodia.trace.domain.Trace;
import org.custodia.trace.domain.TracedObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The JSON of the trace answers as a partner's system reads it: parsed back with JSON-P, field by field. */
class TraceJsonTest {

  private static final String PALLET = "urn:epc:id:sscc:9506000.1000000001";
  private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.UTC);

  private static TracedObject unit(String serial, String lot, String parent) {
    return new TracedObject("urn:epc:id:sgtin:9506000.113435." + serial, "09506000134352", serial, lot,
        LocalDate.of(2028, 6, 30), "active", "urn:epcglobal:cbv:disp:in_progress",
        "urn:epc:id:sgln:9506000.00011.0", null, "urn:epc:id:pgln:9506000.00000", parent, PALLET, AT);
  }

  private static TracedObject container(String epc, String parent) {
    return new TracedObject(epc, null, null, null, null, "active", null, null,
        "urn:epc:id:sgln:9506000.00011.1", null, parent, parent == null ? null : PALLET, null);
  }

  private static JsonObject parse(byte[] json) {
    try (JsonReader r = Jsonp.JSON.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
      return r.readObject();
    }
  }

  /** A pallet of two cases of three units each. */
  private static ContentNode pallet() {
    List<ContentNode> cases = new ArrayList<>();
    for (int c = 1; c <= 2; c++) {
      String caseEpc = "urn:epc:id:sscc:9506000.100000001" + c;
      List<ContentNode> units = new ArrayList<>();
      for (int u = 1; u <= 3; u++) {
        units.add(new ContentNode(unit("S" + c + u, "L1", caseEpc), List.of()));
      }
      cases.add(new ContentNode(container(caseEpc, PALLET), units));
    }
    return new ContentNode(container(PALLET, null), cases);
  }

  @Test
  @Tag("RCL-2")
  void theContentsGiveTheTreeByEpcAndEachObjectOnceInTheTreesOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceJson.contents(out, "00195060001000000015", pallet());
    JsonObject a = parse(out.toByteArray());

    assertEquals(PALLET, a.getString("epc"));
    assertEquals("container", a.getString("kind"));
    assertEquals("00195060001000000015", a.getString("id"));
    assertEquals(8, a.getInt("count"));
    assertFalse(a.containsKey("gtin"), "a field without a value is left out");

    JsonArray tree = a.getJsonArray("children");
    assertEquals(2, tree.size());
    JsonObject secondCase = tree.getJsonObject(1);
    assertEquals("urn:epc:id:sscc:9506000.1000000012", secondCase.getString("epc"));
    assertEquals(List.of("epc", "children"), List.copyOf(secondCase.keySet()));
    JsonArray units = secondCase.getJsonArray("children");
    assertEquals("urn:epc:id:sgtin:9506000.113435.S23", units.getJsonObject(2).getString("epc"));
    assertTrue(units.getJsonObject(2).getJsonArray("children").isEmpty());

    JsonArray flat = a.getJsonArray("descendants");
    List<String> order = new ArrayList<>();
    for (int i = 0; i < flat.size(); i++) {
      order.add(flat.getJsonObject(i).getString("epc"));
    }
    assertEquals(List.of("urn:epc:id:sscc:9506000.1000000011", "urn:epc:id:sgtin:9506000.113435.S11",
        "urn:epc:id:sgtin:9506000.113435.S12", "urn:epc:id:sgtin:9506000.113435.S13",
        "urn:epc:id:sscc:9506000.1000000012", "urn:epc:id:sgtin:9506000.113435.S21",
        "urn:epc:id:sgtin:9506000.113435.S22", "urn:epc:id:sgtin:9506000.113435.S23"), order);

    JsonObject u = flat.getJsonObject(1);
    assertEquals(List.of("epc", "kind", "gtin", "serial", "lot", "expiry", "status", "disposition", "location",
        "bizLocation", "owner", "parent", "topParent", "lastEventTime"), List.copyOf(u.keySet()));
    assertEquals("unit", u.getString("kind"));
    assertEquals("2028-06-30", u.getString("expiry"));
    assertEquals("urn:epc:id:sgln:9506000.00011.0", u.getString("location"));
    assertEquals("urn:epc:id:sscc:9506000.1000000011", u.getString("parent"));
    assertEquals(PALLET, u.getString("topParent"));
    assertEquals("2026-11-27T10:15:30Z", u.getString("lastEventTime"));
    JsonObject c = flat.getJsonObject(0);
    assertEquals("urn:epc:id:sgln:9506000.00011.1", c.getString("location"), "no business location: the read point");
    assertEquals("urn:epc:id:sgln:9506000.00011.1", c.getString("readPoint"));
  }

  @Test
  @Tag("RCL-2")
  void quotesBackslashesControlAndNonAsciiCharactersComeBackAsTheyWere() throws IOException {
    String lot = "A\"B\\C\tD\u0001é€";
    ContentNode root = new ContentNode(container(PALLET, null),
        List.of(new ContentNode(unit("X1", lot, PALLET), List.of())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceJson.contents(out, "a \"quoted\" id", root);
    JsonObject a = parse(out.toByteArray());
    assertEquals(lot, a.getJsonArray("descendants").getJsonObject(0).getString("lot"));
    assertEquals("a \"quoted\" id", a.getString("id"));
  }

  @Test
  @Tag("RCL-1")
  void aTraceCarriesItsParentsAndEachStoredEventAsItsOwnJsonObject() throws IOException {
    TracedObject u = unit("S11", "L1", "urn:epc:id:sscc:9506000.1000000011");
    String stored = "{\"type\":\"ObjectEvent\",\"epcList\":[\"" + u.epc() + "\"],\"bizStep\":\"commissioning\","
        + "\"ilmd\":{\"cbvmda:lotNumber\":\"L1\",\"note\":\"a \\\"quote\\\" and \\u00e9\"}}";
    List<HistoryEntry> history = List.of(
        new HistoryEntry("ni:///sha-256;aa?ver=CBV2.0", "ObjectEvent", AT, "ADD", "commissioning", "active",
            "urn:epc:id:sgln:9506000.00011.1", null, "EPC", false, stored),
        new HistoryEntry("ni:///sha-256;bb?ver=CBV2.0", "AggregationEvent", AT.plusMinutes(1), "ADD", "packing",
            null, null, null, "CHILD", true, null));
    Trace t = new Trace(u, List.of(container("urn:epc:id:sscc:9506000.1000000011", PALLET), container(PALLET, null)),
        "urn:epc:id:sgln:9506000.00011.0", "urn:epc:id:pgln:9506000.00000", history, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceJson.trace(out, u.epc(), t);
    JsonObject a = parse(out.toByteArray());

    assertEquals(u.epc(), a.getString("id"));
    assertEquals("urn:epc:id:sgln:9506000.00011.0", a.getString("currentLocation"));
    assertEquals("urn:epc:id:pgln:9506000.00000", a.getString("currentOwner"));
    JsonArray parents = a.getJsonArray("parents");
    assertEquals("urn:epc:id:sscc:9506000.1000000011", parents.getJsonObject(0).getString("epc"));
    assertEquals(PALLET, parents.getJsonObject(1).getString("epc"));
    assertTrue(a.getBoolean("historyTruncated"));

    JsonArray h = a.getJsonArray("history");
    assertEquals(2, h.size());
    JsonObject first = h.getJsonObject(0);
    assertEquals(List.of("eventID", "type", "eventTime", "action", "bizStep", "disposition", "readPoint", "role",
        "erroneous", "event"), List.copyOf(first.keySet()));
    assertEquals(parse(stored.getBytes(StandardCharsets.UTF_8)), first.getJsonObject("event"));
    assertEquals("a \"quote\" and é", first.getJsonObject("event").getJsonObject("ilmd").getString("note"));
    JsonObject second = h.getJsonObject(1);
    assertTrue(second.getBoolean("erroneous"));
    assertFalse(second.containsKey("event"), "an entry without a stored document has no event");
    assertFalse(second.containsKey("disposition"));
  }
}

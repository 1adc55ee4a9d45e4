package org.custodia.epcis.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodia.epcis.domain.ObjectState;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container rule of the current-state projection on the real schema (LIFE-1): an event naming a
 * pallet or case moves everything inside it, under the event-time rule.
 */
class ContainerContentsProjectionTest {

  private static final String U1 = "urn:epc:id:sgtin:9506000.013435.C1";
  private static final String U2 = "urn:epc:id:sgtin:9506000.013435.C2";
  private static final String U3 = "urn:epc:id:sgtin:9506000.013435.C3";
  private static final String LOOSE = "urn:epc:id:sgtin:9506000.013435.C9";
  private static final String CASE1 = "urn:epc:id:sscc:9506000.0000000011";
  private static final String PALLET = "urn:epc:id:sscc:9506000.0000000111";
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String DC = "urn:epc:id:sgln:9506000.00002.0";
  private static final String WHOLESALER = "urn:epc:id:pgln:9506000.00002";

  @TempDir Path dir;
  private JdbcEventStore store;

  @BeforeEach
  void database() {
    JdbcDataSource ds = TestDatabases.migrated(dir);
    store = new JdbcEventStore(ds);
  }

  private void capture(String... events) {
    store.storeAll(
        EpcisJson.read(
            "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
                + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":["
                + String.join(",", events)
                + "]}}"),
        "test");
  }

  private static String commission(String id, String time, String... epcs) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":" + list(epcs) + ",\"action\":\"ADD\","
        + "\"bizStep\":\"commissioning\",\"disposition\":\"active\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
  }

  private static String pack(String id, String time, String parent, String... children) {
    return "{\"type\":\"AggregationEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":" + list(children)
        + ",\"action\":\"ADD\",\"bizStep\":\"packing\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
  }

  private static String observe(String id, String time, String bizStep, String disposition, String location,
      String epc) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + epc + "\"],\"action\":\"OBSERVE\","
        + "\"bizStep\":\"" + bizStep + "\",\"disposition\":\"" + disposition + "\","
        + "\"bizLocation\":{\"id\":\"" + location + "\"},"
        + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"" + WHOLESALER + "\"}]}";
  }

  private static String list(String... epcs) {
    List<String> quoted = new ArrayList<>();
    for (String e : epcs) {
      quoted.add("\"" + e + "\"");
    }
    return "[" + String.join(",", quoted) + "]";
  }

  private ObjectState state(String epc) {
    return store.stateOf(List.of(epc)).stream().findFirst().orElseThrow();
  }

  private void palletOfOneCaseAndOneUnitLoose() {
    capture(commission("urn:uuid:k1", "2026-11-27T08:00:00Z", U1, U2, U3, LOOSE),
        pack("urn:uuid:k2", "2026-11-27T08:01:00Z", CASE1, U1, U2),
        pack("urn:uuid:k3", "2026-11-27T08:02:00Z", PALLET, CASE1, U3));
  }

  @Test
  @Tag("LIFE-1")
  void shippingAPalletMovesTheCasesAndUnitsInsideIt() {
    palletOfOneCaseAndOneUnitLoose();

    capture(observe("urn:uuid:k4", "2026-11-27T10:00:00Z", "shipping", "in_transit", DC, PALLET));

    for (String x : List.of(PALLET, CASE1, U1, U2, U3)) {
      ObjectState s = state(x);
      assertEquals("in_transit", s.status(), x);
      assertEquals(DC, s.bizLocation(), x);
      assertEquals(WHOLESALER, s.ownerParty(), x);
    }
    assertEquals("active", state(LOOSE).status());
    assertEquals(PLANT, state(LOOSE).bizLocation());
    // containment is left as it was
    assertEquals(CASE1, state(U1).parentEpc());
    assertEquals(PALLET, state(U1).topParentEpc());
  }

  @Test
  @Tag("LIFE-1")
  void anEventOnACaseMovesOnlyThatCasesUnits() {
    palletOfOneCaseAndOneUnitLoose();

    capture(observe("urn:uuid:k4", "2026-11-27T10:00:00Z", "inspecting", "in_progress", DC, CASE1));

    assertEquals("in_progress", state(U1).status());
    assertEquals("in_progress", state(U2).status());
    assertEquals("active", state(U3).status());
    assertEquals(PLANT, state(PALLET).bizLocation());
  }

  @Test
  @Tag("LIFE-1")
  void aContainerEventOlderThanAUnitsOwnLastEventDoesNotOverwriteTheUnit() {
    palletOfOneCaseAndOneUnitLoose();
    capture(observe("urn:uuid:k4", "2026-11-27T11:00:00Z", "inspecting", "damaged", DC, U1));

    // the pallet's shipping, captured late, happened before the unit's own inspection
    capture(observe("urn:uuid:k5", "2026-11-27T10:00:00Z", "shipping", "in_transit", DC, PALLET));

    assertEquals("damaged", state(U1).status());
    assertEquals("in_transit", state(U2).status());
  }

  @Test
  @Tag("LIFE-1")
  void theContainerRuleAppliesWithinTheBatchThatPacksAndShips() {
    // packing and shipping in one stored batch: the contents are found after the batch's aggregations
    capture(commission("urn:uuid:k1", "2026-11-27T08:00:00Z", U1, U2),
        pack("urn:uuid:k2", "2026-11-27T08:01:00Z", PALLET, U1, U2),
        observe("urn:uuid:k3", "2026-11-27T09:00:00Z", "shipping", "in_transit", DC, PALLET));

    assertTrue(List.of(U1, U2).stream().allMatch(u -> "in_transit".equals(state(u).status())));
    assertFalse(ObjectStateProjection.isSscc(U1));
    assertTrue(ObjectStateProjection.isSscc("https://id.gs1.org/00/095060000000000111"));
  }
}

package org.custodia.epcis.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EPCIS query parameters against the real schema in H2's Oracle mode. */
@Tag("EPC-2")
class JdbcEventQueryTest {

  private static final String A = "urn:epc:id:sgtin:0614141.107346.2017";
  private static final String B = "urn:epc:id:sgtin:0614141.107346.2018";
  private static final String C = "urn:epc:id:sgtin:0614141.999999.1";
  private static final String PALLET = "urn:epc:id:sscc:0614141.1234567890";

  @TempDir Path dir;
  private JdbcEventQuery query;
  private JdbcEventStore store;

  @BeforeEach
  void repository() {
    JdbcDataSource ds = TestDatabases.migrated(dir);
    store = new JdbcEventStore(ds);
    String doc = "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":["
        + "{\"type\":\"ObjectEvent\",\"eventID\":\"e1\",\"eventTime\":\"2026-01-01T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
        + "\"action\":\"ADD\",\"bizStep\":\"urn:epcglobal:cbv:bizstep:commissioning\",\"disposition\":\"active\","
        + "\"epcList\":[\"" + A + "\",\"" + B + "\"],\"readPoint\":{\"id\":\"urn:epc:id:sgln:0614141.00777.0\"}},"
        + "{\"type\":\"AggregationEvent\",\"eventID\":\"e2\",\"eventTime\":\"2026-01-02T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
        + "\"action\":\"ADD\",\"bizStep\":\"packing\",\"parentID\":\"" + PALLET + "\",\"childEPCs\":[\"" + A + "\",\"" + B + "\"]},"
        + "{\"type\":\"ObjectEvent\",\"eventID\":\"e3\",\"eventTime\":\"2026-01-03T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
        + "\"action\":\"OBSERVE\",\"bizStep\":\"https://ref.gs1.org/cbv/BizStep-shipping\",\"disposition\":\"in_transit\","
        + "\"epcList\":[\"" + PALLET + "\"],\"bizTransactionList\":[{\"type\":\"urn:epcglobal:cbv:btt:po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:0614141073467:PO-7\"}],"
        + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"urn:epc:id:pgln:0614141.00002\"}]},"
        + "{\"type\":\"ObjectEvent\",\"eventID\":\"e4\",\"eventTime\":\"2026-01-04T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
        + "\"action\":\"OBSERVE\",\"bizStep\":\"receiving\",\"epcList\":[\"" + C + "\"],"
        + "\"quantityList\":[{\"epcClass\":\"urn:epc:class:lgtin:4012345.012345.998877\",\"quantity\":200,\"uom\":\"KGM\"}]}"
        + "]}}";
    store.storeAll(EpcisJson.read(doc), "test");
    query = new JdbcEventQuery(ds);
  }

  private static EventQuery.Cursor none() {
    return null;
  }

  private List<String> ids(EventQuery q) {
    List<String> out = new ArrayList<>();
    for (JdbcEventQuery.Row r : query.find(q, 100)) {
      JsonObject o = Json.createReader(new StringReader(r.document())).readObject();
      out.add(o.getString("eventID"));
    }
    return out;
  }

  private static EventQuery q(Map<List<String>, List<String>> epcs, List<String> types, List<String> bizSteps,
      Map<String, List<String>> biz, Map<String, List<String>> dest, boolean asc, int perPage, EventQuery.Cursor after) {
    return new EventQuery(types, null, null, null, null, List.of(), bizSteps, List.of(), List.of(), List.of(), List.of(),
        epcs, biz, Map.of(), dest, false, asc, null, perPage, after, List.of(), List.of(), List.of());
  }

  @Test
  void aDocumentLongerThanTheLongestTextComesBackWhole() {
    // given an event whose document is longer than H2's longest VARCHAR (answered as its CLOB there)
    String note = "x".repeat(1_100_000);
    store.storeAll(EpcisJson.read("{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":["
        + "{\"type\":\"ObjectEvent\",\"eventID\":\"big\",\"eventTime\":\"2026-01-05T10:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
        + "\"action\":\"OBSERVE\",\"epcList\":[\"" + C + "\"],\"example:note\":\"" + note + "\"}]}}"), "test");

    // when C's history is asked for
    List<JdbcEventQuery.Row> rows =
        query.find(q(Map.of(List.of("EPC"), List.of(C)), List.of(), List.of(), Map.of(), Map.of(), false, 30, none()), 100);

    // then both events come back, the long one whole and the short one as text
    assertEquals(2, rows.size());
    JsonObject big = Json.createReader(new StringReader(rows.get(0).document())).readObject();
    assertEquals("big", big.getString("eventID"));
    assertEquals(note, big.getString("example:note"));
    assertEquals("e4", Json.createReader(new StringReader(rows.get(1).document())).readObject().getString("eventID"));
  }

  @Test
  void matchEpcFindsEventsNamingItInEpcListOrChildEpcsNewestFirst() {
    assertEquals(List.of("e2", "e1"), ids(q(Map.of(List.of("EPC", "CHILD"), List.of(A)), List.of(), List.of(), Map.of(), Map.of(), false, 30, none())));
  }

  @Test
  void matchAnyEpcIncludesTheParent() {
    assertEquals(List.of("e3", "e2"), ids(q(Map.of(List.of("EPC", "CHILD", "PARENT", "INPUT", "OUTPUT"), List.of(PALLET)), List.of(), List.of(), Map.of(), Map.of(), false, 30, none())));
  }

  @Test
  void anEpcPatternMatchesByItsPrefix() {
    assertEquals(List.of("e1", "e2"), ids(q(Map.of(List.of("EPC", "CHILD"), List.of("urn:epc:idpat:sgtin:0614141.107346.*")), List.of(), List.of(), Map.of(), Map.of(), true, 30, none())));
  }

  @Test
  void bizStepMatchesWhateverFormEachSideUsed() {
    assertEquals(List.of("e3"), ids(q(Map.of(), List.of(), List.of("shipping"), Map.of(), Map.of(), false, 30, none())));
    assertEquals(List.of("e1"), ids(q(Map.of(), List.of(), List.of("commissioning"), Map.of(), Map.of(), false, 30, none())));
  }

  @Test
  void businessTransactionDestinationAndClassFilters() {
    assertEquals(List.of("e3"), ids(q(Map.of(), List.of(), List.of(), Map.of("po", List.of("urn:epcglobal:cbv:bt:0614141073467:PO-7")), Map.of(), false, 30, none())));
    assertEquals(List.of("e3"), ids(q(Map.of(), List.of(), List.of(), Map.of(), Map.of("owning_party", List.of("urn:epc:id:pgln:0614141.00002")), false, 30, none())));
    assertEquals(List.of("e4"), ids(q(Map.of(List.of("CLASS", "CHILD_CLASS"), List.of("urn:epc:class:lgtin:4012345.012345.998877")), List.of(), List.of(), Map.of(), Map.of(), false, 30, none())));
  }

  @Test
  void pagesFollowEachOtherByCursorWithoutGapsOrRepeats() {
    // given pages of two, oldest first
    List<JdbcEventQuery.Row> first = query.find(q(Map.of(), List.of(), List.of(), Map.of(), Map.of(), true, 2, none()), 2);
    List<JdbcEventQuery.Row> second = query.find(q(Map.of(), List.of(), List.of(), Map.of(), Map.of(), true, 2, first.get(1).cursor()), 2);
    List<JdbcEventQuery.Row> third = query.find(q(Map.of(), List.of(), List.of(), Map.of(), Map.of(), true, 2, second.get(1).cursor()), 2);

    // then
    assertEquals(2, first.size());
    assertEquals(2, second.size());
    assertEquals(0, third.size());
    assertEquals(List.of("e1", "e2", "e3", "e4"), List.of(id(first.get(0)), id(first.get(1)), id(second.get(0)), id(second.get(1))));
  }

  @Test
  void eventTypeAndBrowsingResources() {
    assertEquals(List.of("e2"), ids(q(Map.of(), List.of("AggregationEvent"), List.of(), Map.of(), Map.of(), false, 30, none())));
    assertEquals(List.of("AggregationEvent", "ObjectEvent"), query.distinct("eventTypes", 10));
    assertEquals(List.of("commissioning", "packing", "receiving", "shipping"), query.distinct("bizSteps", 10));
    assertNull(query.find(q(Map.of(List.of("EPC"), List.of("urn:epc:id:sgtin:0.0.0")), List.of(), List.of(), Map.of(), Map.of(), false, 30, none()), 5).stream().findFirst().orElse(null));
  }

  private static String id(JdbcEventQuery.Row r) {
    return Json.createReader(new StringReader(r.document())).readObject().getString("eventID");
  }
}

package org.custodia.trace.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.platform.DomainException;
import org.custodia.platform.TestDatabases;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.RecallException;
import org.custodia.trace.domain.ScopeObject;
import org.custodia.trace.domain.Trace;
import org.custodia.trace.infrastructure.persistence.JdbcRecalls;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;
import org.h2.jdbcx.JdbcDataSource;
import org.custodia.lifecycle.application.PackStatusLookup;
import org.custodia.lifecycle.domain.PackRecord;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.lifecycle.infrastructure.persistence.JdbcPackStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace and recall on the real schema, with events stored through the repository's own store (so the
 * current-state projection is the real one): a pallet of two cases of units shipped to a wholesaler, a
 * loose unit dispensed at a pharmacy, a unit of another lot.
 */
class TraceAndRecallDatabaseTest {

  private static final String GTIN = "09506000134352";
  private static final String U1 = "urn:epc:id:sgtin:9506000.013435.U1";
  private static final String U2 = "urn:epc:id:sgtin:9506000.013435.U2";
  private static final String U3 = "urn:epc:id:sgtin:9506000.013435.U3";
  private static final String U4 = "urn:epc:id:sgtin:9506000.013435.U4";
  private static final String OTHER_LOT = "urn:epc:id:sgtin:9506000.013435.U9";
  private static final String CASE1 = "urn:epc:id:sscc:9506000.0000000001";
  private static final String CASE2 = "urn:epc:id:sscc:9506000.0000000002";
  private static final String PALLET = "urn:epc:id:sscc:9506000.0000000100";
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String DC = "urn:epc:id:sgln:9506000.00002.0";
  private static final String PHARMACY = "urn:epc:id:sgln:9506000.00003.0";
  private static final String WHOLESALER = "urn:epc:id:pgln:9506000.00002";

  @TempDir Path dir;
  private JdbcEventStore store;
  private TraceService trace;
  private RecallSteps steps;
  /** The supply-chain exceptions the recall raised: type and EPC. */
  private final List<String> raised = new ArrayList<>();
  private JdbcRecalls recalls;
  private JdbcDataSource ds;
  private final List<ObjectEvent> sent = new ArrayList<>();
  private JdbcPackStates packStates;

  @BeforeEach
  void database() {
    ds = TestDatabases.migrated(dir);
    store = new JdbcEventStore(ds);
    JdbcTrace jdbc = new JdbcTrace(ds);
    recalls = new JdbcRecalls(ds);
    trace = new TraceService();
    trace.trace = jdbc;
    trace.prefixes = new CompanyPrefixes() {
      @Override
      public OptionalInt lengthFor(String keyDigits) {
        return keyDigits.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty();
      }
    };
    steps = new RecallSteps();
    steps.recalls = recalls;
    steps.trace = jdbc;
    steps.epcis = new EventCaptureService() {
      @Override
      public void capture(List<ObjectEvent> events, String source) {
        sent.addAll(events);
      }
    };
    steps.audit = new AuditTrail() {
      @Override
      public void done(String action, String objectType, String objectId, String detail) {}
    };
    packStates = new JdbcPackStates(ds);
    steps.packs = new PackStatusLookup(packStates);
    steps.supplyExceptions = new SupplyExceptionService() {
      @Override
      public long raise(ExceptionType type, Severity severity, Involved involved, String detail) {
        raised.add(type + " " + involved.epc());
        return raised.size();
      }
    };
    capture(
        commission("urn:uuid:c1", "2026-11-27T08:00:00Z", "L1", U1, U2, U3, U4),
        commission("urn:uuid:c2", "2026-11-27T08:00:00Z", "L2", OTHER_LOT),
        aggregate("urn:uuid:a1", "2026-11-27T08:01:00Z", CASE1, U1, U2),
        aggregate("urn:uuid:a2", "2026-11-27T08:02:00Z", CASE2, U3),
        aggregate("urn:uuid:a3", "2026-11-27T08:03:00Z", PALLET, CASE1, CASE2),
        observe("urn:uuid:s1", "2026-11-27T09:00:00Z", PALLET, "receiving", "in_progress", DC, WHOLESALER),
        observe("urn:uuid:d1", "2026-11-27T09:30:00Z", U4, "dispensing", "dispensed", PHARMACY, null));
  }

  @Test
  @Tag("RCL-1")
  void aUnitShowsItsStateItsContainersAndItsHistoryOldestFirst() {
    // when traced by its element string
    Trace t = trace.trace("(01)" + GTIN + "(21)U1");

    // then
    assertEquals(U1, t.object().epc());
    // the pallet's receiving applies to what it holds (LIFE-1: an event on a container is one on its contents)
    assertEquals("in_progress", t.object().status());
    assertEquals(DC, t.object().bizLocation());
    assertEquals("L1", t.object().lot());
    assertEquals(List.of(CASE1, PALLET), t.parents().stream().map(p -> p.epc()).toList());
    assertEquals(DC, t.location(), "a packed unit is where its pallet went");
    assertEquals(WHOLESALER, t.owner());
    assertEquals(List.of("urn:uuid:c1", "urn:uuid:a1"), t.history().stream().map(h -> h.eventId()).toList());
    assertEquals("CHILD", t.history().get(1).role());
    assertTrue(t.history().get(0).document().contains("commissioning"));
  }

  @Test
  @Tag("RCL-2")
  void aPalletContainsItsCasesAndTheirUnits() {
    ContentNode root = trace.contents("095060000000001005");

    assertEquals(PALLET, root.object().epc());
    assertEquals(5, root.descendants());
    assertEquals(List.of(CASE1, CASE2), root.children().stream().map(c -> c.object().epc()).toList());
    assertEquals(List.of(U1, U2), root.children().get(0).children().stream().map(c -> c.object().epc()).toList());
  }

  @Test
  @Tag("RCL-2")
  void aCaseOnAPalletContainsItsUnits() {
    // the pallet's contents are read by their outermost container, a case's level by level
    ContentNode root = trace.contents(CASE1);

    assertEquals(CASE1, root.object().epc());
    assertEquals(2, root.descendants());
    assertEquals(List.of(U1, U2), root.children().stream().map(c -> c.object().epc()).toList());
  }

  @Test
  @Tag("RCL-1")
  void aUnitStoredUnderAnotherCompanyPrefixLengthIsFoundByItsGtinAndSerial() {
    // a partner's event split the GTIN's company prefix after 8 digits, not after the 7 the master data says
    String stored = "urn:epc:id:sgtin:95060001.03435.U8";
    capture(commission("urn:uuid:c8", "2026-11-27T10:00:00Z", "L1", stored));

    // when traced by the EPC URI of the master data's split, which is not how it is stored
    Trace t = trace.trace("urn:epc:id:sgtin:9506000.013435.U8");

    // then
    assertEquals(stored, t.object().epc());
    assertEquals("L1", t.object().lot());
    assertEquals(List.of("urn:uuid:c8"), t.history().stream().map(h -> h.eventId()).toList());
  }

  @Test
  @Tag("RCL-1")
  void anUnknownObjectIsNotFoundAndAMalformedIdIsRefusedNamingIt() {
    RecallException unknown = assertThrows(RecallException.class, () -> trace.trace("urn:epc:id:sgtin:9506000.013435.NOPE"));
    assertEquals(DomainException.Kind.NOT_FOUND, unknown.kind());

    RecallException bad = assertThrows(RecallException.class, () -> trace.trace("(01)09506000134353(21)X"));
    assertEquals(DomainException.Kind.INVALID, bad.kind());
    assertEquals("id", bad.field());
    assertEquals("(01)09506000134353(21)X", bad.value());
  }

  @Test
  @Tag("RCL-3")
  void aRecallOfALotQuarantinesTheReachableUnitsAndListsTheDispensedOneAsAnException() {
    // given
    long id = recalls.create(RecallCriteria.ofLots(GTIN, List.of("L1")), "test", "qa",
        OffsetDateTime.parse("2026-11-27T10:00:00Z"), "recall initiated");

    // when the run gathers and quarantines the scope
    List<ScopeObject> scope = steps.gather(id, RecallCriteria.ofLots(GTIN, List.of("L1")));
    List<ScopeObject> units = scope.stream().filter(o -> o.kind() == ScopeObject.Kind.UNIT).toList();
    steps.store(id, scope.stream().filter(o -> o.kind() == ScopeObject.Kind.CONTAINER).toList());
    steps.quarantine(id, units);
    recalls.finish(id, "DONE", null, OffsetDateTime.parse("2026-11-27T10:00:01Z"));

    // then four units of L1 and the three containers holding them, not the unit of L2
    assertEquals(7, scope.size());
    Recall r = recalls.find(id).orElseThrow();
    assertEquals(4, r.total());
    assertEquals(3, r.containers());
    assertEquals(3, r.quarantined());
    assertEquals(1, r.exceptions());
    assertEquals(List.of(new LocationCount(DC, WHOLESALER, 3), new LocationCount(PHARMACY, null, 1)),
        recalls.byLocation(id));
    assertEquals(U4, recalls.exceptions(id).get(0).epc());
    assertEquals(List.of("RECALLED_UNIT_OUT_OF_REACH " + U4), raised);
    // one ObjectEvent sets the reachable units recalled
    assertEquals(1, sent.size());
    assertEquals(List.of(U1, U2, U3), sent.get(0).epcList());
    assertEquals("recalled", sent.get(0).disposition());

    // and once the repository stores it, their status is recalled; a destroyed unit counts as resolved
    store.storeAll(EpcisJson.read(EpcisJson.document(sent, OffsetDateTime.now())), "recall");
    assertEquals("recalled", trace.trace(U2).object().status());
    capture(observe("urn:uuid:x1", "2099-01-01T00:00:00Z", U1, "destroying", "destroyed", PLANT, null));
    assertEquals(1, recalls.find(id).orElseThrow().resolved());
    assertEquals(7, recalls.objects(id, 0, 100).size());
    assertEquals("destroyed", recalls.objects(id, 0, 100).get(0).status());
  }

  @Test
  @Tag("RCL-3")
  @Tag("LIFE-2")
  void aPackExportedUnderItsPackStateIsOutOfReachThoughItsLastEventSaysInTransit() {
    // given U2 exported (LIFE-2): its event's disposition is in_transit, its pack state says exported
    packStates.save(List.of(new PackRecord(GTIN, "U2", U2, PackState.EXPORTED, "9506000000022", "9506000000022",
        OffsetDateTime.parse("2026-11-27T09:30:00Z"), "supply", "urn:uuid:export-1")), Map.of());
    long id = recalls.create(RecallCriteria.ofLots(GTIN, List.of("L1")), "test", "qa",
        OffsetDateTime.parse("2026-11-27T10:00:00Z"), "recall initiated");

    // when
    List<ScopeObject> scope = steps.gather(id, RecallCriteria.ofLots(GTIN, List.of("L1")));
    steps.quarantine(id, scope.stream().filter(o -> o.kind() == ScopeObject.Kind.UNIT).toList());

    // then it is followed up where it went, not quarantined
    assertEquals(List.of("RECALLED_UNIT_OUT_OF_REACH " + U2, "RECALLED_UNIT_OUT_OF_REACH " + U4), raised.stream().sorted().toList());
    assertEquals(List.of(U1, U3), sent.get(0).epcList());
    assertEquals("exported", recalls.exceptions(id).stream().filter(x -> x.epc().equals(U2)).findFirst().orElseThrow()
        .status());
  }

  @Test
  @Tag("RCL-3")
  void aScopePreviewGroupsTheLotsUnitsByLocationAsTheRecallWouldAndRecordsNothing() throws Exception {
    // when the scope of lot L1 is previewed
    List<ScopeObject> scope = steps.scope(RecallCriteria.ofLots(GTIN, List.of("L1")));

    // then it is the scope a recall gathers: four units, the three containers holding them, by location
    assertEquals(4, scope.stream().filter(o -> o.kind() == ScopeObject.Kind.UNIT).count());
    assertEquals(3, scope.stream().filter(o -> o.kind() == ScopeObject.Kind.CONTAINER).count());
    assertEquals(List.of(new LocationCount(DC, WHOLESALER, 3), new LocationCount(PHARMACY, null, 1)),
        org.custodia.trace.domain.RecallRules.byLocation(scope));
    // and nothing was recorded or sent
    assertTrue(recalls.recent(10).isEmpty());
    assertTrue(sent.isEmpty());
    assertTrue(raised.isEmpty());
    // the other lot's unit only in its own scope
    assertEquals(List.of(OTHER_LOT), steps.scope(RecallCriteria.ofLots(GTIN, List.of("L2"))).stream()
        .map(ScopeObject::epc).toList());
  }

  @Test
  @Tag("RCL-3")
  void aRecallOfAProductionWindowTakesTheUnitsReadOnThatLineInTheWindow() throws Exception {
    // given U1 read good on line-9 at 08:00 and U2 at 12:00, both commissioned
    try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO serial_pool (id, gtin, charset, serial_length, serial_order, capacity, issued,"
          + " guess_probability, status, created_at, created_by, version) VALUES (900, '" + GTIN + "', 'CSET82', 2,"
          + " 'RANDOM', 100, 2, 0.01, 'ACTIVE', TIMESTAMP '2026-11-27 07:00:00+00:00', 'qa', 0)");
      st.executeUpdate("INSERT INTO production_line (line_id, name, window_size, reject_timeout_ms, stop_on_unconfirmed)"
          + " VALUES ('line-9', 'Line 9', 10, 1000, 1)");
      st.executeUpdate("INSERT INTO work_order (id, line_id, gtin, lot, expiry, quantity, markets, status, pool_id,"
          + " serials_allocated, last_sent, created_by, created_at) VALUES (900, 'line-9', '" + GTIN + "', 'L1',"
          + " '281231', 2, 'US', 'CLOSED', 900, 2, 2, 'qa', TIMESTAMP '2026-11-27 07:00:00+00:00')");
      for (String[] u : new String[][] {{"1", "U1", "08:00:00"}, {"2", "U2", "12:00:00"}}) {
        st.executeUpdate("INSERT INTO work_order_unit (work_order_id, seq_no, serial, pool_id, status, allocated_at,"
            + " read_at) VALUES (900, " + u[0] + ", '" + u[1] + "', 900, 'GOOD', TIMESTAMP '2026-11-27 07:00:00+00:00',"
            + " TIMESTAMP '2026-11-27 " + u[2] + "+00:00')");
        st.executeUpdate("INSERT INTO commissioned_unit (gtin, serial, pool_id, lot, expiry, line_id, epc, event_id,"
            + " commissioned_at, commissioned_by) VALUES ('" + GTIN + "', '" + u[1] + "', 900, 'L1', '281231', 'line-9',"
            + " 'urn:epc:id:sgtin:9506000.013435." + u[1] + "', 'urn:uuid:c1', TIMESTAMP '2026-11-27 " + u[2]
            + "+00:00', 'operator')");
      }
    }

    // when
    List<org.custodia.trace.domain.TracedObject> units = recalls.unitsOfLineWindow("line-9",
        OffsetDateTime.parse("2026-11-27T06:00:00Z"), OffsetDateTime.parse("2026-11-27T10:00:00Z"), steps.trace);

    // then only U1, with its current state
    assertEquals(List.of(U1), units.stream().map(u -> u.epc()).toList());
    assertEquals(CASE1, units.get(0).parentEpc());
  }

  private void capture(String... events) {
    store.storeAll(
        EpcisJson.read(
            "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
                + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":["
                + String.join(",", events) + "]}}"),
        "test");
  }

  private static String commission(String id, String time, String lot, String... epcs) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":" + list(epcs) + ",\"action\":\"ADD\","
        + "\"bizStep\":\"commissioning\",\"disposition\":\"active\",\"bizLocation\":{\"id\":\"" + PLANT + "\"},"
        + "\"ilmd\":{\"cbvmda:lotNumber\":\"" + lot + "\",\"cbvmda:itemExpirationDate\":\"2028-12-31\"}}";
  }

  private static String aggregate(String id, String time, String parent, String... children) {
    return "{\"type\":\"AggregationEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":" + list(children)
        + ",\"action\":\"ADD\",\"bizStep\":\"packing\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
  }

  private static String observe(String id, String time, String epc, String bizStep, String disposition,
      String location, String owner) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + epc + "\"],\"action\":\"OBSERVE\","
        + "\"bizStep\":\"" + bizStep + "\",\"disposition\":\"" + disposition + "\",\"readPoint\":{\"id\":\""
        + location + "\"},\"bizLocation\":{\"id\":\"" + location + "\"}"
        + (owner == null ? "" : ",\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"" + owner + "\"}]")
        + "}";
  }

  private static String list(String... epcs) {
    List<String> quoted = new ArrayList<>();
    for (String e : epcs) {
      quoted.add("\"" + e + "\"");
    }
    return "[" + String.join(",", quoted) + "]";
  }
}

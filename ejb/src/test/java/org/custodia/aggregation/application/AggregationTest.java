package org.custodia.aggregation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.custodia.aggregation.domain.AggregationException;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ChildState;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.Content;
import org.custodia.aggregation.domain.OrderFacts;
import org.custodia.aggregation.domain.PackedContainer;
import org.custodia.aggregation.domain.PackingPolicy;
import org.custodia.aggregation.domain.SsccPool;
import org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.validation.EpcisJsonSchema;
import org.custodia.epcis.infrastructure.validation.SemanticValidator;
import org.custodia.gs1.CheckDigit;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.platform.Jsonp;
import org.custodia.platform.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregation on the migrated H2 database (the real schema and SQL, migrated once for the class and emptied
 * before each test): SSCC allocation, packing cases and pallets through the rules, the AggregationEvent, and
 * the contents of a pallet. Work orders, serial pools and commissioned units are rows written here as the
 * line and serialization features write them.
 */
@Tag("AGG-3")
class AggregationTest {

  static final String GTIN = "09506000134352";
  static final String GS = "\u001d";
  static final long ORDER = 101;
  static final long OTHER_ORDER = 102;
  static final OrderFacts FACTS = new OrderFacts(ORDER, "line-1", GTIN, "L1");
  static final Instant AT = Instant.parse("2026-11-27T09:30:00Z");

  @TempDir static Path dir;
  static DataSource database;
  static Connection keepOpen;

  JdbcAggregationStore store;
  List<AggregationEvent> events;
  List<String> audit;
  Aggregation aggregation;

  @BeforeAll
  static void migrate() throws Exception {
    database = TestDatabases.migrated(dir);
    keepOpen = database.getConnection();
  }

  @AfterAll
  static void release() throws Exception {
    keepOpen.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    TestDatabases.empty(database,
        "aggregation_link", "aggregation_container", "sscc_pool", "object_state", "commissioned_unit", "serial_pool",
        "work_order", "production_line");
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO production_line (line_id, name, window_size, reject_timeout_ms,"
          + " stop_on_unconfirmed) VALUES ('line-1', 'Line 1', 4, 5000, 1)");
      s.executeUpdate("INSERT INTO serial_pool (id, gtin, charset, serial_length, serial_order, capacity, issued,"
          + " guess_probability, status, created_at, created_by, version) VALUES (1, '" + GTIN + "', 'NUMERIC', 4,"
          + " 'SEQUENTIAL', 1000, 100, 0, 'ACTIVE', CURRENT_TIMESTAMP, 'test', 0)");
    }
    workOrder(ORDER, "L1");
    workOrder(OTHER_ORDER, "L2");
    store = new JdbcAggregationStore(database);
    store.definePool(new SsccPool("9506000", 0, 1));
    events = new CopyOnWriteArrayList<>();
    audit = new CopyOnWriteArrayList<>();
    aggregation = newAggregation();
  }

  Aggregation newAggregation() {
    return newAggregation(PackingPolicy.STRICT);
  }

  Aggregation newAggregation(PackingPolicy policy) {
    Aggregation.Audit log = new Aggregation.Audit() {
      @Override
      public void done(String action, String type, String id, String detail) {
        audit.add("done " + action + " " + id);
      }

      @Override
      public void refused(String action, String type, String id, String detail) {
        audit.add("refused " + action + " " + id + " " + detail);
      }
    };
    Aggregation.PrefixLengths prefixes = digits -> digits.startsWith("9506000") ? OptionalInt.of(7)
        : OptionalInt.empty();
    return new Aggregation(new JdbcAggregationStore(database), policy, events::add, log, prefixes,
        Gln.of("9506000000015"), Clock.fixed(AT, ZoneOffset.UTC));
  }

  static void workOrder(long id, String lot) throws Exception {
    exec("INSERT INTO work_order (id, line_id, gtin, lot, expiry, quantity, markets, status, serials_allocated,"
        + " last_sent, created_by, created_at) VALUES (?, 'line-1', ?, ?, '281231', 1000, 'US', 'RUNNING', 0, 0,"
        + " 'test', CURRENT_TIMESTAMP)", id, GTIN, lot);
  }

  /** Commissions serials of a lot as serialization does: a row with the EPC the event named. */
  static void commission(String lot, String... serials) throws Exception {
    for (String serial : serials) {
      exec("INSERT INTO commissioned_unit (gtin, serial, pool_id, lot, expiry, epc, event_id, commissioned_at,"
          + " commissioned_by) VALUES (?, ?, 1, ?, '281231', ?, 'urn:uuid:c', CURRENT_TIMESTAMP, 'test')",
          GTIN, serial, lot, epc(serial));
    }
  }

  static void exec(String sql, Object... args) throws Exception {
    try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  static int rows(String sql, Object... args) throws Exception {
    try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static String epc(String serial) {
    return Sgtin.of(GTIN, serial).toEpcUri(7);
  }

  /** A unit code as the case station's camera sends it: raw, GS-separated, with expiry and lot. */
  static String scanned(String lot, String serial) {
    return "01" + GTIN + "17281231" + "10" + lot + GS + "21" + serial;
  }

  static List<String> units(String lot, String... serials) {
    return java.util.Arrays.stream(serials).map(s -> scanned(lot, s)).toList();
  }

  String caseOf(String... serials) {
    String sscc = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);
    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + sscc,
        units("L1", serials), serials.length, false, AT);
    assertTrue(p.accepted(), p.reason());
    return sscc;
  }

  // ---- SSCC allocation ----

  @Tag("AGG-1")
  @Test
  void allocatesUniqueSsccsOfThePrefixWithACorrectCheckDigitAndRecordsThem() throws Exception {
    List<String> first = aggregation.allocate(ORDER, ContainerLevel.CASE, 3);
    List<String> second = aggregation.allocate(ORDER, ContainerLevel.PALLET, 2);

    assertEquals(List.of("095060000000000015", "095060000000000022", "095060000000000039"), first);
    assertEquals(List.of("095060000000000046", "095060000000000053"), second);
    for (String s : concat(first, second)) {
      assertTrue(CheckDigit.isValid(s), s);
    }
    assertEquals(3, rows("SELECT COUNT(*) FROM aggregation_container WHERE work_order_id = ? AND"
        + " container_level = 'CASE' AND status = 'ALLOCATED'", ORDER));
    assertEquals(6, rows("SELECT next_serial_ref FROM sscc_pool WHERE company_prefix = '9506000'"));
    assertEquals(0, aggregation.count(ORDER, ContainerLevel.CASE));
  }

  @Test
  void refusesToAllocateWithoutAPoolOrForAnUnknownOrder() throws Exception {
    exec("DELETE FROM sscc_pool");
    assertEquals("no-sscc-pool", assertThrows(AggregationException.class,
        () -> aggregation.allocate(ORDER, ContainerLevel.CASE, 1)).code());
    assertEquals("unknown-work-order", assertThrows(AggregationException.class,
        () -> aggregation.allocate(999, ContainerLevel.CASE, 1)).code());
    assertEquals("bad-count", assertThrows(AggregationException.class,
        () -> aggregation.allocate(ORDER, ContainerLevel.CASE, 0)).code());
    assertTrue(store.definePool(new SsccPool("9506000", 0, 1)));
    assertFalse(store.definePool(new SsccPool("9506000", 5, 99)), "a configured pool is left as it is");
    assertEquals(List.of("095060000000000015"), aggregation.allocate(ORDER, ContainerLevel.CASE, 1));
  }

  @Tag("AGG-1")
  @Test
  void twoConcurrentAllocatorsNeverReturnTheSameSscc() throws Exception {
    int rounds = 40;
    int each = 5;
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<List<String>> allocator = () -> {
      Aggregation mine = newAggregation();
      List<String> got = new ArrayList<>();
      start.await();
      for (int i = 0; i < rounds; i++) {
        got.addAll(mine.allocate(ORDER, ContainerLevel.CASE, each));
      }
      return got;
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> a = pool.submit(allocator);
      Future<List<String>> b = pool.submit(allocator);
      List<String> all = concat(a.get(), b.get());
      assertEquals(2 * rounds * each, all.size());
      assertEquals(all.size(), new HashSet<>(all).size(), "an SSCC was handed out twice");
      assertEquals(1 + all.size(), rows("SELECT next_serial_ref FROM sscc_pool"));
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- cases ----

  @Test
  void aFullCaseIsRecordedWithItsLinksAndAnAggregationEvent() throws Exception {
    commission("L1", "S1", "S2", "S3");
    String sscc = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);

    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + sscc,
        List.of(scanned("L1", "S1"), "(01)" + GTIN + "(21)S2", scanned("L1", "S3")), 3, false, AT);

    assertEquals(new Aggregation.PackOutcome(true, sscc, 3, null), p);
    assertEquals(1, aggregation.count(ORDER, ContainerLevel.CASE));
    assertEquals(3, rows("SELECT COUNT(*) FROM aggregation_link WHERE parent_sscc = ?", sscc));
    assertEquals(1, rows("SELECT COUNT(*) FROM aggregation_container WHERE sscc = ? AND status = 'PACKED'"
        + " AND child_count = 3 AND closed_partial = 0", sscc));
    assertEquals(1, events.size());
    AggregationEvent e = events.get(0);
    assertEquals("urn:epc:id:sscc:9506000.0000000001", e.parentId());
    assertEquals(List.of(epc("S1"), epc("S2"), epc("S3")), e.childEpcs());
    assertEquals("ADD", e.action());
    assertEquals("packing", e.bizStep());
    assertEquals("in_progress", e.disposition());
    assertEquals("urn:epc:id:sgln:9506000.00001.0", e.readPoint());
    assertEquals("urn:epc:id:sgln:9506000.00001.0", e.bizLocation());
    assertEquals(OffsetDateTime.parse("2026-11-27T09:30:00Z"), e.eventTime());
    assertEquals(1, rows("SELECT COUNT(*) FROM aggregation_container WHERE sscc = ? AND event_id = ?", sscc,
        e.eventId()));
    assertEquals(List.of("done aggregation.pack " + sscc), audit);
  }

  @Tag("AGG-1")
  @Test
  void theAggregationEventDocumentIsValidEpcisAndReadsBackAsPackedChildrenOfTheSscc() throws Exception {
    commission("L1", "S1", "S2");
    caseOf("S1", "S2");

    String document = EpcisJson.aggregationDocument(events, OffsetDateTime.parse("2026-11-27T09:31:00Z"));

    assertEquals(List.of(), new EpcisJsonSchema().validateDocument(document));
    JsonObject json = Jsonp.JSON.createReader(new StringReader(document)).readObject();
    assertEquals(List.of(), SemanticValidator.validateDocument(json));
    StoredEvent stored = EpcisJson.read(document).get(0);
    assertEquals("AggregationEvent", stored.eventType());
    assertEquals(List.of("urn:epc:id:sscc:9506000.0000000001"), stored.epcsByRole().get("PARENT"));
    assertEquals(List.of(epc("S1"), epc("S2")), stored.epcsByRole().get("CHILD"));
    assertEquals("packing", stored.bizStep());
    assertEquals("in_progress", stored.disposition());
  }

  @Test
  void aCaseShortOfItsCountIsRefusedWholeUnlessClosedAsPartial() throws Exception {
    commission("L1", "S1", "S2");
    String sscc = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);

    Aggregation.PackOutcome refused = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "(00)" + sscc,
        units("L1", "S1", "S2"), 3, false, AT);

    assertEquals(new Aggregation.PackOutcome(false, sscc, 0, "count-short: case (00)" + sscc
        + " has 2 units, fewer than its configured count of 3; close it as partial if it is meant to be"), refused);
    assertNothingRecorded();
    assertTrue(audit.get(0).startsWith("refused aggregation.pack " + sscc), audit.toString());

    Aggregation.PackOutcome partial = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "(00)" + sscc,
        units("L1", "S1", "S2"), 3, true, AT);
    assertTrue(partial.accepted(), partial.reason());
    assertEquals(2, partial.children());
    assertEquals(1, rows("SELECT COUNT(*) FROM aggregation_container WHERE sscc = ? AND closed_partial = 1", sscc));
  }

  @Test
  void aUnitGoesIntoOneCaseOnlyAndAClosedCaseIsNotClosedAgain() throws Exception {
    commission("L1", "S1", "S2", "S3");
    String first = caseOf("S1", "S2");
    String second = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);

    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + second,
        units("L1", "S3", "S2"), 2, false, AT);

    assertEquals("child-has-parent: unit (01)" + GTIN + "(21)S2 is already in (00)" + first
        + "; a child has one parent at a time", p.reason());
    assertEquals(0, rows("SELECT COUNT(*) FROM aggregation_link WHERE parent_sscc = ?", second));
    assertEquals(1, aggregation.count(ORDER, ContainerLevel.CASE));
    assertEquals("parent-already-packed", code(aggregation.packed("line-1", ORDER, ContainerLevel.CASE,
        "00" + first, units("L1", "S3"), 1, false, AT)));
  }

  @Test
  void aUnitNotCommissionedOrNoLongerActiveIsRefused() throws Exception {
    commission("L1", "S1", "S2");
    String sscc = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);
    // S9 is known to the repository (another party's event named it) but was not commissioned here: a line
    // packs only what it commissioned, unlike a distribution point
    exec("INSERT INTO object_state (epc, gtin, serial, lot, status, last_event_time, last_event_pk)"
        + " VALUES (?, ?, 'S9', 'L1', 'active', CURRENT_TIMESTAMP, 1)", epc("S9"), GTIN);

    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + sscc,
        units("L1", "S1", "S9"), 2, false, AT);
    assertEquals("child-not-active: unit (01)" + GTIN + "(21)S9 is not commissioned", p.reason());

    exec("INSERT INTO object_state (epc, gtin, serial, status, last_event_time, last_event_pk)"
        + " VALUES (?, ?, 'S2', 'destroyed', CURRENT_TIMESTAMP, 1)", epc("S2"), GTIN);
    assertEquals("child-not-active: unit (01)" + GTIN + "(21)S2 is destroyed, not active",
        aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + sscc, units("L1", "S1", "S2"), 2, false,
            AT).reason());
    assertNothingRecorded();
  }

  @Test
  void aUnitOfAnotherLotIsRefused() throws Exception {
    commission("L1", "S1");
    commission("L2", "S2");
    String sscc = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);

    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + sscc,
        List.of(scanned("L1", "S1"), scanned("L2", "S2")), 2, false, AT);

    assertEquals("child-other-lot: unit (01)" + GTIN + "(21)S2 is of lot L2, but work order " + ORDER
        + " makes lot L1", p.reason());
    assertNothingRecorded();
  }

  @Test
  void unreadableCodesAndForeignSsccsAreRefused() throws Exception {
    commission("L1", "S1");
    String sscc = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);
    String foreign = aggregation.allocate(OTHER_ORDER, ContainerLevel.CASE, 1).get(0);

    Aggregation.PackOutcome unreadable = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00123",
        units("L1", "S1"), 1, false, AT);
    assertFalse(unreadable.accepted());
    assertNull(unreadable.parentSscc());
    assertTrue(unreadable.reason().startsWith("parent-unreadable: "), unreadable.reason());
    assertEquals("child-unreadable", code(aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + sscc,
        List.of("(01)" + GTIN + "(10)L1"), 1, false, AT)));
    assertEquals("parent-foreign", code(aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + foreign,
        units("L1", "S1"), 1, false, AT)));
    assertEquals("parent-not-allocated", code(aggregation.packed("line-1", ORDER, ContainerLevel.CASE,
        "(00)095060009999999997", units("L1", "S1"), 1, false, AT)));
    assertEquals("unknown-work-order", code(aggregation.packed("line-1", 999, ContainerLevel.CASE, "00" + sscc,
        units("L1", "S1"), 1, false, AT)));
    assertNothingRecorded();
  }

  @Test
  void aRaceLostWhileRecordingWritesNothing() throws Exception {
    commission("L1", "S1", "S2");
    String first = caseOf("S1");
    String second = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);
    // facts read before another request put S1 into the first case: S1 looked free
    ChildState s2 = ChildState.unit(new ChildId.Unit(Sgtin.of(GTIN, "S2")), "active", "L1", null, epc("S2"));
    ChildState staleS1 = ChildState.unit(new ChildId.Unit(Sgtin.of(GTIN, "S1")), "active", "L1", null, epc("S1"));
    OffsetDateTime at = AT.atOffset(ZoneOffset.UTC);

    AggregationException lost = assertThrows(AggregationException.class, () -> store.record(new PackedContainer(
        Sscc.of(second), ContainerLevel.CASE, FACTS, "line-1", true, List.of(s2, staleS1), false, at,
        "urn:uuid:race")));

    assertEquals("child-has-parent", lost.code());
    assertEquals(1, rows("SELECT COUNT(*) FROM aggregation_container WHERE sscc = ? AND status = 'ALLOCATED'",
        second));
    assertEquals(0, rows("SELECT COUNT(*) FROM aggregation_link WHERE parent_sscc = ?", second));
    assertEquals("parent-already-packed", assertThrows(AggregationException.class, () -> store.record(
        new PackedContainer(Sscc.of(first), ContainerLevel.CASE, FACTS, "line-1", true, List.of(s2), false, at,
            "urn:uuid:again")))
        .code());
    assertEquals(0, rows("SELECT COUNT(*) FROM aggregation_link WHERE child_key = ?", "01" + GTIN + "21S2"));
  }

  @Test
  void whereThePolicyAllowsItAStationMadeSsccIsRecordedAsItIsClosedAndOnlyOnce() throws Exception {
    commission("L1", "S1", "S2");
    Aggregation lenient = newAggregation(new PackingPolicy(true, true, false));
    String stationMade = "095060009999999997";

    Aggregation.PackOutcome p = lenient.packed("line-1", ORDER, ContainerLevel.CASE, "00" + stationMade,
        units("L1", "S1"), 1, false, AT);

    assertTrue(p.accepted(), p.reason());
    assertEquals(1, rows("SELECT COUNT(*) FROM aggregation_container WHERE sscc = ? AND status = 'PACKED'"
        + " AND work_order_id = ? AND line_id = 'line-1' AND lot = 'L1' AND child_count = 1", stationMade, ORDER));
    assertEquals(List.of(new Content("(01)" + GTIN + "(21)S1", "UNIT", stationMade, 1)),
        lenient.contents(stationMade));
    assertEquals("parent-already-packed", code(lenient.packed("line-1", ORDER, ContainerLevel.CASE,
        "00" + stationMade, units("L1", "S2"), 1, false, AT)));
    assertEquals("parent-not-allocated", code(aggregation.packed("line-1", ORDER, ContainerLevel.CASE,
        "(00)095060008888888886", units("L1", "S2"), 1, false, AT)));
  }

  // ---- pallets ----

  @Tag("AGG-1")
  @Test
  void aPalletOfRecordedCasesGivesEveryDescendant() throws Exception {
    commission("L1", "S1", "S2", "S3", "S4");
    String case1 = caseOf("S1", "S2");
    String case2 = caseOf("S3", "S4");
    String pallet = aggregation.allocate(ORDER, ContainerLevel.PALLET, 1).get(0);

    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.PALLET, "00" + pallet,
        List.of("00" + case1, "(00)" + case2), 2, false, AT);

    assertTrue(p.accepted(), p.reason());
    assertEquals(1, aggregation.count(ORDER, ContainerLevel.PALLET));
    assertEquals(2, aggregation.count(ORDER, ContainerLevel.CASE));
    AggregationEvent e = events.get(events.size() - 1);
    assertEquals(List.of("urn:epc:id:sscc:9506000.0000000001", "urn:epc:id:sscc:9506000.0000000002"),
        e.childEpcs());
    assertEquals("urn:epc:id:sscc:9506000.0000000003", e.parentId());
    assertEquals(2, rows("SELECT COUNT(*) FROM aggregation_container WHERE parent_sscc = ?", pallet));

    List<Content> contents = aggregation.contents(pallet);
    assertEquals(List.of(
        new Content("(00)" + case1, "CASE", pallet, 1),
        new Content("(00)" + case2, "CASE", pallet, 1),
        new Content("(01)" + GTIN + "(21)S1", "UNIT", case1, 2),
        new Content("(01)" + GTIN + "(21)S2", "UNIT", case1, 2),
        new Content("(01)" + GTIN + "(21)S3", "UNIT", case2, 2),
        new Content("(01)" + GTIN + "(21)S4", "UNIT", case2, 2)), contents);
    assertEquals(contents, aggregation.contents("(00)" + pallet));
    assertEquals(2, aggregation.contents(case2).size());
  }

  @Tag("AGG-1")
  @Test
  void contentsOfAnUnknownSsccIsNotFound() {
    assertEquals("unknown-sscc", assertThrows(AggregationException.class,
        () -> aggregation.contents("095060009999999997")).code());
    assertEquals("bad-sscc", assertThrows(AggregationException.class,
        () -> aggregation.contents("095060009999999990")).code());
  }

  @Test
  void aPalletTakesOnlyRecordedCases() throws Exception {
    commission("L1", "S1");
    String case1 = caseOf("S1");
    String neverClosed = aggregation.allocate(ORDER, ContainerLevel.CASE, 1).get(0);
    String pallet = aggregation.allocate(ORDER, ContainerLevel.PALLET, 1).get(0);
    int eventsBefore = events.size();

    assertEquals("child-unknown: container (00)095060009999999997 is not a recorded case",
        aggregation.packed("line-1", ORDER, ContainerLevel.PALLET, "00" + pallet,
            List.of("00" + case1, "00095060009999999997"), 2, false, AT).reason());
    assertEquals("child-unknown: case (00)" + neverClosed + " was never closed, so it is not a recorded case",
        aggregation.packed("line-1", ORDER, ContainerLevel.PALLET, "00" + pallet,
            List.of("00" + case1, "00" + neverClosed), 2, false, AT).reason());
    assertEquals("wrong-child-level", code(aggregation.packed("line-1", ORDER, ContainerLevel.PALLET,
        "00" + pallet, units("L1", "S1"), 1, false, AT)));
    assertEquals(0, aggregation.count(ORDER, ContainerLevel.PALLET));
    assertEquals(eventsBefore, events.size());
    assertEquals(List.of(), aggregation.contents(pallet));
  }

  @Test
  void aPalletCannotGoIntoACaseOnIt() throws Exception {
    commission("L1", "S1");
    String case1 = caseOf("S1");
    String pallet = aggregation.allocate(ORDER, ContainerLevel.PALLET, 1).get(0);
    assertTrue(aggregation.packed("line-1", ORDER, ContainerLevel.PALLET, "00" + pallet, List.of("00" + case1), 1,
        false, AT).accepted());

    Aggregation.PackOutcome p = aggregation.packed("line-1", ORDER, ContainerLevel.CASE, "00" + case1,
        List.of("00" + pallet), 1, false, AT);

    assertEquals("cycle: pallet (00)" + pallet + " cannot go into case (00)" + case1 + ", which is inside it",
        p.reason());
  }

  // ---- helpers ----

  void assertNothingRecorded() throws Exception {
    assertEquals(0, rows("SELECT COUNT(*) FROM aggregation_link"));
    assertEquals(0, rows("SELECT COUNT(*) FROM aggregation_container WHERE status = 'PACKED'"));
    assertEquals(List.of(), events);
    assertTrue(audit.stream().noneMatch(a -> a.startsWith("done")), audit.toString());
  }

  static String code(Aggregation.PackOutcome p) {
    assertFalse(p.accepted(), "accepted, expected a refusal");
    return p.reason().substring(0, p.reason().indexOf(':'));
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}

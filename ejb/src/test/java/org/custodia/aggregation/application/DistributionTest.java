package org.custodia.aggregation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;
import org.custodia.aggregation.domain.AggregationException;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.LinkRecord;
import org.custodia.aggregation.domain.PackingPolicy;
import org.custodia.aggregation.domain.ScannedCodes;
import org.custodia.aggregation.domain.SsccPool;
import org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;
import org.custodia.epcis.infrastructure.validation.EpcisJsonSchema;
import org.custodia.epcis.infrastructure.validation.SemanticValidator;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.Jsonp;
import org.custodia.platform.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disaggregation and re-aggregation at a distribution point on the migrated H2 database (the real schema
 * and SQL, V17 included): packing cases and a pallet at the wholesaler, opening a case, taking units out,
 * replacing a damaged one, re-packing, with the containment tables, the history and the events checked,
 * and the refusals of AGG-3 leaving nothing behind.
 */
@Tag("AGG-2")
@Tag("AGG-3")
class DistributionTest {

  static final String GTIN = "09506000134352";
  static final Gln WHOLESALER = Gln.of("9506000000022");
  static final String SGLN = "urn:epc:id:sgln:9506000.00002.0";
  static final Instant AT = Instant.parse("2026-11-27T13:00:00Z");

  @TempDir static Path dir;
  static DataSource database;
  static Connection keepOpen;

  List<AggregationEvent> aggregations;
  List<ObjectEvent> objects;
  List<String> audit;
  Distribution distribution;

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
        "aggregation_link_history", "aggregation_link", "aggregation_container", "sscc_pool", "object_state",
        "commissioned_unit", "serial_pool", "epcis_event_epc", "epcis_event_biztx", "epcis_event_srcdest",
        "epcis_event_field", "epcis_event");
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO serial_pool (id, gtin, charset, serial_length, serial_order, capacity, issued,"
          + " guess_probability, status, created_at, created_by, version) VALUES (1, '" + GTIN + "', 'NUMERIC', 4,"
          + " 'SEQUENTIAL', 1000, 100, 0, 'ACTIVE', CURRENT_TIMESTAMP, 'test', 0)");
    }
    new JdbcAggregationStore(database).definePool(new SsccPool("9506000", 0, 1));
    for (int i = 1; i <= 12; i++) {
      commission("L1", "S" + i);
    }
    commission("L2", "X1");
    aggregations = new ArrayList<>();
    objects = new ArrayList<>();
    audit = new ArrayList<>();
    distribution = newDistribution(PackingPolicy.STRICT);
  }

  Distribution newDistribution(PackingPolicy policy) {
    Aggregation.Audit log = new Aggregation.Audit() {
      @Override
      public void done(String action, String type, String id, String detail) {
        audit.add(action + " " + id + " " + detail);
      }

      @Override
      public void refused(String action, String type, String id, String detail) {
        audit.add("refused " + action);
      }
    };
    Distribution.Events events = new Distribution.Events() {
      @Override
      public void aggregations(List<AggregationEvent> list) {
        aggregations.addAll(list);
      }

      @Override
      public void objects(List<ObjectEvent> list) {
        objects.addAll(list);
      }
    };
    Aggregation.PrefixLengths prefixes = d -> d.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty();
    return new Distribution(new JdbcAggregationStore(database), policy, events, log, prefixes,
        gln -> Set.of("9506000000015", "9506000000022", "9506000000039").contains(gln.value()),
        Clock.fixed(AT, ZoneOffset.UTC));
  }

  static void commission(String lot, String serial) throws Exception {
    exec("INSERT INTO commissioned_unit (gtin, serial, pool_id, lot, expiry, epc, event_id, commissioned_at,"
        + " commissioned_by) VALUES (?, ?, 1, ?, '281231', ?, 'urn:uuid:c', CURRENT_TIMESTAMP, 'test')",
        GTIN, serial, lot, epc(serial));
  }

  static void state(String epc, String status) throws Exception {
    exec("INSERT INTO object_state (epc, status, last_event_time, last_event_pk) VALUES (?, ?, CURRENT_TIMESTAMP, 1)",
        epc, status);
  }

  static void exec(String sql, Object... args) throws Exception {
    try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  static String one(String sql, Object... args) throws Exception {
    try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static String epc(String serial) {
    return Sgtin.of(GTIN, serial).toEpcUri(7);
  }

  static ChildId unit(String serial) {
    return new ChildId.Unit(Sgtin.of(GTIN, serial));
  }

  static List<ChildId> units(String... serials) {
    return Arrays.stream(serials).map(DistributionTest::unit).toList();
  }

  static ChildId container(String sscc) {
    return new ChildId.Container(Sscc.of(sscc));
  }

  static String ssccEpc(String sscc) {
    return Sscc.of(sscc).toEpcUri(7);
  }

  /** The links now, as {@code child -> parent}. */
  static String parentOf(String childKey) throws Exception {
    return one("SELECT parent_sscc FROM aggregation_link WHERE child_key = ?", childKey);
  }

  static String key(String serial) {
    return "01" + GTIN + "21" + serial;
  }

  @Test
  void packsCasesAndAPalletAtTheWholesalerWithSsccsFromThePool() throws Exception {
    // when
    Distribution.Changed a = distribution.pack(ContainerLevel.CASE, units("S1", "S2", "S3"), WHOLESALER);
    Distribution.Changed b = distribution.pack(ContainerLevel.CASE, units("S4", "S5"), WHOLESALER);
    Distribution.Changed p = distribution.pack(ContainerLevel.PALLET, List.of(container(a.sscc()), container(b.sscc())),
        WHOLESALER);

    // then new SSCCs of the pool
    assertEquals(Sscc.fromDigitsWithoutCheckDigit("09506000000000001").value(), a.sscc());
    assertNotEquals(a.sscc(), b.sscc());
    assertEquals("PACKED", one("SELECT status FROM aggregation_container WHERE sscc = ?", a.sscc()));
    assertEquals("9506000000022", one("SELECT site_gln FROM aggregation_container WHERE sscc = ?", p.sscc()));
    assertEquals("L1", one("SELECT lot FROM aggregation_container WHERE sscc = ?", p.sscc()));
    assertNull(one("SELECT work_order_id FROM aggregation_container WHERE sscc = ?", p.sscc()));
    assertEquals(a.sscc(), parentOf(key("S1")));
    assertEquals(p.sscc(), parentOf("00" + a.sscc()));
    assertEquals(p.sscc(), one("SELECT parent_sscc FROM aggregation_container WHERE sscc = ?", b.sscc()));
    // and one AggregationEvent ADD each, at the wholesaler's SGLN
    assertEquals(3, aggregations.size());
    AggregationEvent pallet = aggregations.get(2);
    assertEquals("ADD", pallet.action());
    assertEquals("packing", pallet.bizStep());
    assertEquals(ssccEpc(p.sscc()), pallet.parentId());
    assertEquals(List.of(ssccEpc(a.sscc()), ssccEpc(b.sscc())), pallet.childEpcs());
    assertEquals(SGLN, pallet.bizLocation());
    assertEquals(SGLN, pallet.readPoint());
    assertEquals(List.of(epc("S1"), epc("S2"), epc("S3")), aggregations.get(0).childEpcs());
  }

  @Test
  void unpacksACaseOnAPalletKeepingTheEndedLinksInTheHistory() throws Exception {
    // given
    Distribution.Changed a = distribution.pack(ContainerLevel.CASE, units("S1", "S2"), WHOLESALER);
    Distribution.Changed p = distribution.pack(ContainerLevel.PALLET, List.of(container(a.sscc())), WHOLESALER);
    aggregations.clear();

    // when
    Distribution.Changed u = distribution.unpack(Sscc.of(a.sscc()), WHOLESALER);

    // then the units are loose, the case is open and empty but still on the pallet
    assertEquals(2, u.children());
    assertNull(parentOf(key("S1")));
    assertNull(parentOf(key("S2")));
    assertEquals(p.sscc(), parentOf("00" + a.sscc()));
    assertEquals("OPEN", one("SELECT status FROM aggregation_container WHERE sscc = ?", a.sscc()));
    assertEquals("0", one("SELECT child_count FROM aggregation_container WHERE sscc = ?", a.sscc()));
    // one DELETE naming both
    assertEquals(1, aggregations.size());
    AggregationEvent e = aggregations.get(0);
    assertEquals("DELETE", e.action());
    assertEquals("unpacking", e.bizStep());
    assertEquals(List.of(epc("S1"), epc("S2")), e.childEpcs());
    // the history keeps both links with their end
    List<LinkRecord> history = distribution.container(Sscc.of(a.sscc())).history();
    assertEquals(2, history.size());
    assertEquals("UNPACK", history.get(0).unlinkStep());
    assertEquals(u.eventIds().get(0), history.get(0).unlinkEventId());
    assertEquals(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC).toInstant(), history.get(0).unlinkedAt().toInstant());
    assertTrue(distribution.container(Sscc.of(a.sscc())).children().isEmpty());
  }

  @Test
  void removesTwoUnitsReplacesADamagedOneAndRepacksThemIntoANewCaseOnThePallet() throws Exception {
    // given a case of six on a pallet
    Distribution.Changed b = distribution.pack(ContainerLevel.CASE, units("S1", "S2", "S3", "S4", "S5", "S6"),
        WHOLESALER);
    Distribution.Changed p = distribution.pack(ContainerLevel.PALLET, List.of(container(b.sscc())), WHOLESALER);
    aggregations.clear();
    Sscc caseB = Sscc.of(b.sscc());

    // when two units are taken out, S3 replaced by S9 as damaged, and S1, S2 packed with S7 into a new case
    distribution.remove(caseB, units("S1", "S2"), WHOLESALER);
    Distribution.Changed r = distribution.replace(caseB, unit("S3"), unit("S9"), "crushed corner", true, WHOLESALER);
    Distribution.Changed c = distribution.pack(ContainerLevel.CASE, units("S1", "S2", "S7"), WHOLESALER);
    distribution.add(Sscc.of(p.sscc()), List.of(container(c.sscc())), WHOLESALER);

    // then the tables show the new hierarchy
    assertNull(parentOf(key("S3")));
    assertEquals(b.sscc(), parentOf(key("S9")));
    assertEquals(c.sscc(), parentOf(key("S1")));
    assertEquals(p.sscc(), parentOf("00" + c.sscc()));
    Distribution.ContainerView view = distribution.container(caseB);
    assertEquals(List.of("(01)" + GTIN + "(21)S4", "(01)" + GTIN + "(21)S5", "(01)" + GTIN + "(21)S6",
        "(01)" + GTIN + "(21)S9"), view.children().stream().map(Distribution.ChildView::code).toList());
    assertEquals("OPEN", view.status());
    assertEquals(p.sscc(), view.parent());
    // the events: DELETE(S1,S2), DELETE(S3), ADD(S9), ADD new case, ADD onto pallet; S3 marked damaged
    assertEquals(List.of("DELETE", "DELETE", "ADD", "ADD", "ADD"), aggregations.stream().map(AggregationEvent::action).toList());
    assertEquals(List.of(epc("S1"), epc("S2")), aggregations.get(0).childEpcs());
    assertEquals(List.of(epc("S3")), aggregations.get(1).childEpcs());
    assertEquals(List.of(epc("S9")), aggregations.get(2).childEpcs());
    assertTrue(aggregations.get(2).eventTime().isAfter(aggregations.get(1).eventTime()));
    assertEquals(1, objects.size());
    assertEquals("damaged", objects.get(0).disposition());
    assertEquals(List.of(epc("S3")), objects.get(0).epcList());
    assertEquals(3, r.eventIds().size());
    // the history of the case: S1, S2 removed, S3 replaced with its reason, the rest in
    LinkRecord s3 = view.history().stream().filter(h -> h.child().endsWith("(21)S3")).findFirst().orElseThrow();
    assertEquals("REPLACE", s3.unlinkStep());
    assertEquals("crushed corner", s3.reason());
    assertEquals(2, view.history().stream().filter(h -> "REMOVE".equals(h.unlinkStep())).count());
    assertEquals(4, view.history().stream().filter(h -> h.unlinkedAt() == null).count());
    assertTrue(audit.stream().anyMatch(a -> a.startsWith("aggregation.replace " + b.sscc())), audit.toString());
  }

  @Test
  void anOpenedCaseTakenOffItsPalletGoesOntoAnotherPallet() throws Exception {
    // given case A opened (S1 taken out) and taken off pallet P
    Distribution.Changed a = distribution.pack(ContainerLevel.CASE, units("S1", "S2"), WHOLESALER);
    Distribution.Changed p = distribution.pack(ContainerLevel.PALLET, List.of(container(a.sscc())), WHOLESALER);
    distribution.remove(Sscc.of(a.sscc()), units("S1"), WHOLESALER);
    distribution.remove(Sscc.of(p.sscc()), List.of(container(a.sscc())), WHOLESALER);
    assertNull(one("SELECT parent_sscc FROM aggregation_container WHERE sscc = ?", a.sscc()));

    // when
    Distribution.Changed q = distribution.pack(ContainerLevel.PALLET, List.of(container(a.sscc())), WHOLESALER);

    // then
    assertEquals(q.sscc(), parentOf("00" + a.sscc()));
    assertEquals("OPEN", one("SELECT status FROM aggregation_container WHERE sscc = ?", a.sscc()));
    assertEquals(List.of(ContainerLevel.CASE.name()),
        distribution.container(Sscc.of(q.sscc())).children().stream().map(Distribution.ChildView::level).toList());
  }

  @Test
  void eventsAreValidEpcisAndCbv() {
    // given
    Distribution.Changed b = distribution.pack(ContainerLevel.CASE, units("S1", "S2"), WHOLESALER);
    distribution.replace(Sscc.of(b.sscc()), unit("S1"), unit("S3"), "damaged", true, WHOLESALER);
    distribution.unpack(Sscc.of(b.sscc()), WHOLESALER);

    // when
    String a = EpcisJson.aggregationDocument(aggregations, OffsetDateTime.parse("2026-11-27T13:01:00Z"));
    String o = EpcisJson.document(objects, OffsetDateTime.parse("2026-11-27T13:01:00Z"));

    // then
    for (String document : List.of(a, o)) {
      assertEquals(List.of(), new EpcisJsonSchema().validateDocument(document));
      JsonObject json = Jsonp.JSON.createReader(new StringReader(document)).readObject();
      assertEquals(List.of(), SemanticValidator.validateDocument(json));
    }
  }

  @Test
  void refusesAChildInAnotherContainerAndLeavesEverythingAsItWas() throws Exception {
    // given
    Distribution.Changed a = distribution.pack(ContainerLevel.CASE, units("S1", "S2"), WHOLESALER);
    aggregations.clear();
    String next = one("SELECT next_serial_ref FROM sscc_pool");

    // when
    AggregationException e = assertThrows(AggregationException.class,
        () -> distribution.pack(ContainerLevel.CASE, units("S3", "S2"), WHOLESALER));

    // then
    assertEquals("child-has-parent", e.code());
    assertEquals("children[1]", e.field());
    assertTrue(e.getMessage().contains(a.sscc()), e.getMessage());
    assertNull(parentOf(key("S3")));
    assertEquals(next, one("SELECT next_serial_ref FROM sscc_pool"), "no SSCC is used up by a refusal");
    assertTrue(aggregations.isEmpty());
  }

  @Test
  void refusesCyclesDecommissionedAndOtherLotChildrenUnknownSsccsAndUnknownSites() throws Exception {
    // given
    Distribution.Changed a = distribution.pack(ContainerLevel.CASE, units("S1"), WHOLESALER);
    Distribution.Changed p = distribution.pack(ContainerLevel.PALLET, List.of(container(a.sscc())), WHOLESALER);
    state(epc("S5"), "decommissioned");
    Sscc unknown = Sscc.fromDigitsWithoutCheckDigit("09506000999999999");

    // when / then
    assertEquals("cycle", code(() -> distribution.add(Sscc.of(p.sscc()), List.of(container(p.sscc())), WHOLESALER)));
    assertEquals("cycle", code(() -> distribution.add(Sscc.of(a.sscc()), List.of(container(a.sscc())), WHOLESALER)));
    assertEquals("child-not-active", code(() -> distribution.add(Sscc.of(a.sscc()), units("S5"), WHOLESALER)));
    assertEquals("child-other-lot", code(() -> distribution.add(Sscc.of(a.sscc()), units("X1"), WHOLESALER)));
    assertEquals("wrong-child-level", code(() -> distribution.add(Sscc.of(p.sscc()), units("S6"), WHOLESALER)));
    AggregationException missing = assertThrows(AggregationException.class,
        () -> distribution.unpack(unknown, WHOLESALER));
    assertEquals("unknown-sscc", missing.code());
    assertEquals(Kind.NOT_FOUND, missing.kind());
    assertEquals(Kind.NOT_FOUND, assertThrows(AggregationException.class, () -> distribution.container(unknown)).kind());
    assertEquals("unknown-location", code(() -> distribution.unpack(Sscc.of(a.sscc()), Gln.of("4012345000009"))));
    assertEquals("container-not-active", code(() -> {
      state(ssccEpc(p.sscc()), "in_transit");
      distribution.remove(Sscc.of(p.sscc()), List.of(container(a.sscc())), WHOLESALER);
    }));
    // a site that allows mixed lots packs them
    assertEquals(1, newDistribution(new PackingPolicy(true, false, true))
        .add(Sscc.of(a.sscc()), units("X1"), WHOLESALER).children());
  }

  @Test
  void readsChildrenInEveryFormPeopleHaveAtHand() {
    assertEquals(unit("S1"), ScannedCodes.code(epc("S1")));
    assertEquals(unit("S1"), ScannedCodes.code("(01)" + GTIN + "(21)S1"));
    assertEquals(unit("S1"), ScannedCodes.code("https://id.gs1.org/01/" + GTIN + "/21/S1"));
    String sscc = Sscc.fromDigitsWithoutCheckDigit("09506000000000001").value();
    assertEquals(container(sscc), ScannedCodes.code(sscc));
    assertEquals(container(sscc), ScannedCodes.code("(00)" + sscc));
    assertEquals(container(sscc), ScannedCodes.code(ssccEpc(sscc)));
    assertThrows(org.custodia.gs1.Gs1Exception.class, () -> ScannedCodes.code("(01)" + GTIN));
    assertThrows(org.custodia.gs1.Gs1Exception.class, () -> ScannedCodes.sscc(epc("S1")));
  }

  /**
   * Cases and pallets a supplier made (AGG-2 at a wholesaler): known only from the supplier's events, captured
   * into the repository through the real store and projection, under a company prefix not registered here.
   */
  @Nested
  class ASuppliersPallet {

    static final String SUPPLIER_GTIN = Gtin.fromDigitsWithoutCheckDigit("0401234500001").value();
    static final String PLANT = "urn:epc:id:sgln:4012345.00001.0";
    final String case1 = Sscc.fromDigitsWithoutCheckDigit("04012345000000001").value();
    final String case2 = Sscc.fromDigitsWithoutCheckDigit("04012345000000002").value();
    final String pallet = Sscc.fromDigitsWithoutCheckDigit("04012345000000003").value();

    @BeforeEach
    void capturedFromTheSupplier() {
      capture(
          "{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:pc1\",\"eventTime\":\"2026-11-26T08:00:00Z\","
              + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":" + list(p("P1"), p("P2"), p("P3"), p("P4"))
              + ",\"action\":\"ADD\",\"bizStep\":\"commissioning\",\"disposition\":\"active\","
              + "\"bizLocation\":{\"id\":\"" + PLANT + "\"},\"ilmd\":{\"cbvmda:lotNumber\":\"PL1\"}}",
          aggregate("urn:uuid:pa1", "2026-11-26T08:01:00Z", supplierEpc(case1), p("P1"), p("P2")),
          aggregate("urn:uuid:pa2", "2026-11-26T08:02:00Z", supplierEpc(case2), p("P3"), p("P4")),
          aggregate("urn:uuid:pa3", "2026-11-26T08:03:00Z", supplierEpc(pallet), supplierEpc(case1),
              supplierEpc(case2)),
          "{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:pr1\",\"eventTime\":\"2026-11-27T09:00:00Z\","
              + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + supplierEpc(pallet) + "\"],"
              + "\"action\":\"OBSERVE\",\"bizStep\":\"receiving\",\"disposition\":\"in_progress\","
              + "\"bizLocation\":{\"id\":\"" + SGLN + "\"}}");
    }

    @Test
    void openingACaseTakesThePalletOverWithTheSuppliersLinksAndNamesItAsTheSupplierDid() throws Exception {
      // when
      Distribution.Changed u = distribution.unpack(Sscc.of(case1), WHOLESALER);

      // then the whole pallet is recorded, under the supplier's EPCs (their prefix is not registered here)
      assertEquals(supplierEpc(case1), u.epc());
      assertEquals(2, u.children());
      assertEquals("PALLET", one("SELECT container_level FROM aggregation_container WHERE sscc = ?", pallet));
      assertEquals(supplierEpc(pallet), one("SELECT epc FROM aggregation_container WHERE sscc = ?", pallet));
      assertEquals("PACKED", one("SELECT status FROM aggregation_container WHERE sscc = ?", case2));
      assertEquals("OPEN", one("SELECT status FROM aggregation_container WHERE sscc = ?", case1));
      assertEquals(SUPPLIER_GTIN, one("SELECT gtin FROM aggregation_container WHERE sscc = ?", pallet));
      assertEquals("PL1", one("SELECT lot FROM aggregation_container WHERE sscc = ?", pallet));
      assertEquals(pallet, one("SELECT parent_sscc FROM aggregation_container WHERE sscc = ?", case1));
      assertEquals(pallet, parentOf("00" + case1));
      assertEquals(case2, parentOf(supplierKey("P3")));
      assertNull(parentOf(supplierKey("P1")));
      // each link dated by the supplier's AggregationEvent that made it
      assertEquals("urn:uuid:pa2", one("SELECT event_id FROM aggregation_link WHERE child_key = ?",
          supplierKey("P4")));
      List<LinkRecord> history = distribution.container(Sscc.of(case1)).history();
      assertEquals(List.of("urn:uuid:pa1", "urn:uuid:pa1"), history.stream().map(LinkRecord::linkEventId).toList());
      assertEquals(List.of(u.eventIds().get(0), u.eventIds().get(0)),
          history.stream().map(LinkRecord::unlinkEventId).toList());
      // the DELETE names the case and the units as the supplier's events do
      AggregationEvent e = aggregations.get(0);
      assertEquals(supplierEpc(case1), e.parentId());
      assertEquals(List.of(p("P1"), p("P2")), e.childEpcs());
      assertTrue(audit.stream().anyMatch(a -> a.startsWith("aggregation.take-over " + case1)
          && a.contains("(00)" + pallet) && a.contains("6 links")), audit.toString());
      // taken over once: the next change finds it recorded
      audit.clear();
      distribution.remove(Sscc.of(case2), List.of(supplierUnit("P3")), WHOLESALER);
      assertTrue(audit.stream().noneMatch(a -> a.startsWith("aggregation.take-over")), audit.toString());
      assertEquals("1", one("SELECT COUNT(*) FROM aggregation_container WHERE sscc = ?", pallet));
    }

    @Test
    void theSuppliersUnitsAreRepackedIntoACaseOfTheWholesaler() throws Exception {
      // given
      distribution.unpack(Sscc.of(case1), WHOLESALER);
      aggregations.clear();

      // when
      Distribution.Changed n = distribution.pack(ContainerLevel.CASE, List.of(supplierUnit("P1"), supplierUnit("P2")),
          WHOLESALER);

      // then
      assertTrue(n.sscc().startsWith("09506000"), n.sscc());
      assertEquals(n.sscc(), parentOf(supplierKey("P2")));
      assertEquals("PL1", one("SELECT lot FROM aggregation_container WHERE sscc = ?", n.sscc()));
      assertEquals(List.of(p("P1"), p("P2")), aggregations.get(0).childEpcs());
      Distribution.ContainerView view = distribution.container(Sscc.of(pallet));
      assertEquals(supplierEpc(pallet), view.epc());
      assertEquals(List.of(supplierEpc(case1), supplierEpc(case2)),
          view.children().stream().map(Distribution.ChildView::epc).toList());
      assertEquals("in_progress", view.objectStatus());
    }

    @Test
    void aSuppliersCaseTakenOffItsPalletGoesOntoAPalletOfTheWholesaler() throws Exception {
      // given case 1 taken off the supplier's pallet (unknown here until then)
      distribution.remove(Sscc.of(pallet), List.of(container(case1)), WHOLESALER);
      aggregations.clear();

      // when
      Distribution.Changed n = distribution.pack(ContainerLevel.PALLET, List.of(container(case1)), WHOLESALER);

      // then
      assertEquals(n.sscc(), parentOf("00" + case1));
      assertEquals(List.of(supplierEpc(case1)), aggregations.get(0).childEpcs());
      assertEquals(case1, parentOf(supplierKey("P1")), "the case keeps its units");
    }

    @Test
    void aSuppliersCaseNamedAsAChildIsTakenOverToo() throws Exception {
      // given a case of the supplier's not on a pallet, known from its events alone
      String loose = Sscc.fromDigitsWithoutCheckDigit("04012345000000005").value();
      capture(
          "{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:pc5\",\"eventTime\":\"2026-11-26T08:59:00Z\","
              + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":" + list(p("P5")) + ",\"action\":\"ADD\","
              + "\"bizStep\":\"commissioning\",\"disposition\":\"active\",\"ilmd\":{\"cbvmda:lotNumber\":\"PL1\"}}",
          aggregate("urn:uuid:pa5", "2026-11-26T09:00:00Z", supplierEpc(loose), p("P5")));

      // when
      Distribution.Changed n = distribution.pack(ContainerLevel.PALLET, List.of(container(loose)), WHOLESALER);

      // then
      assertEquals(n.sscc(), parentOf("00" + loose));
      assertEquals(loose, parentOf(supplierKey("P5")));
      assertEquals(List.of(supplierEpc(loose)), aggregations.get(0).childEpcs());
      assertTrue(audit.stream().anyMatch(a -> a.startsWith("aggregation.take-over " + loose)), audit.toString());
    }

    @Test
    void refusesContainmentItCannotRecordAndContainersItKnowsNothingOf() throws Exception {
      // given a supplier's case holding a unit and a case, and units of the wholesaler's in the pallet's cases
      String mixed = Sscc.fromDigitsWithoutCheckDigit("04012345000000009").value();
      String inner = Sscc.fromDigitsWithoutCheckDigit("04012345000000008").value();
      capture(aggregate("urn:uuid:pm1", "2026-11-26T10:00:00Z", supplierEpc(mixed), p("P9"), supplierEpc(inner)));
      Distribution.Changed own = distribution.pack(ContainerLevel.CASE, units("S1"), WHOLESALER);
      capture(aggregate("urn:uuid:pm2", "2026-11-26T10:01:00Z", supplierEpc(case2), epc("S1")));

      // when / then
      assertEquals("mixed-container", code(() -> distribution.unpack(Sscc.of(mixed), WHOLESALER)));
      AggregationException mismatch = assertThrows(AggregationException.class,
          () -> distribution.unpack(Sscc.of(case1), WHOLESALER));
      assertEquals("containment-mismatch", mismatch.code());
      assertTrue(mismatch.getMessage().contains("(00)" + own.sscc()), mismatch.getMessage());
      assertNull(one("SELECT sscc FROM aggregation_container WHERE sscc = ?", pallet), "nothing taken over");
      Sscc nothing = Sscc.fromDigitsWithoutCheckDigit("04012345000000077");
      assertEquals("unknown-sscc", code(() -> distribution.unpack(nothing, WHOLESALER)));
      // a unit seen only in an aggregation (its commissioning, with its lot, never captured here)
      capture("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:po8\",\"eventTime\":\"2026-11-26T10:02:00Z\","
          + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":" + list(p("P8")) + ",\"action\":\"OBSERVE\","
          + "\"bizStep\":\"receiving\",\"disposition\":\"active\"}");
      AggregationException noLot = assertThrows(AggregationException.class,
          () -> distribution.pack(ContainerLevel.CASE, List.of(supplierUnit("P8")), WHOLESALER));
      assertEquals("child-other-lot", noLot.code());
      assertTrue(noLot.getMessage().contains("the lot of unit (01)" + SUPPLIER_GTIN + "(21)P8 is not known here"),
          noLot.getMessage());
    }

    void capture(String... events) {
      new JdbcEventStore(database).storeAll(EpcisJson.read(
          "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
              + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":["
              + String.join(",", events) + "]}}"), "test");
    }

    String aggregate(String id, String time, String parent, String... children) {
      return "{\"type\":\"AggregationEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
          + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":" + list(children)
          + ",\"action\":\"ADD\",\"bizStep\":\"packing\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
    }

    String list(String... epcs) {
      return Arrays.stream(epcs).map(x -> "\"" + x + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    String p(String serial) {
      return Sgtin.of(SUPPLIER_GTIN, serial).toEpcUri(7);
    }

    String supplierEpc(String sscc) {
      return Sscc.of(sscc).toEpcUri(7);
    }

    String supplierKey(String serial) {
      return "01" + SUPPLIER_GTIN + "21" + serial;
    }

    ChildId supplierUnit(String serial) {
      return new ChildId.Unit(Sgtin.of(SUPPLIER_GTIN, serial));
    }
  }

  interface Call {
    void run() throws Exception;
  }

  static String code(Call call) {
    try {
      call.run();
      return "accepted";
    } catch (AggregationException e) {
      return e.code();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

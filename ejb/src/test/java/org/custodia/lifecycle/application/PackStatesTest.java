package org.custodia.lifecycle.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgtin;
import org.custodia.lifecycle.domain.BatchState;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.lifecycle.domain.PackStateException;
import org.custodia.lifecycle.domain.Refusal;
import org.custodia.lifecycle.infrastructure.persistence.JdbcPackStates;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.MovingClock;
import org.custodia.platform.TestDatabases;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pack decommissioning, undo and batch states (LIFE-1, LIFE-2) on the migrated H2 database with a clock the
 * test moves: every request all or nothing, its one EPCIS event, the stored states and history, the audit
 * records, the 10-day undo window, party and location, final states and batch blocks. Units are rows of the
 * current-state projection as the capture of their commissioning leaves them.
 */
@Tag("LIFE-2")
class PackStatesTest {

  static final String GTIN = "09506000134352";
  static final String LOT = "L1";
  static final Gln PHARMACY = Gln.of("9506000000039");
  static final Gln WHOLESALER = Gln.of("9506000000022");
  static final Gln PLANT = Gln.of("9506000000015");
  static final String PHARMACY_SGLN = "urn:epc:id:sgln:9506000.00003.0";
  static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

  @TempDir static Path dir;
  static DataSource database;
  static Connection keepOpen;


  MovingClock clock;
  List<ObjectEvent> events;
  List<String> audit;
  PackStates packs;

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
    TestDatabases.empty(database, "pack_state_history", "pack_state", "batch_state", "object_state");
    for (String serial : List.of("S1", "S2", "S3")) {
      unit(serial, LOT, LocalDate.of(2028, 12, 31));
    }
    unit("X1", "L2", LocalDate.of(2026, 12, 31));
    clock = new MovingClock(T0);
    events = new CopyOnWriteArrayList<>();
    audit = new CopyOnWriteArrayList<>();
    PackStates.Audit log = new PackStates.Audit() {
      @Override
      public void done(String action, String type, String id, String detail) {
        audit.add("done " + action + " " + id);
      }

      @Override
      public void refused(String action, String type, String id, String detail) {
        audit.add("refused " + action + " " + detail);
      }
    };
    Set<Gln> partners = Set.of(PHARMACY, WHOLESALER, PLANT);
    PackStates.Directory directory = (party, location) -> {
      if (!partners.contains(party)) {
        throw new PackStateException(Kind.INVALID, "unknown-party", "party", party.value(), "unknown party");
      }
      if (!partners.contains(location)) {
        throw new PackStateException(Kind.INVALID, "unknown-location", "location", location.value(), "unknown");
      }
    };
    JdbcTrace trace = new JdbcTrace(database);
    packs = new PackStates(new JdbcPackStates(database), trace::find, directory, events::add, log,
        digits -> digits.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty(), clock);
  }

  static void unit(String serial, String lot, LocalDate expiry) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO object_state (epc, gtin, serial, lot, expiry, status,"
            + " last_event_time, last_event_pk) VALUES (?, ?, ?, ?, ?, 'active', ?, 1)")) {
      ps.setString(1, epc(serial));
      ps.setString(2, GTIN);
      ps.setString(3, serial);
      ps.setString(4, lot);
      ps.setObject(5, expiry);
      ps.setObject(6, OffsetDateTime.parse("2026-11-01T08:00:00Z"));
      ps.executeUpdate();
    }
  }

  static String epc(String serial) {
    return Sgtin.of(GTIN, serial).toEpcUri(7);
  }

  static int count(String sql) throws Exception {
    try (Connection c = database.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  PackStates.Result dispense(Gln party, Gln location, String... serials) {
    return packs.decommission(codes(serials), PackState.SUPPLIED, party, location, "pharmacist");
  }

  static List<String> codes(String... serials) {
    return java.util.Arrays.stream(serials).map(PackStatesTest::epc).toList();
  }

  // ---- decommissioning ----

  @Tag("LIFE-1")
  @ParameterizedTest
  @EnumSource(value = PackState.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
  void anActivePackIsDecommissionedForEachReasonWithOneEventAndItsStateRow(PackState target) throws Exception {
    PackStates.Result r = packs.decommission(codes("S1", "S2"), target, PHARMACY, PHARMACY, "pharmacist");

    assertTrue(r.done());
    assertEquals(1, events.size());
    ObjectEvent e = events.get(0);
    assertEquals(r.eventId(), e.eventId());
    assertEquals(List.of(epc("S1"), epc("S2")), e.epcList());
    assertEquals(target.bizStep(), e.bizStep());
    assertEquals(target.disposition(), e.disposition());
    assertEquals(target == PackState.DESTROYED ? "DELETE" : "OBSERVE", e.action());
    assertEquals(PHARMACY_SGLN, e.readPoint());
    assertEquals(PHARMACY_SGLN, e.bizLocation());
    assertEquals(2, count("SELECT COUNT(*) FROM pack_state WHERE state = '" + target.name()
        + "' AND party_gln = '9506000000039' AND changed_by = 'pharmacist' AND event_id = '" + r.eventId() + "'"));
    assertEquals(2, count("SELECT COUNT(*) FROM pack_state_history WHERE from_state = 'ACTIVE' AND to_state = '"
        + target.name() + "'"));
    assertEquals(List.of("done pack.decommission " + epc("S1"), "done pack.decommission " + epc("S2")), audit);
    assertEquals(target, packs.view(epc("S1")).state());
  }

  @Test
  void packsAreNamedByAnyCodeATraceAccepts() {
    PackStates.Result r = packs.decommission(List.of("https://id.gs1.org/01/" + GTIN + "/21/S1",
        "(01)" + GTIN + "(21)S2"), PackState.LOCKED, PHARMACY, PHARMACY, "u");
    assertTrue(r.done());
    assertEquals(List.of(epc("S1"), epc("S2")), events.get(0).epcList());
  }

  @Test
  void theSameDecommissioningTwiceIsRefusedAsAlreadySetAndWritesNothing() throws Exception {
    assertTrue(dispense(PHARMACY, PHARMACY, "S1").done());
    audit.clear();

    PackStates.Result again = dispense(PHARMACY, PHARMACY, "S1");

    assertFalse(again.done());
    assertNull(again.eventId());
    assertEquals(Refusal.STATUS_ALREADY_SET, again.refusals().get(0).refusal());
    assertEquals("NMVS_NC_PCK_19", again.refusals().get(0).refusal().nmvsCode());
    assertEquals("the pack is already supplied", again.refusals().get(0).detail());
    assertEquals(1, events.size());
    assertEquals(1, count("SELECT COUNT(*) FROM pack_state_history"));
    assertEquals(1, audit.size());
    assertTrue(audit.get(0).startsWith("refused pack.decommission"), audit.get(0));
    assertTrue(audit.get(0).contains("NMVS_NC_PCK_19"), audit.get(0));
  }

  @Test
  void oneRefusedPackRefusesTheWholeRequestAndListsEachRefusal() throws Exception {
    assertTrue(packs.decommission(codes("S2"), PackState.STOLEN, PHARMACY, PHARMACY, "u").done());
    events.clear();

    PackStates.Result r = packs.decommission(codes("S1", "S2", "S3"), PackState.DESTROYED, PHARMACY, PHARMACY, "u");

    assertFalse(r.done());
    assertEquals(3, r.packs().size());
    assertEquals(1, r.refusals().size());
    assertEquals(epc("S2"), r.refusals().get(0).epc());
    assertEquals(Refusal.PACK_INACTIVE, r.refusals().get(0).refusal());
    assertEquals("the pack is already inactive (stolen)", r.refusals().get(0).detail());
    assertTrue(events.isEmpty());
    assertEquals(PackState.ACTIVE, packs.view(epc("S1")).state());
    assertEquals(0, count("SELECT COUNT(*) FROM pack_state WHERE state = 'DESTROYED'"));
  }

  @Test
  void aPackAnOutsideEventLeftDispensedIsInactiveAndNobodyHereMayUndoIt() throws Exception {
    // given S1 dispensed by a partner's captured event: the repository says so, Custodia holds no record
    try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE object_state SET status = 'dispensed' WHERE serial = 'S1'");
    }

    PackStates.Result again = dispense(PHARMACY, PHARMACY, "S1");
    PackStates.Result destroy = packs.decommission(codes("S1"), PackState.DESTROYED, PHARMACY, PHARMACY, "u");
    PackStates.Result undo = packs.undo(codes("S1"), PackState.SUPPLIED, PHARMACY, PHARMACY, "u");

    assertEquals(Refusal.STATUS_ALREADY_SET, again.refusals().get(0).refusal());
    assertEquals(Refusal.PACK_INACTIVE, destroy.refusals().get(0).refusal());
    assertEquals("the pack is already inactive (supplied)", destroy.refusals().get(0).detail());
    assertEquals(Refusal.UNDO_OTHER_PARTY, undo.refusals().get(0).refusal());
    assertEquals(PackState.SUPPLIED, packs.view(epc("S1")).state());
    assertTrue(events.isEmpty());
    assertEquals(0, count("SELECT COUNT(*) FROM pack_state"));
  }

  @Test
  void aPackNeverCommissionedIsRefusedAsUnknown() {
    PackStates.Result r = dispense(PHARMACY, PHARMACY, "S1", "NEVER");
    assertFalse(r.done());
    assertEquals(Refusal.UNKNOWN_PACK, r.refusals().get(0).refusal());
    assertEquals("NMVS_NC_PC_02", r.refusals().get(0).refusal().nmvsCode());
    assertEquals(epc("NEVER"), r.refusals().get(0).epc());
    assertTrue(events.isEmpty());
  }

  @Test
  void aCaseCodeIsRefusedNamingTheField() {
    PackStateException e = assertThrows(PackStateException.class, () -> packs.decommission(
        List.of(epc("S1"), "(00)095060000000000015"), PackState.DESTROYED, PHARMACY, PHARMACY, "u"));
    assertEquals("container-code", e.code());
    assertEquals("codes[1]", e.field());
    assertTrue(e.getMessage().contains("case or pallet"), e.getMessage());
    assertTrue(events.isEmpty());
  }

  @Test
  void aMalformedCodeOrTheSamePackTwiceIsRefused() {
    PackStateException bad = assertThrows(PackStateException.class,
        () -> packs.decommission(List.of("not a code"), PackState.SUPPLIED, PHARMACY, PHARMACY, "u"));
    assertEquals("invalid-code", bad.code());
    PackStateException twice = assertThrows(PackStateException.class, () -> packs.decommission(
        List.of(epc("S1"), "https://id.gs1.org/01/" + GTIN + "/21/S1"), PackState.SUPPLIED, PHARMACY, PHARMACY, "u"));
    assertEquals("duplicate-code", twice.code());
    PackStateException none = assertThrows(PackStateException.class,
        () -> packs.decommission(List.of(), PackState.SUPPLIED, PHARMACY, PHARMACY, "u"));
    assertEquals("codes-required", none.code());
  }

  @Test
  void anUnknownPartyOrLocationIsRefused() {
    PackStateException e = assertThrows(PackStateException.class,
        () -> dispense(Gln.of("9506000000992"), PHARMACY, "S1"));
    assertEquals("unknown-party", e.code());
    assertTrue(events.isEmpty());
  }

  @Test
  void theStatesAreReadLeniently() {
    assertEquals(PackState.FREE_SAMPLE, PackStates.state("state", "free sample", true));
    assertEquals(PackState.CHECKED_OUT, PackStates.state("state", "checked-out", true));
    PackStateException e = assertThrows(PackStateException.class, () -> PackStates.state("state", "ACTIVE", true));
    assertEquals("invalid-state", e.code());
    assertEquals("state", e.field());
  }

  // ---- undo ----

  @Test
  void theSamePartyAtTheSameLocationUndoesWithinTenDays() throws Exception {
    PackStates.Result d = dispense(PHARMACY, PHARMACY, "S1");
    assertEquals(d.at().plusDays(10), packs.view(epc("S1")).undoAllowedUntil());
    clock.advance(Duration.ofDays(10));

    PackStates.Result r = packs.undo(codes("S1"), PackState.SUPPLIED, PHARMACY, PHARMACY, "pharmacist");

    assertTrue(r.done());
    ObjectEvent e = events.get(1);
    assertEquals("OBSERVE", e.action());
    assertEquals("inspecting", e.bizStep());
    assertEquals("active", e.disposition());
    PackStates.PackView v = packs.view(epc("S1"));
    assertEquals(PackState.ACTIVE, v.state());
    assertEquals(PackState.SUPPLIED, v.lastDecommissioning().to());
    assertNull(v.undoAllowedUntil());
    assertEquals(2, v.history().size());
    assertEquals(PackState.ACTIVE, v.history().get(1).to());
    // active again: it may be dispensed again
    assertTrue(dispense(PHARMACY, PHARMACY, "S1").done());
  }

  @Test
  void anUndoAfterTenDaysIsRefused() {
    dispense(PHARMACY, PHARMACY, "S1");
    clock.advance(Duration.ofDays(10).plusMinutes(1));

    PackStates.Result r = packs.undo(codes("S1"), PackState.SUPPLIED, PHARMACY, PHARMACY, "u");

    assertFalse(r.done());
    assertEquals(Refusal.UNDO_TOO_LATE, r.refusals().get(0).refusal());
    assertEquals("NMVS_NC_PCK_20", r.refusals().get(0).refusal().nmvsCode());
    assertEquals(PackState.SUPPLIED, packs.view(epc("S1")).state());
    assertEquals(Refusal.UNDO_TOO_LATE, packs.view(epc("S1")).undoRefusal());
    assertEquals(1, events.size());
  }

  @Test
  void anUndoByAnotherPartyOrAtAnotherLocationIsRefused() {
    dispense(PHARMACY, PHARMACY, "S1");

    PackStates.Result otherParty = packs.undo(codes("S1"), PackState.SUPPLIED, WHOLESALER, PHARMACY, "u");
    PackStates.Result otherLocation = packs.undo(codes("S1"), PackState.SUPPLIED, PHARMACY, PLANT, "u");

    assertEquals(Refusal.UNDO_OTHER_PARTY, otherParty.refusals().get(0).refusal());
    assertEquals("NMVS_NC_PCK_21", otherParty.refusals().get(0).refusal().nmvsCode());
    assertEquals(Refusal.UNDO_OTHER_PARTY, otherLocation.refusals().get(0).refusal());
    assertEquals("the pack was decommissioned by 9506000000039 at 9506000000039; only they may undo it",
        otherLocation.refusals().get(0).detail());
    assertEquals(1, events.size());
  }

  @ParameterizedTest
  @EnumSource(value = PackState.class, names = {"DESTROYED", "STOLEN"})
  void destroyedAndStolenAreNeverUndone(PackState state) {
    packs.decommission(codes("S1"), state, PHARMACY, PHARMACY, "u");

    PackStates.Result r = packs.undo(codes("S1"), state, PHARMACY, PHARMACY, "u");

    assertEquals(Refusal.UNDO_FINAL_STATE, r.refusals().get(0).refusal());
    assertNull(packs.view(epc("S1")).undoAllowedUntil());
  }

  @Test
  void anUndoFromAnotherStateThanThePacksIsRefused() {
    dispense(PHARMACY, PHARMACY, "S1");
    PackStates.Result r = packs.undo(codes("S1"), PackState.LOCKED, PHARMACY, PHARMACY, "u");
    assertEquals(Refusal.UNDO_STATUS_MISMATCH, r.refusals().get(0).refusal());
  }

  // ---- batch states ----

  @ParameterizedTest
  @EnumSource(value = BatchState.class, names = {"RECALLED", "WITHDRAWN"})
  void aBlockedBatchRefusesUndoAndDispensingButNotDestruction(BatchState block) {
    packs.decommission(codes("S1"), PackState.LOCKED, PHARMACY, PHARMACY, "u");
    PackStates.BatchView b = packs.setBatch(GTIN, LOT, block, "QA decision 42", "qa");
    assertEquals(block, b.state());
    assertTrue(audit.contains("done batch.state " + GTIN + " " + LOT));

    PackStates.Result undo = packs.undo(codes("S1"), PackState.LOCKED, PHARMACY, PHARMACY, "u");
    PackStates.Result dispensing = dispense(PHARMACY, PHARMACY, "S2");

    assertEquals(Refusal.BATCH_BLOCKED, undo.refusals().get(0).refusal());
    assertEquals("the pack's batch is " + block.name().toLowerCase(), undo.refusals().get(0).detail());
    assertEquals(Refusal.BATCH_BLOCKED, dispensing.refusals().get(0).refusal());
    assertTrue(packs.decommission(codes("S2"), PackState.DESTROYED, PHARMACY, PHARMACY, "u").done());
    assertEquals(block, packs.view(epc("S3")).batchState());

    // lifted: the locked pack may be made active again
    packs.setBatch(GTIN, LOT, BatchState.RELEASED, "investigation closed", "qa");
    assertTrue(packs.undo(codes("S1"), PackState.LOCKED, PHARMACY, PHARMACY, "u").done());
  }

  @Test
  void aBatchIsExpiredFromTheDayAfterItsExpiryDate() {
    clock.now = Instant.parse("2026-12-31T23:59:00Z");
    assertEquals(BatchState.RELEASED, packs.batch(GTIN, "L2").state());
    clock.now = Instant.parse("2027-01-01T00:00:00Z");
    assertEquals(BatchState.EXPIRED, packs.batch(GTIN, "L2").state());
    assertEquals(BatchState.RELEASED, packs.batch(GTIN, "L2").storedState());

    PackStates.Result r = dispense(PHARMACY, PHARMACY, "X1");

    assertEquals(Refusal.BATCH_BLOCKED, r.refusals().get(0).refusal());
    assertEquals("the pack's batch is expired", r.refusals().get(0).detail());
    assertTrue(packs.decommission(codes("X1"), PackState.DESTROYED, PHARMACY, PHARMACY, "u").done());
  }

  @Test
  void expiredIsNeverSetAndAReasonIsRequired() {
    assertEquals("invalid-batch-state", assertThrows(PackStateException.class,
        () -> packs.setBatch(GTIN, LOT, BatchState.EXPIRED, "x", "qa")).code());
    assertEquals("reason-required", assertThrows(PackStateException.class,
        () -> packs.setBatch(GTIN, LOT, BatchState.WITHDRAWN, " ", "qa")).code());
  }

  // ---- what verification reads ----

  @Tag("VER-1")
  @Test
  void verificationReadsTheDecommissioningAndTheBatchBlockAtOnce() {
    PackStatusLookup lookup = new PackStatusLookup();
    lookup.store = new JdbcPackStates(database);
    OffsetDateTime lastEvent = OffsetDateTime.parse("2026-11-01T08:00:00Z");
    assertEquals(Optional.empty(), lookup.status(GTIN, "S1", LOT, lastEvent));

    packs.decommission(codes("S1"), PackState.FREE_SAMPLE, PHARMACY, PHARMACY, "u");
    assertEquals(Optional.of("free_sample"), lookup.status(GTIN, "S1", LOT, lastEvent));

    packs.undo(codes("S1"), PackState.FREE_SAMPLE, PHARMACY, PHARMACY, "u");
    assertEquals(Optional.of("active"), lookup.status(GTIN, "S1", LOT, lastEvent));
    // a newer event of the unit (shipping, say) decides its status again
    assertEquals(Optional.empty(), lookup.status(GTIN, "S1", LOT, OffsetDateTime.parse("2027-01-01T00:00:00Z")));

    packs.setBatch(GTIN, LOT, BatchState.WITHDRAWN, "QA decision", "qa");
    assertEquals(Optional.of("withdrawn"), lookup.status(GTIN, "S2", LOT, lastEvent));
    assertNotNull(packs.view(epc("S2")));
  }
}

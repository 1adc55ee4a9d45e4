package org.custodia.epcis.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The current-state projection (DESIGN.md "Data") on the real schema: containment with top-level
 * containers at any depth, unpacking, ownership, event-time order, error declarations and withdrawal.
 */
class ObjectStateProjectionTest {

  private static final String U1 = "urn:epc:id:sgtin:9506000.013435.U1";
  private static final String U2 = "urn:epc:id:sgtin:9506000.013435.U2";
  private static final String U3 = "urn:epc:id:sgtin:9506000.013435.U3";
  private static final String CASE1 = "urn:epc:id:sscc:9506000.0000000001";
  private static final String CASE2 = "urn:epc:id:sscc:9506000.0000000002";
  private static final String PALLET = "urn:epc:id:sscc:9506000.0000000100";
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String DC = "urn:epc:id:sgln:9506000.00002.0";
  private static final String WHOLESALER = "urn:epc:id:pgln:9506000.00002";

  @TempDir Path dir;
  private JdbcDataSource ds;
  private JdbcEventStore store;

  @BeforeEach
  void database() {
    ds = TestDatabases.migrated(dir);
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
        + "\"bizStep\":\"commissioning\",\"disposition\":\"active\",\"bizLocation\":{\"id\":\"" + PLANT + "\"},"
        + "\"ilmd\":{\"cbvmda:lotNumber\":\"LOT1\",\"cbvmda:itemExpirationDate\":\"2028-12-31\"}}";
  }

  private static String aggregate(String id, String time, String action, String parent, String... children) {
    return "{\"type\":\"AggregationEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + parent + "\",\"childEPCs\":" + list(children)
        + ",\"action\":\"" + action + "\",\"bizStep\":\"" + ("DELETE".equals(action) ? "unpacking" : "packing")
        + "\",\"bizLocation\":{\"id\":\"" + PLANT + "\"}}";
  }

  private static String ship(String id, String time, String epc) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + epc + "\"],\"action\":\"OBSERVE\","
        + "\"bizStep\":\"shipping\",\"disposition\":\"in_transit\",\"readPoint\":{\"id\":\"" + DC + "\"},"
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
    return store.stateOf(List.of(epc)).stream().findFirst().orElse(null);
  }

  @Test
  @Tag("AGG-1")
  void unitsInCasesOnAPalletHaveTheirCaseAsParentAndThePalletAsTop() {
    // given units packed into cases
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1, U2, U3),
        aggregate("urn:uuid:a1", "2026-11-27T08:01:00Z", "ADD", CASE1, U1, U2),
        aggregate("urn:uuid:a2", "2026-11-27T08:02:00Z", "ADD", CASE2, U3));

    // when the cases go onto a pallet (a later capture)
    capture(aggregate("urn:uuid:a3", "2026-11-27T08:03:00Z", "ADD", PALLET, CASE1, CASE2));

    // then every unit knows its case and the pallet
    for (String u : List.of(U1, U2)) {
      assertEquals(CASE1, state(u).parentEpc());
      assertEquals(PALLET, state(u).topParentEpc());
      assertEquals("active", state(u).status());
      assertEquals("LOT1", state(u).lot());
    }
    assertEquals(CASE2, state(U3).parentEpc());
    assertEquals(PALLET, state(U3).topParentEpc());
    assertEquals(PALLET, state(CASE1).parentEpc());
    assertEquals(PALLET, state(CASE1).topParentEpc());
    assertNull(state(PALLET).parentEpc());
  }

  @Test
  @Tag("AGG-1")
  void unpackingAPalletMakesEachCaseTheTopOfItsUnits() {
    // given
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1, U3),
        aggregate("urn:uuid:a1", "2026-11-27T08:01:00Z", "ADD", CASE1, U1),
        aggregate("urn:uuid:a2", "2026-11-27T08:01:30Z", "ADD", CASE2, U3),
        aggregate("urn:uuid:a3", "2026-11-27T08:02:00Z", "ADD", PALLET, CASE1, CASE2));

    // when the whole pallet is unpacked (no childEPCs named) and one unit is taken out of its case
    capture(aggregate("urn:uuid:d1", "2026-11-27T09:00:00Z", "DELETE", PALLET),
        aggregate("urn:uuid:d2", "2026-11-27T09:01:00Z", "DELETE", CASE2, U3));

    // then
    assertNull(state(CASE1).parentEpc());
    assertNull(state(CASE1).topParentEpc());
    assertEquals(CASE1, state(U1).parentEpc());
    assertEquals(CASE1, state(U1).topParentEpc());
    assertNull(state(U3).parentEpc());
    assertNull(state(U3).topParentEpc());
  }

  @Test
  @Tag("RCL-1")
  void shippingMovesTheObjectAndHandsOwnershipToTheDestinationOwner() {
    // given
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1));

    // when
    capture(ship("urn:uuid:s1", "2026-11-27T10:00:00Z", U1));

    // then
    ObjectState s = state(U1);
    assertEquals("in_transit", s.status());
    assertEquals(DC, s.readPoint());
    assertEquals(WHOLESALER, s.ownerParty());
  }

  @Test
  @Tag("RCL-1")
  void anEventOlderThanTheStateDoesNotOverwriteIt() {
    // given the shipment is captured before an earlier observation arrives late
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1), ship("urn:uuid:s1", "2026-11-27T10:00:00Z", U1));

    // when
    capture("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:late\",\"eventTime\":\"2026-11-27T09:00:00Z\","
        + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + U1 + "\"],\"action\":\"OBSERVE\","
        + "\"bizStep\":\"inspecting\",\"disposition\":\"in_progress\"}");

    // then
    assertEquals("in_transit", state(U1).status());
    assertEquals(3, store.countEventsFor(U1));
  }

  @Test
  @Tag("RCL-1")
  void aUnitPackedBeforeItsCommissioningWasStoredTakesTheCommissioningsStatusWhenItArrives() {
    // given the case's packing stored first (the capture queue's consumers run side by side)
    capture(aggregate("urn:uuid:a1", "2026-11-27T08:01:00Z", "ADD", CASE1, U1));
    assertEquals("unknown", state(U1).status());

    // when the older commissioning arrives
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1));

    // then the unit is active where it was commissioned, in its case, with its lot
    ObjectState s = state(U1);
    assertEquals("active", s.status());
    assertEquals("LOT1", s.lot());
    assertEquals(CASE1, s.parentEpc());
    assertEquals(PLANT, s.bizLocation());
  }

  @Test
  @Tag("EPC-3")
  void anErrorDeclarationIsStoredBesideItsEventAndTheStateIsRebuiltWithoutIt() {
    // given a unit shipped by mistake
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1), ship("urn:uuid:s1", "2026-11-27T10:00:00Z", U1));
    assertEquals("in_transit", state(U1).status());

    // when the shipment is declared erroneous (same eventID, errorDeclaration added)
    String declared = ship("urn:uuid:s1", "2026-11-27T10:00:00Z", U1);
    declared = declared.substring(0, declared.length() - 1)
        + ",\"errorDeclaration\":{\"declarationTime\":\"2026-11-27T11:00:00Z\",\"reason\":\"did_not_occur\"}}";
    capture(declared);

    // then both are kept, and the unit is back where the commissioning left it
    assertEquals(3, store.countEventsFor(U1));
    ObjectState s = state(U1);
    assertEquals("active", s.status());
    assertEquals(PLANT, s.bizLocation());
    assertNull(s.ownerParty());

    // and the same declaration sent again is not stored twice
    capture(declared);
    assertEquals(3, store.countEventsFor(U1));
  }

  @Test
  @Tag("AGG-1")
  void aDeclaredAggregationLeavesItsChildrenUnpacked() {
    // given
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1, U2),
        aggregate("urn:uuid:a1", "2026-11-27T08:01:00Z", "ADD", CASE1, U1, U2));

    // when
    String declared = aggregate("urn:uuid:a1", "2026-11-27T08:01:00Z", "ADD", CASE1, U1, U2);
    capture(declared.substring(0, declared.length() - 1)
        + ",\"errorDeclaration\":{\"declarationTime\":\"2026-11-27T08:30:00Z\",\"reason\":\"incorrect_data\"}}");

    // then
    assertNull(state(U1).parentEpc());
    assertNull(state(U2).topParentEpc());
    assertEquals("active", state(U2).status());
  }

  @Test
  @Tag("EPC-1")
  void withdrawingACaptureRestoresTheStateObjectsHadBefore() throws Exception {
    // given a unit commissioned earlier, then a second capture (job 7) that ships it
    capture(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1));
    store.storeAll(
        EpcisJson.read(
            "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
                + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":["
                + ship("urn:uuid:s1", "2026-11-27T10:00:00Z", U1) + "," + commission("urn:uuid:c2",
                "2026-11-27T10:00:00Z", U2) + "]}}"),
        "test",
        null);
    try (Connection c = ds.getConnection()) {
      c.createStatement().executeUpdate("UPDATE epcis_event SET capture_job_id = 7 WHERE event_id IN"
          + " ('urn:uuid:s1', 'urn:uuid:c2')");
    }
    assertEquals("in_transit", state(U1).status());

    // when the job is withdrawn (a rollback job that failed while storing)
    int deleted = new JdbcCaptureJobs(ds).deleteEventsOf(7);

    // then the pre-existing unit has its earlier state back, and the unit only the job named is gone
    assertEquals(2, deleted);
    ObjectState s = state(U1);
    assertEquals("active", s.status());
    assertEquals(PLANT, s.bizLocation());
    assertTrue(store.stateOf(List.of(U2)).isEmpty());
    assertEquals(1, store.countEventsFor(U1));
  }
  private static List<org.custodia.epcis.domain.StoredEvent> document(String... events) {
    return EpcisJson.read(
        "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
            + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":["
            + String.join(",", events)
            + "]}}");
  }

  @Test
  @Tag("EPC-1")
  void twoTransactionsBringingTheFirstEventsOfTheSameNewObjectBothCommit() throws Exception {
    // given a transaction that inserted the state of a new unit and has not committed yet
    try (Connection first = ds.getConnection();
        Connection second = ds.getConnection();
        Connection watcher = ds.getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      ObjectStateProjection.apply(
          first, document(commission("urn:uuid:c1", "2026-11-27T08:00:00Z", U1, U2)), new long[] {1});

      // when a second transaction brings a later event of the same unit (its merge takes the insert branch
      // too and waits on the first one's row)
      CompletableFuture<Void> later = new CompletableFuture<>();
      Thread worker =
          new Thread(
              () -> {
                try {
                  ObjectStateProjection.apply(
                      second, document(ship("urn:uuid:s1", "2026-11-27T09:00:00Z", U1)), new long[] {2});
                  second.commit();
                  later.complete(null);
                } catch (Throwable e) {
                  later.completeExceptionally(e);
                }
              });
      worker.start();
      awaitWaitingInDatabase(worker, later);
      first.commit();

      // then the second one commits as well, and the state holds both events
      later.get(30, TimeUnit.SECONDS);
    }
    ObjectState s = state(U1);
    assertEquals("in_transit", s.status());
    assertEquals("LOT1", s.lot());
    assertEquals(DC, s.readPoint());
    assertEquals(WHOLESALER, s.ownerParty());
    assertEquals("active", state(U2).status());
  }

  /**
   * Waits until {@code worker} is held inside the database's MERGE by the first transaction's row (H2
   * retries the statement until the row's transaction ends or the lock timeout passes): seen there on 50
   * polls in a row.
   */
  private static void awaitWaitingInDatabase(Thread worker, CompletableFuture<Void> later) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    int seen = 0;
    while (seen < 50) {
      if (later.isDone()) {
        later.get();
        throw new AssertionError("the second transaction did not wait for the first one");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second transaction never reached the first one's row");
      }
      boolean inMerge =
          java.util.Arrays.stream(worker.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.h2.command.dml.Merge"));
      seen = inMerge ? seen + 1 : 0;
      Thread.sleep(10);
    }
  }
}

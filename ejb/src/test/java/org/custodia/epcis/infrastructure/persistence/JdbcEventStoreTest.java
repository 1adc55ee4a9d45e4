package org.custodia.epcis.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.domain.ObjectState;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's write path on the real schema in H2's Oracle mode (the SQL must also suit Oracle). */
@Tag("SER-5")
class JdbcEventStoreTest {

  private static final String EPC1 = "urn:epc:id:sgtin:9506000.013435.A1";
  private static final String EPC2 = "urn:epc:id:sgtin:9506000.013435.A2";
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";

  @TempDir Path dir;
  private JdbcEventStore store;

  @BeforeEach
  void database() {
    JdbcDataSource ds = TestDatabases.migrated(dir);
    store = new JdbcEventStore(ds);
  }

  private static String commissioning(String eventId, OffsetDateTime at) {
    return EpcisJson.document(
        List.of(
            new ObjectEvent(eventId, at, List.of(EPC1, EPC2), "ADD", "commissioning", "active", PLANT, PLANT,
                Map.of("cbvmda:lotNumber", "LOT7", "cbvmda:itemExpirationDate", "2028-12-31"))),
        at);
  }

  @Test
  void commissioningEventStoresTheEventItsEpcsAndActiveState() {
    // given
    OffsetDateTime at = OffsetDateTime.parse("2026-11-27T08:00:00+01:00");

    // when
    int stored = store.storeAll(EpcisJson.read(commissioning("urn:uuid:e1", at)), "test");

    // then
    assertEquals(1, stored);
    assertEquals(1, store.countEventsFor(EPC1));
    List<ObjectState> states = store.stateOf(List.of(EPC1, EPC2));
    assertEquals(2, states.size());
    ObjectState s = states.stream().filter(x -> x.epc().equals(EPC1)).findFirst().orElseThrow();
    assertEquals("active", s.status());
    assertEquals("09506000134352", s.gtin());
    assertEquals("A1", s.serial());
    assertEquals("LOT7", s.lot());
    assertEquals(LocalDate.of(2028, 12, 31), s.expiry());
    assertEquals(PLANT, s.bizLocation());
    assertTrue(at.isEqual(s.lastEventTime()));
    assertTrue(store.event("urn:uuid:e1").orElseThrow().contains("\"bizStep\":\"commissioning\""));
  }

  @Test
  void aResentEventIsRecognisedAndNotStoredTwice() {
    // given
    String doc = commissioning("urn:uuid:e2", OffsetDateTime.parse("2026-11-27T08:00:00Z"));
    store.storeAll(EpcisJson.read(doc), "test");

    // when the same document arrives again
    int stored = store.storeAll(EpcisJson.read(doc), "test");

    // then
    assertEquals(0, stored);
    assertEquals(1, store.countEventsFor(EPC2));
  }

  @Test
  void aLaterObserveEventUpdatesStatusAndKeepsLot() {
    // given
    store.storeAll(EpcisJson.read(commissioning("urn:uuid:e3", OffsetDateTime.parse("2026-11-27T08:00:00Z"))), "test");
    OffsetDateTime later = OffsetDateTime.parse("2026-11-28T08:00:00Z");
    String observe =
        EpcisJson.document(
            List.of(new ObjectEvent("urn:uuid:e4", later, List.of(EPC1), "OBSERVE", "shipping", "in_transit", PLANT, null, Map.of())),
            later);

    // when
    store.storeAll(EpcisJson.read(observe), "test");

    // then
    ObjectState s = store.stateOf(List.of(EPC1)).get(0);
    assertEquals("in_transit", s.status());
    assertEquals("LOT7", s.lot());
    assertEquals(2, store.countEventsFor(EPC1));
  }
}

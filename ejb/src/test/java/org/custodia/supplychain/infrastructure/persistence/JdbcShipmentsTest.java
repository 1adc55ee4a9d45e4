package org.custodia.supplychain.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.platform.TestDatabases;
import org.custodia.supplychain.domain.ExpectedItem;
import org.custodia.supplychain.domain.Outcome;
import org.custodia.supplychain.domain.ReceiptLine;
import org.custodia.supplychain.domain.ReturnRecord;
import org.custodia.supplychain.domain.Shipment;
import org.custodia.supplychain.domain.ShipmentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The V15 shipment tables on the real schema (H2): items, the single receipt, what is in transit, returns. */
@Tag("LIFE-1")
class JdbcShipmentsTest {

  private static final String PALLET = "urn:epc:id:sscc:9506000.0000000111";
  private static final String U1 = "urn:epc:id:sgtin:9506000.013435.S1";
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;
  private JdbcShipments store;

  @BeforeEach
  void database() {
    store = new JdbcShipments(TestDatabases.migrated(dir));
  }

  private long ship() {
    return store.create(new Shipment(0, ShipmentStatus.IN_TRANSIT, "PO-1", null, "9506000000015", "9506000000015",
        "9506000000022", "9506000000022", T, "supply", "urn:uuid:s", null, null,
        List.of(new ExpectedItem(PALLET, null, null, null, null, true),
            new ExpectedItem(U1, "09506000134352", "S1", "L1", PALLET, false)), List.of()));
  }

  @Test
  void aShipmentKeepsItsItemsAndIsInTransitUntilReceivedOnce() {
    long id = ship();

    Shipment s = store.find(id).orElseThrow();
    assertEquals(ShipmentStatus.IN_TRANSIT, s.status());
    assertEquals(List.of(PALLET), s.named().stream().map(ExpectedItem::epc).toList());
    assertEquals(PALLET, s.items().get(1).parentEpc());
    assertEquals(id, store.inTransit(List.of(U1, "urn:other")).get(U1));
    assertTrue(store.receivedBy(List.of(U1), "9506000000022").isEmpty());

    List<ReceiptLine> lines = List.of(new ReceiptLine(PALLET, Outcome.RECEIVED, 0, null),
        new ReceiptLine(U1, Outcome.SHORTAGE, 0, 7L));
    assertTrue(store.receive(id, ShipmentStatus.RECEIVED_WITH_DISCREPANCIES, lines, T.plusHours(1), "supply",
        "urn:uuid:r", null));
    assertFalse(store.receive(id, ShipmentStatus.RECEIVED, List.of(), T.plusHours(2), "supply", "urn:uuid:r2", null));

    Shipment r = store.find(id).orElseThrow();
    assertEquals(ShipmentStatus.RECEIVED_WITH_DISCREPANCIES, r.status());
    assertEquals(lines, r.receipt());
    assertTrue(store.inTransit(List.of(U1)).isEmpty());
    assertEquals(T.plusHours(1).toInstant(), store.receivedBy(List.of(U1), "9506000000022").get(U1).toInstant());
    assertTrue(store.receivedBy(List.of(U1), "9506000000039").isEmpty());
    assertEquals(1, store.list(ShipmentStatus.RECEIVED_WITH_DISCREPANCIES, 10).size());
    assertTrue(store.list(ShipmentStatus.IN_TRANSIT, 10).isEmpty());
  }

  @Test
  void aReturnIsFoundByItsItemsAndParty() {
    long id = store.createReturn(new ReturnRecord(0, "9506000000022", "9506000000022", "9506000000015",
        "9506000000015", "broken seal", false, "urn:uuid:x", T, "supply", List.of(U1, U1)));

    assertTrue(id > 0);
    assertEquals(T.toInstant(), store.returnedFrom(List.of(U1), "9506000000022").get(U1).toInstant());
    assertTrue(store.returnedFrom(List.of(U1), "9506000000039").isEmpty());
  }
}

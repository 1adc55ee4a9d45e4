package org.custodia.line.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.line.domain.Market;
import org.custodia.line.domain.WorkOrderException;
import org.custodia.platform.FakeTransaction;
import org.custodia.serialization.application.Commissioning;
import org.custodia.serialization.application.PoolSpec;
import org.custodia.serialization.application.PoolView;
import org.custodia.serialization.application.SerializationService;
import org.custodia.serialization.domain.CommissionOrder;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which serial pool a released work order draws from (LINE-2, MKT-1). */
@Tag("LINE-2")
@Tag("MKT-1")
class SerializationSerialSupplyTest {

  static final Gtin GTIN = Gtin.of("09506000134352");

  /** The serialization service's pool list and creation, in memory. */
  static final class Pools extends SerializationService {
    final List<PoolView> pools = new ArrayList<>();
    final List<PoolSpec> created = new ArrayList<>();

    @Override
    public List<PoolView> listPools() {
      return pools;
    }

    @Override
    public PoolView createPool(PoolSpec spec) {
      created.add(spec);
      return pool(100 + created.size(), spec.gtin().value(), spec.charset().name(), spec.length(), spec.order().name(),
          1_000_000, 0, String.join(",", spec.markets()), "ACTIVE");
    }

    static PoolView pool(long id, String gtin, String charset, int length, String order, long capacity, long issued,
        String markets, String status) {
      return new PoolView(id, gtin, charset, length, order, null, capacity, issued, BigDecimal.ZERO, markets, status,
          null, "qa");
    }
  }

  final Pools service = new Pools();
  final SerializationSerialSupply supply = supply(service);

  static SerializationSerialSupply supply(SerializationService s) {
    SerializationSerialSupply x = new SerializationSerialSupply();
    x.serialization = s;
    return x;
  }

  @Test
  void usesAnActivePoolOfTheGtinCoveringEveryMarketWithTheQuantityLeft() {
    // given
    service.pools.add(Pools.pool(1, "09506000134369", "NUMERIC", 12, "RANDOM", 1000, 0, "EU,US", "ACTIVE"));
    service.pools.add(Pools.pool(2, GTIN.value(), "NUMERIC", 12, "RANDOM", 1000, 0, "US", "ACTIVE"));
    service.pools.add(Pools.pool(3, GTIN.value(), "NUMERIC", 12, "RANDOM", 1000, 0, "EU,US", "CLOSED"));
    service.pools.add(Pools.pool(4, GTIN.value(), "NUMERIC", 12, "RANDOM", 1000, 990, "EU,US", "ACTIVE"));
    service.pools.add(Pools.pool(5, GTIN.value(), "NUMERIC", 12, "RANDOM", 1000, 900, "EU,IN,US", "ACTIVE"));

    // when / then
    assertEquals(5, supply.poolFor(GTIN, List.of(Market.US, Market.EU), 100, "WO-1"));
    assertEquals(2, supply.poolFor(GTIN, List.of(Market.US), 100, "WO-1"));
    assertEquals(0, service.created.size());
  }

  @Test
  void createsARandomPoolForTheMarketsShapedLikeTheGtinsRandomPools() {
    // given a random CSET82 pool for the US only
    service.pools.add(Pools.pool(2, GTIN.value(), "CSET82", 16, "RANDOM", 1000, 0, "US", "ACTIVE"));

    // when
    long id = supply.poolFor(GTIN, List.of(Market.US, Market.EU), 100, "WO-1");

    // then
    assertEquals(101, id);
    PoolSpec spec = service.created.get(0);
    assertEquals(SerialCharset.CSET82, spec.charset());
    assertEquals(16, spec.length());
    assertEquals(SerialOrder.RANDOM, spec.order());
    assertEquals(List.of("US", "EU"), spec.markets());
    assertEquals(null, spec.capacity());
  }

  @Test
  void createsTwelveNumericRandomDigitsForAGtinWithoutPools() {
    supply.poolFor(GTIN, List.of(Market.EU), 100, "WO-1");
    PoolSpec spec = service.created.get(0);
    assertEquals(SerialCharset.NUMERIC, spec.charset());
    assertEquals(12, spec.length());
    assertEquals(SerialOrder.RANDOM, spec.order());
  }

  @Test
  void refusesAGtinWithImportedSerialsThatDoNotCoverTheOrder() {
    service.pools.add(Pools.pool(7, GTIN.value(), "CSET82", 20, "IMPORTED", 50, 0, "EU", "ACTIVE"));
    WorkOrderException e = assertThrows(WorkOrderException.class,
        () -> supply.poolFor(GTIN, List.of(Market.EU), 100, "WO-1"));
    assertEquals("no-serials", e.code());
    assertEquals("gtin", e.field());
    assertEquals(7, supply.poolFor(GTIN, List.of(Market.EU), 50, "WO-2"));
  }

  /** The serialization service's commissioning, recorded. */
  static final class Commissions extends SerializationService {
    final List<List<CommissionOrder>> calls = new ArrayList<>();

    @Override
    public Commissioning commission(CommissionOrder order) {
      calls.add(List.of(order));
      return new Commissioning("urn:uuid:1", List.of());
    }

    @Override
    public List<Commissioning> commissionAll(List<CommissionOrder> orders) {
      calls.add(List.copyOf(orders));
      return List.of();
    }
  }

  static final LotNumber LOT = new LotNumber("L1");
  static final ExpiryDate EXPIRY = new ExpiryDate("281231");

  static List<String> serials(CommissionOrder o) {
    return o.serials().stream().map(SerialNumber::value).toList();
  }

  final Commissions commissions = new Commissions();
  final SerializationSerialSupply held = supply(commissions);
  final FakeTransaction tx = new FakeTransaction();

  /** Unit {@code serial} of work order {@code workOrder} on {@code line}, verified good in the transaction. */
  void verified(String serial, String line, String workOrder) {
    held.registry = tx;
    held.commission(GTIN, LOT, EXPIRY, serial, line, workOrder);
  }

  @Test
  @Tag("SER-5")
  @Tag("LINE-3")
  void holdsATransactionsUnitsAndCommissionsThemInOneCallOneOrderPerWorkOrder() {
    // given a transaction in which two lines verify units of their work orders
    verified("000000000001", "line-1", "WO-1");
    verified("000000000101", "line-2", "WO-2");
    verified("000000000002", "line-1", "WO-1");

    // then nothing is commissioned until the caller asks
    assertEquals(List.of(), commissions.calls);

    // when
    held.commissionPending();

    // then one call, an order per work order with its serials in the order verified
    assertEquals(1, commissions.calls.size());
    List<CommissionOrder> orders = commissions.calls.get(0);
    assertEquals(List.of("WO-1", "WO-2"), orders.stream().map(CommissionOrder::workOrder).toList());
    assertEquals(List.of("line-1", "line-2"), orders.stream().map(CommissionOrder::line).toList());
    assertEquals(List.of("000000000001", "000000000002"), serials(orders.get(0)));
    assertEquals(List.of("000000000101"), serials(orders.get(1)));
    assertEquals(LOT, orders.get(0).lot());
    assertEquals(EXPIRY, orders.get(0).expiry());

    // and asking again commissions nothing twice; the transaction commits
    held.commissionPending();
    assertEquals(1, commissions.calls.size());
    tx.commit();
    assertFalse(tx.rollbackOnly);
    assertEquals(Status.STATUS_COMMITTED, tx.status);
  }

  @Test
  @Tag("SER-5")
  @Tag("LINE-3")
  void aTransactionThatWouldEndWithUnitsNotCommissionedIsRolledBack() {
    // given a unit verified and held
    verified("000000000001", "line-1", "WO-1");

    // when the transaction ends without commissionPending
    tx.commit();

    // then it rolled back: the unit's good status is not committed without its commissioning
    assertTrue(tx.rollbackOnly);
    assertEquals(Status.STATUS_ROLLEDBACK, tx.status);
    assertEquals(List.of(), commissions.calls);
  }

  @Test
  @Tag("SER-5")
  void withoutATransactionEachUnitIsCommissionedAtOnce() {
    tx.status = Status.STATUS_NO_TRANSACTION;

    verified("000000000001", "line-1", "WO-1");

    assertEquals(1, commissions.calls.size());
    assertEquals(List.of("000000000001"), serials(commissions.calls.get(0).get(0)));
    held.commissionPending();
    assertEquals(1, commissions.calls.size());
  }
}

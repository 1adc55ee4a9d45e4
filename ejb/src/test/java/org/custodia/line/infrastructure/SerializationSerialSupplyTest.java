package org.custodia.line.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.custodia.gs1.Gtin;
import org.custodia.line.domain.Market;
import org.custodia.line.domain.WorkOrderException;
import org.custodia.serialization.application.PoolSpec;
import org.custodia.serialization.application.PoolView;
import org.custodia.serialization.application.SerializationService;
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
}

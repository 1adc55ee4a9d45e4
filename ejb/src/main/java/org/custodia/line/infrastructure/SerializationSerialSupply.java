package org.custodia.line.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.line.application.SerialSupply;
import org.custodia.line.domain.Market;
import org.custodia.line.domain.WorkOrderException;
import org.custodia.serialization.application.PoolSpec;
import org.custodia.serialization.application.PoolView;
import org.custodia.serialization.application.SerializationService;
import org.custodia.serialization.domain.CommissionOrder;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialOrder;

/**
 * The line's serial supply through the serialization feature's application service, in the caller's
 * transaction and under the caller's identity.
 *
 * <p>Pool choice at release: the first ACTIVE pool of the GTIN whose markets include every target market
 * of the order and which has the order's quantity left (a pool made for the EU passed the FMD guessing
 * probability rule when it was created); otherwise a new generated pool for the order's markets — random
 * serials, with the charset and length of the GTIN's existing random pools or else 12 numeric digits,
 * capacity as serialization sets it by default (for EU markets the largest that keeps the guessing
 * probability below 1 in 10,000). A GTIN that uses imported serials gets no new pool: its import must cover
 * the order, or the release is refused.
 */
@ApplicationScoped
public class SerializationSerialSupply implements SerialSupply {

  static final int DEFAULT_LENGTH = 12;

  @Inject SerializationService serialization;

  @Override
  public long poolFor(Gtin gtin, List<Market> markets, int quantity, String workOrder) {
    List<PoolView> pools = serialization.listPools().stream().filter(p -> p.gtin().equals(gtin.value())).toList();
    for (PoolView p : pools) {
      if ("ACTIVE".equals(p.status()) && covers(p.markets(), markets) && p.capacity() - p.issued() >= quantity) {
        return p.id();
      }
    }
    if (pools.stream().anyMatch(p -> SerialOrder.IMPORTED.name().equals(p.order()))) {
      throw WorkOrderException.conflict("no-serials", "gtin", gtin.value(), "GTIN " + gtin.value()
          + " uses imported serials, and no import pool for markets " + markets + " has " + quantity + " left");
    }
    PoolView like = pools.stream().filter(p -> SerialOrder.RANDOM.name().equals(p.order())).findFirst().orElse(null);
    PoolSpec spec = new PoolSpec(gtin, like == null ? SerialCharset.NUMERIC : SerialCharset.valueOf(like.charset()),
        like == null ? DEFAULT_LENGTH : like.length(), SerialOrder.RANDOM, null,
        markets.stream().map(Enum::name).toList());
    return serialization.createPool(spec).id();
  }

  private static boolean covers(String poolMarkets, List<Market> markets) {
    Set<String> have = new HashSet<>(Arrays.asList((poolMarkets == null ? "" : poolMarkets).split(",")));
    return markets.stream().allMatch(m -> have.contains(m.name()));
  }

  @Override
  public List<String> allocate(long poolId, int count, String purpose) {
    return serialization.allocate(poolId, count, purpose).serials();
  }

  @Override
  public void commission(Gtin gtin, LotNumber lot, ExpiryDate expiry, String serial, String line, String workOrder) {
    serialization.commission(new CommissionOrder(gtin, lot, expiry, List.of(new SerialNumber(serial)), null, null,
        line, workOrder));
  }

  @Override
  public void markUnused(Gtin gtin, List<String> serials, String reason) {
    serialization.markUnused(gtin, serials.stream().map(SerialNumber::new).toList(), reason);
  }
}

package org.custodia.line.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.line.application.SerialSupply;
import org.custodia.line.domain.Market;
import org.custodia.line.domain.WorkOrderException;
import org.custodia.platform.PerTransaction;
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

  private static final Logger LOG = Logger.getLogger(SerializationSerialSupply.class.getName());

  /** The key of the transaction's held units in the registry's resources. */
  private static final Object PENDING = new Object();

  @Inject SerializationService serialization;
  @Resource TransactionSynchronizationRegistry registry;

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

  /**
   * Holds the unit until {@link #commissionPending} in the caller's transaction (at once without one). Should
   * the transaction reach its end with units still held, it is marked for rollback: a unit the line recorded
   * as good is never committed without its commissioning.
   */
  @Override
  public void commission(Gtin gtin, LotNumber lot, ExpiryDate expiry, String serial, String line, String workOrder) {
    Map<Batch, List<SerialNumber>> pending = registry == null ? null
        : PerTransaction.collection(registry, PENDING, LinkedHashMap::new, this::refuseHeld, held -> { });
    if (pending == null) {
      serialization.commission(new CommissionOrder(gtin, lot, expiry, List.of(new SerialNumber(serial)), null, null,
          line, workOrder));
    } else {
      pending.computeIfAbsent(new Batch(gtin, lot, expiry, line, workOrder), b -> new ArrayList<>())
          .add(new SerialNumber(serial));
    }
  }

  /**
   * Commissions the units held in the caller's transaction in one call of the serialization service (one
   * commissioning event per work order), so that the checks and look-ups run once for them all.
   */
  @Override
  public void commissionPending() {
    @SuppressWarnings("unchecked")
    Map<Batch, List<SerialNumber>> pending = registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE
        ? null : (Map<Batch, List<SerialNumber>>) registry.getResource(PENDING);
    if (pending == null || pending.isEmpty()) {
      return;
    }
    List<CommissionOrder> orders = new ArrayList<>(pending.size());
    pending.forEach((b, serials) -> orders.add(
        new CommissionOrder(b.gtin(), b.lot(), b.expiry(), serials, null, null, b.line(), b.workOrder())));
    pending.clear();
    serialization.commissionAll(orders);
  }

  private void refuseHeld(Map<Batch, List<SerialNumber>> held) {
    if (!held.isEmpty()) {
      int units = held.values().stream().mapToInt(List::size).sum();
      LOG.severe(() -> units + " verified unit(s) reached the end of their transaction without being commissioned ("
          + held.keySet() + "); the transaction is rolled back");
      registry.setRollbackOnly();
    }
  }

  /** The units of one work order held in a transaction. */
  private record Batch(Gtin gtin, LotNumber lot, ExpiryDate expiry, String line, String workOrder) {}

  @Override
  public void markUnused(Gtin gtin, List<String> serials, String reason) {
    serialization.markUnused(gtin, serials.stream().map(SerialNumber::new).toList(), reason);
  }
}

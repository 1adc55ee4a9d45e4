package org.custodia.line.application;

import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.line.domain.Market;

/**
 * What the line feature needs of the serialization feature, through its application service: a pool for
 * a work order, serials in blocks, commissioning of a good unit (which sends the EPCIS event in the same
 * transaction), and unused marks for serials never printed.
 */
public interface SerialSupply {

  /**
   * The serial pool a work order draws from: an active pool of the GTIN whose markets include all of the
   * order's and which has {@code quantity} serials left, or a new one made for these markets (randomised
   * where a market requires it).
   */
  long poolFor(Gtin gtin, List<Market> markets, int quantity, String workOrder);

  /** The next {@code count} serials of the pool. */
  List<String> allocate(long poolId, int count, String purpose);

  /**
   * Commissions one verified unit in the caller's transaction. An implementation may hold the unit until
   * {@link #commissionPending} (to commission the units of one transaction together); the caller runs that
   * before its transaction ends and before anything in it reads the units' commissioning.
   */
  void commission(Gtin gtin, LotNumber lot, ExpiryDate expiry, String serial, String line, String workOrder);

  /** Commissions the units {@link #commission} still holds in the caller's transaction, all or none. */
  default void commissionPending() {}

  /** Marks serials that were never printed unused, with a reason; they are never issued again. */
  void markUnused(Gtin gtin, List<String> serials, String reason);
}

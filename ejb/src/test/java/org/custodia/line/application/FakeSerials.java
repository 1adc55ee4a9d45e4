package org.custodia.line.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.line.domain.Market;

/**
 * The serialization feature as the line sees it, in memory: numbered serials, one pool, commissioning that
 * refuses a serial twice (as the real one does), unused marks.
 */
class FakeSerials implements SerialSupply {

  final List<Integer> draws = new ArrayList<>();
  final List<String> commissioned = new ArrayList<>();
  final Set<String> unused = new HashSet<>();
  /** Units held for {@link #commissionPending} when {@link #defer} is set, as the real supply holds a transaction's. */
  final List<String> held = new ArrayList<>();
  boolean defer;
  final List<String> unusedReasons = new ArrayList<>();
  int pools;
  private long next = 1;

  @Override
  public long poolFor(Gtin gtin, List<Market> markets, int quantity, String workOrder) {
    pools++;
    return 42;
  }

  @Override
  public List<String> allocate(long poolId, int count, String purpose) {
    draws.add(count);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(String.format("%012d", next++));
    }
    return out;
  }

  @Override
  public void commission(Gtin gtin, LotNumber lot, ExpiryDate expiry, String serial, String line, String workOrder) {
    if (commissioned.contains(serial) || held.contains(serial) || unused.contains(serial)) {
      throw new IllegalStateException("serial " + serial + " commissioned twice or unused");
    }
    (defer ? held : commissioned).add(serial);
  }

  @Override
  public void commissionPending() {
    commissioned.addAll(held);
    held.clear();
  }

  @Override
  public void markUnused(Gtin gtin, List<String> serials, String reason) {
    unused.addAll(serials);
    unusedReasons.add(reason);
  }
}

package org.custodia.line.domain;

import java.util.Map;

/**
 * The count of a work order's serials by status (LINE-2). It balances when every label sent is accounted
 * for — printed = good + rejected + sampled + destroyed, none still on the way — and every serial drawn is
 * either printed or unused, none left waiting.
 */
public record Reconciliation(
    int allocated, int pending, int inFlight, int good, int rejected, int sampled, int destroyed, int unused) {

  /** From the number of units in each status. */
  public static Reconciliation of(Map<UnitStatus, Integer> counts) {
    int pending = counts.getOrDefault(UnitStatus.ALLOCATED, 0);
    int inFlight = counts.getOrDefault(UnitStatus.PRINTED, 0);
    int good = counts.getOrDefault(UnitStatus.GOOD, 0);
    int rejected = counts.getOrDefault(UnitStatus.REJECTED, 0);
    int sampled = counts.getOrDefault(UnitStatus.SAMPLED, 0);
    int destroyed = counts.getOrDefault(UnitStatus.DESTROYED, 0);
    int unused = counts.getOrDefault(UnitStatus.UNUSED, 0);
    int allocated = pending + inFlight + good + rejected + sampled + destroyed + unused;
    return new Reconciliation(allocated, pending, inFlight, good, rejected, sampled, destroyed, unused);
  }

  /** Labels sent to the printer: every unit past ALLOCATED that was not returned unused. */
  public int printed() {
    return inFlight + good + rejected + sampled + destroyed;
  }

  /** True when printed = good + rejected + sampled + destroyed and allocated = printed + unused. */
  public boolean balanced() {
    return pending == 0 && inFlight == 0 && printed() == good + rejected + sampled + destroyed
        && allocated == printed() + unused;
  }
}

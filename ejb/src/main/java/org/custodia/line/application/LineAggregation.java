package org.custodia.line.application;

import java.time.Instant;
import java.util.List;

/**
 * The aggregation feature as the line sees it (AGG-1, AGG-3): SSCCs for the case packer's and the pallet
 * station's label printers, and the cases and pallets those stations report closed. Calls run in the
 * caller's transaction; what {@link #packed} accepts is recorded with its AggregationEvent in that
 * transaction.
 */
public interface LineAggregation {

  /** The packaging levels the line's stations close. */
  enum Level {
    CASE,
    PALLET
  }

  /**
   * A station's report judged.
   *
   * @param accepted whether the case or pallet was recorded
   * @param parentSscc the SSCC of the case or pallet (18 digits), null when unreadable
   * @param children how many children were recorded
   * @param reason when refused: a code and a sentence naming the child and the rule (AGG-3)
   */
  record Packed(boolean accepted, String parentSscc, int children, String reason) {}

  /**
   * Allocates {@code count} SSCCs from the SSCC pool for the stations of a work order, in the caller's
   * transaction, and returns them as 18-digit SSCCs in the order they will be printed.
   */
  List<String> allocateSsccs(long workOrderId, Level level, int count);

  /**
   * A station closed a case (children: the units' element strings as the station scanned them) or a
   * pallet (children: the cases' SSCC element strings). Checks AGG-3 — every child known, active and of
   * the order's lot (units), without a parent, no cycle, the count equal to {@code configuredCount} unless
   * {@code partial} — and records it with an AggregationEvent (ADD) or refuses it whole.
   */
  Packed packed(String line, long workOrderId, Level level, String parentCode, List<String> childCodes,
      int configuredCount, boolean partial, Instant at);

  /** How many cases or pallets of the work order are recorded. */
  int count(long workOrderId, Level level);
}

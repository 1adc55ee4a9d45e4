package org.custodia.supplychain.domain;

import java.util.Set;

/**
 * The CBV 2.0 vocabulary of handoffs and which current states may be shipped.
 *
 * <ul>
 *   <li>Shipping: ObjectEvent OBSERVE, bizStep {@code shipping}, disposition {@code in_transit}.
 *   <li>Receiving: ObjectEvent OBSERVE, bizStep {@code receiving}, disposition {@code in_progress}; what
 *       arrived damaged {@code damaged}. Ownership: TransactionEvent ADD against the purchase order.
 *   <li>Return: ObjectEvent OBSERVE, bizStep {@code receiving} at the party taking it back, against a
 *       return authorization ({@code rma}); disposition {@code returned} when saleable (CBV: sent back,
 *       may go on again), {@code non_sellable_other} when not.
 * </ul>
 */
public final class Dispositions {

  /** States from which an object may be shipped. */
  public static final Set<String> SHIPPABLE = Set.of("active", "in_progress", "returned", "sellable_accessible",
      "sellable_not_accessible", "conformant", "container_closed", "unknown");

  private Dispositions() {}

  /** Whether an object in {@code status} may be shipped ({@code null}: never given a disposition). */
  public static boolean shippable(String status) {
    return status == null || SHIPPABLE.contains(status);
  }
}

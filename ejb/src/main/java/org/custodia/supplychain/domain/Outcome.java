package org.custodia.supplychain.domain;

/**
 * What receiving found for one object: received as expected, or a discrepancy — more than shipped
 * (overage), missing (shortage), a unit of a GTIN or lot the shipment does not carry (wrong item), or
 * arrived damaged.
 */
public enum Outcome {
  RECEIVED,
  OVERAGE,
  SHORTAGE,
  WRONG_ITEM,
  DAMAGED;

  /** Whether this outcome is a discrepancy that raises a supply exception. */
  public boolean discrepancy() {
    return this != RECEIVED;
  }
}

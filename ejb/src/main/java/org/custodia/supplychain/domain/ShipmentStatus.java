package org.custodia.supplychain.domain;

/** Where a shipment stands: on its way, or received (with or without discrepancies). */
public enum ShipmentStatus {
  IN_TRANSIT,
  RECEIVED,
  RECEIVED_WITH_DISCREPANCIES
}

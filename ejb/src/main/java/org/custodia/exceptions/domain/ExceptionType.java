package org.custodia.exceptions.domain;

/**
 * What kind of supply-chain exception a record is: the kinds of EXC-1 and the verification anomalies of
 * VER-3. Features raising an exception pick the closest one; the detail text says the rest.
 */
public enum ExceptionType {
  /** A unit that was never commissioned was presented for verification (VER-1, VER-3). */
  SUSPECT_PRODUCT,
  /** The same serial verified at places or times that cannot both be true (VER-3). */
  VERIFICATION_CONFLICT,
  /** One requester failed verification repeatedly within a short window (VER-3). */
  REPEATED_VERIFICATION_FAILURE,
  /** A decommissioned unit (dispensed, destroyed, stolen...) was presented for verification (VER-3). */
  DECOMMISSIONED_UNIT_VERIFIED,
  /** Any other failed verification worth following up. */
  VERIFICATION_FAILURE,
  /**
   * A unit in a recall's scope that was already dispensed, sold or exported: it cannot be quarantined and
   * must be followed up where it went (RCL-3).
   */
  RECALLED_UNIT_OUT_OF_REACH,
  DAMAGED_OR_UNREADABLE_CODE,
  DUPLICATE_SERIAL,
  AGGREGATION_ERROR,
  SHIPMENT_DISCREPANCY,
  /** Receiving found more of what a shipment carries than was shipped (LIFE-1). */
  SHIPMENT_OVERAGE,
  /** Receiving missed something a shipment carries (LIFE-1). */
  SHIPMENT_SHORTAGE,
  /** Receiving found a unit of a GTIN or lot that the shipment does not carry (LIFE-1). */
  SHIPMENT_WRONG_ITEM,
  /** Something a shipment carries arrived damaged (LIFE-1). */
  SHIPMENT_DAMAGED,
  SUBMISSION_REJECTION,
  SENSOR_EXCURSION,
  INTEGRATION_FAILURE
}

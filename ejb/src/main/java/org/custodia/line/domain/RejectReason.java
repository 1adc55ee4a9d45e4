package org.custodia.line.domain;

/** Why a unit was rejected (LINE-3), as reject stations and reports name it. */
public enum RejectReason {
  /** The camera could not decode a GS1 element string. */
  UNREADABLE,
  /** The code was read but its print quality grade is below C. */
  LOW_GRADE,
  /** The code belongs to another unit of the work order, not read before (out of sequence). */
  WRONG_CODE,
  /** The code was read before: a second pack carries it. */
  DUPLICATE,
  /** The code is not one of the work order's (another product, lot, expiry or serial). */
  FOREIGN_CODE,
  /** A read the work order did not expect (no label sent for it, or already decided); the pack is removed. */
  NOT_EXPECTED
}

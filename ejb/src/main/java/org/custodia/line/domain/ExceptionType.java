package org.custodia.line.domain;

/** Kinds of line exception (EXC-1) and whether one stops the line until QA resolves it. */
public enum ExceptionType {
  /** A code read twice: two packs carry one serial. */
  DUPLICATE_CODE(false),
  /** A code that is not the work order's. */
  FOREIGN_CODE(false),
  /** A camera read no label was sent for, or for a unit already judged. */
  UNEXPECTED_READ(false),
  /** The reject station did not confirm a reject in time (LINE-3). */
  REJECT_NOT_CONFIRMED(true),
  /** The line reported a fault. */
  LINE_FAULT(true),
  /**
   * A unit whose label was sent was never read by the camera, though later units were: its label may never
   * have been printed (a crash between commit and print) or the pack left the line unseen. Not commissioned.
   */
  MISSED_READ(false),
  /** A case or pallet the line closed was refused by the aggregation rules (AGG-3). */
  AGGREGATION_REFUSED(false);

  private final boolean stopsLine;

  ExceptionType(boolean stopsLine) {
    this.stopsLine = stopsLine;
  }

  public boolean stopsLine() {
    return stopsLine;
  }
}

package org.custodia.line.domain;

/**
 * The life cycle of a work order: CREATED → RELEASED (by QA) → RUNNING ⇄ PAUSED → CLOSED, and
 * STOPPED_BY_EXCEPTION when the line was stopped for an exception (a reject not confirmed in time, a line
 * fault); from there it resumes once the exception is resolved, or closes.
 */
public enum WorkOrderStatus {
  CREATED,
  RELEASED,
  RUNNING,
  PAUSED,
  STOPPED_BY_EXCEPTION,
  CLOSED;

  /** True while the order is on its line: it owns the line and the camera's reads belong to it. */
  public boolean onLine() {
    return this == RUNNING || this == PAUSED || this == STOPPED_BY_EXCEPTION;
  }
}

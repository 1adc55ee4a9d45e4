package org.custodia.line.application;

import java.time.Instant;

/**
 * What happens on the lines, told after each transaction commits (UI-1): the operator dashboard listens
 * here and pushes it to the browsers. Calls come from the thread that committed, once per committed change;
 * an implementation must return quickly and must not throw (the change is already committed). Nothing is
 * told of work that rolled back.
 */
public interface LineActivity {

  /**
   * The camera's read of one unit and its verdict.
   *
   * @param line the line
   * @param workOrderId the order the unit belongs to (0 when no order was on the line)
   * @param sequence the unit's sequence in the order (0 when unknown)
   * @param serial the unit's serial (null when unknown)
   * @param code what the camera decoded (null when unreadable)
   * @param grade the print grade as reported (null when none)
   * @param outcome {@code GOOD}, or the reject reason code
   * @param readAt when the camera took the image
   */
  record Read(String line, long workOrderId, int sequence, String serial, String code, String grade,
      String outcome, Instant readAt) {}

  /** A unit was read and judged. */
  void read(Read read);

  /** A work order on {@code line} changed status or counts beyond single reads (start, pause, close...). */
  void workOrderChanged(String line, long workOrderId);

  /** A line exception was raised or resolved. */
  void exceptionChanged(String line, long exceptionId);

  /** The line reported a state ({@code RUNNING}, {@code STOPPED}, {@code FAULT}, {@code DISCONNECTED}). */
  void lineState(String line, String state, Instant at);
}

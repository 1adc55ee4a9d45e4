package org.custodia.line.api;

/** The states of a line as the application sees them. */
public enum LineState {
  /** Producing. */
  RUNNING,
  /** Stopped by command. */
  STOPPED,
  /** Stopped by a fault on the line. */
  FAULT,
  /** The adapter has no session with the line's server; what the line does is unknown. */
  DISCONNECTED
}

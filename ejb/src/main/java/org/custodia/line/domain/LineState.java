package org.custodia.line.domain;

/** The state a line reports through its adapter. */
public enum LineState {
  RUNNING,
  STOPPED,
  FAULT,
  /** Not the line's own state: the adapter lost the connection to it (LINE-4). */
  DISCONNECTED
}

package org.custodia.line.domain;

/** The state a line reports through its adapter. */
public enum LineState {
  RUNNING,
  STOPPED,
  FAULT
}

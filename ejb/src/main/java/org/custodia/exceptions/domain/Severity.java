package org.custodia.exceptions.domain;

/** How urgently an exception needs attention. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}

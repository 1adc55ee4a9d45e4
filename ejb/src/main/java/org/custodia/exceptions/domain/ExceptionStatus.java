package org.custodia.exceptions.domain;

/** Where an exception is in its life: open until someone resolves it with a root cause. */
public enum ExceptionStatus {
  OPEN,
  RESOLVED
}

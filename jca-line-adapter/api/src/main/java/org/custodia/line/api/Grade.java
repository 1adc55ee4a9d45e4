package org.custodia.line.api;

/** Print quality grades of a 2D code (ISO/IEC 15415), A best, F fail. */
public enum Grade {
  A,
  B,
  C,
  D,
  F;

  /** Whether the grade passes a minimum grade, e.g. {@code C}. */
  public boolean atLeast(Grade minimum) {
    return ordinal() <= minimum.ordinal();
  }
}

package org.custodia.line.domain;

/** The packaging levels a label is printed for (LBL-3). */
public enum PackagingLevel {
  UNIT,
  CASE,
  PALLET
}

package org.custodia.line.api;

/** The aggregation stations of a line, each with an SSCC label printer and a scanner. */
public enum Station {
  /** Packs units into cases. */
  CASE,
  /** Stacks cases onto pallets. */
  PALLET
}

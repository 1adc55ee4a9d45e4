package org.custodia.aggregation.domain;

/** The packaging levels that carry an SSCC. */
public enum ContainerLevel {
  CASE,
  PALLET;

  /** "case" or "pallet", for messages. */
  public String noun() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

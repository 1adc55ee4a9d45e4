package org.custodia.aggregation.domain;

/**
 * What the site allows beyond the fixed rules: whether every child must be of the work order's product
 * (GTIN) and of its lot (AGG-3 "same-lot (configurable)"), and whether a case or pallet must carry an SSCC
 * allocated from the pool (else a station may close a container with an SSCC it made itself, which is then
 * recorded as it is closed). All hold by default.
 */
public record PackingPolicy(boolean sameProduct, boolean sameLot, boolean pooledSsccsOnly) {

  /** Every check on. */
  public static final PackingPolicy STRICT = new PackingPolicy(true, true, true);

  /**
   * From system properties {@code custodia.aggregation.same-product}, {@code custodia.aggregation.same-lot}
   * and {@code custodia.aggregation.pooled-ssccs-only} (each true unless set to false).
   */
  public static PackingPolicy fromSystemProperties() {
    return new PackingPolicy(flag("custodia.aggregation.same-product"), flag("custodia.aggregation.same-lot"),
        flag("custodia.aggregation.pooled-ssccs-only"));
  }

  private static boolean flag(String name) {
    return !"false".equalsIgnoreCase(System.getProperty(name, "true"));
  }
}

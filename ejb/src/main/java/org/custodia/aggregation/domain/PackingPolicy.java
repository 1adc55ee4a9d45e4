package org.custodia.aggregation.domain;

/**
 * What the site allows beyond the fixed rules: whether every child must be of the work order's product
 * (GTIN) and of its lot. Both hold by default (AGG-3 "same-lot (configurable)").
 */
public record PackingPolicy(boolean sameProduct, boolean sameLot) {

  /** Both checks on. */
  public static final PackingPolicy STRICT = new PackingPolicy(true, true);

  /**
   * From system properties {@code custodia.aggregation.same-product} and {@code custodia.aggregation.same-lot}
   * (default true).
   */
  public static PackingPolicy fromSystemProperties() {
    return new PackingPolicy(flag("custodia.aggregation.same-product"), flag("custodia.aggregation.same-lot"));
  }

  private static boolean flag(String name) {
    return !"false".equalsIgnoreCase(System.getProperty(name, "true"));
  }
}

package org.custodia.aggregation.domain;

/**
 * A child of a report as recorded.
 *
 * <p>A unit: {@code recorded} when commissioned; {@code status} its state in the EPCIS repository's object
 * state (CBV disposition short name, such as {@code active} or {@code destroyed}), null when the repository
 * has not seen it yet; {@code epc} its EPC as commissioned.
 *
 * <p>At a distribution point, a unit another party commissioned is {@code recorded} too when the repository
 * knows it (its events were captured or received here): it repacks what its suppliers made.
 *
 * <p>A container: {@code recorded} when its SSCC was allocated or the container taken over; {@code level};
 * {@code packed} when closed; {@code epc} the EPC its events name it by when taken over, else null.
 *
 * <p>Both: GTIN and lot, and {@code parent}, the SSCC of the container it is in now (null when none).
 */
public record ChildState(ChildId id, boolean recorded, String status, ContainerLevel level, boolean packed,
    String gtin, String lot, String parent, String epc) {

  /** A child nothing is known of. */
  public static ChildState unknown(ChildId id) {
    return new ChildState(id, false, null, null, false, null, null, null, null);
  }

  /** A commissioned unit. */
  public static ChildState unit(ChildId.Unit id, String status, String lot, String parent, String epc) {
    return new ChildState(id, true, status, null, false, id.sgtin().gtin().value(), lot, parent, epc);
  }

  /** A container allocated from the pool. */
  public static ChildState container(ChildId.Container id, ContainerLevel level, boolean packed, String gtin,
      String lot, String parent) {
    return container(id, level, packed, gtin, lot, parent, null);
  }

  /** A container allocated from the pool, or taken over from another party's events under {@code epc}. */
  public static ChildState container(ChildId.Container id, ContainerLevel level, boolean packed, String gtin,
      String lot, String parent, String epc) {
    return new ChildState(id, true, null, level, packed, gtin, lot, parent, epc);
  }

  /** How a message names it. */
  public String describe() {
    return id instanceof ChildId.Container c && level != null ? c.describe(level) : id.describe();
  }
}

package org.custodia.supplychain.domain;

import java.io.Serializable;

/**
 * One object a shipment carries, as it stood when it was shipped: a named item or something inside one.
 *
 * @param epc its EPC as the repository holds it
 * @param gtin the GTIN of a unit, null for a container
 * @param serial the serial of a unit
 * @param lot the lot of a unit
 * @param parentEpc its direct container when shipped, or null
 * @param named true when the shipment request named it (not only its container)
 */
public record ExpectedItem(String epc, String gtin, String serial, String lot, String parentEpc, boolean named)
    implements Serializable {

  /** Whether this is a logistic unit (an SSCC). */
  public boolean container() {
    return isContainer(epc);
  }

  /** Whether {@code epc} names a logistic unit: an SSCC EPC URI or Digital Link. */
  public static boolean isContainer(String epc) {
    return epc.startsWith("urn:epc:id:sscc:") || epc.contains("/00/");
  }
}

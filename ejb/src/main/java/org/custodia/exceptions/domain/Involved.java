package org.custodia.exceptions.domain;

/**
 * The objects an exception is about, each optional: the unit's GTIN, serial and lot, its EPC (URI or
 * Digital Link) and the GLN of the party whose request revealed the problem.
 */
public record Involved(String gtin, String serial, String lot, String epc, String requesterGln) {

  /** Nothing in particular. */
  public static final Involved NONE = new Involved(null, null, null, null, null);

  /** Only an EPC (or nothing, when {@code epc} is null). */
  public static Involved epc(String epc) {
    return new Involved(null, null, null, epc, null);
  }

  public Involved {
    gtin = SupplyExceptionError.fit("gtin", gtin, 14);
    serial = SupplyExceptionError.fit("serial", serial, 20);
    lot = SupplyExceptionError.fit("lot", lot, 20);
    epc = SupplyExceptionError.fit("epc", epc, 400);
    requesterGln = SupplyExceptionError.fit("requesterGln", requesterGln, 13);
  }
}
